// The pane's import flow without the pane: reading a file changes nothing in the store until
// Replace; a file that does not say its side, or a general ledger whose debtors and creditors
// accounts are not recognisable, comes back as a question; the answer is remembered for the
// layout, so the next file of that layout is understood without asking.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo, importSource, replaceLedger, withColumn, type ImportOutcome, type ImportRun } from '../../../src/taskpane/actions/import';
import { importHistory, loadLedger } from '../../../src/store/ledger-cache';
import { findMapping } from '../../../src/store/mappings';
import type { SubledgerDb } from '../../../src/store/db';
import { openDb } from '../store/helpers';

const FIXTURES = path.join(__dirname, '../../fixtures/taskpane');
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) });
const run = (): ImportRun => ({ signal: new AbortController().signal, onProgress: () => {}, locale: 'nl-BE', baseCurrency: 'EUR' });
const ADMIN = 'admin-1';
const textFile = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

let db: SubledgerDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

function understood(outcome: ImportOutcome) {
  if (outcome.kind !== 'understood') throw new Error(`expected understood, got ${outcome.kind}`);
  return outcome.understood;
}

describe('import preview before replace', () => {
  it('reads a file into what was understood without writing anything, and Replace keeps it', async () => {
    db = openDb();
    const outcome = await importSource(db, file('own-layout.csv'), run());
    // own-layout.csv's "Nummer" is not recognised: the mapping step comes first, still nothing kept.
    expect(outcome.kind).toBe('mapping');
    const withSide = understood(await importSource(db, file('no-side.csv'), run(), { answers: { side: 'AR' } }));
    expect(withSide.ledger.entries).toHaveLength(3);
    expect(withSide.report?.columns).toMatchObject({ party_id: 'Relatie', doc_no: 'Factuurnummer', amount: 'Bedrag' });
    expect(await loadLedger(db, ADMIN)).toBeNull();
    expect(await importHistory(db, ADMIN)).toEqual([]);
    await replaceLedger(db, ADMIN, withSide, new AbortController().signal);
    expect((await loadLedger(db, ADMIN))?.entries).toHaveLength(3);
  });

  it('gives the demo a report like an import’s, with its parties and entries', () => {
    const demo = understood(loadDemo());
    expect(demo.report?.source?.kind).toBe('demo');
    expect(demo.report?.parties).toBe(new Set(demo.ledger.entries.map((e) => `${e.ledger}/${e.partyId}`).concat([...demo.ledger.parties.values()].map((p) => `${p.ledger}/${p.partyId}`))).size);
    const types = demo.report!.entriesByType;
    expect(types.invoice + types.credit_note + types.payment + types.journal).toBe(demo.ledger.entries.length);
  });
});

describe('a layout mapped by hand', () => {
  it('is remembered on Replace with the side its header gave, and the next file of it is understood without the mapping step', async () => {
    db = openDb();
    const first = await importSource(db, file('own-layout.csv'), run());
    if (first.kind !== 'mapping') throw new Error(`expected the mapping step, got ${first.kind}`);
    const mapping = withColumn(first.proposal, first.preview.headers, 'doc_no', first.preview.headers.indexOf('Nummer'));
    const taken = understood(await importSource(db, file('own-layout.csv'), run(), { mapping }));
    expect((await importSource(db, file('own-layout.csv'), run())).kind).toBe('mapping');
    await replaceLedger(db, ADMIN, taken, new AbortController().signal);
    const again = understood(await importSource(db, file('own-layout.csv'), run()));
    expect(again.ledger.entries.map((e) => `${e.ledger} ${e.partyId} ${e.docNo} ${e.amount}`).sort()).toEqual(['AR K001 F-1 121000', 'AR K002 F-2 9680']);
  });
});

