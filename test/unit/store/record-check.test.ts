// One validator for stored records (records.ts): a damaged record in a backup or in the database
// is named with its field, a write of an invalid record is refused and stores nothing, and a read
// leaves a damaged record out, reports it, and keeps the rest usable.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addAgreement, agreementsOfItem } from '../../../src/store/agreements';
import { getAdministration, listAdministrations } from '../../../src/store/administrations';
import { itemAnnotations } from '../../../src/store/annotations';
import {
  AnnotationsFormatError,
  exportAnnotations,
  importAnnotations,
} from '../../../src/store/backup';
import { flagsOfAdministration, setHandled } from '../../../src/store/flags';
import { followUpsOfItem } from '../../../src/store/followups';
import {
  cachedLedgerInfo,
  importHistory,
  loadLedger,
  saveLedger,
} from '../../../src/store/ledger-cache';
import { listMappings, saveMapping } from '../../../src/store/mappings';
import { getNote, notesOfAdministration, setNote } from '../../../src/store/notes';
import { paymentHistory } from '../../../src/store/payments';
import { describeProblem, RecordError } from '../../../src/store/record-problems';
import { getSettings, updateSettings } from '../../../src/store/settings';
import { syncHistory } from '../../../src/store/sync-log';
import { closeTracked, day, freshName, ledgerOf, line, openDb, track } from './helpers';

afterEach(closeTracked);

const F1 = 'AR·C1·F1·invoice';
const F2 = 'AR·C1·F2·invoice';

const goodNote = { itemKey: F1, text: 'fine', createdAt: 1, editedAt: 1, by: 'pane', history: [] };
const goodFlag = { itemKey: F1, handled: true, handledAt: 5, updatedAt: 5 };
const goodFollowUp = {
  itemKey: F1,
  id: 'u1',
  dueDate: 19800,
  text: 'call',
  done: 0,
  createdAt: 1,
  updatedAt: 1,
  by: 'pane',
};
const goodAgreement = {
  itemKey: F1,
  id: 'g1',
  promisedDate: 19800,
  amount: 1250,
  currency: 'EUR',
  note: '',
  status: 'open',
  createdAt: 1,
  updatedAt: 1,
  by: 'pane',
};

function backup(
  rows: Partial<Record<'notes' | 'flags' | 'followUps' | 'agreements', unknown[]>>,
): unknown {
  return {
    format: 'subledger-annotations',
    version: 1,
    exportedAt: 1,
    notes: [],
    flags: [],
    followUps: [],
    agreements: [],
    ...rows,
  };
}

async function refusal(job: Promise<unknown>): Promise<AnnotationsFormatError | RecordError> {
  const error = await job.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AnnotationsFormatError) && !(error instanceof RecordError))
    throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('a backup with a damaged record of each kind', () => {
  it.each([
    [
      'notes',
      {
        ...goodNote,
        history: [
          { field: 'note', text: 'old', at: 'noon', by: 'pane', replacedAt: 2, reason: 'edited' },
        ],
      },
      'notes[1].history[0].at: expected a time in milliseconds since 1970, got "noon"',
    ],
    [
      'flags',
      { ...goodFlag, handled: 'yes' },
      'flags[1].handled: expected true or false, got "yes"',
    ],
    [
      'flags',
      { ...goodFlag, paymentPrepared: { batchId: 'b', date: '2024-04-02', at: 1 } },
      'flags[1].paymentPrepared.date: expected a whole number of days since 1970-01-01, got "2024-04-02"',
    ],
    ['followUps', { ...goodFollowUp, done: 2 }, 'followUps[1].done: expected one of 0, 1, got 2'],
    [
      'agreements',
      { ...goodAgreement, status: 'promised' },
      'agreements[1].status: expected one of open, kept, broken, cancelled, got "promised"',
    ],
    [
      'agreements',
      (({ amount: _amount, ...rest }) => rest)(goodAgreement),
      'agreements[1].amount: expected a whole number of minor units (cents), got undefined',
    ],
  ] as const)(
    '%s: names the record and the field, and merges nothing',
    async (table, bad, expected) => {
      const db = track(openDb());
      const good = {
        notes: goodNote,
        flags: goodFlag,
        followUps: goodFollowUp,
        agreements: goodAgreement,
      }[table];
      const error = await refusal(importAnnotations(db, 'a', backup({ [table]: [good, bad] })));
      expect(error).toBeInstanceOf(AnnotationsFormatError);
      expect(error.problems).toEqual([expected]);
      expect(await db.table(table).count()).toBe(0);
    },
  );

  it('words the problems in the user language', async () => {
    const db = track(openDb());
    const error = await refusal(
      importAnnotations(db, 'a', backup({ notes: [{ ...goodNote, editedAt: 'gisteren' }] })),
    );
    expect(error.messageIn('nl')).toBe(
      'Geen bruikbare back-up van Subledger-notities:\n  notes[0].editedAt: verwacht een tijdstip in milliseconden sinds 1970, gevonden "gisteren"',
    );
    expect(error.messageIn('fr')).toContain(
      'notes[0].editedAt : attendu un instant en millisecondes depuis 1970, trouvé "gisteren"',
    );
    const notJson = await refusal(importAnnotations(db, 'a', '{nope'));
    expect(notJson.messageIn('fr')).toMatch(
      /^Pas une sauvegarde de notes Subledger utilisable :\n {2}\(fichier\) : pas du JSON — /,
    );
  });
});

