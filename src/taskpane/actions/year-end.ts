// The pane's "Year-end pack": as of a chosen date, the sheets `subledger yearend` writes
// (sheets/year-end.ts) with the administration's settings: every analysis as of the date,
// turnaround over the fiscal year, the revaluation when Settings hold closing rates, and the
// balance confirmations of the chosen parties. Synced into the workbook in Excel, downloaded as
// yearend-<date>.xlsx outside.
import type { ConfirmSelection } from '../../core/confirmations';
import type { Day } from '../../core/date';
import { yearEndFileName, yearEndPackSpecs } from '../../sheets/year-end';
import { ratesSourceOf, type Settings } from '../../store/settings';
import type { SheetJob } from './write-sheets';

export interface YearEndChoice {
  asOf: Day;
  /** The parties that get a balance confirmation; null: no confirmations. */
  confirm: ConfirmSelection | null;
}

export function yearEndJob(settings: Settings, choice: YearEndChoice): SheetJob {
  const rates = ratesSourceOf(settings.closingRates);
  return {
    fileName: yearEndFileName(choice.asOf),
    build: (ledger, notes, outside) =>
      yearEndPackSpecs(ledger, {
        asOf: choice.asOf,
        lang: settings.sheetLanguage,
        company: settings.companyName,
        basis: settings.agingBasis,
        buckets: settings.agingBuckets,
        dueWithin: settings.dueSoonDays,
        notes,
        functionsSheet: outside,
        ...(rates === null ? {} : { rates }),
        ...(choice.confirm === null ? {} : { confirm: choice.confirm }),
      }),
  };
}
