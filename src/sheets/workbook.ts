// The whole workbook as SheetSpecs: runs the engine's reports for the as-of date and the period
// and lays each out as a worksheet. The add-in (Office.js) and `subledger build` (xlsx/) both
// render exactly this list, so they show the same sheets.
import type { Day } from '../core/date';
import { agingReport, bucketLabels } from '../core/aging';
import { balanceList } from '../core/balances';
import { keyFiguresOnce } from '../core/key-figures';
import { turnaroundOnce } from '../core/ledger-functions';
import { mutations } from '../core/mutations';
import { OpenItemList } from '../core/open-items';
import { partyCards } from '../core/party-card';
import { DEFAULT_DUE_WITHIN, type AgingBasis, type MutationSort, type PartyCard, type Period } from '../core/report-types';
import { balanceConfirmations, type ConfirmSelection } from '../core/confirmations';
import type { RatesSource } from '../core/rates';
import { revaluation, type RevaluationReport } from '../core/revaluation';
import { SIDES, type Ledger } from '../core/types';
import { agingSheet } from './aging';
import { confirmationsSheet, selectionLine } from './confirmations';
import { balancesSheet } from './balances';
import { sheetContext } from './context';
import { dashboardSheet } from './dashboard';
import { functionsSheet } from './functions';
import { mutationsSheet } from './mutations';
import { openItemsSheet, type ItemNotes } from './open-items';
import { partyCardsSheet } from './party-cards';
import { paymentBehaviourSheet } from './payment-behaviour';
import { revaluationSheet } from './revaluation';
import type { Lang } from '../core/words';
import type { SheetSpec } from './spec';
import { turnaroundSheet } from './turnaround';

export type { ItemNote, ItemNotes } from './open-items';

export interface WorkbookOptions {
  asOf: Day;
  period: Period;
  basis: AgingBasis;
  buckets: number[];
  lang: Lang;
  company: string;
  /** Only these sheets, by kind (`open-items` selects both `open-items-AR` and `open-items-AP`). */
  sheets?: string[];
  /** The user's Handled / Note / Follow-up per item, keyed by `item.key`. */
  notes?: ItemNotes;
  /** Order of the mutations (default by date). */
  sort?: MutationSort;
  /** The N of "due within N days" (default 3 and 5). */
  dueWithin?: number[];
  /** Add the "Functions" sheet (a workbook written outside Excel, where the functions are not live). */
  functionsSheet?: boolean;
  /**
   * Closing rates: adds the Revaluation sheet as of `asOf`, and the balance at the closing rate on
   * the party cards when the period ends on `asOf`. Throws MissingRateError (core/revaluation)
   * when a currency with open items has no rate.
   */
  rates?: RatesSource;
  /**
   * Each open item's key on its row (`rowKeys`; default true): the add-in reads the user's columns
   * back by them. A file written for reading only (`subledger build`) has no use for them.
   */
  rowKeys?: boolean;
  /** Adds the Confirmations sheet: a balance confirmation letter per selected party as of `asOf`. */
  confirm?: ConfirmSelection;
}

/** The sheet kinds in workbook order. */
export const SHEET_KINDS: readonly string[] = [
  'dashboard',
  'open-items-AR',
  'open-items-AP',
  'aging-AR',
  'aging-AP',
  'balances-AR',
  'balances-AP',
  'mutations',
  'party-cards',
  'turnaround',
  'payment-behaviour',
  'revaluation',
  'confirmations',
];

function wanted(kind: string, sheets: readonly string[] | undefined): boolean {
  return sheets === undefined || sheets.some((s) => s === kind || kind.startsWith(`${s}-`));
}

/** The cards the Party cards sheet shows: a party without a balance or movement in the period has none. */
function cardsWithActivity(ledger: Ledger, period: Period): PartyCard[] {
  return partyCards(ledger, period).filter((card) => card.rows.length > 0 || card.opening.base !== 0);
}

/** `compute`'s result, computed the first time it is asked for (a report two sheets share). */
function shared<T>(compute: () => T): () => T {
  let value: { of: T } | null = null;
  return () => (value ??= { of: compute() }).of;
}

/**
 * The workbook's sheets in order, each made when it is called: a writer may make each sheet just
 * before writing it (`subledger build` writes one while the previous one deflates). The figures
 * every sheet shares (key figures, aging, revaluation) are computed here, so errors of their input
 * (MissingRateError) are thrown here; a report two sheets share is computed once.
 */
export function workbookSheets(ledger: Ledger, options: WorkbookOptions): (() => SheetSpec)[] {
  const { asOf, period, basis, buckets } = options;
  const want = (kind: string) => wanted(kind, options.sheets);
  const dueWithin = options.dueWithin ?? [...DEFAULT_DUE_WITHIN];
  const figures = keyFiguresOnce(ledger, asOf, dueWithin);
  const known = { AR: figures.AR.journalsUpdatedUntil, AP: figures.AP.journalsUpdatedUntil };
  const ctx = sheetContext(options.lang, options.company, ledger.baseCurrency, asOf, period, known);
  const aging = agingReport(ledger, { asOf, basis, buckets });
  const labels = bucketLabels(basis, buckets);
  const revalued: RevaluationReport | null = options.rates === undefined ? null : revaluation(ledger, asOf, options.rates);
  const sheets: (() => SheetSpec)[] = [];
  if (want('dashboard')) sheets.push(() => dashboardSheet(ctx, figures, aging, dueWithin));
  const items = shared(() => OpenItemList.of(ledger, asOf, { basis, buckets }));
  for (const side of SIDES) if (want(`open-items-${side}`)) sheets.push(() => openItemsSheet(ctx, side, items(), labels, options.notes, options.rowKeys ?? true));
  for (const side of SIDES) if (want(`aging-${side}`)) sheets.push(() => agingSheet(ctx, side, aging));
  const balances = shared(() => balanceList(ledger, asOf));
  for (const side of SIDES) if (want(`balances-${side}`)) sheets.push(() => balancesSheet(ctx, side, balances()));
  if (want('mutations')) sheets.push(() => mutationsSheet(ctx, mutations(ledger, period, { sort: options.sort ?? 'date' })));
  if (want('party-cards')) sheets.push(() => partyCardsSheet(ctx, cardsWithActivity(ledger, period), revalued?.asOf === period.to ? revalued : null));
  const report = shared(() => turnaroundOnce(ledger, period));
  if (want('turnaround')) sheets.push(() => turnaroundSheet(ctx, report()));
  if (want('payment-behaviour')) sheets.push(() => paymentBehaviourSheet(ctx, report().settled));
  if (revalued !== null && want('revaluation')) sheets.push(() => revaluationSheet(ctx, revalued));
  const confirm = options.confirm;
  if (confirm !== undefined && want('confirmations')) {
    sheets.push(() => {
      const letters = balanceConfirmations(ledger, asOf, confirm);
      return confirmationsSheet(ctx, ledger, letters, selectionLine(ctx, confirm, letters.length));
    });
  }
  if (options.functionsSheet === true) sheets.push(() => functionsSheet(ctx, { ledger, asOf, buckets }));
  return sheets;
}

/** The whole workbook's sheets, made now. */
export function buildWorkbookSpecs(ledger: Ledger, options: WorkbookOptions): SheetSpec[] {
  return workbookSheets(ledger, options).map((sheet) => sheet());
}
