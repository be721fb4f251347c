// The worksheets' words in English, Dutch and French: column headers, sheet names, report titles
// and the print header/footer texts. Headers avoid `[ ] # '` so that structured references
// (`Table[Header]`) need no escaping; `{base}` and `{side}` are filled in by `words()`.
import type { EntryType, Side } from '../core/types';
import { fill, type Lang, type Words } from '../core/words';

const HEADERS = {
  ledger: { en: 'Ledger', nl: 'Administratie', fr: 'Auxiliaire' },
  partyId: { en: 'Party', nl: 'Relatie', fr: 'Tiers' },
  partyName: { en: 'Name', nl: 'Naam', fr: 'Nom' },
  docNo: { en: 'Document', nl: 'Document', fr: 'Pièce' },
  invoice: { en: 'Invoice', nl: 'Factuur', fr: 'Facture' },
  entryType: { en: 'Type', nl: 'Soort', fr: 'Type' },
  entryDate: { en: 'Entry date', nl: 'Boekdatum', fr: 'Date comptable' },
  docDate: { en: 'Doc date', nl: 'Documentdatum', fr: 'Date pièce' },
  dueDate: { en: 'Due date', nl: 'Vervaldatum', fr: 'Échéance' },
  settledDate: { en: 'Settled on', nl: 'Voldaan op', fr: 'Soldée le' },
  daysOverdue: { en: 'Days overdue', nl: 'Dagen te laat', fr: 'Jours échus' },
  bucket: { en: 'Bucket', nl: 'Periode', fr: 'Tranche' },
  currency: { en: 'Currency', nl: 'Valuta', fr: 'Devise' },
  amount: { en: 'Amount', nl: 'Bedrag', fr: 'Montant' },
  open: { en: 'Open amount', nl: 'Openstaand', fr: 'Solde ouvert' },
  openBase: { en: 'Open ({base})', nl: 'Open ({base})', fr: 'Ouvert ({base})' },
  amountBase: { en: 'Amount ({base})', nl: 'Bedrag ({base})', fr: 'Montant ({base})' },
  handled: { en: 'Handled', nl: 'Behandeld', fr: 'Traité' },
  note: { en: 'Note', nl: 'Notitie', fr: 'Note' },
  followUp: { en: 'Follow-up', nl: 'Opvolgen', fr: 'Relance' },
  balance: { en: 'Balance', nl: 'Saldo', fr: 'Solde' },
  overdue: { en: 'Overdue', nl: 'Vervallen', fr: 'Échu' },
  notDue: { en: 'Not yet due', nl: 'Niet vervallen', fr: 'Non échu' },
  total: { en: 'Total', nl: 'Totaal', fr: 'Total' },
  openItems: { en: 'Open items', nl: 'Open posten', fr: 'Postes ouverts' },
  creditLimit: { en: 'Credit limit', nl: 'Kredietlimiet', fr: 'Limite de crédit' },
  headroom: { en: 'Headroom', nl: 'Ruimte', fr: 'Marge' },
  overLimit: { en: 'Over limit', nl: 'Boven limiet', fr: 'Dépassement' },
  oldestOverdueDays: { en: 'Oldest overdue days', nl: 'Oudste vervallen dagen', fr: 'Retard max jours' },
  lastPaymentDate: { en: 'Last payment', nl: 'Laatste betaling', fr: 'Dernier paiement' },
  settles: { en: 'Settles', nl: 'Verrekent', fr: 'Lettrée sur' },
  description: { en: 'Description', nl: 'Omschrijving', fr: 'Libellé' },
  balanceBase: { en: 'Balance ({base})', nl: 'Saldo ({base})', fr: 'Solde ({base})' },
  balanceInCurrency: { en: 'Balance in currency', nl: 'Saldo in valuta', fr: 'Solde en devise' },
  opening: { en: 'Opening', nl: 'Beginsaldo', fr: 'Solde initial' },
  invoiced: { en: 'Invoiced', nl: 'Gefactureerd', fr: 'Facturé' },
  credited: { en: 'Credited', nl: 'Gecrediteerd', fr: 'Avoirs' },
  paid: { en: 'Paid', nl: 'Betaald', fr: 'Payé' },
  other: { en: 'Other', nl: 'Overig', fr: 'Autres' },
  fxDifference: { en: 'FX difference', nl: 'Koersverschil', fr: 'Écart de change' },
  closing: { en: 'Closing', nl: 'Eindsaldo', fr: 'Solde final' },
  invoicesSettled: { en: 'Invoices settled', nl: 'Facturen voldaan', fr: 'Factures soldées' },
  avgDaysToPay: { en: 'Avg days to pay', nl: 'Gem betaaldagen', fr: 'Délai moyen' },
  weightedDaysToPay: { en: 'Weighted days to pay', nl: 'Gewogen betaaldagen', fr: 'Délai pondéré' },
  avgDaysLate: { en: 'Avg days late', nl: 'Gem dagen te laat', fr: 'Retard moyen' },
  onTimeRate: { en: 'On time', nl: 'Op tijd', fr: 'À temps' },
  dso: { en: 'DSO', nl: 'DSO', fr: 'DSO' },
  bestPossibleDso: { en: 'Best possible DSO', nl: 'Best mogelijke DSO', fr: 'DSO optimal' },
  add: { en: 'ADD', nl: 'ADD', fr: 'ADD' },
  cei: { en: 'CEI', nl: 'CEI', fr: 'CEI' },
  daysToPay: { en: 'Days to pay', nl: 'Betaaldagen', fr: 'Jours pour payer' },
  daysLate: { en: 'Days late', nl: 'Dagen te laat', fr: 'Jours de retard' },
  dueWithin: { en: 'Due within {n} days', nl: 'Vervalt binnen {n} dagen', fr: 'Échéance sous {n} jours' },
  paymentsKnownUpTo: { en: 'Payments known up to', nl: 'Betalingen bekend tot', fr: 'Paiements connus au' },
  receivables: { en: 'Receivables', nl: 'Debiteuren', fr: 'Clients' },
  payables: { en: 'Payables', nl: 'Crediteuren', fr: 'Fournisseurs' },
  rate: { en: 'Closing rate', nl: 'Slotkoers', fr: 'Cours de clôture' },
  rateDate: { en: 'Rate date', nl: 'Koersdatum', fr: 'Date du cours' },
  revaluedBase: { en: 'At closing rate ({base})', nl: 'Tegen slotkoers ({base})', fr: 'Au cours de clôture ({base})' },
  difference: { en: 'Difference', nl: 'Verschil', fr: 'Écart' },
  resultEffect: { en: 'Result', nl: 'Resultaat', fr: 'Résultat' },
  gains: { en: 'Exchange gains', nl: 'Koerswinst', fr: 'Gains de change' },
  losses: { en: 'Exchange losses', nl: 'Koersverlies', fr: 'Pertes de change' },
  account: { en: 'Account', nl: 'Rekening', fr: 'Compte' },
  debit: { en: 'Debit', nl: 'Debet', fr: 'Débit' },
  credit: { en: 'Credit', nl: 'Credit', fr: 'Crédit' },
} as const satisfies Record<string, Words>;