describe('what the file does not say', () => {
  it('asks the side of a one-sided file, and remembers the answer for the layout', async () => {
    db = openDb();
    expect((await importSource(db, file('no-side.csv'), run())).kind).toBe('side');
    const answered = understood(await importSource(db, file('no-side.csv'), run(), { answers: { side: 'AP' } }));
    expect(new Set(answered.ledger.entries.map((e) => e.ledger))).toEqual(new Set(['AP']));
    // Not remembered before Replace.
    expect((await importSource(db, file('no-side.csv'), run())).kind).toBe('side');
    await replaceLedger(db, ADMIN, answered, new AbortController().signal);
    const again = understood(await importSource(db, file('no-side.csv'), run()));
    expect(new Set(again.ledger.entries.map((e) => e.ledger))).toEqual(new Set(['AP']));
  });

  it('asks which GL accounts hold debtors and creditors, listing the accounts the importer saw, and remembers them', async () => {
    db = openDb();
    const asked = await importSource(db, file('gl-own-chart.txt'), run());
    if (asked.kind !== 'accounts') throw new Error(`expected the accounts question, got ${asked.kind}`);
    expect(String(asked.issue.params?.accounts)).toMatch(/^1300 Handelsvorderingen \(3\)/);
    const answered = understood(await importSource(db, file('gl-own-chart.txt'), run(), { answers: { arAccounts: ['13'], apAccounts: ['16'] } }));
    // Debtors: 1210 + 96.80 − 1210 (the receipt); creditors: 484 (the purchase, credit on 1600).
    const balance = (side: string) => answered.ledger.entries.filter((e) => e.ledger === side).reduce((sum, e) => sum + e.amount, 0);
    expect(balance('AR')).toBe(9680);
    expect(balance('AP')).toBe(48400);
    await replaceLedger(db, ADMIN, answered, new AbortController().signal);
    const headers = readFileSync(path.join(FIXTURES, 'gl-own-chart.txt'), 'utf8').split('\n')[0]!.split('\t');
    expect((await findMapping(db, headers))?.options).toMatchObject({ arAccounts: '13', apAccounts: '16' });
    const again = understood(await importSource(db, file('gl-own-chart.txt'), run()));
    expect(again.ledger.entries).toHaveLength(answered.ledger.entries.length);
  });

  it('asks the same for a GL transaction list whose accounts are only numbers, and remembers the answer for its layout', async () => {
    db = openDb();
    const gl = textFile('grootboek.csv', [
      'Boekdatum;Grootboekrekening;Omschrijving;Relatie;Boekstuk;Bedrag',
      '05-01-2024;1300;Factuur V1;Jansen;V1;1.210,00',
      '05-01-2024;8000;Factuur V1;Jansen;V1;-1.000,00',
      '05-01-2024;1500;Factuur V1;Jansen;V1;-210,00',
      '08-01-2024;4000;Inkoop I7;Peeters;I7;400,00',
      '08-01-2024;1600;Inkoop I7;Peeters;I7;-400,00',
      '',
    ].join('\n'));
    const asked = await importSource(db, gl, run());
    if (asked.kind !== 'accounts') throw new Error(`expected the accounts question, got ${asked.kind}`);
    expect(String(asked.issue.params?.accounts)).toBe('1300 (1), 1500 (1), 1600 (1), 4000 (1), 8000 (1)');
    const answered = understood(await importSource(db, gl, run(), { answers: { arAccounts: ['13'], apAccounts: ['16'] } }));
    expect(answered.ledger.entries.map((e) => `${e.ledger} ${e.partyId} ${e.docNo} ${e.amount}`).sort()).toEqual(['AP Peeters I7 40000', 'AR Jansen V1 121000']);
    expect((await importSource(db, gl, run())).kind).toBe('accounts');
    await replaceLedger(db, ADMIN, answered, new AbortController().signal);
    expect(understood(await importSource(db, gl, run())).ledger.entries).toHaveLength(2);
  });

  it('does not apply remembered accounts to a file that says its own', async () => {
    db = openDb();
    const answered = understood(await importSource(db, file('gl-own-chart.txt'), run(), { answers: { arAccounts: ['8'] } }));
    await replaceLedger(db, ADMIN, answered, new AbortController().signal);
    // The same layout with French accounts: 411 is recognised, the remembered "8" is not used.
    const french = readFileSync(path.join(FIXTURES, 'gl-own-chart.txt'), 'utf8').replaceAll('\t1300\t', '\t411000\t');
    const result = understood(await importSource(db, { name: 'fr.txt', bytes: new TextEncoder().encode(french) }, run()));
    expect(result.report?.source?.accounts).toEqual(['411000']);
  });
});
