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
  | 'description' | 'payment_ref'
  // Invoice lists: the open amount, the document's status, its exchange rate, the date of its
  // last payment and the amount of one invoice line; a debit/credit indicator beside an unsigned amount.
  | 'open_amount' | 'status' | 'exchange_rate' | 'last_payment_date' | 'line_amount' | 'sign';

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
    'partner', 'partnernr', 'geschaftspartner', 'relation', 'coderelation',
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
    'betrag', 'summe', 'invoicetotal', 'totalamount', 'factuurbedrag', 'montantfacture', 'rechnungsbetrag',
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
  open_amount: [
    'openamount', 'balance', 'balancedue', 'amountdue', 'outstanding', 'outstandingamount',
    'amountoutstanding', 'openstaand', 'openstaandbedrag', 'opensaldo', 'restbedrag', 'nogtebetalen',
    'solde', 'soldedu', 'montantdu', 'resteapayer', 'restantdu', 'montantrestant', 'offen',
    'offenerbetrag', 'restbetrag', 'offenersaldo',
  ],
  status: [
    'status', 'invoicestatus', 'documentstatus', 'state', 'factuurstatus', 'statut', 'statutfacture',
    'etat', 'rechnungsstatus',
  ],
  exchange_rate: [
    'exchangerate', 'fxrate', 'currencyrate', 'koers', 'wisselkoers', 'valutakoers', 'tauxdechange',
    'cours', 'coursdechange', 'kurs', 'wechselkurs', 'umrechnungskurs', 'devisenkurs',
  ],
  last_payment_date: [
    'lastpaymentdate', 'lastpayment', 'lastpaid', 'paymentdate', 'datepaid', 'paiddate', 'paidon',
    'laatstebetaling', 'datumlaatstebetaling', 'betaaldatum', 'betaaldop', 'dernierpaiement',
    'datedudernierpaiement', 'datedepaiement', 'datepaiement', 'letztezahlung', 'zahlungsdatum',
    'bezahltam', 'datumletztezahlung',
  ],
  line_amount: [
    'itemtotal', 'linetotal', 'lineamount', 'itemamount', 'regeltotaal', 'regelbedrag', 'totalligne',
    'montantligne', 'positionsbetrag', 'zeilenbetrag', 'positionssumme',
  ],
  sign: ['sign', 'dc', 'debitcredit', 'debetcredit', 'dk', 'sh', 'sollhaben', 'sens', 'debitoucredit', 'sollhabenkennzeichen'],
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

/** Document statuses that are not receivables or payables: drafts and cancelled documents. */
const STATUS_WORDS: Record<'draft' | 'cancelled', string[]> = {
  draft: ['draft', 'concept', 'ontwerp', 'brouillon', 'entwurf', 'proforma', 'quote', 'offerte', 'devis', 'angebot'],
  cancelled: ['void', 'voided', 'cancelled', 'canceled', 'deleted', 'geannuleerd', 'vervallen', 'ingetrokken',
    'gecrediteerd', 'annule', 'annulee', 'supprime', 'storniert', 'annulliert', 'geloscht', 'storno'],
};

/** `draft` or `cancelled` for a status that is no receivable or payable (`Draft`, `Annulée`, `Storniert`), else null. */
export function leftOutStatus(text: string): 'draft' | 'cancelled' | null {
  const word = normalizeWord(text);
  if (STATUS_WORDS.draft.includes(word)) return 'draft';
  return STATUS_WORDS.cancelled.includes(word) ? 'cancelled' : null;
}

/** The pairs a debit/credit indicator column is written in (`S`/`H`, `D`/`C`, `Debit`/`Credit`). */
const SIGN_WORDS: Record<'debit' | 'credit', string[]> = {
  debit: ['d', 's', 'dr', 'deb', 'debit', 'debet', 'soll'],
  credit: ['c', 'h', 'k', 'cr', 'cred', 'credit', 'haben'],
};

/** `debit` or `credit` for an indicator cell, else null. */
export function signOfWord(text: string): 'debit' | 'credit' | null {
  const word = normalizeWord(text);
  if (SIGN_WORDS.debit.includes(word)) return 'debit';
  return SIGN_WORDS.credit.includes(word) ? 'credit' : null;
}
