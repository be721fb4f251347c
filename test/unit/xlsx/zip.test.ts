// The zip writer of the .xlsx: what goes in comes back out (read with the importer's zip reader and
// with `unzip -t` where installed), with the CRC-32 and sizes a zip tool checks, computed here by
// node:zlib over Buffer.from(text), not by the code under test. Both deflaters: the platform's
// CompressionStream (the default, the task pane's) and node:zlib's (`subledger build`'s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipEntry, zipEntries } from '../../../src/import/zip';
import { nodeDeflater } from '../../../src/cli/deflate';
import { XmlBytes } from '../../../src/xlsx/xml-bytes';
import { CHUNK_CHARS, ZipWriter, type EntryDeflater } from '../../../src/xlsx/zip';

const texts: Record<string, string> = {
  '[Content_Types].xml': '<Types/>',
  'xl/empty.xml': '',
  'xl/worksheets/sheet1.xml': `<sheetData>${Array.from({ length: Math.ceil((2.5 * CHUNK_CHARS) / 40) }, (_, i) => `<row r="${i + 1}"><c t="s"><v>${i}</v></c></row>`).join('')}</sheetData>`,
  'xl/sharedStrings.xml': '<si><t>Crème brûlée — 東京 €</t></si>',
};

const encoder = new TextEncoder();

async function archiveWith(deflater?: () => EntryDeflater): Promise<Uint8Array> {
  const zip = new ZipWriter(new Date(2026, 5, 30, 12, 34, 56), deflater);
  for (const [name, text] of Object.entries(texts)) {
    // in pieces, as the parts are written: text of a row each; a sheet's rows as bytes between its
    // first and last text
    const pieces = text.match(/[^]{1,40}/g) ?? [];
    if (!name.includes('worksheets')) await zip.add(name, pieces);
    else {
      const rows = pieces.slice(1, -1);
      const chunks = Array.from({ length: Math.ceil(rows.length / 5000) }, (_, i) => encoder.encode(rows.slice(i * 5000, (i + 1) * 5000).join('')));
      await zip.add(name, [pieces[0] ?? '', ...chunks, pieces[pieces.length - 1] ?? '']);
    }
  }
  return zip.finish();
}

const deflaters: [string, (() => EntryDeflater) | undefined][] = [
  ['CompressionStream', undefined],
  ['node:zlib', nodeDeflater()],
];

describe.each(deflaters)('ZipWriter (%s)', (_, deflater) => {
  const archive = () => archiveWith(deflater);

  it('gives every entry back as written, with the CRC-32 and size of its bytes', async () => {
    const bytes = await archive();
    const entries = zipEntries(bytes);
    expect([...entries.keys()]).toEqual(Object.keys(texts));
    for (const [name, text] of Object.entries(texts)) {
      const entry = entries.get(name);
      if (!entry) throw new Error(name);
      const encoded = Buffer.from(text, 'utf8');
      expect(new TextDecoder().decode(await readZipEntry(bytes, entry)), name).toBe(text);
      expect(entry.size, name).toBe(encoded.length);
      expect(entry.method).toBe(8);
      const crc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(entry.offset + 14, true);
      expect(crc, name).toBe(zlib.crc32(encoded));
    }
    // the big sheet is compressed, not stored
    expect(entries.get('xl/worksheets/sheet1.xml')!.compressedSize).toBeLessThan(entries.get('xl/worksheets/sheet1.xml')!.size / 4);
  });

  const unzip = spawnSync('sh', ['-c', 'command -v unzip'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!unzip)('passes `unzip -t` (CRCs and directory checked by Info-ZIP)', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'subledger-zip-')), 'test.zip');
    writeFileSync(file, await archive());
    const run = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(run.stdout).toContain('No errors detected');
    expect(run.status).toBe(0);
  });
});

