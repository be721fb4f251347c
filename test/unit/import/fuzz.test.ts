// Whatever bytes arrive, importFile answers with a clear issue (no reader throws) and never hands over a ledger together
// with an error: random bytes, every file cut short, and the canonical CSV with shuffled columns.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { rows } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');
const FILES = ['saft-small.xml', 'xaf-small.xml', 'nl-debiteuren-1252.csv', 'fr-clients-utf16.txt', 'de-lieferanten.csv'];

function consistent(result: ImportResult): void {
  const hasError = result.issues.some((i) => i.severity === 'error');
  expect(hasError && result.ledger !== null).toBe(false);
  if (result.ledger === null) expect(hasError).toBe(true);
  for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
  // `unreadable` is what importFile says when a reader threw: a crash caught at the edge.
  expect(result.issues.filter((i) => i.code === 'unreadable')).toEqual([]);
}

describe('fuzzing the importers', () => {
  it('random bytes never crash and never import with an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        consistent(await importFile({ name: 'random.bin', bytes }));
      }),
      { numRuns: 300 },
    );
  });

  it('random text that looks like CSV or XML never crashes', async () => {
    const piece = fc.constantFrom('<', '>', '</', 'AuditFile', 'auditfile', ';', ',', '\n', '"', 'ledger', 'amount', '1,5', '2024-01-01', 'xmlns="urn:StandardAuditFile-Taxation-Financial:NO"', '<Line>', '<CustomerID>', '&', '<!DOCTYPE', 'PK\u0003\u0004');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (parts) => {
        consistent(await importFile({ name: 'text.txt', bytes: new TextEncoder().encode(parts.join('')) }));
      }),
      { numRuns: 300 },
    );
  });

  it.each(FILES)('%s cut short anywhere never crashes and never imports with an error', async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
    for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 150))) {
      consistent(await importFile({ name, bytes: bytes.slice(0, cut) }));
    }
  });

  it('an XLSX workbook cut short anywhere never crashes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Klant', 'Factuurnr', 'Datum', 'Bedrag']);
    for (let i = 0; i < 30; i++) ws.addRow([`K${i}`, `F${i}`, new Date(Date.UTC(2024, 0, 1 + i)), i * 10.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await importFile({ name: 'ok.xlsx', bytes })).ledger?.entries).toHaveLength(30);
    for (let cut = 0; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 100))) {
      consistent(await importFile({ name: 'cut.xlsx', bytes: bytes.slice(0, cut) }));
    }
  });

  it('the canonical CSV imports the same entries whatever the order of its columns', async () => {
    const header = ['ledger', 'party_id', 'entry_type', 'doc_no', 'entry_date', 'due_date', 'amount', 'settles'];
    const data = [
      ['AR', 'C1', 'invoice', 'F1', '2024-01-05', '2024-02-04', '121.00', ''],
      ['AR', 'C1', 'payment', 'B1', '2024-01-20', '', '-100.50', 'F1'],
      ['AP', 'S1', 'credit_note', 'CN1', '2024-01-21', '', '-5', ''],
    ];
    const csv = (order: number[]): string => [header, ...data].map((r) => order.map((i) => r[i]).join(';')).join('\n');
    const expected = rows(await importFile({ name: 'a.csv', bytes: new TextEncoder().encode(csv(header.map((_, i) => i))) }));
    expect(expected).toHaveLength(3);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(header.map((_, i) => i), { minLength: header.length }), async (order) => {
        const result = await importFile({ name: 'a.csv', bytes: new TextEncoder().encode(csv(order)) });
        expect(rows(result)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
