// What an auditfile transaction is, read from its words when the file has no type for it: a
// payment ("Betaling faktuur 15", "Innbetaling", "Zahlung"), a write-off or correction (journal),
// and the invoice number a description names ("Betaling factuur 345 KPN" → 345), as packages such
// as Banana write it instead of an invRef.

export const PAYMENT_WORDS = /\bpay(ment)?s?\b|betaling|innbetal|utbetal|\bbank|kasse|remittance|receipt|zahlung|paiement|pagamento|recibo/i;
export const JOURNAL_WORDS = /avskriv|tap på|write.?off|korreksjon|correction|valutadiff|agio|disagio|exchange|afboek|oninba|afschrijving|abschreib|irrécouvrable/i;

/** 'payment' or 'journal' by the words, else undefined (then the sign decides). */
export function typeByWords(words: string): 'payment' | 'journal' | undefined {
  if (PAYMENT_WORDS.test(words)) return 'payment';
  return JOURNAL_WORDS.test(words) ? 'journal' : undefined;
}

const INVOICE_NUMBER = /\b(?:factuur|faktuur|invoice|inv\.|rechnung|facture|fattura|fatura|factura|faktura)\s*(?:nr\.?|no\.?|nummer|number|n°|#|:)?\s*([A-Za-z0-9/._-]*\d[A-Za-z0-9/._-]*)/i;

/** The invoice number a description names ("factuur 203", "Invoice no. A-17"), or undefined. */
export function invoiceNumberIn(...texts: (string | undefined)[]): string | undefined {
  for (const t of texts) {
    const found = t === undefined ? undefined : INVOICE_NUMBER.exec(t)?.[1]?.replace(/[.,]+$/, '');
    if (found) return found;
  }
  return undefined;
}
