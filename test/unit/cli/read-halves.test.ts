// A big input's bytes read on two threads (cli/read-source.ts readInHalves): after the first
// 64 KB, in 1 MB chunks shared out between the first thread and another reader (in the command,
// the worker of part-reader.ts running file-part.ts), each taking the next chunk not taken.
// Whatever that reader does, the bytes are the file's: read by it, or again by the first thread
// when it fails (after writing rubbish), reads short, starts late, or the file changes meanwhile;
// a file that is not regular, or too large, is not given to it at all.
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFilePart, takeChunk, type FilePart, type FilePartReader } from '../../../src/cli/file-part';
import { readSource } from '../../../src/cli/read-source';

const dir = mkdtempSync(path.join(tmpdir(), 'subledger-halves-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'ledger,party_id,entry_type,doc_no,entry_date,amount\n';

/** A CSV of about 4 MB (several chunks) whose second half differs from its first (other parties, other amounts). */
function writeLedger(name: string): { file: string; bytes: Buffer } {
  const lines = [HEADER];
  for (let i = 0; i < 100_000; i++) lines.push(i < 50_000 ? `AR,D${i % 97},invoice,F${i},2024-03-01,${i}.10\n` : `AP,C${i % 89},invoice,B${i},2024-09-30,-${i}.95\n`);
  const file = path.join(dir, name);
  writeFileSync(file, lines.join(''));
  return { file, bytes: readFileSync(file) };
}

/** A reader doing what the worker does, on this thread; `then` decides what it answers. */
function reader(then: (part: FilePart, read: number) => number | null = (_, read) => read): FilePartReader & { asked: FilePart[] } {
  const asked: FilePart[] = [];
  return {
    asked,
    readPart(part) {
      asked.push(part);
      return Promise.resolve(then(part, readFilePart(part)));
    },
  };
}

function isShared(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof SharedArrayBuffer;
}

describe('readSource with a second reader', () => {
  it('has the bytes after the first 64 KB read by it and this thread: the file bytes, on a shared buffer', async () => {
    const { file, bytes } = writeLedger('halves.csv');
    const second = reader();
    const read = await readSource(file, undefined, second);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(isShared(read.bytes)).toBe(true);
    expect(second.asked.map((p) => [p.from, p.to])).toEqual([[64 * 1024, bytes.length]]);
  });

  it('reads what is left when the reader starts late', async () => {
    const { file, bytes } = writeLedger('late.csv');
    const late: FilePartReader = {
      readPart: (part) => new Promise((resolve) => setTimeout(() => resolve(readFilePart(part)), 5)),
    };
    const read = await readSource(file, undefined, late);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  });

  it('reads again the chunk a failing reader took, after it wrote rubbish there', async () => {
    const { file, bytes } = writeLedger('took.csv');
    const taking: FilePartReader = {
      readPart(part) {
        const taken = takeChunk(part) as { from: number; to: number };
        part.bytes.fill(0x41, taken.from, taken.to);
        return new Promise((resolve) => setTimeout(() => resolve(null), 5));
      },
    };
    const read = await readSource(file, undefined, taking);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  });

  it('reads all itself when the reader fails after reading all, even after it wrote rubbish there', async () => {
    const { file, bytes } = writeLedger('failed.csv');
    const second = reader((part) => {
      part.bytes.fill(0x41, part.from, part.to);
      return null;
    });
    const read = await readSource(file, undefined, second);
    expect(second.asked).toHaveLength(1);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  });

  it('reads the whole file again on one thread when the reader read less than it took', async () => {
    const { file, bytes } = writeLedger('short.csv');
    const second = reader((_, read) => read - 1);
    const read = await readSource(file, undefined, second);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  });

  it('reads the file as it is now when it grows while read', async () => {
    const { file } = writeLedger('grows.csv');
    const second = reader();
    const grows: FilePartReader = {
      readPart(part) {
        appendFileSync(file, 'AR,D1,invoice,LATE,2024-12-31,1.00\n');
        return second.readPart(part);
      },
    };
    const read = await readSource(file, undefined, grows);
    const now = readFileSync(file);
    expect(read.bytes.length).toBe(now.length);
    expect(Buffer.from(read.bytes).equals(now)).toBe(true);
    expect(Buffer.from(read.bytes).toString('latin1').endsWith('LATE,2024-12-31,1.00\n')).toBe(true);
  });

  it('reads the file as it is now when it was replaced under its name (the reader reads nothing of another file)', async () => {
    const { file, bytes } = writeLedger('replaced.csv');
    const { file: other } = writeLedger('other.csv');
    appendFileSync(other, 'AR,D2,invoice,OTHER,2024-12-31,2.00\n');
    const second = reader();
    const replaces: FilePartReader = {
      readPart(part) {
        renameSync(other, file);
        return second.readPart(part);
      },
    };
    const read = await readSource(file, undefined, replaces);
    // The first thread's handle still reads the file it opened: all of it, on one thread.
    expect(second.asked).toHaveLength(1);
    expect(readFilePart({ ...(second.asked[0] as FilePart) })).toBe(0);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(bytes.length);
  });

  it('refuses a file past the limit before asking the reader for anything', async () => {
    const { file } = writeLedger('large.csv');
    const second = reader();
    await expect(readSource(file, 100_000, second)).rejects.toThrow(/large\.csv.*--max-input-size/s);
    expect(second.asked).toHaveLength(0);
  });

  it.skipIf(process.platform === 'win32')('reads a FIFO on one thread: the reader is not asked', async () => {
    const { bytes } = writeLedger('source.csv');
    const fifo = path.join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat "${path.join(dir, 'source.csv')}" > "${fifo}"`]);
    const written = new Promise((resolve) => writer.on('exit', resolve));
    const second = reader();
    const read = await readSource(fifo, undefined, second);
    await written;
    expect(second.asked).toHaveLength(0);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  });
});
