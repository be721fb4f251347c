// The task pane's mapping API: a proposal from the header (with confidence and what is missing),
// the layout signature to remember it by, and applying a corrected mapping.
import { describe, expect, it } from 'vitest';
import { mappingSignature, proposeMapping } from '../../../src/import/tabular/mapping';
import { applyMapping } from '../../../src/import/tabular/tabular';
import type { Table } from '../../../src/import/table';
import { errors, rows } from './helpers';

describe('proposing a mapping', () => {
  it('recognises Dutch, French and German headers with full confidence', () => {
    const nl = proposeMapping(['Klantnr', 'Factuurnr', 'Factuurdatum', 'Vervaldatum', 'Debet', 'Credit']);
    expect(Object.fromEntries(Object.entries(nl.fields).map(([f, c]) => [f, c.header]))).toEqual({
      party_id: 'Klantnr', doc_no: 'Factuurnr', doc_date: 'Factuurdatum', due_date: 'Vervaldatum', debit: 'Debet', credit: 'Credit',
    });
    expect(nl.side).toBe('AR');
    expect(nl.missing).toEqual([]);
    const fr = proposeMapping(['Fournisseur', 'N° facture', 'Date', 'Échéance', 'Montant']);
    expect(fr.side).toBe('AP');
    expect(fr.fields.doc_no?.confidence).toBe(1);
    expect(fr.fields.due_date?.header).toBe('Échéance');
    const de = proposeMapping(['Kunde', 'Rechnungsnummer', 'Buchungsdatum', 'Fälligkeit', 'Betrag']);
    expect(de.fields.due_date?.header).toBe('Fälligkeit');
    expect(de.missing).toEqual([]);
  });

  it('says what is missing, and trusts a header less when its values do not fit', () => {
    const p = proposeMapping(['Omschrijving', 'Bedrag'], [['x', 'veel']]);
    expect(p.missing).toEqual(['ledger', 'party_id', 'doc_no', 'entry_date']);
    expect(p.fields.amount?.confidence).toBeLessThan(0.5);
  });

  it('uses a customer name column as the party code when there is no code column', () => {
    const p = proposeMapping(['Klantnaam', 'Factuurnr', 'Datum', 'Bedrag']);
    expect(p.fields.party_id).toMatchObject({ header: 'Klantnaam', confidence: 0.5 });
    expect(p.side).toBe('AR');
    expect(p.missing).toEqual([]);
  });

  it('gives one layout one signature, whatever the spelling of its headers', () => {
    expect(mappingSignature(['Factuurnr.', 'Vervaldatum '])).toBe(mappingSignature(['FACTUURNR', 'vervaldatum']));
    expect(mappingSignature(['Factuurnr', 'Vervaldatum'])).not.toBe(mappingSignature(['Vervaldatum', 'Factuurnr']));
  });
});

describe('applying a corrected mapping', () => {
  const table: Table = {
    file: 'export.csv',
    headers: ['Code', 'Stuk', 'Dag', 'Waarde'],
    rows: [['R1', 'S-1', '03/02/2024', '1.000,00'], ['R1', 'S-2', '04/02/2024', '(250,00)']],
    lines: [2, 3],
  };

  it('imports with the columns, side and date order the user chose', async () => {
    const proposal = proposeMapping(table.headers, table.rows);
    expect(proposal.missing.length).toBeGreaterThan(0);
    const mapping = {
      ...proposal,
      side: 'AP' as const,
      dateOrder: 'mdy' as const,
      fields: {
        party_id: { column: 0, header: 'Code', confidence: 1 },
        doc_no: { column: 1, header: 'Stuk', confidence: 1 },
        entry_date: { column: 2, header: 'Dag', confidence: 1 },
        amount: { column: 3, header: 'Waarde', confidence: 1 },
      },
      missing: [],
    };
    const result = await applyMapping(table, mapping);
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AP R1 invoice S-1 2024-03-02 2024-03-02 100000 EUR',
      'AP R1 credit_note S-2 2024-04-02 2024-04-02 -25000 EUR',
    ]);
  });
});
