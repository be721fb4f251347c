import { afterEach, describe, expect, it } from 'vitest';
import { createAdministration, deleteAdministration, lastOpenedAdministration, listAdministrations, touchAdministration } from '../../../src/store/administrations';
import { addAgreement, agreementsDue, setAgreementStatus } from '../../../src/store/agreements';
import type { SubledgerDb } from '../../../src/store/db';
import { flagsOfAdministration, preparedItemKeys, setHandled, setHandledMany } from '../../../src/store/flags';
import { addFollowUp, addFollowUps, followUpsDue, setFollowUpDone, updateFollowUp } from '../../../src/store/followups';
import { importHistory, loadLedger, recordRejectedImport, saveLedger } from '../../../src/store/ledger-cache';
import { findMapping, headerSignature, listMappings, saveMapping } from '../../../src/store/mappings';
import { getNote, setNote } from '../../../src/store/notes';
import { paymentHistory, recordPaymentBatch } from '../../../src/store/payments';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../../../src/store/settings';
import { itemAnnotations } from '../../../src/store/annotations';
import { day, ledgerOf, line, openDb } from './helpers';

let db: SubledgerDb;
afterEach(() => db?.close());

describe('administrations', () => {
  it('keeps companies apart and deleting one removes all of its rows, not the others', async () => {
    db = openDb();
    const bakery = await createAdministration(db, { name: 'Bakkerij Peeters BV' }, 1);
    const garage = await createAdministration(db, { name: ' Garage Janssens ', baseCurrency: 'EUR' }, 2);
    expect((await listAdministrations(db)).map((a) => a.name)).toEqual(['Bakkerij Peeters BV', 'Garage Janssens']);
    await touchAdministration(db, bakery.id, 10);
    expect((await lastOpenedAdministration(db))?.id).toBe(bakery.id);
    for (const admin of [bakery, garage]) {
      await saveLedger(db, admin.id, ledgerOf([line('AR C1 invoice F1 2024-01-10 10.00')]));
      await setNote(db, admin.id, { itemKey: 'AR·C1·F1·invoice' }, `note of ${admin.name}`);
      await updateSettings(db, admin.id, { companyName: admin.name });
    }
    await deleteAdministration(db, bakery.id);
    expect((await listAdministrations(db)).map((a) => a.id)).toEqual([garage.id]);
    expect(await loadLedger(db, bakery.id)).toBeNull();
    expect(await loadLedger(db, garage.id)).not.toBeNull();
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['note of Garage Janssens']);
    expect((await getSettings(db, bakery.id)).companyName).toBe('');
  });

  it('refuses a nameless administration or a wrong currency', async () => {
    db = openDb();
    await expect(createAdministration(db, { name: '  ' })).rejects.toThrow('needs a name');
    await expect(createAdministration(db, { name: 'X', baseCurrency: 'euro' })).rejects.toThrow('"euro" is not a three-letter ISO 4217 code');
  });
});

describe('notes', () => {
  it('keeps every earlier text in the history, and a cleared note keeps its history', async () => {
    db = openDb();
    const ref = { itemKey: 'AR·C1·F1·invoice' };
    await setNote(db, 'a', ref, 'Called, no answer', { at: 1 });
    await setNote(db, 'a', ref, 'Called, no answer', { at: 2 });
    await setNote(db, 'a', ref, 'Pays Friday', { at: 3 });
    await setNote(db, 'a', ref, '', { at: 4 });
    const note = await getNote(db, 'a', ref.itemKey);
    expect(note).toMatchObject({ text: '', createdAt: 1, editedAt: 4 });
    expect(note?.history.map((h) => [h.text, h.at, h.replacedAt])).toEqual([['Called, no answer', 1, 3], ['Pays Friday', 3, 4]]);
  });
});

