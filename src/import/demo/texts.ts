// Descriptions for demo entries, Flemish/Dutch with some French, plus a few that begin with
// `=`, `+`, `-` or `@`: ledger text that must land in a sheet as text, never as a formula.
import type { EntryType, Side } from '../../core/types';

const INVOICE: Record<Side, readonly string[]> = {
  AR: [
    'Levering volgens bestelbon', 'Onderhoudscontract', 'Installatie en montage', 'Prestaties consultancy',
    'Herstelling op locatie', 'Fourniture de matériel', 'Licentie en support', 'Verkoop goederen',
  ],
  AP: [
    'Huur kantoor', 'Elektriciteit en gas', 'Transportkosten', 'Aankoop grondstoffen', 'Telecom en internet',
    'Onderhoud wagenpark', 'Fournitures de bureau', 'Juridisch advies', 'Verzekeringspremie',
  ],
};
const CREDIT_NOTE = ['Creditnota retour goederen', 'Korting volgens afspraak', 'Prijsverschil', 'Note de crédit'];
const STANDALONE_CREDIT = ['Jaarbonus', 'Volumekorting', 'Commerciële toegift'];
const PAYMENT: Record<Side, readonly string[]> = {
  AR: ['Overschrijving', 'Domiciliëring', 'Betaling via Bancontact', 'Virement reçu'],
  AP: ['Betaling leverancier', 'Overschrijving', 'Domiciliëring', 'Virement émis'],
};

/** Text that looks like a formula or a sign: the downstream text guard must keep it as text. */
export const TRICKY_DESCRIPTIONS: readonly string[] = [
  '=SUM(A1:A9) klant rekende zelf',
  '-5% korting volgens mail',
  '+ extra levering zaterdag',
  '@boekhouding: btw nakijken',
  '=HYPERLINK("http://example.com")',
];

export type DescriptionKind = 'invoice' | 'credit' | 'standalone-credit' | 'payment' | 'on-account' | 'refund' | 'write-off' | 'bad-debt';

export function descriptionFor(kind: DescriptionKind, side: Side, pick: <T>(list: readonly T[]) => T): string {
  switch (kind) {
    case 'invoice':
      return pick(INVOICE[side]);
    case 'credit':
      return pick(CREDIT_NOTE);
    case 'standalone-credit':
      return pick(STANDALONE_CREDIT);
    case 'payment':
      return pick(PAYMENT[side]);
    case 'on-account':
      return side === 'AR' ? 'Voorschot zonder factuurnummer' : 'Voorschot aan leverancier';
    case 'refund':
      return 'Terugbetaling creditnota';
    case 'write-off':
      return 'Afboeking betalingsverschil';
    case 'bad-debt':
      return side === 'AR' ? 'Oninbare vordering afgeboekt' : 'Betwiste factuur afgeboekt';
  }
}

/** Document number prefixes per ledger and entry type (VF = verkoopfactuur, AF = aankoopfactuur, …). */
export const DOC_PREFIX: Record<Side, Record<EntryType, string>> = {
  AR: { invoice: 'VF', credit_note: 'VC', payment: 'ONT', journal: 'MEM' },
  AP: { invoice: 'AF', credit_note: 'AC', payment: 'BET', journal: 'MEM' },
};
