// A stable key of an open item, ledger·party·doc·type, that survives re-imports of the same
// data: notes, "handled" flags and follow-ups are stored against it. Printable, so it may sit in
// a worksheet cell:  itemKey({ledger:'AR', partyId:'C001', docNo:'INV-7', entryType:'invoice'})
//   → "AR·C001·INV-7·invoice"   (a "·" or "%" inside a part is written %C2%B7 / %25)
import type { EntryType, Side } from './types';

export interface ItemKeyParts {
  ledger: Side;
  partyId: string;
  docNo: string;
  entryType: EntryType;
}

function escapePart(text: string): string {
  return text.replace(/%/g, '%25').replace(/·/g, '%C2%B7');
}

export function itemKey(item: ItemKeyParts): string {
  return `${item.ledger}·${escapePart(item.partyId)}·${escapePart(item.docNo)}·${item.entryType}`;
}

/**
 * Keys for a list of items, unique within it: rows that share ledger·party·doc·type (two
 * unallocated rows of one payment) get `#2`, `#3`, … in list order.
 */
export function uniqueItemKeys(items: readonly ItemKeyParts[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = itemKey(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}
