// The columns of a general-ledger transaction list (one row per GL line of every account), found
// by header in English, Dutch, French and German (the words of tabular/vocabulary.ts where the
// subledger mapping has them), and by content where no header names them: dates, amounts, a
// debit/credit indicator (tabular/content.ts) and an account column of account numbers.
//   Datum;Grootboekrekening;Omschrijving;Debet;Credit;Relatie → date 0, account 1, description 2, …
//   Date;1300;Invoice 1;121.00 (no known headers) → date and amount by content, account by its numbers
import { matchColumns } from '../tabular/columns';
import { columnTexts, contentKind, type ContentKind } from '../tabular/content';
import { parseLocaleAmount } from '../numbers';
import { HEADER_WORDS, normalizeWord } from '../tabular/vocabulary';
import { isBlankRow, type Cell } from '../table';

export type GlCol =
  | 'account' | 'accountId' | 'date' | 'debit' | 'credit' | 'amount' | 'sign' | 'customer' | 'vendor'
  | 'party' | 'partyName' | 'invoice' | 'bill' | 'doc' | 'transaction' | 'journal' | 'description' | 'other';

export type GlColumns = Partial<Record<GlCol, number>>;

/** Header words of an account column that only a general ledger has (no subledger's side column). */
const LEDGER_ACCOUNT_WORDS = [
  'glaccount', 'glaccountname', 'generalledgeraccount', 'ledgeraccount', 'nominalaccount', 'grootboekrekening',
  'grootboekrekeningnaam', 'comptegeneral', 'libellecompte', 'intitulecompte', 'comptelib', 'sachkonto',
  'sachkontobezeichnung', 'kontobezeichnung', 'hauptbuchkonto',
];
const LEDGER_ACCOUNT_ID_WORDS = [
  'glaccountnumber', 'glaccountno', 'glaccountcode', 'glcode', 'nominalcode', 'grootboeknummer', 'grootboeknr',
  'grootboekrekeningnummer', 'numerocompte', 'numerodecompte', 'ncompte', 'comptenum', 'sachkontonummer',
  'sachkontonr', 'kontonummer', 'kontonr',
];

const WORDS: Record<GlCol, readonly string[]> = {
  account: ['account', 'accountname', 'rekening', 'rekeningnaam', 'grootboek', 'compte', 'konto', 'kontoname', ...LEDGER_ACCOUNT_WORDS],
  accountId: ['accountid', 'accountnumber', 'accountno', 'accountnr', 'accountcode', 'rekeningnummer', 'rekeningnr', ...LEDGER_ACCOUNT_ID_WORDS],
  date: [...HEADER_WORDS.entry_date, ...HEADER_WORDS.doc_date, 'valuedate', 'valutadatum'],
  debit: HEADER_WORDS.debit,
  credit: HEADER_WORDS.credit,
  amount: [...HEADER_WORDS.amount, 'value', 'saldo', 'mutatie', 'mutation'],
  sign: HEADER_WORDS.sign,
  customer: ['customer', 'customername', 'klant', 'klantnaam', 'client', 'nomclient', 'kunde', 'kundenname', 'debiteur', 'debitor'],
  vendor: ['vendor', 'vendorname', 'supplier', 'suppliername', 'leverancier', 'leveranciersnaam', 'fournisseur', 'nomfournisseur', 'lieferant', 'lieferantenname', 'crediteur', 'kreditor'],
  party: [
    'contact', 'contactid', 'party', 'partyid', 'relatie', 'relatiecode', 'relatienummer', 'relation', 'coderelation', 'tiers',
    'codetiers', 'compteauxiliaire', 'compauxnum', 'partner', 'partnernr', 'geschaftspartner', 'personenkonto',
    'customersupplier', 'customervendor', 'debtorcreditor', 'klantleverancier', 'debiteurcrediteur', 'clientfournisseur',
    'kundelieferant', 'debitorkreditor',
  ],
  partyName: ['name', 'contactname', 'partyname', 'naam', 'relatienaam', 'nom', 'nomtiers', 'compauxlib', 'partnername', 'geschaftspartnername'],
  invoice: ['invoicenumber', 'invoiceno', 'invoicenr', 'invoice', 'factuurnummer', 'factuurnr', 'factuur', 'numerofacture', 'nfacture', 'facture', 'rechnungsnummer', 'rechnungsnr', 'rechnung'],
  bill: ['billnumber', 'billno', 'bill', 'inkoopfactuurnummer', 'inkoopfactuur'],
  doc: [
    'reference', 'ref', 'document', 'documentnumber', 'documentno', 'docno', 'referentie', 'kenmerk', 'boekstuk',
    'boekstuknummer', 'stuknummer', 'piece', 'npiece', 'numeropiece', 'pieceref', 'beleg', 'belegnummer', 'belegnr',
    'belegfeld1', 'voucher', 'voucherno', 'vouchernumber',
  ],
  transaction: ['transactionid', 'transaction', 'transactionnumber', 'entryno', 'entrynumber', 'journalentry', 'boekingsnummer', 'boeking', 'ecriture', 'ecriturenum', 'numeroecriture', 'buchungsnummer', 'buchung'],
  journal: ['journal', 'journalcode', 'journalname', 'dagboek', 'dagboekcode', 'codejournal', 'journallib', 'buchungskreis'],
  description: [...HEADER_WORDS.description, 'transactiondescription', 'ecriturelib', 'libelleecriture', 'notes', 'tekst'],
  other: ['otheraccounts', 'otheraccountsforthistransaction', 'tegenrekening', 'contrepartie', 'comptecontrepartie', 'gegenkonto', 'contraaccount', 'offsetaccount'],
};

