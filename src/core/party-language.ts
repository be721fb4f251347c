// The language to write to a party in (balance confirmations): the parties file's `language`
// when it names English, Dutch or French; else from the country: the Netherlands Dutch, France,
// Luxembourg and Monaco French, Belgium by postcode (Flanders 1500–3999 and 8000–9999 Dutch,
// Wallonia 1300–1499 and 4000–7999 French, Brussels either: not decided), any other country
// English (international correspondence); null when nothing tells, and the user's language applies.
//   { country: 'BE', postcode: '9000' } → 'nl';  { country: 'BE', postcode: '1000' } → null
import type { Party } from './types';
import type { Lang } from './words';

const BY_WORD: Readonly<Record<string, Lang>> = {
  en: 'en', english: 'en', engels: 'en', anglais: 'en',
  nl: 'nl', dutch: 'nl', nederlands: 'nl', vlaams: 'nl', néerlandais: 'nl', neerlandais: 'nl',
  fr: 'fr', french: 'fr', frans: 'fr', français: 'fr', francais: 'fr',
};

const BY_COUNTRY: Readonly<Record<string, Lang>> = { NL: 'nl', SR: 'nl', FR: 'fr', LU: 'fr', MC: 'fr' };

function belgian(postcode: string | undefined): Lang | null {
  const n = Number(/\d{4}/.exec(postcode ?? '')?.[0] ?? NaN);
  if (!Number.isInteger(n)) return null;
  if ((n >= 1500 && n <= 3999) || n >= 8000) return 'nl';
  if ((n >= 1300 && n <= 1499) || (n >= 4000 && n <= 7999)) return 'fr';
  return null;
}

export function partyLanguage(party: Party | undefined): Lang | null {
  if (party === undefined) return null;
  const word = party.language?.trim().toLowerCase().split(/[-_ ]/)[0];
  if (word !== undefined && BY_WORD[word] !== undefined) return BY_WORD[word];
  const country = party.country?.trim().toUpperCase();
  if (country === undefined || country === '') return null;
  if (country === 'BE') return belgian(party.postcode);
  return BY_COUNTRY[country] ?? 'en';
}
