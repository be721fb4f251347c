// The year-end pack (issue 14, cli.md `subledger yearend`): every sheet of the workbook as of the
// date, turnaround and mutations over the fiscal year up to it (the calendar year of the as-of
// date), the revaluation when closing rates are given and the balance confirmations of the
// chosen parties. `subledger yearend` and the pane's "Year-end pack" both write exactly this list.
import type { ConfirmSelection } from '../core/confirmations';
import { calendarYear, formatIsoDate, type Day } from '../core/date';
import type { RatesSource } from '../core/rates';
import { DEFAULT_BUCKETS, type AgingBasis } from '../core/report-types';
import type { Ledger } from '../core/types';
import type { Lang } from '../core/words';
import type { SheetSpec } from './spec';
import { buildWorkbookSpecs, type ItemNotes } from './workbook';

export interface YearEndOptions {
  asOf: Day;
  lang: Lang;
  company: string;
  rates?: RatesSource;
  confirm?: ConfirmSelection;
  /** Aging basis and limits (default: due date, 30/60/90/120). */
  basis?: AgingBasis;
  buckets?: number[];
  dueWithin?: number[];
  notes?: ItemNotes;
  /** The Functions sheet, for a workbook read outside Excel. */
  functionsSheet?: boolean;
}

/** `yearend-2025-12-31.xlsx`: the pack's file name (the CLI's in --out, the pane's download). */
export function yearEndFileName(asOf: Day): string {
  return `yearend-${formatIsoDate(asOf)}.xlsx`;
}

/** The fiscal year up to the as-of date: 1 January of its year to the date itself. */
export function yearEndPeriod(asOf: Day): { from: Day; to: Day } {
  return { from: calendarYear(asOf).from, to: asOf };
}

/**
 * The as-of date a controller closes on by default: the end of the last fiscal year that ended
 * before `day` (31 December of the year before: on 30 Nov 2026 and on 1 Jan 2026 → 31 Dec 2025).
 */
export function lastYearEndBefore(day: Day): Day {
  return calendarYear(day).from - 1;
}

/** Every sheet of the pack; throws MissingRateError (core/revaluation) when a currency has no rate. */
export function yearEndPackSpecs(ledger: Ledger, options: YearEndOptions): SheetSpec[] {
  const { rates, confirm, notes, dueWithin } = options;
  return buildWorkbookSpecs(ledger, {
    asOf: options.asOf,
    period: yearEndPeriod(options.asOf),
    basis: options.basis ?? 'due',
    buckets: options.buckets ?? [...DEFAULT_BUCKETS],
    lang: options.lang,
    company: options.company,
    functionsSheet: options.functionsSheet === true,
    ...(rates === undefined ? {} : { rates }),
    ...(confirm === undefined ? {} : { confirm }),
    ...(notes === undefined ? {} : { notes }),
    ...(dueWithin === undefined ? {} : { dueWithin }),
  });
}
