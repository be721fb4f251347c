// What the supplier reads on the transfer (`RmtInf`): the structured reference of a lone item that
// carries a valid one (OGM → SCOR/BBA, RF → SCOR/ISO), else the invoice numbers, and our own
// reference, as one unstructured line of at most 140 SEPA characters.
//   ["INV-1", "INV-2", "CN-1"] → "INV-1, INV-2, CN-1";  too many to fit → "INV-1, INV-2 +28"
import type { CreditorReference } from './references';
import { USTRD_MAX, sepaTextMax } from './sepa-text';

export type Remittance =
  | { kind: 'unstructured'; text: string }
  /** `text` is the reference as the supplier printed it, for people; `reference` goes into the file. */
  | { kind: 'structured'; reference: CreditorReference; text: string };

/** One item of a transfer, with its structured reference when it has a valid one. */
export interface RemittanceItem {
  docNo: string;
  paymentRef?: string | undefined;
  reference: CreditorReference | null;
}

export function remittanceOf(items: readonly RemittanceItem[], ourReference?: string): Remittance {
  const lone = items.length === 1 ? items[0] : undefined;
  if (lone?.reference) {
    return { kind: 'structured', reference: lone.reference, text: lone.paymentRef?.trim() ?? lone.reference.ref };
  }
  const ours = ourReference ? sepaTextMax(ourReference, 60) : '';
  const suffix = ours ? ` / ${ours}` : '';
  const docs = joinWithin(items.map((i) => sepaTextMax(i.docNo, USTRD_MAX)), USTRD_MAX - suffix.length);
  return { kind: 'unstructured', text: sepaTextMax(`${docs}${suffix}`, USTRD_MAX) || 'Payment' };
}

/** "A, B, C" within `max` characters; what does not fit is counted: "A, B +3". */
function joinWithin(parts: string[], max: number): string {
  let n = 0;
  let length = 0;
  for (const part of parts) {
    const rest = parts.length - n - 1;
    const added = (n > 0 ? 2 : 0) + part.length;
    if (length + added + (rest > 0 ? ` +${rest}`.length : 0) > max) break;
    length += added;
    n += 1;
  }
  if (n === 0) return (parts[0] ?? '').slice(0, max);
  return parts.slice(0, n).join(', ') + (n < parts.length ? ` +${parts.length - n}` : '');
}
