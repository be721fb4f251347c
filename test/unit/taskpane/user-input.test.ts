// Amounts typed by a user, into exact minor units; and the party look-up of the Parties tab.
import { describe, expect, it } from 'vitest';
import { findParties, type PartyEntry } from '../../../src/taskpane/model/party-directory';
import { parseUserAmount } from '../../../src/taskpane/model/user-input';
import { parseDayList, readBucketList } from '../../../src/taskpane/model/user-input';

describe('amounts typed in the pane', () => {
  it.each([
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['1234.5', 123450],
    ['0,1', 10],
    ['-50', -5000],
    ['1,000,000', 100000000],
  ])('%s → %i cents', (text, minor) => {
    expect(parseUserAmount(text, 'EUR', 'en-GB')).toBe(minor);
  });

  it('reads a separator the text leaves open as the user\'s locale writes it', () => {
    expect(parseUserAmount('1.000', 'EUR', 'nl-BE')).toBe(100000);
    expect(parseUserAmount('1.000', 'EUR', 'en-GB')).toBe(100);
    expect(parseUserAmount('1,000', 'EUR', 'en-GB')).toBe(100000);
    expect(parseUserAmount('1,000', 'EUR', 'fr-BE')).toBe(100);
  });

  it('follows the currency minor unit and refuses text', () => {
    expect(parseUserAmount('1500', 'JPY', 'en-GB')).toBe(1500);
    expect(parseUserAmount('twelve', 'EUR', 'en-GB')).toBeNull();
    expect(parseUserAmount('', 'EUR', 'en-GB')).toBeNull();
  });
});

describe('lists of days in settings', () => {
  it('reads ascending whole numbers and refuses the rest', () => {
    expect(parseDayList('30, 60,90 120')).toEqual([30, 60, 90, 120]);
    expect(parseDayList('60, 30')).toBeNull();
    expect(parseDayList('3.5')).toBeNull();
    expect(parseDayList('')).toBeNull();
  });

  it('holds aging buckets to the engine\'s rule: a limit of 0 days is refused, as on save', () => {
    expect(readBucketList('30, 60, 90, 120')).toEqual({ ok: true, days: [30, 60, 90, 120] });
    expect(parseDayList('0, 30')).toEqual([0, 30]);
    expect(readBucketList('0, 30')).toEqual({ ok: false, reason: '0 is not a whole number of days ≥ 1' });
    expect(readBucketList('60, 30')).toEqual({ ok: false, reason: 'limits must be ascending' });
    expect(readBucketList('30, 20')).toEqual({ ok: false, reason: 'limits must be ascending' });
    expect(readBucketList('30, x')).toEqual({ ok: false, reason: '"x" is not a whole number of days' });
    expect(readBucketList('')).toEqual({ ok: false, reason: 'give at least one day limit' });
    // in the pane's language: issue 13 saw "Not a list of whole numbers" and English reasons in NL and FR
    expect(readBucketList('30, 20', 'nl')).toEqual({ ok: false, reason: 'de grenzen moeten oplopen' });
    expect(readBucketList('0, 30', 'fr')).toEqual({ ok: false, reason: "0 n'est pas un nombre entier de jours ≥ 1" });
    expect(readBucketList('30, x', 'nl')).toEqual({ ok: false, reason: '"x" is geen geheel aantal dagen' });
  });
});

describe('party look-up', () => {
  const parties: PartyEntry[] = [
    { key: 'a', side: 'AR', partyId: 'C100', name: 'Bakkerij Janssens' },
    { key: 'b', side: 'AR', partyId: 'C200', name: 'Café Janssens' },
    { key: 'c', side: 'AP', partyId: 'S300', name: 'Janssens Staal' },
  ];

  it('finds by any words of name or code, names starting with the first word first', () => {
    expect(findParties(parties, 'janss').map((p) => p.partyId)).toEqual(['S300', 'C100', 'C200']);
    expect(findParties(parties, 'janssens café').map((p) => p.partyId)).toEqual(['C200']);
    expect(findParties(parties, 'c1').map((p) => p.partyId)).toEqual(['C100']);
    expect(findParties(parties, 'xyz')).toEqual([]);
  });
});
