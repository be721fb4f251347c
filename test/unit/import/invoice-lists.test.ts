// Invoice lists as invoicing apps and ERPs write them, in Dutch, French and German: one row per
// invoice or per invoice line, an open-amount column with or without a last-payment date,
// drafts and cancelled documents, exchange rates either way round. Expected figures are worked
// out by hand from the lines of each file.
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../src/core/date';
import { allItemsAsOf } from '../../../src/core/open-items';
import type { ImportResult } from '../../../src/core/types';
import { describeSource } from '../../../src/import/messages';
import { proposeMapping } from '../../../src/import/tabular/mapping';
import { errors, importText, textFile } from './helpers';

const AS_OF = parseIsoDate('2030-01-01') ?? 0;

/** Each item as "party doc amount open [amountBase openBase]". */
function items(result: ImportResult, base = false): string[] {
  if (!result.ledger) throw new Error(`not imported: ${result.issues.map((i) => i.message).join('; ')}`);
  return allItemsAsOf(result.ledger, AS_OF).map((i) =>
    [i.ledger, i.partyId, i.docNo, i.amount, i.open, ...(base ? [i.amountBase, i.openBase] : [])].join(' '));
}

function codes(result: ImportResult): string[] {
  return result.issues.map((i) => i.code);
}

describe('invoice lists', () => {
  it('Dutch, one row per invoice: Openstaand with a last-payment date, Concept and Geannuleerd left out', async () => {
    const csv = [
      'Factuurnummer;Klantnr;Klantnaam;Factuurdatum;Vervaldatum;Status;Totaal;Openstaand;Laatste betaling',
      'F-101;K1;Bakkerij Jansen;15-01-2024;14-02-2024;Verzonden;1.210,00;210,00;20-02-2024',
      'F-102;K1;Bakkerij Jansen;20-01-2024;19-02-2024;Betaald;605,00;0,00;01-03-2024',
      'F-103;K2;Slagerij Peeters;25-01-2024;24-02-2024;Concept;99,00;99,00;',
      'F-104;K2;Slagerij Peeters;26-01-2024;25-02-2024;Geannuleerd;50,00;50,00;',
      'F-105;K2;Slagerij Peeters;27-01-2024;26-02-2024;Open;2.000,50;2.000,50;',
    ].join('\n');
    const result = await importText('facturen.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(items(result).sort()).toEqual(['AR K1 F-101 121000 21000', 'AR K1 F-102 60500 0', 'AR K2 F-105 200050 200050']);
    expect(result.issues.find((i) => i.code === 'documents-left-out')?.params).toMatchObject({ drafts: 1, cancelled: 1, lines: 2 });
    const payments = result.ledger?.entries.filter((e) => e.entryType === 'payment').map((e) => [e.settles, e.amount, formatIsoDate(e.entryDate)]);
    expect(payments).toEqual([['F-101', -100000, '2024-02-20'], ['F-102', -60500, '2024-03-01']]);
    expect(codes(result)).not.toContain('payment-date-assumed');
    expect(describeSource(result.report?.source ?? { kind: '', lines: 0 }, 'nl')).toBe('factuurlijst, 5 regels → 3 documenten: 1 concepten weggelaten, 1 geannuleerde weggelaten; 2 afgeletterd');
  });

  it('French, one row per invoice line without a total: the lines are added up; Solde without a payment date', async () => {
    const csv = [
      'N° facture;Code client;Date facture;Échéance;Statut;Désignation;Montant;Solde',
      'FA-1;C01;05/03/2024;04/04/2024;Envoyée;Conseil;1 000,00;600,00',
      'FA-1;C01;05/03/2024;04/04/2024;Envoyée;Frais;200,00;600,00',
      'FA-2;C02;12/03/2024;11/04/2024;Brouillon;Conseil;300,00;300,00',
      'FA-3;C02;18/03/2024;17/04/2024;Annulée;Conseil;80,00;80,00',
      'FA-3;C02;18/03/2024;17/04/2024;Annulée;Frais;20,00;80,00',
      'FA-4;C02;20/03/2024;19/04/2024;Payée;Conseil;450,00;0,00',
    ].join('\n');
    const result = await importText('factures.csv', csv);
    expect(errors(result)).toEqual([]);
    // FA-1: 1 000,00 + 200,00 = 1 200,00, of which 600,00 still open.
    expect(items(result).sort()).toEqual(['AR C01 FA-1 120000 60000', 'AR C02 FA-4 45000 0']);
    expect(result.issues.find((i) => i.code === 'documents-left-out')?.params).toMatchObject({ drafts: 1, cancelled: 1, lines: 3 });
    // No payment date in the file: the payments are dated at its latest date, 20/03/2024, with a warning.
    expect(result.issues.find((i) => i.code === 'payment-date-assumed')?.params).toMatchObject({ count: 2, date: '2024-03-20' });
  });

  it('German, one row per item with the total repeated and an item total: the total counts once; Entwurf and Storniert left out', async () => {
    const csv = [
      'Rechnungsnummer;Lieferant;Rechnungsdatum;Fällig am;Status;Positionsbetrag;Gesamtbetrag;Offen;Letzte Zahlung',
      'R-9;L7;01.04.2024;01.05.2024;Teilbezahlt;100,00;119,00;19,00;15.04.2024',
      'R-9;L7;01.04.2024;01.05.2024;Teilbezahlt;19,00;119,00;19,00;15.04.2024',
      'R-10;L7;02.04.2024;02.05.2024;Entwurf;10,00;10,00;10,00;',
      'R-11;L8;03.04.2024;03.05.2024;Storniert;40,00;40,00;40,00;',
      'R-12;L8;04.04.2024;04.05.2024;Offen;500,00;595,00;595,00;',
    ].join('\n');
    const result = await importText('rechnungen.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(items(result).sort()).toEqual(['AP L7 R-9 11900 1900', 'AP L8 R-12 59500 59500']);
    // R-12's line (500,00) is not its total (595,00, VAT included): said once, the total kept.
    expect(result.issues.find((i) => i.code === 'line-sum-differs')?.params).toMatchObject({ count: 1, doc: 'R-12' });
    expect(describeSource(result.report?.source ?? { kind: '', lines: 0 }, 'en')).toBe('invoice list, 5 lines → 2 documents: 1 drafts left out, 1 cancelled left out; 1 matched');
  });

  it('an exchange rate as base per unit gives amount_base, checked against a base-amount column', async () => {
    const csv = [
      'Invoice No,Customer,Invoice Date,Currency,Exchange Rate,Total,Amount EUR,Balance',
      'I-1,ACME,2024-05-02,USD,0.92,100.00,92.00,100.00',
      'I-2,ACME,2024-05-03,USD,0.92,250.00,,50.00',
      'I-3,ACME,2024-05-04,EUR,1,80.00,80.00,80.00',
    ].join('\n');
    const result = await importText('invoices.csv', csv);
    expect(errors(result)).toEqual([]);
    // I-2: 250.00 × 0.92 = 230.00 in EUR, open 50.00 USD = 46.00 EUR at that rate.
    expect(items(result, true).sort()).toEqual(['AR ACME I-1 10000 10000 9200 9200', 'AR ACME I-2 25000 5000 23000 4600', 'AR ACME I-3 8000 8000 8000 8000']);
    expect(result.ledger?.baseCurrency).toBe('EUR');
  });

  it('an exchange rate as units per base is recognised from the base amounts', async () => {
    const csv = [
      'Invoice No,Customer,Invoice Date,Currency,Exchange Rate,Total,Amount EUR',
      'I-1,ACME,2024-05-02,USD,1.25,125.00,100.00',
      'I-2,ACME,2024-05-03,USD,1.25,250.00,',
    ].join('\n');
    const result = await importText('invoices.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(items(result, true).sort()).toEqual(['AR ACME I-1 12500 12500 10000 10000', 'AR ACME I-2 25000 25000 20000 20000']);
  });

  it('a base amount that fits the rate neither way is an error at its line, and nothing is imported', async () => {
    const csv = ['Invoice No,Customer,Invoice Date,Currency,Exchange Rate,Total,Amount EUR', 'I-1,ACME,2024-05-02,USD,1.25,125.00,90.00'].join('\n');
    const result = await importText('invoices.csv', csv);
    expect(result.ledger).toBeNull();
    expect(result.issues.find((i) => i.code === 'rate-mismatch')).toMatchObject({ file: 'invoices.csv', line: 2, field: 'Exchange Rate' });
  });

  it('lines of one document that disagree are an error naming the line and the column', async () => {
    const csv = [
      'Invoice No,Customer,Invoice Date,Due Date,Item Total,Total',
      'I-1,ACME,2024-05-02,2024-06-01,10.00,30.00',
      'I-1,ACME,2024-05-02,2024-06-15,20.00,30.00',
    ].join('\n');
    const result = await importText('invoices.csv', csv);
    expect(result.ledger).toBeNull();
    expect(result.issues.find((i) => i.code === 'invoice-lines-disagree')).toMatchObject({ file: 'invoices.csv', line: 3, field: 'Due Date' });
  });

  it('a balance beside debit and credit columns is a running balance, not an open amount', async () => {
    const csv = ['Klant;Factuur;Datum;Debet;Credit;Saldo;Balance', 'K1;F1;01-02-2024;100,00;;100,00;100,00', 'K1;B1;05-02-2024;;40,00;60,00;60,00'].join('\n');
    const result = await importText('kaart.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(result.ledger?.entries.map((e) => [e.docNo, e.amount])).toEqual([['F1', 10000], ['B1', -4000]]);
    expect(codes(result)).not.toContain('open-amount-ignored');
  });
});

describe('columns recognised by their content', () => {
  it('the mapping proposal shows the side and indicator columns it found by their values, with their confidence', () => {
    const p = proposeMapping(['Grootboek', 'Relatie', 'Boekstuk', 'Datum', 'Bedrag', 'Soll/Haben'], [
      ['Debiteuren', 'R1', 'V-1', '02-01-2024', '10,00', 'S'],
      ['Crediteuren', 'R2', 'I-1', '03-01-2024', '20,00', 'H'],
    ]);
    expect(p.fields.ledger).toEqual({ column: 0, header: 'Grootboek', confidence: 0.9 });
    expect(p.fields.sign?.header).toBe('Soll/Haben');
    expect(p.missing).toEqual([]);
    // Without sample rows nothing is known of the Grootboek column.
    expect(proposeMapping(['Grootboek', 'Relatie', 'Boekstuk', 'Datum', 'Bedrag']).missing).toEqual(['ledger']);
  });

  it('a Grootboek column of Debiteuren/Crediteuren is the side', async () => {
    const csv = [
      'Grootboek;Relatie;Factuurnr;Datum;Bedrag',
      'Debiteuren;R1;V-1;02-01-2024;1.500,00',
      'Crediteuren;R2;I-1;03-01-2024;800,00',
      'Debiteuren;R3;V-2;04-01-2024;-25,00',
    ].join('\n');
    const result = await importText('grootboek.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(result.ledger?.entries.map((e) => `${e.ledger} ${e.partyId} ${e.amount}`)).toEqual(['AR R1 150000', 'AP R2 80000', 'AR R3 -2500']);
  });

  it('a side column under an unusual header (Categorie: Klant/Leverancier, Catégorie: Client/Fournisseur)', async () => {
    const nl = await importText('nl.csv', ['Categorie;Relatienr;Boekstuk;Datum;Bedrag', 'Klant;K1;S1;02-01-2024;10,00', 'Leverancier;L1;S2;02-01-2024;20,00'].join('\n'));
    expect(nl.ledger?.entries.map((e) => e.ledger)).toEqual(['AR', 'AP']);
    const fr = await importText('fr.csv', ['Catégorie;Code tiers;Pièce;Date;Montant', 'Fournisseur;F1;P1;02/01/2024;10,00', 'Client;C1;P2;02/01/2024;20,00'].join('\n'));
    expect(fr.ledger?.entries.map((e) => e.ledger)).toEqual(['AP', 'AR']);
    const de = await importText('de.csv', ['Art;Geschäftspartner;Beleg;Datum;Betrag', 'Kreditor;70001;B1;02.01.2024;10,00', 'Debitor;10001;B2;02.01.2024;20,00'].join('\n'));
    expect(de.ledger?.entries.map((e) => e.ledger)).toEqual(['AP', 'AR']);
  });

  it('an S/H indicator beside an unsigned amount gives the sign, for each side', async () => {
    const csv = [
      'Seite;Geschäftspartner;Beleg;Datum;Betrag;Kennz',
      'Debitoren;10001;RE-1;02.01.2024;119,00;S',
      'Debitoren;10001;ZE-1;09.01.2024;119,00;H',
      'Kreditoren;70001;ER-1;03.01.2024;50,00;H',
      'Kreditoren;70001;ZA-1;10.01.2024;50,00;S',
    ].join('\n');
    const result = await importText('datev.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(result.ledger?.entries.map((e) => `${e.ledger} ${e.docNo} ${e.amount}`)).toEqual(['AR RE-1 11900', 'AR ZE-1 -11900', 'AP ER-1 5000', 'AP ZA-1 -5000']);
  });

  it('a value that is no indicator in the indicator column is an error at its line', async () => {
    const csv = ['Seite;Geschäftspartner;Beleg;Datum;Betrag;D/C', 'AR;10001;RE-1;02.01.2024;119,00;D', 'AR;10001;RE-2;02.01.2024;119,00;X'].join('\n');
    const result = await importText('dc.csv', csv);
    expect(result.ledger).toBeNull();
    expect(result.issues.find((i) => i.code === 'bad-sign')).toMatchObject({ file: 'dc.csv', line: 3, field: 'D/C' });
  });
});

describe('a parties export with its side and IBAN columns under other headers', () => {
  it('reads them by their values', async () => {
    const ledger = ['Soort;Relatienr;Boekstuk;Datum;Bedrag', 'Klant;R1;V-1;02-01-2024;10,00', 'Leverancier;R2;I-1;02-01-2024;20,00'].join('\n');
    const parties = ['Soort;Relatienr;Naam;Rekening', 'Klant;R1;Jansen;NL91 ABNA 0417 1643 00', 'Leverancier;R2;Peeters;BE71096123456769'].join('\n');
    const result = await importText('boek.csv', ledger, { parties: textFile('relaties.csv', parties) });
    expect(errors(result)).toEqual([]);
    expect([...(result.ledger?.parties.values() ?? [])].map((p) => [p.ledger, p.partyId, p.iban]).sort()).toEqual([
      ['AP', 'R2', 'BE71096123456769'], ['AR', 'R1', 'NL91 ABNA 0417 1643 00'],
    ]);
  });
});

describe('a file that does not say its side', () => {
  const csv = ['Relatienr;Boekstuk;Datum;Bedrag', 'X1;S-1;02-01-2024;100,00', 'X2;S-2;03-01-2024;40,00'].join('\n');

  it('asks for the side, and imports with it', async () => {
    const without = await importText('onbekend.csv', csv);
    expect(without.ledger).toBeNull();
    expect(errors(without)).toEqual(['no-side']);
    expect(without.issues[0]?.message).toContain('--side');
    const withSide = await importText('onbekend.csv', csv, { side: 'AP' });
    expect(errors(withSide)).toEqual([]);
    expect(withSide.ledger?.entries.map((e) => `${e.ledger} ${e.partyId} ${e.amount}`)).toEqual(['AP X1 10000', 'AP X2 4000']);
  });

  it('keeps the file’s own side column over the option', async () => {
    const sided = ['Zijde;Relatienr;Boekstuk;Datum;Bedrag', 'Debiteur;X1;S-1;02-01-2024;100,00'].join('\n');
    const result = await importText('zijde.csv', sided, { side: 'AP' });
    expect(result.ledger?.entries.map((e) => e.ledger)).toEqual(['AR']);
  });
});
