// The Open items tab: receivables or payables, filtered by status, due date, handled and a search
// on party, document or amount, ordered on any column and grouped by party if wished, in a grid
// that keeps to the pane's width (ItemGrid). The filters are remembered per administration. Rows
// are selected for actions on many at once (SelectionActions); one item opens in its dialog.
import { Checkbox, Dropdown, Field, Input, Option, Spinner, Switch, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Day } from '../../core/date';
import { DEFAULT_BASE_CURRENCY, SIDES } from '../../core/types';
import { batchesByItem } from '../../export/history';
import { paymentHistory } from '../../store/payments';
import { historyOf } from '../actions/payments';
import { formatMoney } from '../format';
import type { CurrencyTotals } from '../model/currency-totals';
import {
  effectiveSort,
  GRID_COLUMNS,
  type DueFilter,
  type GridColumn,
  type ItemFilter,
  type ItemRow,
} from '../model/open-items-filter';
import type { GridLine } from '../model/open-items-grid';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useLedger, useNavigation, useSession } from '../state/pane';
import { ItemDialog } from './ItemDialog';
import { currencyList, ItemGrid } from './ItemGrid';
import { SelectionActions } from './SelectionActions';
import { useShownList, type ShownState } from './use-shown-list';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  narrow: { width: '80px' },
  dropdown: { minWidth: '140px' },
});

const DUES: readonly DueFilter[] = ['any', 'overdue', 'notDue', 'within'];

