// A party's address as the lines of a letter or the party view, from the parties file's fields.
import { describe, expect, it } from 'vitest';
import { partyAddressLines } from '../../../src/core/party-address';

describe('party address lines', () => {
  it('splits the street on ; or a newline, then postcode and city, then the country', () => {
    const party = { ledger: 'AR', partyId: 'D1', address: 'Kerkstraat 1; bus 2\nachterhuis', postcode: '9000', city: 'Gent', country: 'BE' } as const;
    expect(partyAddressLines(party)).toEqual(['Kerkstraat 1', 'bus 2', 'achterhuis', '9000 Gent', 'BE']);
  });

  it('leaves out what the file does not give, and blank fields', () => {
    expect(partyAddressLines({ ledger: 'AP', partyId: 'C1', city: 'Lille', postcode: ' ', country: '' })).toEqual(['Lille']);
    expect(partyAddressLines({ ledger: 'AP', partyId: 'C1' })).toEqual([]);
    expect(partyAddressLines(undefined)).toEqual([]);
  });
});