const SHEETS = {
  dashboard: { en: 'Dashboard', nl: 'Dashboard', fr: 'Tableau de bord' },
  'open-items': { en: 'Open items {side}', nl: 'Open posten {side}', fr: 'Postes ouverts {side}' },
  aging: { en: 'Aging {side}', nl: 'Ouderdom {side}', fr: 'Balance âgée {side}' },
  balances: { en: 'Balances {side}', nl: 'Saldilijst {side}', fr: 'Soldes {side}' },
  mutations: { en: 'Mutations', nl: 'Mutaties', fr: 'Mouvements' },
  'party-cards': { en: 'Party cards', nl: 'Relatiekaarten', fr: 'Fiches tiers' },
  turnaround: { en: 'Turnaround', nl: 'Omloopsnelheid', fr: 'Rotation' },
  'payment-behaviour': { en: 'Payment behaviour', nl: 'Betaalgedrag', fr: 'Comportement paiement' },
  revaluation: { en: 'Revaluation', nl: 'Herwaardering', fr: 'Réévaluation' },
  confirmations: { en: 'Confirmations', nl: 'Saldibevestigingen', fr: 'Confirmations de solde' },
} as const satisfies Record<string, Words>;

const TITLES = {
  dashboard: { en: 'Key figures', nl: 'Kerncijfers', fr: 'Chiffres clés' },
  'open-items': { en: 'Open items {side}', nl: 'Openstaande posten {side}', fr: 'Postes ouverts {side}' },
  aging: { en: 'Aging {side}', nl: 'Ouderdomsanalyse {side}', fr: 'Balance âgée {side}' },
  balances: { en: 'Balance list {side}', nl: 'Saldilijst {side}', fr: 'Balance des soldes {side}' },
  mutations: { en: 'Mutations', nl: 'Mutatieoverzicht', fr: 'Mouvements' },
  'party-cards': { en: 'Party cards', nl: 'Relatiekaarten', fr: 'Fiches tiers' },
  turnaround: { en: 'Turnaround', nl: 'Omloopsnelheid', fr: 'Rotation' },
  'payment-behaviour': { en: 'Payment behaviour', nl: 'Betaalgedrag', fr: 'Comportement de paiement' },
  revaluation: {
    en: 'Revaluation at closing rates',
    nl: 'Herwaardering tegen slotkoersen',
    fr: 'Réévaluation aux cours de clôture',
  },
  confirmations: { en: 'Balance confirmations', nl: 'Saldibevestigingen', fr: 'Confirmations de solde' },
} as const satisfies Record<string, Words>;

