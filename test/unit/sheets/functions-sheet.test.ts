// The "Functions" sheet of a workbook written outside Excel: every example names a function that
// exists (in the sheet's language), and its value is the report's figure on that ledger.
import { describe, expect, it } from 'vitest';
import { keyFigures } from '../../../src/core/key-figures';
import { balanceList } from '../../../src/core/balances';
import { demoLedger } from '../../../src/import/demo';
import FUNCTION_NAMES from '../../../src/sheets/function-names.json';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import type { Lang } from '../../../src/core/words';
import { day } from '../core/fixture';

const asOf = day('2025-06-30');
const ledger = demoLedger({ today: asOf });

function sheetIn(lang: Lang) {
  const specs = buildWorkbookSpecs(ledger, {
    asOf,
    period: { from: day('2025-01-01'), to: asOf },
    basis: 'due',
    buckets: [30, 60, 90, 120],
    lang,
    company: 'Demo',
    functionsSheet: true,
  });
  const sheet = specs.find((s) => s.kind === 'functions');
  if (!sheet) throw new Error('no functions sheet');
  return sheet.tables[0]!.rows;
}

describe('the Functions sheet', () => {
  it('is left out unless asked for (a synced workbook has the live functions)', () => {
    const specs = buildWorkbookSpecs(ledger, { asOf, period: { from: asOf, to: asOf }, basis: 'due', buckets: [30], lang: 'en', company: '' });
    expect(specs.some((s) => s.kind === 'functions')).toBe(false);
  });

  it('shows the totals and the payments date of the key figures, and the largest debtor’s balance', () => {
    const rows = sheetIn('en');
    const figures = keyFigures(ledger, asOf);
    const value = (formula: string) => rows.find((r) => r[0] === formula)?.[2];
    expect(value('=SUBLEDGER.BALANCE("*", , "AR")')).toBeCloseTo(figures.AR.total / 100, 9);
    expect(value('=SUBLEDGER.BALANCE("*", , "AP")')).toBeCloseTo(figures.AP.total / 100, 9);
    expect(value('=SUBLEDGER.OVERDUE("*")')).toBeCloseTo(figures.AR.overdue / 100, 9);
    const known = rows.find((r) => String(r[0]).startsWith('=SUBLEDGER.KNOWNUPTO'));
    expect(known?.[3]).toBe(figures.AR.journalsUpdatedUntil);
    const top = balanceList(ledger, asOf).filter((r) => r.ledger === 'AR').sort((a, b) => b.balance - a.balance)[0]!;
    expect(value(`=SUBLEDGER.BALANCE("${top.partyId}", , "AR")`)).toBeCloseTo(top.balance / 100, 9);
  });

  it('names each function as Excel shows it in that language, with that language’s separator', () => {
    for (const lang of ['nl', 'fr'] as const) {
      const names = new Set(Object.values(FUNCTION_NAMES[lang]));
      for (const row of sheetIn(lang)) {
        const match = /^=SUBLEDGER\.([A-Z]+)\((.*)\)$/.exec(String(row[0]));
        expect(match, String(row[0])).not.toBeNull();
        expect(names.has(match![1]!)).toBe(true);
        expect(match![2]).not.toContain(', ');
      }
    }
    expect(sheetIn('nl').some((r) => String(r[0]).startsWith('=SUBLEDGER.SALDO("'))).toBe(true);
  });
});