function SortFilter({ filter, setFilter }: { filter: ItemFilter; setFilter: (f: ItemFilter) => void }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const sort = effectiveSort(filter);
  return (
    <>
      <Field label={t('oi.sortBy')}>
        <Dropdown
          className={styles.dropdown}
          data-testid="sort-column"
          value={t(`oi.col.${sort.column}`)}
          selectedOptions={[sort.column]}
          onOptionSelect={(_, d) => {
            const column = GRID_COLUMNS.find((c) => c === d.optionValue);
            if (column) setFilter({ ...filter, sort: { column, descending: sort.descending } });
          }}
        >
          {GRID_COLUMNS.map((c) => (
            <Option key={c} value={c}>
              {t(`oi.col.${c}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <ToggleButton
        checked={sort.descending}
        data-testid="sort-descending"
        aria-label={t('oi.sortDescending')}
        onClick={() => setFilter({ ...filter, sort: { column: sort.column, descending: !sort.descending } })}
      >
        {sort.descending ? t('oi.sortDesc') : t('oi.sortAsc')}
      </ToggleButton>
    </>
  );
}

function Filters({ filter, setFilter }: { filter: ItemFilter; setFilter: (f: ItemFilter) => void }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const dueLabel = (d: DueFilter) => (d === 'within' ? t('oi.due.withinN') : t(`oi.due.${d}`));
  return (
    <div className={styles.filters} data-testid="item-filters">
      <div role="group" aria-label={t('oi.side')}>
        {SIDES.map((side) => (
          <ToggleButton key={side} checked={filter.side === side} data-testid={`side-${side}`} onClick={() => setFilter({ ...filter, side })}>
            {t(`side.${side}`)}
          </ToggleButton>
        ))}
      </div>
      <Field label={t('oi.status')}>
        <Dropdown
          className={styles.dropdown}
          data-testid="status-filter"
          value={t(`oi.status.${filter.status}`)}
          selectedOptions={[filter.status]}
          onOptionSelect={(_, d) => setFilter({ ...filter, status: d.optionValue === 'all' ? 'all' : 'open' })}
        >
          <Option value="open">{t('oi.status.open')}</Option>
          <Option value="all">{t('oi.status.all')}</Option>
        </Dropdown>
      </Field>
      <Field label={t('oi.due')}>
        <Dropdown
          className={styles.dropdown}
          data-testid="due-filter"
          value={filter.due === 'within' ? t('oi.due.within', { n: filter.withinDays }) : dueLabel(filter.due)}
          selectedOptions={[filter.due]}
          onOptionSelect={(_, d) => setFilter({ ...filter, due: DUES.find((x) => x === d.optionValue) ?? 'any' })}
        >
          {DUES.map((d) => (
            <Option key={d} value={d}>
              {dueLabel(d)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {filter.due === 'within' && (
        <Field label={t('oi.days')}>
          <Input
            className={styles.narrow}
            type="number"
            min={0}
            data-testid="within-days"
            value={String(filter.withinDays)}
            onChange={(_, d) => {
              const n = Number(d.value);
              if (Number.isInteger(n) && n >= 0) setFilter({ ...filter, withinDays: n });
            }}
          />
        </Field>
      )}
      <SortFilter filter={filter} setFilter={setFilter} />
      <Switch label={t('oi.groupByParty')} data-testid="group-by-party" checked={filter.groupByParty} onChange={(_, d) => setFilter({ ...filter, groupByParty: d.checked })} />
      <Switch label={t('oi.hideHandled')} data-testid="hide-handled" checked={filter.hideHandled} onChange={(_, d) => setFilter({ ...filter, hideHandled: d.checked })} />
      <Field label={t('oi.search')}>
        <Input type="search" data-testid="item-search" value={filter.search} onChange={(_, d) => setFilter({ ...filter, search: d.value })} />
      </Field>
    </div>
  );
}

/** Puts the focus on the dialog button of the row with `key`, when that row is shown. */
function focusRow(page: HTMLElement | null, key: string): void {
  const rows = page?.querySelectorAll<HTMLElement>('[data-testid="item-row"]') ?? [];
  const row = [...rows].find((r) => r.dataset.key === key);
  row?.querySelector<HTMLElement>('[data-testid="item-open-dialog"]')?.focus();
}

/** itemKey → execution date of the latest payment batch holding it (the store's payment history). */
function useInBatch(): ReadonlyMap<string, Day> {
  const { db, adminId } = useSession();
  const batches = useLiveQuery(() => paymentHistory(db, adminId), [db, adminId]);
  return useMemo(() => {
    const byItem = batchesByItem(historyOf(batches ?? []));
    const dates = new Map<string, Day>();
    for (const [key, list] of byItem) {
      const latest = list.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
      dates.set(key, latest.executionDate);
    }
    return dates;
  }, [batches]);
}

const NO_ROWS: ItemRow[] = [];
const NO_LINES: GridLine[] = [];
const NO_TOTALS: CurrencyTotals = { perCurrency: [], base: 0 };

/** The rows the filters let through, in the chosen order (the settling entries too when everything is shown), made a slice at a time. */
function useShown(filter: ItemFilter): ShownState & { preparing: boolean } {
  const { asOf } = useSession();
  const views = useLedgerViews();
  const { rows, handled, listsProgress } = views;
  // the settling entries are made into rows only once everything is asked for
  const settling = filter.status === 'all' ? views.settling : NO_ROWS;
  const shown = useShownList({ rows, settling, filter, asOf, handled });
  // nothing to show yet: the lists are being made (a worker), or their first view is
  return { ...shown, preparing: listsProgress !== null || shown.list === null };
}

/** Said while the list is made: a spinner with its label, for the eye and for a screen reader. */
function Preparing() {
  const { t } = useLanguage();
  return <Spinner size="small" labelPosition="after" label={t('oi.preparing')} data-testid="items-preparing" />;
}

export function OpenItems() {
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const { filter, setFilter } = useNavigation();
  const styles = useStyles();
  const [open, setOpen] = useState<ItemRow | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const page = useRef<HTMLDivElement>(null);
  const closeDialog = () => {
    const key = open?.key;
    setOpen(null);
    // back to the row the dialog was opened from (after the dialog's own focus handling)
    if (key !== undefined) requestAnimationFrame(() => focusRow(page.current, key));
  };
  const deferred = useDeferredValue(filter);
  const { list, busy, preparing } = useShown(deferred);
  const shown = list?.rows ?? NO_ROWS;
  const lines = list?.lines ?? NO_LINES;
  const totals = list?.totals ?? NO_TOTALS;
  const selectable = list?.selectable ?? NO_ROWS;
  const inBatch = useInBatch();
  const currency = loaded?.ledger.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  const mixed = totals.perCurrency.some((c) => c.currency !== currency);
  // the selection acts on what is shown: a row filtered away is no longer selected
  const selectedRows = useMemo(() => selectable.filter((r) => checked.has(r.key)), [selectable, checked]);
  const sort = effectiveSort(filter);
  const onSort = (column: GridColumn) =>
    setFilter({ ...filter, sort: { column, descending: sort.column === column ? !sort.descending : NUMBER_FIRST_DESCENDING.has(column) } });
  const onCheck = (row: ItemRow, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(row.key);
    else next.delete(row.key);
    setChecked(next);
  };
  const all = selectable.length > 0 && selectedRows.length === selectable.length;
  const selectAll = (
    <Checkbox
      data-testid="select-all"
      aria-label={t('oi.selectAll')}
      checked={all ? true : selectedRows.length > 0 ? 'mixed' : false}
      onChange={() => setChecked(all ? new Set() : new Set(selectable.map((r) => r.key)))}
    />
  );
  return (
    <div className={styles.page} ref={page} aria-busy={busy || preparing}>
      <Filters filter={filter} setFilter={setFilter} />
      <Text role="status" data-testid="item-count" data-count={shown.length} data-total={totals.base} data-busy={busy || preparing}>
        {mixed
          ? t('oi.countMixed', {
              count: shown.length.toLocaleString(locale),
              amounts: currencyList(totals, locale),
              total: formatMoney(totals.base, currency, locale),
              currency,
            })
          : t('oi.count', { count: shown.length.toLocaleString(locale), total: formatMoney(totals.base, currency, locale) })}
      </Text>
      <SelectionActions rows={selectedRows} baseCurrency={currency} onClear={() => setChecked(new Set())} />
      {(busy || preparing) && <Preparing />}
      {preparing ? null : shown.length === 0 ? (
        <Text data-testid="items-empty">{t('oi.empty')}</Text>
      ) : (
        <ItemGrid lines={lines} sort={sort} onSort={onSort} isChecked={(r) => checked.has(r.key)} onCheck={onCheck} selectAll={selectAll} onOpen={setOpen} inBatch={inBatch} />
      )}
      {open && <ItemDialog row={open} onClose={closeDialog} />}
    </div>
  );
}

/** Columns a first click orders largest first (amounts, days late, dates: the most pressing on top). */
const NUMBER_FIRST_DESCENDING: ReadonlySet<GridColumn> = new Set(['amount', 'open', 'daysLate', 'date']);