describe('writing an invalid record', () => {
  it('is refused naming the record and field, and stores nothing of the transaction', async () => {
    const db = track(openDb());
    const error = await refusal(
      addAgreement(
        db,
        'a',
        { itemKey: F1 },
        { promisedDate: day('2024-04-10'), amount: 100, currency: 'euro' },
      ),
    );
    expect(error.problems).toEqual([
      `agreement ${F1}, currency: expected a three-letter ISO 4217 code, got "euro"`,
    ]);
    expect(error.messageIn('nl')).toContain(
      `afspraak ${F1}, currency: verwacht een ISO 4217-code van drie letters, gevonden "euro"`,
    );
    const direct = await refusal(
      db.notes.put({
        adminId: 'a',
        itemKey: F2,
        text: 'x',
        createdAt: 1,
        editedAt: -5,
        by: 'pane',
        history: [],
      }),
    );
    expect(direct.problems).toEqual([
      `note ${F2}, editedAt: expected a time in milliseconds since 1970, got -5`,
    ]);
    const inOne = db.transaction('rw', db.notes, async () => {
      await setNote(db, 'a', { itemKey: F1 }, 'kept only if all is well', { at: 10 });
      await db.notes.put({ adminId: 'a', itemKey: F2, text: 7 } as never);
    });
    await expect(inOne).rejects.toBeInstanceOf(RecordError);
    expect(await db.notes.count()).toBe(0);
    await expect(db.mappings.update('nothing', { usedAt: 1 })).resolves.toBe(0);
    await saveMapping(db, ['Nr', 'Datum'], { doc_no: 'Nr' }, {}, 5);
    await expect(
      db.mappings.update('nr\u001fdatum', { usedAt: 'later' } as never),
    ).rejects.toBeInstanceOf(RecordError);
    expect((await listMappings(db))[0]?.usedAt).toBe(5);
  });

  it('settings are refused by the settings model own rules, named as a record', async () => {
    const db = track(openDb());
    await expect(updateSettings(db, 'a', { agingBuckets: [30, 20] })).rejects.toThrow(
      /Setting agingBuckets/,
    );
    const error = await refusal(
      db.settings.put({
        ...(await getSettings(db, 'a')),
        adminId: 'a',
        updatedAt: 1,
        agingBuckets: [30, 20],
      }),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^settings a, agingBuckets: /);
  });

  it('a refused setting is worded in the reader\'s language, with the rule\'s reason and the rate\'s row', async () => {
    const db = track(openDb());
    const rates = {
      quoteBase: null,
      source: null,
      rates: [
        { currency: 'USD', rate: '1.08', date: null },
        { currency: 'GBP', rate: '0', date: null },
      ],
    };
    const error = await refusal(
      db.settings.put({ ...(await getSettings(db, 'a')), adminId: 'a', updatedAt: 1, closingRates: rates }),
    );
    expect(error.messageIn('en')).toContain('closingRates: rate 2: the rate 0 is not above zero');
    expect(error.messageIn('nl')).toContain('closingRates: koers 2: de koers 0 is niet groter dan nul');
    expect(error.messageIn('fr')).toContain("closingRates : cours 2 : le cours 0 n'est pas supérieur à zéro");
    for (const lang of ['nl', 'fr'] as const) expect(error.messageIn(lang)).not.toMatch(/\b(is not|rate \d)\b/);
  });
});

