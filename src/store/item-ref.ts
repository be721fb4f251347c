// From an item of the engine to what the store keys annotations by: the item's own key
// (core/item-key.ts, ledger·party·doc·type[#n]) and the party, so notes also show on the party.
//   refFromKey('AR·C001·INV-7·invoice') → { itemKey: 'AR·C001·INV-7·invoice', partyKey: partyKey('AR', 'C001') }
// A note on the party itself (a call) has a party note key: partyNoteRef('AR', 'C001').
import { partyNoteKey, partyOfNoteKey } from '../core/item-key';
import type { Item } from '../core/report-types';
import { partyKey, type Side } from '../core/types';
import type { ItemRef } from './records';

export function itemRef(item: Pick<Item, 'key' | 'ledger' | 'partyId'>): ItemRef {
  return { itemKey: item.key, partyKey: partyKey(item.ledger, item.partyId) };
}

/** The ref of a note on the party itself: shown with the party, never as an item. */
export function partyNoteRef(side: Side, partyId: string): ItemRef {
  return { itemKey: partyNoteKey(side, partyId), partyKey: partyKey(side, partyId) };
}

function unescapePart(text: string): string {
  return text.replace(/%C2%B7/g, '·').replace(/%25/g, '%');
}

/** The ref of a key read back (a sheet cell, a backup); without party when the key is neither an item nor a party note key. */
export function refFromKey(key: string): ItemRef {
  const party = partyOfNoteKey(key);
  if (party) return partyNoteRef(party.side, party.partyId);
  const parts = key.split('·');
  const ledger = parts[0];
  if (parts.length !== 4 || (ledger !== 'AR' && ledger !== 'AP')) return { itemKey: key };
  return { itemKey: key, partyKey: partyKey(ledger, unescapePart(parts[1] ?? '')) };
}
