// The words exports use, in English, Dutch, French and German: column headers per field, the
// header words that say which side a party column is (customer → AR, supplier → AP), and the
// document-type and side words found in cells. Words are compared after `normalizeWord`.
import type { EntryType, Side } from '../../core/types';

/** Lower case, accents and every non-letter/digit removed: `N° Facture` → `nfacture`. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

export type TargetField =
  | 'ledger' | 'party_id' | 'party_name' | 'entry_type' | 'doc_no' | 'entry_date' | 'doc_date'
  | 'due_date' | 'amount' | 'debit' | 'credit' | 'currency' | 'amount_base' | 'settles'
  | 'description' | 'payment_ref';

export const HEADER_WORDS: Record<TargetField, string[]> = {
  ledger: ['ledger', 'subledger', 'side', 'relationtype', 'relatietype', 'soortrelatie', 'typetiers', 'arap'],
  party_id: [
    'partyid', 'party', 'customer', 'customerid', 'customerno', 'customernumber', 'customercode',
    'supplier', 'supplierid', 'supplierno', 'suppliernumber', 'vendor', 'vendorid', 'vendorno',
    'debtor', 'debtorno', 'creditor', 'creditorno', 'accountno', 'account',
    'klant', 'klantnr', 'klantnummer', 'klantcode', 'debiteur', 'debiteurnr', 'debiteurnummer',
    'leverancier', 'leveranciernr', 'leveranciersnr', 'leveranciersnummer', 'leveranciercode',
    'crediteur', 'crediteurnr', 'crediteurnummer', 'relatie', 'relatienr', 'relatiecode', 'relatienummer',
    'client', 'nclient', 'noclient', 'numeroclient', 'codeclient', 'fournisseur', 'nfournisseur',
    'codefournisseur', 'numerofournisseur', 'tiers', 'codetiers',
    'kunde', 'kundennr', 'kundennummer', 'lieferant', 'lieferantennr', 'lieferantennummer',
    'debitor', 'debitorennr', 'debitorennummer', 'kreditor', 'kreditorennr', 'kreditorennummer',
  ],
  party_name: [
    'partyname', 'name', 'customername', 'suppliername', 'vendorname', 'debtorname', 'creditorname',
    'naam', 'klantnaam', 'leveranciersnaam', 'leveranciernaam', 'relatienaam', 'debiteurnaam',
    'crediteurnaam', 'bedrijfsnaam', 'nom', 'nomclient', 'nomfournisseur', 'nomtiers', 'raisonsociale',
    'kundenname', 'lieferantenname', 'firma', 'firmenname',
  ],
  entry_type: [
    'entrytype', 'type', 'doctype', 'documenttype', 'transactiontype', 'soort', 'documentsoort',
    'boekingssoort', 'typedocument', 'typepiece', 'typedepiece', 'nature', 'belegart', 'dokumentart',
    'buchungsart',
  ],
  doc_no: [
    'docno', 'document', 'documentno', 'documentnumber', 'documentnr', 'invoice', 'invoiceno',
    'invoicenumber', 'invoicenr', 'factuur', 'factuurnr', 'factuurnummer', 'documentnummer',
    'boekstuk', 'boekstuknr', 'boekstuknummer', 'stuknr', 'stuknummer', 'nfacture', 'nofacture',
    'numerofacture', 'facture', 'nodocument', 'ndocument', 'numerodocument', 'piece', 'npiece',
    'numeropiece', 'rechnung', 'rechnungsnr', 'rechnungsnummer', 'belegnr', 'belegnummer', 'beleg',
    'dokumentnr', 'dokumentnummer',
  ],
  entry_date: [
    'entrydate', 'postingdate', 'bookingdate', 'date', 'transactiondate', 'boekdatum',
    'boekingsdatum', 'datum', 'datecomptable', 'datecomptabilisation', 'datedecomptabilisation',
    'dateecriture', 'datedecriture', 'buchungsdatum',
  ],
  doc_date: [
    'docdate', 'documentdate', 'invoicedate', 'factuurdatum', 'documentdatum', 'datefacture',
    'datedefacture', 'datedocument', 'datepiece', 'datedepiece', 'rechnungsdatum', 'belegdatum',
  ],
  due_date: [
    'duedate', 'due', 'dueon', 'vervaldatum', 'vervaldag', 'verval', 'echeance', 'dateecheance',
    'datedecheance', 'falligkeit', 'falligkeitsdatum', 'falligam', 'zahlbarbis', 'faelligkeit',
  ],
  amount: [
    'amount', 'amt', 'total', 'bedrag', 'totaal', 'totaalbedrag', 'montant', 'montantttc',
    'betrag', 'summe', 'openstaandbedrag', 'openamount', 'montantdu', 'offenerbetrag',
  ],
  debit: ['debit', 'debet', 'debetbedrag', 'soll', 'sollbetrag', 'montantdebit', 'debitamount'],
  credit: ['credit', 'creditbedrag', 'haben', 'habenbetrag', 'montantcredit', 'creditamount'],
  currency: ['currency', 'cur', 'ccy', 'currencycode', 'valuta', 'munt', 'valutacode', 'devise', 'monnaie', 'wahrung'],
  amount_base: [
    'amountbase', 'baseamount', 'amountineur', 'amounteur', 'bedragineur', 'bedrageur',
    'montanteur', 'montantendevisedebase', 'betrageur', 'betraginhauswahrung',
  ],
  settles: ['settles', 'appliesto', 'allocatedto', 'matchedto', 'vereffent', 'afgeletterdop', 'lettrage', 'ausgeglichenmit'],
  description: [
    'description', 'desc', 'memo', 'text', 'omschrijving', 'omschr', 'libelle', 'commentaire',
    'beschreibung', 'buchungstext', 'bezeichnung',
  ],
  payment_ref: [
    'paymentref', 'paymentreference', 'betalingskenmerk', 'betalingsreferentie',
    'gestructureerdemededeling', 'ogm', 'communicationstructuree', 'zahlungsreferenz',
  ],
};

/** Header stems that name the side of the party column (`Klantnr` → AR, `Fournisseur` → AP). */
const SIDE_STEMS: Record<Side, string[]> = {
  AR: ['customer', 'debtor', 'klant', 'debiteur', 'client', 'kunde', 'debitor'],
  AP: ['supplier', 'vendor', 'creditor', 'leverancier', 'crediteur', 'fournisseur', 'lieferant', 'kreditor'],
};

