// A party's postal address as lines, from the parties file's fields (ledger.md §1.2): the street
// lines (`address`, separated by a newline or `;`), then postcode and city, then the country.
//   { address: 'Kerkstraat 1;bus 2', postcode: '9000', city: 'Gent', country: 'BE' }
//   → ['Kerkstraat 1', 'bus 2', '9000 Gent', 'BE']
import type { Party } from './types';

export function partyAddressLines(party: Party | undefined): string[] {
  if (party === undefined) return [];
  const street = (party.address ?? '').split(/\r?\n|;/).map((s) => s.trim()).filter((s) => s !== '');
  const town = [party.postcode, party.city].map((s) => s?.trim() ?? '').filter((s) => s !== '').join(' ');
  const country = party.country?.trim() ?? '';
  return [...street, ...(town === '' ? [] : [town]), ...(country === '' ? [] : [country])];
}