const PHRASES = {
  asOf: { en: 'As of {date}', nl: 'Per {date}', fr: 'Au {date}' },
  period: { en: 'Period {from} to {to}', nl: 'Periode {from} t/m {to}', fr: 'Période du {from} au {to}' },
  paymentsKnownUpTo: { en: 'Payments known up to {date}', nl: 'Betalingen bekend tot {date}', fr: 'Paiements connus au {date}' },
  noPayments: { en: 'none', nl: 'geen', fr: 'aucun' },
  page: { en: 'Page &P of &N', nl: 'Pagina &P van &N', fr: 'Page &P sur &N' },
  total: { en: 'Total', nl: 'Totaal', fr: 'Total' },
  openingBalance: { en: 'Opening balance', nl: 'Beginsaldo', fr: 'Solde initial' },
  closingBalance: { en: 'Closing balance', nl: 'Eindsaldo', fr: 'Solde final' },
  partyHeading: { en: '{side} {id} — {name} · {currencies}', nl: '{side} {id} — {name} · {currencies}', fr: '{side} {id} — {name} · {currencies}' },
  customer: { en: 'Customer', nl: 'Klant', fr: 'Client' },
  supplier: { en: 'Supplier', nl: 'Leverancier', fr: 'Fournisseur' },
  notDueBucket: { en: 'Not due', nl: 'Niet vervallen', fr: 'Non échu' },
  receivables: { en: 'receivables', nl: 'debiteuren', fr: 'clients' },
  payables: { en: 'payables', nl: 'crediteuren', fr: 'fournisseurs' },
  chartOverdue: { en: 'Overdue and not yet due', nl: 'Vervallen en niet vervallen', fr: 'Échu et non échu' },
  chartAging: { en: 'Aging by bucket', nl: 'Ouderdom per periode', fr: 'Balance âgée par tranche' },
  closingRates: { en: 'Closing rates: {rates}', nl: 'Slotkoersen: {rates}', fr: 'Cours de clôture : {rates}' },
  ratePer: { en: '{rate} per {base}', nl: '{rate} per {base}', fr: '{rate} pour 1 {base}' },
  revaluationTotals: { en: 'Totals per ledger and currency', nl: 'Totalen per administratie en valuta', fr: 'Totaux par auxiliaire et devise' },
  revaluationResults: { en: 'Unrealised exchange result', nl: 'Niet-gerealiseerd koersresultaat', fr: 'Résultat de change latent' },
  revaluationJournal: { en: 'Journal entry to post', nl: 'Te boeken memoriaalpost', fr: 'Écriture à passer' },
  noForeignItems: { en: 'No open items in a foreign currency', nl: 'Geen openstaande posten in vreemde valuta', fr: 'Aucun poste ouvert en devise' },
  atClosingRate: {
    en: 'At closing rate {currency} {rate} ({date}): difference {difference}',
    nl: 'Tegen slotkoers {currency} {rate} ({date}): verschil {difference}',
    fr: 'Au cours de clôture {currency} {rate} ({date}) : écart {difference}',
  },
  confirmAll: {
    en: 'Selection: every party with open items ({n})',
    nl: 'Selectie: elke relatie met openstaande posten ({n})',
    fr: 'Sélection : chaque tiers avec des postes ouverts ({n})',
  },
  confirmOver: {
    en: 'Selection: every party with a balance of at least {amount} ({n})',
    nl: 'Selectie: elke relatie met een saldo van ten minste {amount} ({n})',
    fr: 'Sélection : chaque tiers dont le solde atteint au moins {amount} ({n})',
  },
  confirmSample: {
    en: 'Selection: a random sample of {n} parties with open items, seed {seed}',
    nl: 'Selectie: een steekproef van {n} relaties met openstaande posten, seed {seed}',
    fr: 'Sélection : un échantillon aléatoire de {n} tiers avec des postes ouverts, graine {seed}',
  },
  confirmParties: { en: 'Selection: the parties chosen ({n})', nl: 'Selectie: de gekozen relaties ({n})', fr: 'Sélection : les tiers choisis ({n})' },
  debtors: { en: 'Debtors (control account)', nl: 'Debiteuren (centralisatierekening)', fr: 'Clients (compte collectif)' },
  creditors: { en: 'Creditors (control account)', nl: 'Crediteuren (centralisatierekening)', fr: 'Fournisseurs (compte collectif)' },
  'exchange-gain': { en: 'Unrealised exchange gain', nl: 'Niet-gerealiseerde koerswinst', fr: 'Gain de change latent' },
  'exchange-loss': { en: 'Unrealised exchange loss', nl: 'Niet-gerealiseerd koersverlies', fr: 'Perte de change latente' },
} as const satisfies Record<string, Words>;

