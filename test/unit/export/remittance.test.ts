import { describe, expect, it } from 'vitest';
import { remittanceOf } from '../../../src/export/remittance';

const BBA = { issuer: 'BBA', ref: '010806817183' } as const;

describe('the remittance line', () => {
  it('sends the structured reference of a lone item, and shows it as the supplier printed it', () => {
    expect(remittanceOf([{ docNo: 'INV-1', paymentRef: ' +++010/8068/17183+++ ', reference: BBA }])).toEqual({
      kind: 'structured',
      reference: BBA,
      text: '+++010/8068/17183+++',
    });
  });

  it('names the invoices (in SEPA characters) when several are paid together, with our reference', () => {
    const items = [
      { docNo: 'Fakt. Nº 7 – «März»', reference: BBA },
      { docNo: 'CN_8', reference: null },
    ];
    expect(remittanceOf(items, 'Klant 4711 & co')).toEqual({ kind: 'unstructured', text: "Fakt. N 7 - 'Marz', CN-8 / Klant 4711 + co" });
  });

  it('never leaves the line empty', () => {
    expect(remittanceOf([{ docNo: '株式会社', reference: null }])).toEqual({ kind: 'unstructured', text: 'Payment' });
  });
});
