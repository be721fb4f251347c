// The Year-end pack's form, as typed, into the engine's choice (actions/year-end): the as-of date
// and which parties get a balance confirmation (core/confirmations): none, every party with open
// items, a seeded random sample of N (the seed shown and changeable, so the auditor can draw the
// same sample again), those whose balance is at least an amount, or parties picked one by one.
// A field that cannot be used is named with the reason, and nothing is written until all can.
//   { asOf: '2025-12-31', kind: 'sample', size: '3', seed: '4242' } → sample of 3, seed 4242
import { readSampleSize, readSeed } from '../../core/confirmations';
import { formatIsoDate, parseIsoDate, type Day } from '../../core/date';
import type { Side } from '../../core/types';
import { lastYearEndBefore } from '../../sheets/year-end';
import type { YearEndChoice } from '../actions/year-end';
import type { MessageKey } from '../i18n';
import { parseUserAmount } from './user-input';

export type ConfirmKind = 'none' | 'all' | 'sample' | 'over' | 'parties';
export const CONFIRM_KINDS: readonly ConfirmKind[] = ['none', 'all', 'sample', 'over', 'parties'];

export interface PickedParty {
  ledger: Side;
  partyId: string;
  name: string;
}

export interface YearEndForm {
  /** `YYYY-MM-DD`, as a date input holds it. */
  asOf: string;
  kind: ConfirmKind;
  size: string;
  seed: string;
  /** The least balance (either sign) in the base currency, in the user's notation. */
  over: string;
  parties: readonly PickedParty[];
}

export type YearEndField = 'asOf' | 'size' | 'seed' | 'over' | 'parties';

/** What the form gives: the choice, or per field the message saying why it cannot be used. */
export type YearEndReading = { ok: true; choice: YearEndChoice } | { ok: false; problems: Partial<Record<YearEndField, MessageKey>> };

export const DEFAULT_SAMPLE_SIZE = 10;

/** A new form: as of the last fiscal year end before today, no confirmations, a sample's size and seed ready. */
export function newYearEndForm(today: Day, seed: number): YearEndForm {
  return { asOf: formatIsoDate(lastYearEndBefore(today)), kind: 'none', size: String(DEFAULT_SAMPLE_SIZE), seed: String(seed), over: '', parties: [] };
}

type Confirm = { confirm: YearEndChoice['confirm'] } | { field: YearEndField; problem: MessageKey };

function readConfirm(form: YearEndForm, currency: string, locale: string): Confirm {
  switch (form.kind) {
    case 'none':
      return { confirm: null };
    case 'all':
      return { confirm: { kind: 'all' } };
    case 'sample': {
      const size = readSampleSize(form.size);
      const seed = readSeed(form.seed);
      if (size === null) return { field: 'size', problem: 'yearEnd.sizeInvalid' };
      if (seed === null) return { field: 'seed', problem: 'yearEnd.seedInvalid' };
      return { confirm: { kind: 'sample', size, seed } };
    }
    case 'over': {
      const amount = parseUserAmount(form.over, currency, locale);
      return amount === null || amount < 0 ? { field: 'over', problem: 'yearEnd.overInvalid' } : { confirm: { kind: 'over', amount } };
    }
    case 'parties':
      return form.parties.length === 0
        ? { field: 'parties', problem: 'yearEnd.partiesEmpty' }
        : { confirm: { kind: 'parties', parties: form.parties.map((p) => ({ ledger: p.ledger, partyId: p.partyId })) } };
  }
}

/** The pack the form asks for; `currency` is the base currency the amount is typed in. */
export function readYearEndForm(form: YearEndForm, currency: string, locale: string): YearEndReading {
  const asOf = parseIsoDate(form.asOf);
  const confirm = readConfirm(form, currency, locale);
  const problems: Partial<Record<YearEndField, MessageKey>> = {};
  if (asOf === null) problems.asOf = 'yearEnd.asOfInvalid';
  if ('problem' in confirm) problems[confirm.field] = confirm.problem;
  if (asOf === null || 'problem' in confirm) return { ok: false, problems };
  return { ok: true, choice: { asOf, confirm: confirm.confirm } };
}
