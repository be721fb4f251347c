// The pane's glue: the Handled / Note columns handed to the open-items sheets, the message of a
// sync that failed midway, and the mapping step's column choice.
import { describe, expect, it } from 'vitest';
import { SheetSyncError } from '../../../src/excel/render';
import { proposeMapping } from '../../../src/import/tabular/mapping';
import { RecordError } from '../../../src/store/record-problems';
import { en } from '../../../src/taskpane/i18n/en';
import { translate } from '../../../src/taskpane/i18n';
import { withColumn } from '../../../src/taskpane/actions/import';
import { notesForSheets, syncFailure } from '../../../src/taskpane/actions/write-sheets';

const t = (key: keyof typeof en, params?: Record<string, string | number>) => translate(en, key, params);

describe('annotations for the sheets', () => {
  it('joins handled flags and notes per item key', () => {
    const notes = notesForSheets({ handled: new Set(['AR·C1·F-1·invoice', 'AR·C1·F-2·invoice']), notes: new Map([['AR·C1·F-2·invoice', 'calls back'], ['AR·C2·F-9·invoice', 'disputed']]) });
    expect(Object.fromEntries(notes)).toEqual({
      'AR·C1·F-1·invoice': { handled: true, note: '' },
      'AR·C1·F-2·invoice': { handled: true, note: 'calls back' },
      'AR·C2·F-9·invoice': { handled: false, note: 'disputed' },
    });
  });
});

describe('a failed sync', () => {
  it('names the sheet that failed and what was kept', () => {
    const error = new SheetSyncError('Excel could not write the values.', 'Open items AR', 'the previous "Open items AR"', [], null);
    expect(syncFailure({ t, lang: 'en' }, error)).toBe(
      'Sync failed: Open items AR: Excel could not write the values (the previous "Open items AR"). The sheets written before are kept.',
    );
    expect(syncFailure({ t, lang: 'en' }, new Error('The user cancelled.'))).toBe('Sync failed: The user cancelled. The sheets written before are kept.');
  });

  it('gives the reason of a refused record in the pane\'s language', () => {
    const error = new RecordError([{ path: 'agingBuckets', code: 'setting', value: '30, 20', detail: 'limits must be ascending' }]);
    expect(syncFailure({ t, lang: 'nl' }, error)).toContain('Niet bewaard, een record is ongeldig:');
  });
});

describe('the mapping step', () => {
  it('completes a mapping when the user points a missing field at a column', () => {
    const headers = ['Klant', 'Nummer', 'Datum', 'Bedrag'];
    const proposal = proposeMapping(headers, [['K1', 'F-1', '2025-03-01', '10,00']]);
    expect(proposal.missing).toContain('doc_no');
    const mapped = withColumn(proposal, headers, 'doc_no', 1);
    expect(mapped.fields.doc_no).toEqual({ column: 1, header: 'Nummer', confidence: 1 });
    expect(mapped.missing).not.toContain('doc_no');
    expect(withColumn(mapped, headers, 'doc_no', null).missing).toContain('doc_no');
  });
});