const ENTRY_TYPES = {
  invoice: { en: 'Invoice', nl: 'Factuur', fr: 'Facture' },
  credit_note: { en: 'Credit note', nl: 'Creditnota', fr: 'Avoir' },
  payment: { en: 'Payment', nl: 'Betaling', fr: 'Paiement' },
  journal: { en: 'Journal', nl: 'Memoriaal', fr: 'Opération diverse' },
} as const satisfies Record<EntryType, Words>;

export type HeaderKey = keyof typeof HEADERS;
export type SheetKey = keyof typeof SHEETS;

/** Whether a text is one of the sheets' keys (`open-items`, `aging`, …). */
export function isSheetKey(key: string): key is SheetKey {
  return Object.hasOwn(SHEETS, key);
}
export type PhraseKey = keyof typeof PHRASES;

/** The sheets' word tables, for the catalogue check (every key in every language). */
export const SHEET_CATALOGUES = { HEADERS, SHEETS, TITLES, PHRASES, ENTRY_TYPES } as const;

/** The words of one language, with placeholders filled. */
export function words(lang: Lang) {
  return {
    header: (key: HeaderKey, values: Record<string, string | number> = {}) => fill(HEADERS[key][lang], values),
    sheetName: (key: SheetKey, side?: Side) => fill(SHEETS[key][lang], { side: side ?? '' }).trim(),
    title: (key: SheetKey, side?: Side) =>
      fill(TITLES[key][lang], { side: side === undefined ? '' : PHRASES[side === 'AR' ? 'receivables' : 'payables'][lang] }).trim(),
    phrase: (key: PhraseKey, values: Record<string, string | number> = {}) => fill(PHRASES[key][lang], values),
    entryType: (type: EntryType) => ENTRY_TYPES[type][lang],
    /** ledger.md's bucket labels: only "not due" has words; `1-30`, `>120` read the same everywhere. */
    bucketLabel: (label: string) => (label === 'not due' ? PHRASES.notDueBucket[lang] : label),
  };
}

export type Vocabulary = ReturnType<typeof words>;
