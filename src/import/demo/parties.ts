// The demo's debtors and creditors: names, terms, credit limits, bank details, currency, size and
// payment behaviour (who pays early, on time, late or very late).
import type { Minor } from '../../core/money';
import type { Party, Side } from '../../core/types';
import { bankAccount, vatNumber, type BankCountry } from './bank';
import { companyName, countryOf, emailAddress, phoneNumber, type Region } from './names';
import type { Random } from '../../core/random';

/** Days after (or, negative, before) the due date on which a party pays, as mean and spread. */
export interface Behaviour {
  meanDelay: number;
  spread: number;
  /** Share of invoices left unpaid for a long time (dispute, bad debt). */
  disputeRate: number;
}

export interface DemoParty {
  party: Party;
  name: string;
  currency: string;
  termsDays: number;
  /** Relative share of the invoices. */
  weight: number;
  /** Typical invoice amount in the party's currency. */
  typicalInvoice: Minor;
  behaviour: Behaviour;
  /** Creditor sends Belgian structured references (OGM) with its invoices. */
  structuredRef: boolean;
}

const DEBTOR_BEHAVIOURS: readonly Behaviour[] = [
  { meanDelay: -8, spread: 3, disputeRate: 0.002 },
  { meanDelay: -1, spread: 4, disputeRate: 0.004 },
  { meanDelay: -1, spread: 4, disputeRate: 0.004 },
  { meanDelay: 12, spread: 9, disputeRate: 0.01 },
  { meanDelay: 40, spread: 25, disputeRate: 0.03 },
];
const CREDITOR_BEHAVIOURS: readonly Behaviour[] = [
  { meanDelay: -2, spread: 2, disputeRate: 0.002 },
  { meanDelay: 0, spread: 3, disputeRate: 0.003 },
  { meanDelay: 9, spread: 7, disputeRate: 0.006 },
];

/** Foreign-currency parties: a few, at fixed positions so that every demo ledger has some. */
function currencyOf(side: Side, index: number): 'EUR' | 'USD' | 'GBP' {
  const [usd, gbp] = side === 'AR' ? [17, 19] : [12, 13];
  if (index % usd === 4) return 'USD';
  if (index % gbp === 9) return 'GBP';
  return 'EUR';
}

function regionFor(random: Random, currency: string): Region {
  if (currency === 'USD') return 'america';
  if (currency === 'GBP') return 'britain';
  const r = random.next();
  return r < 0.55 ? 'flanders' : r < 0.72 ? 'wallonia' : 'netherlands';
}

function partyId(side: Side, index: number): string {
  return `${side === 'AR' ? 'D' : 'C'}${String(index + 1).padStart(4, '0')}`;
}

/** A typical invoice of a few hundred to tens of thousands of euros (log-normal). */
function typicalInvoice(random: Random): Minor {
  return Math.round(Math.exp(Math.log(1_200) + random.normal() * 0.9)) * 100;
}

function uniqueName(random: Random, region: Region, taken: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = companyName(random, region);
    if (!taken.has(name)) return name;
  }
  return `${companyName(random, region)} ${taken.size + 1}`;
}

function bankDetails(random: Random, side: Side, country: string): Partial<Party> {
  if (side === 'AR' && random.chance(0.6)) return {};
  if (country === 'US') return {};
  const bankCountry: BankCountry = country === 'NL' || country === 'GB' ? country : 'BE';
  return bankAccount(random, bankCountry);
}

function makeParty(random: Random, side: Side, index: number, taken: Set<string>): DemoParty {
  const currency = currencyOf(side, index);
  const region = regionFor(random, currency);
  const country = countryOf(region);
  const name = uniqueName(random, region, taken);
  taken.add(name);
  const termsDays = random.pick([14, 30, 30, 30, 60]);
  const vatNo = vatNumber(random, country);
  const party: Party = {
    ledger: side,
    partyId: partyId(side, index),
    name,
    paymentTermsDays: termsDays,
    ...bankDetails(random, side, country),
    email: emailAddress(name, country, side === 'AR' ? 'boekhouding' : 'facturen'),
    phone: phoneNumber(random, country),
    country,
    ...(vatNo === undefined ? {} : { vatNo }),
  };
  return {
    party,
    name,
    currency,
    termsDays,
    weight: 1 / Math.pow(index + 1, 0.7),
    typicalInvoice: typicalInvoice(random),
    behaviour: random.pick(side === 'AR' ? DEBTOR_BEHAVIOURS : CREDITOR_BEHAVIOURS),
    structuredRef: side === 'AP' && country === 'BE' && random.chance(0.5),
  };
}

export function makeParties(random: Random, side: Side, count: number, taken: Set<string>): DemoParty[] {
  const parties: DemoParty[] = [];
  for (let i = 0; i < count; i++) parties.push(makeParty(random, side, i, taken));
  return parties;
}

const LIMIT_STEPS: readonly number[] = [5_000, 10_000, 15_000, 25_000, 50_000, 75_000, 100_000, 150_000, 250_000, 500_000, 1_000_000];

/**
 * A debtor's credit limit in base minor units from its expected open balance (a month and its
 * terms of invoicing); one in seven has none, and one in nine a limit set too low.
 */
export function creditLimit(random: Random, expectedBalance: Minor): Minor | undefined {
  if (random.chance(1 / 7)) return undefined;
  const wanted = (expectedBalance / 100) * (random.chance(1 / 9) ? 0.5 : 1.4);
  const step = LIMIT_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 1_000_000) * 1_000_000;
  return step * 100;
}