const DATE_COLS: readonly GlCol[] = ['date'];
const AMOUNT_COLS: readonly GlCol[] = ['debit', 'credit', 'amount'];

/** An account as a GL writes it: a number of at least three digits, maybe followed by its name. */
const ACCOUNT_NUMBER = /^\d{3,}(?:$|[\s\-–:.])/;

/** Columns by header, each header column kept only when its values do not contradict it. */
function byHeader(headers: readonly string[], kinds: readonly (ContentKind | null)[], samples: readonly Cell[][]): GlColumns {
  const at: GlColumns = {};
  for (const [col, choice] of Object.entries(matchColumns(headers, WORDS)) as [GlCol, { column: number }][]) {
    const filled = columnTexts(samples, choice.column).length > 0;
    const kind = kinds[choice.column];
    if (DATE_COLS.includes(col) && filled && kind !== 'date') continue;
    if (AMOUNT_COLS.includes(col) && filled && kind !== 'amount' && !readAsAmounts(columnTexts(samples, choice.column))) continue;
    at[col] = choice.column;
  }
  return at;
}

function readAsAmounts(values: readonly string[]): boolean {
  return values.every((v) => parseLocaleAmount(v, ',') !== null || parseLocaleAmount(v, '.') !== null);
}

/**
 * The column of account numbers among those no header claimed: filled on every row (a GL line is
 * always on an account), the one with the fewest distinct numbers.
 */
function accountByContent(samples: readonly Cell[][], free: readonly number[], kinds: readonly (ContentKind | null)[]): number | undefined {
  const rows = samples.filter((r) => !isBlankRow(r)).length;
  let best: { column: number; distinct: number } | undefined;
  for (const column of free) {
    const values = columnTexts(samples, column);
    if (values.length < rows || kinds[column] !== null || !values.every((v) => ACCOUNT_NUMBER.test(v))) continue;
    const distinct = new Set(values).size;
    if (distinct >= 2 && (best === undefined || distinct < best.distinct)) best = { column, distinct };
  }
  return best?.column;
}

/** The columns of a GL transaction list, by header and then by content for what no header named. */
export function glListColumns(headers: readonly string[], samples: readonly Cell[][]): GlColumns {
  const kinds = headers.map((_, column) => contentKind(columnTexts(samples, column)));
  const at = byHeader(headers, kinds, samples);
  const used = new Set(Object.values(at));
  const free = (kind: ContentKind): number => kinds.findIndex((k, c) => k === kind && !used.has(c));
  const claim = (col: GlCol, column: number | undefined): void => {
    if (column === undefined || column < 0) return;
    at[col] = column;
    used.add(column);
  };
  if (at.date === undefined) claim('date', free('date'));
  if (at.sign === undefined) claim('sign', free('sign'));
  if (at.debit === undefined && at.credit === undefined && at.amount === undefined) {
    claim('amount', kinds.findLastIndex((k, c) => k === 'amount' && !used.has(c)));
  }
  if (at.account === undefined && at.accountId === undefined) {
    claim('account', accountByContent(samples, headers.map((_, c) => c).filter((c) => !used.has(c)), kinds));
  }
  return at;
}

/** True when the columns make a GL transaction list: an account, a date and an amount. */
export function hasGlListShape(at: GlColumns): boolean {
  return (at.account !== undefined || at.accountId !== undefined) && at.date !== undefined
    && (at.debit !== undefined || at.credit !== undefined || at.amount !== undefined);
}

/** True when the account column's header is one only a general ledger has (`Grootboekrekening`, `Sachkonto`). */
export function namesLedgerAccount(headers: readonly string[], at: GlColumns): boolean {
  const words = new Set([...LEDGER_ACCOUNT_WORDS, ...LEDGER_ACCOUNT_ID_WORDS]);
  return [at.account, at.accountId].some((c) => c !== undefined && words.has(normalizeWord(headers[c] ?? '')));
}
