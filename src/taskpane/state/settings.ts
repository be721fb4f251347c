// The pane's working settings: what the Settings tab edits and every report call reads. Defaults
// follow the data contract (due basis, buckets 30/60/90/120, due soon in 3 and 5 days).
import { bucketsProblem } from '../../core/aging';
import { DEFAULT_BUCKETS, DEFAULT_DUE_WITHIN, type AgingBasis } from '../../core/report-types';
import type { Lang } from '../i18n';

export interface PaneSettings {
  companyName: string;
  baseCurrency: string;
  iban: string;
  bic: string;
  agingBasis: AgingBasis;
  agingBuckets: number[];
  dueSoonDays: number[];
  /** Language of the pane. */
  language: Lang;
  /** Language of the sheets written to the workbook. */
  sheetLanguage: Lang;
}

export function defaultSettings(language: Lang): PaneSettings {
  return {
    companyName: '',
    baseCurrency: 'EUR',
    iban: '',
    bic: '',
    agingBasis: 'due',
    agingBuckets: [...DEFAULT_BUCKETS],
    dueSoonDays: [...DEFAULT_DUE_WITHIN],
    language,
    sheetLanguage: language,
  };
}

/** "30, 60,90" → [30, 60, 90]; null when a part is not a whole number ≥ 0 or they do not ascend. */
export function parseDayList(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{1,4}$/.test(p))) return null;
  const days = parts.map(Number);
  return days.every((d, i) => i === 0 || d > (days[i - 1] ?? -1)) ? days : null;
}

/** What a typed list of day limits is: the limits, or the reason it cannot be used (the engine's words). */
export type DayListReading = { ok: true; days: number[] } | { ok: false; reason: string };

/** Aging bucket limits with the reason from core/aging when they are not usable ("limits must be ascending"). */
export function readBucketList(text: string): DayListReading {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const notNumber = parts.find((p) => !/^-?\d+(\.\d+)?$/.test(p));
  if (notNumber !== undefined) return { ok: false, reason: `"${notNumber}" is not a number of days` };
  const days = parts.map(Number);
  const problem = bucketsProblem(days);
  return problem === null ? { ok: true, days } : { ok: false, reason: problem };
}
