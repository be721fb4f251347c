// Writing the sheets: the same SheetSpecs go to the open workbook (Office.js, in Excel) or into an
// .xlsx file the browser downloads (xlsx/render, outside Excel). Both report progress per sheet and
// stop when the signal is aborted.
import { calendarYear, formatIsoDate, type Day } from '../../core/date';
import type { RatesSource } from '../../core/rates';
import type { AgingBasis, Period } from '../../core/report-types';
import type { Ledger } from '../../core/types';
import type { Lang } from '../../core/words';
import { isSheetKey, words } from '../../sheets/i18n';
import type { SheetSpec } from '../../sheets/spec';
import { buildWorkbookSpecs, SHEET_KINDS, type ItemNotes } from '../../sheets/workbook';

export interface SyncChoice {
  /** Sheet kinds (`dashboard`, `open-items-AR`, …); all when empty. */
  sheets: string[];
  asOf: Day;
  basis: AgingBasis;
  buckets: number[];
  period: Period;
  lang: Lang;
}

export interface SyncProgress {
  done: number;
  total: number;
  sheet: string;
}

export interface WriteOptions {
  onProgress: (p: SyncProgress) => void;
  signal: AbortSignal;
}

export const ALL_SHEETS: readonly string[] = SHEET_KINDS;

/** A sheet kind as the sheets name it in a language: `open-items-AR` in nl → "Open posten AR". */
export function sheetKindName(kind: string, lang: Lang): string {
  const [, key = kind, side] = /^(.*?)(?:-(AR|AP))?$/.exec(kind) ?? [];
  if (!isSheetKey(key)) return kind;
  return words(lang).sheetName(key, side === 'AR' || side === 'AP' ? side : undefined);
}

/** The period the sheets cover by default: the calendar year up to the as-of day. */
export function defaultPeriod(asOf: Day): Period {
  return { from: calendarYear(asOf).from, to: asOf };
}

export function workbookSpecs(
  ledger: Ledger,
  choice: SyncChoice,
  extra: { company: string; dueWithin: number[]; notes: ItemNotes; functionsSheet?: boolean; rates?: RatesSource | null },
): SheetSpec[] {
  return buildWorkbookSpecs(ledger, {
    asOf: choice.asOf,
    period: choice.period,
    basis: choice.basis,
    buckets: choice.buckets,
    lang: choice.lang,
    company: extra.company,
    sheets: choice.sheets.length > 0 ? choice.sheets : [...ALL_SHEETS],
    notes: extra.notes,
    dueWithin: extra.dueWithin,
    functionsSheet: extra.functionsSheet === true,
    ...(extra.rates ? { rates: extra.rates } : {}),
  });
}

/** `subledger-2025-06-30.xlsx` */
export function workbookFileName(asOf: Day): string {
  return `subledger-${formatIsoDate(asOf)}.xlsx`;
}

/** Renders the .xlsx and hands it to the browser as a download; returns the file name. */
export async function downloadWorkbook(specs: SheetSpec[], name: string, options: WriteOptions): Promise<string> {
  const { renderXlsx } = await import('../../xlsx/render'); // the file writer loads only when needed
  const bytes = await renderXlsx(specs, {
    onProgress: (done, total, sheet) => {
      options.signal.throwIfAborted();
      options.onProgress({ done, total, sheet });
    },
  });
  options.signal.throwIfAborted();
  saveBytes(bytes, name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return name;
}

/** Offers bytes as a file download. */
export function saveBytes(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
