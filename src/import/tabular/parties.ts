// The optional parties file (ledger.md §1.2): the canonical parties CSV, or a parties export whose
// headers are recognised in English, Dutch, French or German (credit limit, IBAN, …).
import type { CanonicalRecord, ImportIssue, Side } from '../../core/types';
import { canonicalRecords, isCanonicalParties } from '../canonical';
import { matchColumns } from './columns';
import { columnTexts, contentKind } from './content';
import { importError } from '../issues';
import { parseLocaleAmount, detectDecimal } from '../numbers';
import { cellText, isBlankRow, type Table } from '../table';
import { HEADER_WORDS, sideOfHeader, sideOfWord } from './vocabulary';

const PARTY_WORDS = {
  ledger: HEADER_WORDS.ledger,
  party_id: HEADER_WORDS.party_id,
  name: HEADER_WORDS.party_name,
  credit_limit: ['creditlimit', 'limit', 'kredietlimiet', 'kredietlimit', 'creditlimiet', 'limitedecredit', 'plafond', 'encoursmax', 'kreditlimit', 'kreditlimite'],
  payment_terms_days: ['paymenttermsdays', 'paymentterms', 'terms', 'betalingstermijn', 'betaaltermijn', 'betalingsconditie', 'delaidepaiement', 'conditionsdepaiement', 'zahlungsziel', 'zahlungsbedingung'],
  iban: ['iban', 'bankaccount', 'rekeningnummer', 'bankrekening', 'comptebancaire', 'bankverbindung'],
  bic: ['bic', 'swift', 'swiftbic', 'bicswift'],
  email: ['email', 'mail', 'emailadres', 'courriel', 'adresseemail'],
  phone: ['phone', 'telephone', 'tel', 'telefoon', 'telefoonnummer', 'telefon', 'telefonnummer'],
  country: ['country', 'countrycode', 'land', 'landcode', 'pays', 'codepays'],
  address: ['address', 'street', 'streetaddress', 'adres', 'straat', 'adresse', 'rue', 'strasse', 'anschrift'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'postcodeplaats', 'codepostal', 'cp', 'plz', 'postleitzahl'],
  city: ['city', 'town', 'plaats', 'woonplaats', 'gemeente', 'stad', 'ville', 'localite', 'commune', 'ort', 'stadt'],
  language: ['language', 'lang', 'taal', 'langue', 'sprache', 'correspondencelanguage', 'correspondentietaal'],
  vat_no: ['vatno', 'vat', 'vatnumber', 'btwnummer', 'btwnr', 'btw', 'tva', 'numerotva', 'ntva', 'ustid', 'ustidnr', 'ustidnummer'],
} as const;

type PartyField = keyof typeof PARTY_WORDS;

export interface PartyRows {
  records: CanonicalRecord[];
  issues: ImportIssue[];
}

type PartyFields = ReturnType<typeof matchColumns<PartyField>>;

/** The side and IBAN columns by their values, where no header named them. */
function byContent(table: Table, fields: PartyFields): void {
  const samples = table.rows.slice(0, 50);
  const used = new Set(Object.values(fields).map((c) => c.column));
  table.headers.forEach((header, column) => {
    if (used.has(column)) return;
    const kind = contentKind(columnTexts(samples, column));
    if (kind === 'side' && !fields.ledger) fields.ledger = { column, header, confidence: 0.9 };
    if (kind === 'iban' && !fields.iban) fields.iban = { column, header, confidence: 0.9 };
  });
}

/** Reads a parties table into canonical party records; `given` is the side of a file that names none. */
export function partyRecords(table: Table, locale?: string, given?: Side): PartyRows {
  if (isCanonicalParties(table.headers)) return { records: canonicalRecords(table), issues: [] };
  const fields = matchColumns<PartyField>(table.headers, PARTY_WORDS);
  byContent(table, fields);
  const issues: ImportIssue[] = [];
  const partyHeader = fields.party_id?.header;
  const side: Side | null = fields.ledger ? null : (partyHeader === undefined ? null : sideOfHeader(partyHeader)) ?? given ?? null;
  const missing = [!fields.party_id ? 'party_id' : '', !fields.ledger && !side ? 'ledger' : ''].filter(Boolean);
  if (missing.length > 0) {
    return { records: [], issues: [importError('unmapped-fields', { file: table.file }, { fields: missing.join(', ') })] };
  }
  const limitColumn = fields.credit_limit?.column;
  const decimal = detectDecimal(table.rows.map((r) => cellText(r[limitColumn ?? -1])), locale);
  const records: CanonicalRecord[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const line = table.lines[i] ?? i + 2;
    const values: Partial<Record<string, string>> = {};
    for (const [field, choice] of Object.entries(fields) as [PartyField, { column: number; header: string }][]) {
      const cell = row[choice.column];
      const text = cellText(cell);
      if (text === '') continue;
      if (field === 'ledger') values.ledger = sideOfWord(text) ?? text;
      else if (field === 'credit_limit') {
        const amount = typeof cell === 'number' ? text : parseLocaleAmount(text, decimal);
        if (amount === null) issues.push(importError('bad-amount', { file: table.file, line, field: choice.header }, { value: text }));
        else values.credit_limit = amount;
      } else values[field] = text;
    }
    if (side && !values.ledger) values.ledger = side;
    records.push({ values, source: { file: table.file, line } });
  });
  return { records, issues };
}
