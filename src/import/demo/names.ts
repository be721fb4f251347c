// Word lists for plausible Belgian and Dutch company names and contact details in the demo ledger.
import type { Random } from '../../core/random';

const FLEMISH_SURNAMES = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters',
  'De Smet', 'Van Damme', 'Vandenberghe', 'De Clercq', 'Verhoeven', 'Desmet', 'Hermans', 'Lemmens',
  'Van de Velde', 'Coppens', 'Verstraete', 'De Backer', 'Michiels', 'Stevens', 'Vermeulen',
];
const WALLOON_SURNAMES = [
  'Dubois', 'Lambert', 'Dupont', 'Martin', 'Simon', 'Laurent', 'Leclercq', 'Renard', 'Lejeune',
  'Delvaux', 'Gilson', 'Collard', 'Wauters', 'Hubert', 'Marchal',
];
const DUTCH_SURNAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'Bos', 'Vos', 'Dekker', 'Kok', 'Hendriks', 'van Leeuwen', 'Brouwer',
];
const ENGLISH_SURNAMES = ['Smith', 'Taylor', 'Brown', 'Walker', 'Harris', 'Clarke', 'Lewis', 'Baker'];

const ACTIVITIES_NL = [
  'Bouw', 'Logistiek', 'Metaal', 'Drukkerij', 'Transport', 'Elektro', 'Schrijnwerkerij', 'Catering',
  'Installatietechniek', 'Verpakking', 'Tuinaanleg', 'Automatisering', 'Groothandel', 'Dakwerken',
  'Kantoorinrichting', 'Schoonmaak', 'Bakkerij', 'Houthandel',
];
const ACTIVITIES_FR = [
  'Construction', 'Imprimerie', 'Transports', 'Menuiserie', 'Électricité', 'Boulangerie',
  'Nettoyage', 'Informatique', 'Distribution', 'Carrosserie',
];
const ACTIVITIES_EN = ['Trading', 'Components', 'Software', 'Logistics', 'Supplies', 'Engineering'];

const FLEMISH_CITIES = [
  'Antwerpen', 'Gent', 'Brugge', 'Leuven', 'Mechelen', 'Hasselt', 'Kortrijk', 'Aalst',
  'Roeselare', 'Genk', 'Turnhout', 'Sint-Niklaas',
];
const WALLOON_CITIES = ['Liège', 'Namur', 'Charleroi', 'Mons', 'Wavre', 'Tournai', 'Verviers'];
const DUTCH_CITIES = ['Rotterdam', 'Utrecht', 'Eindhoven', 'Breda', 'Tilburg', 'Maastricht', 'Zwolle'];

export type Region = 'flanders' | 'wallonia' | 'netherlands' | 'britain' | 'america';

const COUNTRY_OF: Record<Region, string> = {
  flanders: 'BE', wallonia: 'BE', netherlands: 'NL', britain: 'GB', america: 'US',
};

export function countryOf(region: Region): string {
  return COUNTRY_OF[region];
}

/** A company name in the style of its region, e.g. "Van Damme Bouw BV", "Imprimerie Renard SRL". */
export function companyName(random: Random, region: Region): string {
  switch (region) {
    case 'flanders':
      return random.chance(0.2)
        ? `${random.pick(ACTIVITIES_NL)} ${random.pick(FLEMISH_CITIES)} ${random.pick(['NV', 'BV'])}`
        : `${random.pick(FLEMISH_SURNAMES)} ${random.pick(ACTIVITIES_NL)} ${random.pick(['BV', 'BV', 'NV', 'bvba', 'CommV'])}`;
    case 'wallonia':
      return random.chance(0.2)
        ? `${random.pick(ACTIVITIES_FR)} de ${random.pick(WALLOON_CITIES)} SA`
        : `${random.pick(ACTIVITIES_FR)} ${random.pick(WALLOON_SURNAMES)} ${random.pick(['SRL', 'SRL', 'SA', 'SPRL'])}`;
    case 'netherlands':
      return random.chance(0.2)
        ? `${random.pick(ACTIVITIES_NL)} ${random.pick(DUTCH_CITIES)} B.V.`
        : `${random.pick(DUTCH_SURNAMES)} ${random.pick(ACTIVITIES_NL)} ${random.pick(['B.V.', 'B.V.', 'N.V.', 'V.O.F.'])}`;
    case 'britain':
      return `${random.pick(ENGLISH_SURNAMES)} ${random.pick(ACTIVITIES_EN)} Ltd`;
    case 'america':
      return `${random.pick(ENGLISH_SURNAMES)} ${random.pick(ACTIVITIES_EN)} Inc.`;
  }
}

const PHONE_PREFIX: Record<string, readonly string[]> = {
  BE: ['+32 3', '+32 9', '+32 2', '+32 16', '+32 4', '+32 81'],
  NL: ['+31 10', '+31 30', '+31 40', '+31 76'],
  GB: ['+44 20', '+44 161'],
  US: ['+1 212', '+1 312'],
};

export function phoneNumber(random: Random, country: string): string {
  const prefix = random.pick(PHONE_PREFIX[country] ?? ['+32 2']);
  return `${prefix} ${random.digits(3)} ${random.digits(2)} ${random.digits(2)}`;
}

const TLD: Record<string, string> = { BE: 'be', NL: 'nl', GB: 'co.uk', US: 'com' };

/** `boekhouding@van-damme-bouw.be` from the company name. */
export function emailAddress(name: string, country: string, mailbox: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(bv|nv|bvba|commv|srl|sa|sprl|b\.v\.|n\.v\.|v\.o\.f\.|ltd|inc\.)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${mailbox}@${slug}.${TLD[country] ?? 'eu'}`;
}
