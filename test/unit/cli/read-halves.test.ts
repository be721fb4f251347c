// A big input's bytes read on two threads (cli/read-source.ts readInHalves): the second half by
// another reader (in the command, the worker of part-reader.ts running file-part.ts) while the
// first thread reads the first. Whatever that reader does, the bytes are the file's: read by it,
// or again by the first thread when it fails, writes rubbish and fails, reads short, or the file
// changes size meanwhile; a file that is not regular, or too large, is not given to it at all.
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFilePart, type FilePart, type FilePartReader } from '../../../src/cli/file-part';
import { readSource } from '../../../src/cli/read-source';

const dir = mkdtempSync(path.join(tmpdir(), 'subledger-halves-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'ledger,party_id,entry_type,doc_no,entry_date,amount\n';

/** A CSV of about 400 KB whose second half differs from its first (other parties, other amounts). */
function writeLedger(name: string): { file: string; bytes: Buffer } {
  const lines = [HEADER];
  for (let i = 0; i < 10_000; i++) lines.push(i < 5000 ? `AR,D${i % 97},invoice,F${i},2024-03-01,${i}.10\n` : `AP,C${i % 89},invoice,B${i},2024-09-30,-${i}.95\n`);
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
  it('has the second half read by it, the first here: the file bytes, on a shared buffer', async () => {
    const { file, bytes } = writeLedger('halves.csv');
    const second = reader();
    const read = await readSource(file, undefined, second);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(isShared(read.bytes)).toBe(true);
    expect(second.asked.map((p) => [p.from, p.to])).toEqual([[bytes.length >> 1, bytes.length]]);
  });

  it('reads the second half itself when the reader fails, even after it wrote rubbish there', async () => {
    const { file, bytes } = writeLedger('failed.csv');
    const second = reader((part) => {
      part.bytes.fill(0x41, part.from, part.to);
      return null;
    });
    const read = await readSource(file, undefined, second);
    expect(second.asked).toHaveLength(1);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  });

  it('reads the whole file again on one thread when the reader read less than its half', async () => {
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