describe('follow-ups and agreements', () => {
  it('lists open follow-ups due by a date, earliest first', async () => {
    db = openDb();
    const ref = { itemKey: 'AR·C1·F1·invoice' };
    const late = await addFollowUp(db, 'a', ref, { dueDate: day('2024-04-20'), text: 'second reminder' });
    const soon = await addFollowUp(db, 'a', ref, { dueDate: day('2024-04-02'), text: 'first reminder' });
    const done = await addFollowUp(db, 'a', ref, { dueDate: day('2024-04-01'), text: 'call' });
    await addFollowUp(db, 'other', ref, { dueDate: day('2024-04-01'), text: 'other office' });
    await setFollowUpDone(db, done.id, true, { at: 5 });
    expect((await followUpsDue(db, 'a', day('2024-04-30'))).map((f) => f.text)).toEqual(['first reminder', 'second reminder']);
    expect((await followUpsDue(db, 'a', day('2024-04-02'))).map((f) => f.id)).toEqual([soon.id]);
    await updateFollowUp(db, late.id, { dueDate: day('2024-03-30') });
    expect((await followUpsDue(db, 'a', day('2024-04-02'))).map((f) => f.id)).toEqual([late.id, soon.id]);
    await setFollowUpDone(db, done.id, false);
    expect((await db.followUps.get(done.id))?.doneAt).toBeUndefined();
  });

  it('sets one follow-up on many items at once, each its own row', async () => {
    db = openDb();
    const refs = [{ itemKey: 'AR·C1·F1·invoice' }, { itemKey: 'AR·C2·F2·invoice' }];
    await addFollowUps(db, 'a', refs, { dueDate: day('2024-04-02'), text: 'remind' });
    expect((await followUpsDue(db, 'a', day('2024-04-02'))).map((f) => [f.itemKey, f.text]).sort()).toEqual([
      ['AR·C1·F1·invoice', 'remind'],
      ['AR·C2·F2·invoice', 'remind'],
    ]);
    await expect(addFollowUps(db, 'a', [...refs, { itemKey: 'AR·C3·F3·invoice' }], { dueDate: day('2024-04-03') }, { at: 1 })).resolves.toHaveLength(3);
    expect(await db.followUps.count()).toBe(5);
  });

  it('lists open promises to pay by a date', async () => {
    db = openDb();
    const ref = { itemKey: 'AR·C1·F1·invoice' };
    const promise = await addAgreement(db, 'a', ref, { promisedDate: day('2024-04-10'), amount: 50000, currency: 'EUR', note: 'half now' });
    await addAgreement(db, 'a', ref, { promisedDate: day('2024-05-10'), amount: 50000, currency: 'EUR' });
    expect((await agreementsDue(db, 'a', day('2024-04-30'))).map((g) => g.note)).toEqual(['half now']);
    await setAgreementStatus(db, promise.id, 'broken');
    expect(await agreementsDue(db, 'a', day('2024-04-30'))).toEqual([]);
    await expect(addAgreement(db, 'a', ref, { promisedDate: 1, amount: 0.5, currency: 'EUR' })).rejects.toThrow('minor units');
  });
});

describe('settings', () => {
  it('gives the defaults until changed, and refuses wrong values with the setting named', async () => {
    db = openDb();
    expect(await getSettings(db, 'a')).toEqual(DEFAULT_SETTINGS);
    const changed = await updateSettings(db, 'a', { language: 'nl', agingBuckets: [15, 30, 60], closingRates: { quoteBase: null, source: null, rates: [{ currency: 'USD', rate: '1.0834', date: null }] } });
    expect(changed).toMatchObject({ language: 'nl', agingBuckets: [15, 30, 60], agingBasis: 'due', dueSoonDays: [3, 5] });
    expect(await getSettings(db, 'a')).toEqual(changed);
    await expect(updateSettings(db, 'a', { agingBuckets: [60, 30] })).rejects.toThrow('agingBuckets: limits must be ascending');
    for (const agingBuckets of [[], [0, 30], [30.5]]) await expect(updateSettings(db, 'a', { agingBuckets })).rejects.toThrow('agingBuckets');
    const usd = (rate: string) => ({ quoteBase: null, source: null, rates: [{ currency: 'USD', rate, date: null }] });
    await expect(updateSettings(db, 'a', { closingRates: usd('1,08') })).rejects.toThrow('closingRates: rate 1: 1,08 is not a rate');
    await expect(updateSettings(db, 'a', { agingBasis: 'invoice' as never })).rejects.toThrow('agingBasis');
    expect((await getSettings(db, 'a')).agingBuckets).toEqual([15, 30, 60]);
  });
});

