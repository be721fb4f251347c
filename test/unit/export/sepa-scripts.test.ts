// Supplier names and document numbers in Greek, Cyrillic or Chinese in a SEPA file: Greek
// (ELOT 743) and Cyrillic (ICAO Doc 9303) become Latin; where nothing can be carried, the item
// is refused with the reason, never paid under the party id or as a bare "Payment".
import { describe, expect, it } from 'vitest';
import { emptyHistory } from '../../../src/export/history';
import { planPayments } from '../../../src/export/payment-plan';
import { sepaText } from '../../../src/export/sepa-text';
import { transliterate } from '../../../src/export/transliterate';
import { day } from '../core/fixture';
import { openPayables, payablesLedger } from './payables';

describe('transliteration', () => {
  it.each([
    // Greek, ELOT 743 as on Greek passports and road signs
    ['Παπαδόπουλος', 'Papadopoulos'],
    ['Θεσσαλονίκη', 'Thessaloniki'],
    ['ΑΘΗΝΑ', 'ATHINA'],
    ['Ευαγγελία', 'Evangelia'],
    ['Αυτοκίνητα', 'Aftokinita'],
    ['Μπακάλης', 'Bakalis'],
    ['Λαμπράκης', 'Lambrakis'],
    ['Χαλκίδα Α.Ε.', 'Chalkida A.E.'],
    ['Ψυχικό', 'Psychiko'],
    // Cyrillic, ICAO Doc 9303
    ['ООО Ромашка', 'OOO Romashka'],
    ['Горбачёв', 'Gorbachev'],
    ['Щукин', 'Shchukin'],
    ['Юрий Хрущёв', 'Iurii Khrushchev'],
    ['Љубљана', 'Ljubljana'],
    ['Київ', 'Kiiv'],
    ['ЖЕЛЕЗО', 'ZHELEZO'],
    // nothing to do
    ['Müller & Söhne', 'Müller & Söhne'],
    ['深圳供应商', '深圳供应商'],
  ])('%s → %s', (text, latin) => {
    expect(transliterate(text)).toBe(latin);
  });

  it('goes into the SEPA text; Chinese leaves nothing', () => {
    expect(sepaText('Χαλκίδα Α.Ε. & Σία')).toBe('Chalkida A.E. + Sia');
    expect(sepaText('深圳供应商')).toBe('');
  });
});

const ENTRIES = `
  ledger | party_id | entry_type | doc_no      | entry_date | due_date   | amount
  AP     | G1       | invoice    | ΤΔΑ-17      | 2025-03-01 | 2025-03-10 | 100.00
  AP     | C1       | invoice    | INV-9       | 2025-03-01 | 2025-03-10 | 200.00
  AP     | C2       | invoice    | 发票        | 2025-03-01 | 2025-03-10 | 300.00
`;
const PARTIES = `
  ledger | party_id | name                  | iban
  AP     | G1       | Χαλκίδα Α.Ε.          | GR1601101250000000012300695
  AP     | C1       | 深圳供应商有限公司    | BE68539007547034
  AP     | C2       | Shenzhen Supply Ltd   | NL91ABNA0417164300
`;

describe('paying suppliers of other scripts', () => {
  const ledger = payablesLedger(ENTRIES, PARTIES);
  const payables = openPayables(ledger);
  const plan = planPayments(payables, { keys: payables.map((i) => i.key), executionDate: day('2025-04-01') }, emptyHistory(), {
    parties: ledger.parties,
    batchId: 'SL20250331T120000TEST',
  });

  it('pays the Greek supplier under its name in Latin, with its invoice number in Latin', () => {
    expect(plan.payments.map((p) => [p.partyId, p.creditorName, p.remittance.text])).toEqual([['G1', 'Chalkida A.E.', 'TDA-17']]);
  });

  it('refuses a supplier whose name has nothing in Latin, and an invoice number with nothing in Latin, saying why', () => {
    expect(plan.refused.map((r) => [r.partyId, r.docNo, r.code])).toEqual([
      ['C1', 'INV-9', 'no-name'],
      ['C2', '发票', 'no-document-text'],
    ]);
    expect(plan.refused[0]?.message).toContain('"深圳供应商有限公司" has nothing the SEPA character set can carry');
    expect(plan.refused[1]?.message).toContain('add its payment reference');
  });
});
