// What the Open items tab shows of its lists for the user's filters, made in steps so that a list
// of a million items is filtered, ordered and grouped a slice at a time (views/use-shown-list.ts)
// and never in one long task of the pane: the rows the filters let through in the chosen order,
// the grid's lines, the totals per currency and the rows that can be selected. Each stage keeps
// its last answer: a change of grouping does not filter again, a change of order does not filter.
import type { Day } from '../../core/date';
import { openByCurrency, type CurrencyTotals } from './currency-totals';
import { effectiveSort, rowTest, sortSteps, type ItemFilter, type ItemRow } from './open-items-filter';
import { gridLineSteps, type GridLine } from './open-items-grid';
import { STEP, type Steps } from './steps';

export interface ShownList {
  /** The rows the filters let through, in the chosen order. */
  rows: ItemRow[];
  lines: GridLine[];
  totals: CurrencyTotals;
  /** The rows a user can select (items, not the entries that settled them). */
  selectable: ItemRow[];
}

export interface ShownInputs {
  /** The items' rows. */
  rows: readonly ItemRow[];
  /** The settling entries' rows, shown with "all"; none with "open". */
  settling: readonly ItemRow[];
  filter: ItemFilter;
  asOf: Day;
  handled: ReadonlySet<string>;
}

interface Stage<K, T> {
  key: K;
  value: T;
}

const NONE: readonly ItemRow[] = [];

const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The last answer of each stage, reused while its inputs are the same. */
export class ShownListMaker {
  private filtered: Stage<unknown[], ItemRow[]> | null = null;
  private sorted: Stage<unknown[], ItemRow[]> | null = null;
  private shown: Stage<unknown[], ShownList> | null = null;

  *steps({ rows, settling, filter, asOf, handled }: ShownInputs): Steps<ShownList> {
    const { side, status, due, withinDays, hideHandled, search } = filter;
    const others = status === 'all' ? settling : NONE;
    const filterKey = [rows, others, side, status, due, withinDays, hideHandled, hideHandled ? handled : null, search, asOf];
    if (!this.filtered || !sameKey(this.filtered.key, filterKey)) {
      const test = rowTest(filter, asOf, handled);
      const passed: ItemRow[] = [];
      let count = 0;
      for (const list of [rows, others]) {
        for (const row of list) {
          if (test(row)) passed.push(row);
          if (++count % STEP === 0) yield;
        }
      }
      this.filtered = { key: filterKey, value: passed };
    }
    const filtered = this.filtered.value;
    const sort = effectiveSort(filter);
    const sortKey = [filtered, sort.column, sort.descending, asOf];
    if (!this.sorted || !sameKey(this.sorted.key, sortKey)) {
      this.sorted = { key: sortKey, value: yield* sortSteps(filtered, sort, asOf) };
    }
    const sorted = this.sorted.value;
    const shownKey = [sorted, filter.groupByParty];
    if (!this.shown || !sameKey(this.shown.key, shownKey)) {
      const lines = yield* gridLineSteps(sorted, filter.groupByParty);
      const totals = openByCurrency(sorted);
      yield;
      const selectable = sorted.filter((r) => r.settles === undefined);
      this.shown = { key: shownKey, value: { rows: sorted, lines, totals, selectable } };
    }
    return this.shown.value;
  }
}