// ~5 MB of rows in 1 MB chunks of an XmlBytes: written faster than deflated, the writer goes on in buffers handed back
const sheetRows = Array.from({ length: 120_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i % 7}"><v>${(i * 7919) % 100_003}</v></c></row>`);
const rowsText = sheetRows.join('');
function* rows(): Generator<Uint8Array<ArrayBuffer>> {
  const out = new XmlBytes();
  for (const row of sheetRows) {
    out.ascii(row);
    if (out.full) yield out.take();
  }
  yield out.take();
}

describe('ZipWriter with node:zlib and chunks of an XmlBytes', () => {
  it('deflates every chunk as written, though the deflater hands each chunk back to be written into again', async () => {
    const zip = new ZipWriter(new Date(2026, 5, 30), nodeDeflater());
    await zip.add('one.xml', rows());
    await zip.add('two.xml', rows());
    const bytes = await zip.finish();
    const entries = zipEntries(bytes);
    for (const name of ['one.xml', 'two.xml']) {
      const entry = entries.get(name);
      if (!entry) throw new Error(name);
      expect(new TextDecoder().decode(await readZipEntry(bytes, entry)) === rowsText, name).toBe(true);
    }
  });

  it('keeps the order of entries deflated elsewhere while the next are written (many small ones, in batches)', async () => {
    // 700 table parts of one piece each (more than a batch), between two sheets of many pieces
    const parts = Array.from({ length: 700 }, (_, i) => [`xl/tables/table${i + 1}.xml`, `<table id="${i + 1}" ref="A1:I${(i * 37) % 500}">${'<c/>'.repeat(i % 50)}</table>`] as const);
    const zip = new ZipWriter(new Date(2026, 5, 30), nodeDeflater(), 4096);
    await zip.add('first.xml', rows());
    for (const [name, text] of parts) await zip.add(name, [text]);
    await zip.add('last.xml', rows());
    const bytes = await zip.finish();
    const entries = zipEntries(bytes);
    expect([...entries.keys()]).toEqual(['first.xml', ...parts.map(([name]) => name), 'last.xml']);
    const decoder = new TextDecoder();
    for (const [name, text] of parts) expect(decoder.decode(await readZipEntry(bytes, entries.get(name)!)), name).toBe(text);
    expect(decoder.decode(await readZipEntry(bytes, entries.get('last.xml')!)) === rowsText, 'last.xml').toBe(true);
  });
});

describe('ZipWriter (node:zlib): entries of one text', () => {
  it('gives back entries of one text larger than a batch, with characters of several UTF-8 lengths, between small ones', async () => {
    // one text each is encoded straight into the worker's batch; a text larger than a batch gets a buffer of its own
    const big = `<sst>${Array.from({ length: 60_000 }, (_, i) => `<si><t>Crème ${i} — 東京 € 🙂</t></si>`).join('')}</sst>`;
    const small = Array.from({ length: 300 }, (_, i) => [`xl/tables/table${i + 1}.xml`, `<table id="${i + 1}" name="Café_${i}"/>`] as const);
    const zip = new ZipWriter(new Date(2026, 5, 30), nodeDeflater(), 4096);
    for (const [name, text] of small.slice(0, 150)) await zip.add(name, [text]);
    await zip.add('xl/sharedStrings.xml', [big]);
    for (const [name, text] of small.slice(150)) await zip.add(name, [text]);
    const bytes = await zip.finish();
    const entries = zipEntries(bytes);
    expect([...entries.keys()]).toEqual([...small.slice(0, 150).map(([name]) => name), 'xl/sharedStrings.xml', ...small.slice(150).map(([name]) => name)]);
    const decoder = new TextDecoder();
    const entry = entries.get('xl/sharedStrings.xml')!;
    expect(Buffer.from(big, 'utf8').length).toBeGreaterThan(1 << 20); // a batch is 1 MB
    expect(decoder.decode(await readZipEntry(bytes, entry)) === big).toBe(true);
    expect(entry.size).toBe(Buffer.from(big, 'utf8').length);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(entry.offset + 14, true)).toBe(zlib.crc32(Buffer.from(big, 'utf8')));
    for (const [name, text] of small) expect(decoder.decode(await readZipEntry(bytes, entries.get(name)!)), name).toBe(text);
  });
});

describe('ZipWriter.reserve', () => {
  const stamp = new Date(2026, 5, 30, 12, 34, 56);
  const front = ['[Content_Types].xml', '<Types>every part</Types>'] as const;

  async function inPlace(deflater: (() => EntryDeflater) | undefined, ahead: number): Promise<Uint8Array> {
    const zip = new ZipWriter(stamp, deflater, ahead);
    await zip.add(front[0], [front[1]]);
    await zip.add('sheet.xml', rows());
    for (const [name, text] of Object.entries(texts)) if (name !== front[0]) await zip.add(name, [text]);
    return zip.finish();
  }

  it.each([
    ['CompressionStream, one entry at a time', undefined, 1],
    ['node:zlib, entries deflating ahead', nodeDeflater(), 4096],
    ['node:zlib, fewer ahead than entries after the reserved one', nodeDeflater(), 2],
  ] as const)('keeps the entry in its place, filled after the later ones: the same archive as adding it there (%s)', async (_, deflater, ahead) => {
    const zip = new ZipWriter(stamp, deflater, ahead);
    const fill = zip.reserve(front[0]);
    await zip.add('sheet.xml', rows());
    for (const [name, text] of Object.entries(texts)) if (name !== front[0]) await zip.add(name, [text]);
    await fill([front[1]]);
    const bytes = await zip.finish();
    expect([...zipEntries(bytes).keys()]).toEqual([front[0], 'sheet.xml', ...Object.keys(texts).filter((name) => name !== front[0])]);
    expect(Buffer.from(bytes).equals(Buffer.from(await inPlace(deflater, ahead)))).toBe(true);
  });

  it('refuses to finish an archive with an entry reserved and never filled', async () => {
    const zip = new ZipWriter(stamp, nodeDeflater(), 4096);
    zip.reserve('xl/workbook.xml');
    await zip.add('sheet.xml', ['<worksheet/>']);
    await expect(zip.finish()).rejects.toThrow('xl/workbook.xml');
  });
});