/** Writes rows past every check, as an older or damaged database would hold them. */
async function damage(name: string, rows: Record<string, unknown[]>): Promise<void> {
  const raw = new Dexie(name, { indexedDB, IDBKeyRange });
  await raw.open();
  await raw.transaction('rw', Object.keys(rows), async () => {
    for (const [table, values] of Object.entries(rows)) await raw.table(table).bulkPut(values);
  });
  raw.close();
}

describe('reading a database with a damaged record of each kind', () => {
  it('leaves the damaged record out, names it and its field, and keeps the rest usable', async () => {
    const name = freshName();
    const db = track(openDb(name));
    await db.open();
    await setNote(db, 'a', { itemKey: F2 }, 'a good note', { at: 10 });
    await saveLedger(db, 'a', ledgerOf([line('AR C1 invoice F1 2024-01-10 121.00')]), {
      import: { source: 'a.csv', format: 'csv', report: null, issues: [] },
    });
    db.close();
    await damage(name, {
      administrations: [
        { id: 'a', name: 'Alpha', baseCurrency: 'EUR', createdAt: 1, lastOpenedAt: 1 },
        { id: 'b', name: 'Beta', baseCurrency: 'euro', createdAt: 1, lastOpenedAt: 1 },
      ],
      notes: [
        {
          adminId: 'a',
          itemKey: F1,
          text: 'Promised Friday',
          createdAt: 1,
          editedAt: 'yesterday',
          by: 'pane',
          history: [],
        },
      ],
      flags: [
        { adminId: 'a', itemKey: F1, handled: 1, handledAt: 1, updatedAt: 1 },
        { adminId: 'a', itemKey: F2, handled: true, handledAt: 1, updatedAt: 1 },
      ],
      followUps: [{ ...goodFollowUp, adminId: 'a', dueDate: '2024-04-05' }],
      agreements: [{ ...goodAgreement, adminId: 'a', amount: 12.5 }],
      mappings: [
        {
          signature: 'nr',
          headers: ['Nr'],
          mapping: { doc_no: 3 },
          options: {},
          savedAt: 1,
          usedAt: 1,
        },
      ],
      settings: [
        {
          adminId: 'a',
          language: 'de',
          locale: '',
          sheetLanguage: 'nl',
          agingBasis: 'due',
          agingBuckets: [30, 60],
          dueSoonDays: [3],
          companyName: 'Acme',
          iban: '',
          bic: '',
          baseCurrency: 'EUR',
          closingRates: { quoteBase: null, source: null, rates: [] },
          updatedAt: 1,
        },
      ],
      paymentBatches: [
        {
          batchId: 'p1',
          adminId: 'a',
          date: 19800,
          createdAt: 1,
          fileName: 'pay.xml',
          currency: 'EUR',
          total: '100',
          items: [],
        },
      ],
      syncLog: [{ id: 999, adminId: 'a', at: 'now', kind: 'sheet', counts: {}, detail: '' }],
    });
    const reopened = track(openDb(name));
    expect((await listAdministrations(reopened)).map((x) => x.id)).toEqual(['a']);
    expect(await getAdministration(reopened, 'b')).toBeUndefined();
    expect(await getNote(reopened, 'a', F1)).toBeUndefined();
    expect((await notesOfAdministration(reopened, 'a')).map((n) => n.text)).toEqual([
      'a good note',
    ]);
    expect((await flagsOfAdministration(reopened, 'a')).map((f) => f.itemKey)).toEqual([F2]);
    expect(await followUpsOfItem(reopened, 'a', F1)).toEqual([]);
    expect(await agreementsOfItem(reopened, 'a', F1)).toEqual([]);
    expect(await listMappings(reopened)).toEqual([]);
    const settings = await getSettings(reopened, 'a');
    expect([settings.language, settings.sheetLanguage, settings.companyName]).toEqual([
      'en',
      'nl',
      'Acme',
    ]);
    expect(await paymentHistory(reopened, 'a')).toEqual([]);
    expect((await syncHistory(reopened, 'a')).every((l) => l.kind === 'ledger')).toBe(true);
    expect((await importHistory(reopened, 'a')).map((i) => i.source)).toEqual(['a.csv']);
    const shown = [...(await itemAnnotations(reopened, 'a')).keys()];
    expect(shown).toEqual([F2]);
    expect(reopened.damaged.list().map((p) => describeProblem(p))).toEqual([
      'administration Beta, baseCurrency: expected a three-letter ISO 4217 code, got "euro"',
      `note ${F1}, editedAt: expected a time in milliseconds since 1970, got "yesterday"`,
      `handled mark ${F1}, handled: expected true or false, got 1`,
      `follow-up ${F1}, dueDate: expected a whole number of days since 1970-01-01, got "2024-04-05"`,
      `agreement ${F1}, amount: expected a whole number of minor units (cents), got 12.5`,
      'column mapping nr, mapping.doc_no: expected a list or table of texts, got 3',
      'settings a, language: expected one of en, nl, fr, got "de"',
      'payment batch pay.xml, total: expected a whole number of minor units (cents), got "100"',
      'sync log line 999, at: expected a time in milliseconds since 1970, got "now"',
    ]);
    expect(describeProblem(reopened.damaged.list()[1]!, 'nl')).toBe(
      `notitie ${F1}, editedAt: verwacht een tijdstip in milliseconden sinds 1970, gevonden "yesterday"`,
    );
    const backedUp = await exportAnnotations(reopened, 'a');
    expect(backedUp.notes.map((n) => n.itemKey)).toEqual([F2]);
  });

  it('keeps a damaged note as it is: an edit over it is refused, not a silent loss', async () => {
    const name = freshName();
    const before = track(openDb(name));
    await before.open();
    before.close();
    await damage(name, {
      notes: [
        {
          adminId: 'a',
          itemKey: F1,
          text: 'Promised Friday',
          createdAt: 1,
          editedAt: 'yesterday',
          by: 'pane',
          history: [],
        },
      ],
    });
    const db = track(openDb(name));
    const error = await refusal(setNote(db, 'a', { itemKey: F1 }, 'new text', { at: 50 }));
    expect(error.problems).toEqual([
      `note ${F1}, history[0].at: expected a time in milliseconds since 1970, got "yesterday"`,
    ]);
    expect((await db.notes.get(['a', F1]))?.text).toBe('Promised Friday');
    await setHandled(db, 'a', { itemKey: F1 }, true, { at: 60 });
    expect((await flagsOfAdministration(db, 'a')).map((f) => f.itemKey)).toEqual([F1]);
  });

  it('a cached ledger with a damaged part is not shown half: it is reported and must be imported again', async () => {
    const name = freshName();
    const db = track(openDb(name));
    await saveLedger(
      db,
      'a',
      ledgerOf([
        line('AR C1 invoice F1 2024-01-10 121.00'),
        line('AR C1 invoice F2 2024-01-11 50.00'),
      ]),
      { chunkSize: 1 },
    );
    const chunks = await db.ledgerChunks.toArray();
    db.close();
    await damage(name, { ledgerChunks: [{ ...chunks[1], line: new Int32Array(5) }] });
    const reopened = track(openDb(name));
    expect(await loadLedger(reopened, 'a')).toBeNull();
    expect((await cachedLedgerInfo(reopened, 'a'))?.entryCount).toBe(2);
    expect(reopened.damaged.list().map((p) => describeProblem(p))).toEqual([
      'cached ledger part 1, line: expected a column with one value per entry of the chunk, got 5',
    ]);
  });
});
