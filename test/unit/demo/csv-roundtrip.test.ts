// Property: any description and party name written by ledgerToCsv reads back unchanged through
// the importer (quotes, commas, line breaks, leading = + - @, accents, semicolons). Texts start
// and end with a visible character: the importer trims surrounding white space.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import type { Entry, Ledger } from '../../../src/core/types';
import { ledgerToCsv } from '../../../src/import/canonical-writer';
import { importFile } from '../../../src/import/index';

const DAY = parseIsoDate('2025-05-02')!;
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r\n', '=', '+', '-', '@', 'é', '€', '\t', "'", '0', '.'), maxLength: 25 })
  .map((s) => s.trim());

function ledgerWith(descriptions: string[], partyName: string): Ledger {
  const entries: Entry[] = descriptions.map((description, i) => ({
    ledger: 'AR', partyId: 'D1', entryType: 'invoice', docNo: `F${i + 1}`, entryDate: DAY, docDate: DAY, dueDate: DAY + 30,
    amount: 1000 + i, currency: 'EUR', amountBase: 1000 + i,
    ...(partyName.trim() === '' ? {} : { partyName }),
    ...(description.trim() === '' ? {} : { description }),
  }));
  return { baseCurrency: 'EUR', entries, parties: new Map() };
}

describe('canonical CSV round trip', () => {
  it('keeps every description and party name as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), text, async (descriptions, partyName) => {
        const ledger = ledgerWith(descriptions, partyName);
        const bytes = new TextEncoder().encode(ledgerToCsv(ledger).ledgerCsv);
        const result = await importFile({ name: 'ledger.csv', bytes });
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const back = result.ledger!.entries.map((e) => [e.description ?? '', e.partyName ?? '']);
        expect(back).toEqual(ledger.entries.map((e) => [e.description ?? '', e.partyName ?? '']));
      }),
      { numRuns: 150 },
    );
  });
});