describe('column mappings', () => {
  it('finds a saved mapping again for the same headers, whatever their spacing or case', async () => {
    db = openDb();
    const headers = ['Factuurnr', 'Datum', 'Klant', 'Bedrag'];
    await saveMapping(db, headers, { doc_no: 'Factuurnr', entry_date: 'Datum', party_id: 'Klant', amount: 'Bedrag' }, { locale: 'nl-BE' }, 1);
    const found = await findMapping(db, [' factuurnr', 'DATUM ', 'Klant', 'Bedrag']);
    expect(found?.mapping.doc_no).toBe('Factuurnr');
    expect(found?.options).toEqual({ locale: 'nl-BE' });
    expect(await findMapping(db, ['Factuurnr', 'Datum', 'Klant'])).toBeUndefined();
    expect(headerSignature(['A  b', 'C'])).not.toBe(headerSignature(['A', 'b C']));
    expect(await listMappings(db)).toHaveLength(1);
  });
});

describe('payment batches', () => {
  it('records the batch with its exact total and marks its items as prepared', async () => {
    db = openDb();
    const items = [
      { itemKey: 'AP·S1·P1·invoice', partyId: 'S1', name: 'Supplier One', amount: 10010, reference: 'P1' },
      { itemKey: 'AP·S2·P7·invoice', partyId: 'S2', name: 'Supplier Two', amount: 20020, reference: 'P7' },
    ];
    await setHandled(db, 'a', { itemKey: 'AP·S1·P1·invoice' }, true, { at: 1 });
    const batch = await recordPaymentBatch(db, 'a', { batchId: 'B-2024-001', date: day('2024-04-02'), fileName: 'pain001.xml', currency: 'EUR', items }, 50);
    expect(batch.total).toBe(30030);
    expect((await paymentHistory(db, 'a')).map((b) => [b.batchId, b.fileName, b.total])).toEqual([['B-2024-001', 'pain001.xml', 30030]]);
    expect([...(await preparedItemKeys(db, 'a'))].sort()).toEqual(['AP·S1·P1·invoice', 'AP·S2·P7·invoice']);
    const annotations = await itemAnnotations(db, 'a');
    expect(annotations.get('AP·S1·P1·invoice')?.flag).toMatchObject({ handled: true, paymentPrepared: { batchId: 'B-2024-001', date: day('2024-04-02'), at: 50 } });
    await expect(recordPaymentBatch(db, 'a', { batchId: 'B-2024-001', date: 0, fileName: 'again.xml', currency: 'EUR', items })).rejects.toThrow();
    expect(await paymentHistory(db, 'a')).toHaveLength(1);
  });
});

describe('flags', () => {
  it('marks a whole selection handled in batches and keeps what was on the flags', async () => {
    db = openDb();
    await recordPaymentBatch(db, 'a', { batchId: 'B1', date: 1, fileName: 'p.xml', currency: 'EUR', items: [
      { itemKey: 'AP·S1·P3·invoice', partyId: 'S1', name: 'S1', amount: 100, reference: '' },
    ] }, 5);
    const refs = Array.from({ length: 25 }, (_, i) => ({ itemKey: `AP·S1·P${i}·invoice` }));
    await setHandledMany(db, 'a', refs, true, { at: 10, batch: 7 });
    const flags = await flagsOfAdministration(db, 'a');
    expect(flags.filter((f) => f.handled && f.handledAt === 10)).toHaveLength(25);
    expect(flags.find((f) => f.itemKey === 'AP·S1·P3·invoice')?.paymentPrepared?.batchId).toBe('B1');
  });
});

describe('import history', () => {
  it('a refused import is listed with its errors and leaves the cached ledger alone', async () => {
    db = openDb();
    await saveLedger(db, 'a', ledgerOf([line('AR C1 invoice F1 2024-01-10 10.00')]), { at: 1 });
    const issues = [{ severity: 'error' as const, file: 'feb.csv', line: 7, field: 'entry_date', code: 'bad-date', message: 'entry_date "31/02/2024" is not a date' }];
    await recordRejectedImport(db, 'a', { source: 'feb.csv', format: 'canonical', report: null, issues }, 2);
    const [latest] = await importHistory(db, 'a');
    expect(latest).toMatchObject({ source: 'feb.csv', counts: { entries: 0, errors: 1, warnings: 0 }, issues });
    expect((await loadLedger(db, 'a'))?.entries).toHaveLength(1);
  });
});