/** The side a header implies (`Klant` → AR, `Leverancier` → AP), or null. */
export function sideOfHeader(header: string): Side | null {
  const word = normalizeWord(header);
  for (const side of ['AR', 'AP'] as const) {
    if (SIDE_STEMS[side].some((stem) => word.includes(stem))) return side;
  }
  return null;
}

const SIDE_WORDS: Record<Side, string[]> = {
  AR: ['ar', 'd', 'deb', 'debtor', 'debtors', 'receivable', 'receivables', 'customer', 'customers',
    'debiteur', 'debiteuren', 'klant', 'klanten', 'client', 'clients', 'kunde', 'kunden', 'debitor', 'debitoren', 'verkoop', 'sales', 'ventes'],
  AP: ['ap', 'c', 'cred', 'creditor', 'creditors', 'payable', 'payables', 'supplier', 'suppliers',
    'vendor', 'vendors', 'crediteur', 'crediteuren', 'leverancier', 'leveranciers', 'fournisseur',
    'fournisseurs', 'lieferant', 'lieferanten', 'kreditor', 'kreditoren', 'inkoop', 'purchases', 'achats'],
};

/** The side a cell names (`AR`, `Debiteur`, `Leverancier`, `Fournisseur`, …), or null. */
export function sideOfWord(text: string): Side | null {
  const word = normalizeWord(text);
  for (const side of ['AR', 'AP'] as const) if (SIDE_WORDS[side].includes(word)) return side;
  return null;
}

const TYPE_WORDS: Record<EntryType, string[]> = {
  invoice: ['invoice', 'inv', 'factuur', 'verkoopfactuur', 'inkoopfactuur', 'facture', 'fac', 'fa',
    'rechnung', 're', 'bill', 'salesinvoice', 'purchaseinvoice', 'vf', 'if'],
  credit_note: ['creditnote', 'credit', 'cn', 'creditnota', 'creditfactuur', 'notedecredit', 'avoir',
    'nc', 'gutschrift', 'gs', 'cnota', 'creditmemo'],
  payment: ['payment', 'pay', 'pmt', 'receipt', 'betaling', 'ontvangst', 'bank', 'kas', 'paiement',
    'reglement', 'encaissement', 'decaissement', 'zahlung', 'zahlungseingang', 'zahlungsausgang', 'za'],
  journal: ['journal', 'memo', 'memoriaal', 'memoriaalboeking', 'correctie', 'correction', 'diverse',
    'diversen', 'od', 'operationdiverse', 'writeoff', 'afboeking', 'afschrijving', 'umbuchung',
    'korrektur', 'koersverschil', 'fxdifference', 'ecartdechange', 'kursdifferenz'],
};

/** The entry type a cell names (`Factuur`, `Note de crédit`, `Zahlung`, `invoice`, …), or null. */
export function entryTypeOfWord(text: string): EntryType | null {
  const word = normalizeWord(text);
  for (const [type, words] of Object.entries(TYPE_WORDS) as [EntryType, string[]][]) {
    if (words.includes(word) || word === normalizeWord(type)) return type;
  }
  return null;
}
