// The Open items tab: receivables or payables, filtered by status, due date, handled and a search
// on party, document or amount, in a virtualized list (smooth with 100k items). Per item: handled,
// note, agreement and follow-up (ItemDialog), and for payables the selection for payment.
import { Badge, Button, Checkbox, Dropdown, Field, Input, Option, Switch, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { daysOverdue } from '../../core/due-status';
import { DEFAULT_BASE_CURRENCY, SIDES } from '../../core/types';
import { setHandled } from '../../store/flags';
import { formatDay, formatMoney } from '../format';
import { openByCurrency } from '../model/currency-totals';
import { filterItems, rowRef, type DueFilter, type ItemFilter, type ItemRow } from '../model/open-items-filter';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useLedger, useNavigation, useSelection, useSession } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';
import { ItemDialog } from './ItemDialog';

const ROW_HEIGHT = 68;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  list: { height: '60vh', minHeight: '240px', overflowY: 'auto', position: 'relative', border: `1px solid ${tokens.colorNeutralStroke2}` },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  main: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  amount: { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' },
  late: { color: tokens.colorPaletteRedForeground1 },
  narrow: { width: '80px' },
});

const DUES: readonly DueFilter[] = ['any', 'overdue', 'notDue', 'within'];

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
      <Switch label={t('oi.hideHandled')} data-testid="hide-handled" checked={filter.hideHandled} onChange={(_, d) => setFilter({ ...filter, hideHandled: d.checked })} />
      <Field label={t('oi.search')}>
        <Input type="search" data-testid="item-search" value={filter.search} onChange={(_, d) => setFilter({ ...filter, search: d.value })} />
      </Field>
    </div>
  );
}

interface RowProps {
  row: ItemRow;
  top: number;
  onOpen: (row: ItemRow) => void;
}

function ItemLine({ row, top, onOpen }: RowProps) {
  const { asOf, db, adminId } = useSession();
  const { t, locale } = useLanguage();
  const { selected, setSelected } = useSelection();
  const { handled, notes } = useLedgerViews();
  const write = useStoreWrite();
  const styles = useStyles();
  const { item } = row;
  const isHandled = handled.has(row.key);
  const late = daysOverdue(item.dueDate, asOf);
  const note = notes.get(row.key);
  const label = `${item.partyName} ${item.docNo}`;
  return (
    <div role="listitem" className={styles.row} style={{ top, height: ROW_HEIGHT }} data-testid="item-row" data-key={row.key}>
      <Checkbox
        checked={isHandled}
        aria-label={`${t('oi.markHandled')}: ${label}`}
        data-testid="item-handled"
        onChange={(_, d) => void write('handled', () => setHandled(db, adminId, rowRef(row), d.checked === true))}
      />
      {item.ledger === 'AP' && item.open > 0 && (
        <Checkbox
          checked={selected.has(row.key)}
          aria-label={`${t('oi.selectPay')}: ${label}`}
          data-testid="item-select-pay"
          onChange={(_, d) => {
            const next = new Set(selected);
            if (d.checked === true) next.add(row.key);
            else next.delete(row.key);
            setSelected(next);
          }}
        />
      )}
      <div className={styles.main}>
        <Text className={styles.ellipsis} weight="semibold">
          {item.partyName}
        </Text>
        <Text size={200} className={styles.ellipsis}>
          {item.docNo} · {t('oi.dueOn', { date: formatDay(item.dueDate, locale) })}
          {late > 0 && <span className={styles.late}> · {t('oi.daysLate', { n: late })}</span>}
        </Text>
        {note && (
          <Text size={200} italic className={styles.ellipsis} data-testid="item-note">
            {note}
          </Text>
        )}
      </div>
      <div className={styles.amount}>
        <Text block className={styles.amount} data-testid="item-open">
          {formatMoney(item.open, item.currency, locale)}
        </Text>
        {item.settledDate !== null && <Badge appearance="tint" color="success">{t('oi.processed')}</Badge>}
        {isHandled && <Badge appearance="tint">{t('oi.handled')}</Badge>}
      </div>
      <Button size="small" data-testid="item-open-dialog" aria-label={`${t('oi.addNote')}: ${label}`} onClick={() => onOpen(row)}>
        {t('oi.note')}
      </Button>
    </div>
  );
}

function ItemList({ rows, onOpen }: { rows: ItemRow[]; onOpen: (row: ItemRow) => void }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  if (rows.length === 0) return <Text data-testid="items-empty">{t('oi.empty')}</Text>;
  return (
    <div ref={scroller} className={styles.list} data-testid="item-list">
      <div role="list" aria-label={t('tab.openItems')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          return row ? <ItemLine key={row.key} row={row} top={v.start} onOpen={onOpen} /> : null;
        })}
      </div>
    </div>
  );
}

/** The payables selected for payment: how many, and their open amount per currency. */
function SelectionTotal() {
  const { t, locale } = useLanguage();
  const { selected } = useSelection();
  const { rows } = useLedgerViews();
  const totals = useMemo(() => openByCurrency(rows.filter((r) => selected.has(r.key))), [rows, selected]);
  if (selected.size === 0) return null;
  return (
    <Text role="status" data-testid="selection-count" data-count={selected.size}>
      {t('oi.selection', { count: selected.size.toLocaleString(locale), total: totals.perCurrency.map((c) => formatMoney(c.open, c.currency, locale)).join(' · ') })}
    </Text>
  );
}

/** Puts the focus on the dialog button of the row with `key`, when that row is shown. */
function focusRow(page: HTMLElement | null, key: string): void {
  const rows = page?.querySelectorAll<HTMLElement>('[data-testid="item-row"]') ?? [];
  const row = [...rows].find((r) => r.dataset.key === key);
  row?.querySelector<HTMLElement>('[data-testid="item-open-dialog"]')?.focus();
}

export function OpenItems() {
  const { asOf } = useSession();
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const { filter, setFilter } = useNavigation();
  const { rows, handled } = useLedgerViews();
  const styles = useStyles();
  const [open, setOpen] = useState<ItemRow | null>(null);
  const page = useRef<HTMLDivElement>(null);
  const closeDialog = () => {
    const key = open?.key;
    setOpen(null);
    // back to the row the dialog was opened from (after the dialog's own focus handling)
    if (key !== undefined) requestAnimationFrame(() => focusRow(page.current, key));
  };
  const deferred = useDeferredValue(filter);
  const shown = useMemo(() => filterItems(rows, deferred, asOf, handled), [rows, deferred, asOf, handled]);
  const currency = loaded?.ledger.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  const totals = useMemo(() => openByCurrency(shown), [shown]);
  const mixed = totals.perCurrency.some((c) => c.currency !== currency);
  return (
    <div className={styles.page} ref={page}>
      <Filters filter={filter} setFilter={setFilter} />
      <Text role="status" data-testid="item-count" data-count={shown.length} data-total={totals.base}>
        {mixed
          ? t('oi.countMixed', {
              count: shown.length.toLocaleString(locale),
              amounts: totals.perCurrency.map((c) => formatMoney(c.open, c.currency, locale)).join(' · '),
              total: formatMoney(totals.base, currency, locale),
              currency,
            })
          : t('oi.count', { count: shown.length.toLocaleString(locale), total: formatMoney(totals.base, currency, locale) })}
      </Text>
      <SelectionTotal />
      <ItemList rows={shown} onOpen={setOpen} />
      {open && <ItemDialog row={open} onClose={closeDialog} />}
    </div>
  );
}
