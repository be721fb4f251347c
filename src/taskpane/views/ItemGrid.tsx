// The Open items grid: a header of sortable columns (buttons with aria-sort) and a body virtualised
// in blocks of lines (fast with a million rows). The columns shown follow the list's width
// (model/open-items-grid.ts); the others are in each row's detail line, with what the row's state
// adds: paid on and by what, the entry it settles, handled, in the payment selection, in an
// earlier batch, the note. Per party a heading with its subtotals (each currency in its own) when
// grouped.
import { Badge, Button, Checkbox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Day } from '../../core/date';
import { words } from '../../sheets/i18n';
import { formatDay, formatMoney } from '../format';
import type { CurrencyTotals } from '../model/currency-totals';
import { daysLateOf, type GridColumn, type ItemRow, type SortOrder } from '../model/open-items-filter';
import { COLUMN_WIDTH, layoutFor, type GridLine, type GroupLine } from '../model/open-items-grid';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useSelection, useSession } from '../state/pane';

const useStyles = makeStyles({
  grid: { display: 'flex', flexDirection: 'column', border: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  head: {
    display: 'flex',
    alignItems: 'stretch',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { height: '60vh', minHeight: '240px', overflowY: 'auto', position: 'relative' },
  block: { position: 'absolute', left: 0, right: 0 },
  line: { boxSizing: 'border-box', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` },
  selectedRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
  group: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  box: { width: '32px', flexShrink: 0, display: 'flex', justifyContent: 'center' },
  cell: { flexShrink: 0, minWidth: 0, overflowWrap: 'anywhere', boxSizing: 'border-box' },
  // basis 0: the party takes the room left on the first line, never pushing the amounts to a second one
  party: { flexGrow: 1, flexShrink: 1, flexBasis: 0 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  headButton: { minWidth: 0, width: '100%', padding: `0 ${tokens.spacingHorizontalXXS}`, justifyContent: 'flex-start', fontWeight: tokens.fontWeightSemibold },
  headNumber: { justifyContent: 'flex-end' },
  detail: { flexBasis: '100%', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, paddingLeft: '36px', color: tokens.colorNeutralForeground2 },
  late: { color: tokens.colorPaletteRedForeground1 },
  open: { width: '32px', flexShrink: 0 },
  openButton: { minWidth: '32px', width: '32px', padding: 0 },
});

const NUMERIC: ReadonlySet<GridColumn> = new Set(['daysLate', 'amount', 'open']);

/** The width of an element, followed as the pane is resized. */
function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setWidth(element.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') {
      // an older web view: the window's resizes are what changes the pane's width
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Amounts per currency, each with its own symbol: "€1,234.00 · $50.00". */
export function currencyList(totals: CurrencyTotals, locale: string): string {
  return totals.perCurrency.map((c) => formatMoney(c.open, c.currency, locale)).join(' · ');
}

/** "EUR:123456;USD:5000": the exact minor units, for the tests and assistive reading. */
function minorList(totals: CurrencyTotals): string {
  return totals.perCurrency.map((c) => `${c.currency}:${c.open}`).join(';');
}

function useCellText(asOf: Day) {
  const { lang, locale } = useLanguage();
  const vocabulary = words(lang);
  return (column: GridColumn, row: ItemRow): string => {
    const { item } = row;
    switch (column) {
      case 'party':
        return item.partyName;
      case 'document':
        return item.docNo;
      case 'type':
        return vocabulary.entryType(item.entryType);
      case 'date':
        return formatDay(item.docDate, locale);
      case 'dueDate':
        return formatDay(item.dueDate, locale);
      case 'daysLate': {
        const late = daysLateOf(row, asOf);
        return late !== null && late > 0 ? late.toLocaleString(locale) : '';
      }
      case 'amount':
        return formatMoney(item.amount, item.currency, locale);
      case 'open':
        return row.settles ? '' : formatMoney(item.open, item.currency, locale);
      case 'currency':
        return item.currency;
    }
  };
}

interface HeadProps {
  shown: GridColumn[];
  sort: SortOrder;
  onSort: (column: GridColumn) => void;
  selectAll: ReactNode;
}

function GridHead({ shown, sort, onSort, selectAll }: HeadProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <div role="row" className={styles.head} data-testid="grid-head">
      <div role="columnheader" className={styles.box}>
        {selectAll}
      </div>
      {shown.map((column) => {
        const sorted = sort.column === column;
        return (
          <div
            key={column}
            role="columnheader"
            aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            className={mergeClasses(styles.cell, column === 'party' && styles.party)}
            style={column === 'party' ? { minWidth: COLUMN_WIDTH.party } : { width: COLUMN_WIDTH[column] }}
            data-col={column}
          >
            <Button
              appearance="subtle"
              size="small"
              className={mergeClasses(styles.headButton, NUMERIC.has(column) && styles.headNumber)}
              data-testid={`sort-${column}`}
              onClick={() => onSort(column)}
            >
              {t(`oi.col.${column}`)}
              {sorted ? (sort.descending ? ' ▼' : ' ▲') : ''}
            </Button>
          </div>
        );
      })}
      {/* the "…" of the rows' buttons, named for a screen reader (a header needs visible text) */}
      <div role="columnheader" className={styles.open} aria-label={t('oi.detailsColumn')}>
        …
      </div>
    </div>
  );
}

function GroupHeading({ line }: { line: GroupLine }) {
  const { t, locale } = useLanguage();
  const styles = useStyles();
  return (
    <div role="row" className={styles.group} data-testid="group-row" data-party={line.partyId} data-totals={minorList(line.totals)}>
      <span role="rowheader">{line.partyName}</span>
      <span>{t('oi.groupCount', { count: line.count.toLocaleString(locale) })}</span>
      <span data-testid="group-totals">{currencyList(line.totals, locale)}</span>
    </div>
  );
}

interface RowProps {
  row: ItemRow;
  shown: GridColumn[];
  hidden: GridColumn[];
  checked: boolean;
  onCheck: (row: ItemRow, checked: boolean) => void;
  onOpen: (row: ItemRow) => void;
  batchDate: Day | undefined;
}

/** What the row's state adds to its detail line. */
function RowMarks({ row, batchDate }: { row: ItemRow; batchDate: Day | undefined }) {
  const { t, locale } = useLanguage();
  const { handled, settledBy } = useLedgerViews();
  const { selected } = useSelection();
  const { item } = row;
  const paidBy = settledBy.get(row.key) ?? [];
  const money = (m: number) => formatMoney(m, item.currency, locale);
  return (
    <>
      {row.settles && <span data-testid="item-settles">{t('oi.settles', { doc: row.settles.settlesDocNo })}</span>}
      {!row.settles && item.settledDate !== null && (
        <span data-testid="item-paid">
          {t('oi.paidOn', { date: formatDay(item.settledDate, locale) })}
          {paidBy.length > 0 &&
            ` ${t('oi.paidBy', { entries: paidBy.map((s) => `${s.docNo} (${money(s.amount)}, ${formatDay(s.entryDate, locale)})`).join(', ') })}`}
        </span>
      )}
      {!row.settles && item.settledDate === null && paidBy.length > 0 && (
        <span data-testid="item-part-paid">{t('oi.partPaid', { entries: paidBy.map((s) => `${s.docNo} (${money(s.amount)})`).join(', ') })}</span>
      )}
      {handled.has(row.key) && <Badge appearance="tint" data-testid="item-handled-mark">{t('oi.handled')}</Badge>}
      {selected.has(row.key) && <Badge appearance="tint" color="brand" data-testid="item-in-payment">{t('oi.inPayment')}</Badge>}
      {batchDate !== undefined && (
        <Badge appearance="tint" color="informative" data-testid="item-in-batch">
          {t('oi.inBatch', { date: formatDay(batchDate, locale) })}
        </Badge>
      )}
    </>
  );
}

function GridRow({ row, shown, hidden, checked, onCheck, onOpen, batchDate }: RowProps) {
  const { asOf } = useSession();
  const { t } = useLanguage();
  const { notes } = useLedgerViews();
  const styles = useStyles();
  const text = useCellText(asOf);
  const note = notes.get(row.key);
  const label = `${row.item.partyName} ${row.item.docNo}`;
  const late = daysLateOf(row, asOf) ?? 0;
  const annotatable = row.settles === undefined;
  const cellClass = (column: GridColumn) =>
    mergeClasses(styles.cell, column === 'party' && styles.party, NUMERIC.has(column) && styles.number, column === 'daysLate' && late > 0 && styles.late);
  return (
    <div role="row" aria-selected={annotatable ? checked : undefined} className={mergeClasses(styles.row, checked && styles.selectedRow)} data-testid="item-row" data-key={row.key} data-type={row.item.entryType}>
      <div role="cell" className={styles.box}>
        {annotatable && <Checkbox checked={checked} aria-label={t('oi.selectRow', { label })} data-testid="item-select" onChange={(_, d) => onCheck(row, d.checked === true)} />}
      </div>
      {shown.map((column) => (
        <div key={column} role="cell" data-col={column} className={cellClass(column)} style={column === 'party' ? { minWidth: COLUMN_WIDTH.party } : { width: COLUMN_WIDTH[column] }}>
          {text(column, row)}
        </div>
      ))}
      <div role="cell" className={styles.open}>
        {annotatable && (
          <Button size="small" appearance="subtle" className={styles.openButton} data-testid="item-open-dialog" aria-label={t('oi.details', { label })} onClick={() => onOpen(row)}>
            …
          </Button>
        )}
      </div>
      <div role="cell" className={styles.detail} data-testid="item-detail">
        {hidden.map((column) => {
          const value = text(column, row);
          return value === '' ? null : (
            <span key={column} data-col={column} className={column === 'daysLate' && late > 0 ? styles.late : undefined}>
              {t('oi.detailPair', { label: t(`oi.col.${column}`), value })}
            </span>
          );
        })}
        <RowMarks row={row} batchDate={batchDate} />
        {note && (
          <Text size={200} italic data-testid="item-note">
            {note}
          </Text>
        )}
      </div>
    </div>
  );
}

export interface ItemGridProps {
  lines: GridLine[];
  sort: SortOrder;
  onSort: (column: GridColumn) => void;
  isChecked: (row: ItemRow) => boolean;
  onCheck: (row: ItemRow, checked: boolean) => void;
  selectAll: ReactNode;
  onOpen: (row: ItemRow) => void;
  /** itemKey → execution date of the latest payment batch that holds it. */
  inBatch: ReadonlyMap<string, Day>;
}

const lineKey = (line: GridLine | undefined): string => (line === undefined ? '' : line.kind === 'group' ? `group:${line.id}` : line.row.key);

/**
 * Lines per block the list virtualises: the virtualiser goes over every block of the list each
 * time a size changes, so blocks of ten make that ten times shorter on a list of a million lines.
 */
const BLOCK = 10;

const lineHeight = (line: GridLine | undefined): number => (line?.kind === 'group' ? 36 : 64);

export function ItemGrid({ lines, sort, onSort, isChecked, onCheck, selectAll, onOpen, inBatch }: ItemGridProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [frame, width] = useWidth();
  const scroller = useRef<HTMLDivElement>(null);
  const layout = layoutFor(width || 320);
  const virtualizer = useVirtualizer({
    count: Math.ceil(lines.length / BLOCK),
    getScrollElement: () => scroller.current,
    estimateSize: (b) => {
      let height = 0;
      for (let i = b * BLOCK; i < Math.min(lines.length, (b + 1) * BLOCK); i++) height += lineHeight(lines[i]);
      return height;
    },
    getItemKey: (b) => lineKey(lines[b * BLOCK]),
    overscan: 1,
  });
  const line = (item: GridLine) => (
    <div key={lineKey(item)} className={styles.line}>
      {item.kind === 'group' ? (
        <GroupHeading line={item} />
      ) : (
        <GridRow
          row={item.row}
          shown={layout.shown}
          hidden={layout.hidden}
          checked={isChecked(item.row)}
          onCheck={onCheck}
          onOpen={onOpen}
          batchDate={inBatch.get(item.row.key)}
        />
      )}
    </div>
  );
  return (
    <div ref={frame} role="table" aria-label={t('tab.openItems')} aria-rowcount={lines.length + 1} className={styles.grid} data-testid="item-grid" data-columns={layout.shown.join(' ')}>
      <GridHead shown={layout.shown} sort={sort} onSort={onSort} selectAll={selectAll} />
      <div ref={scroller} className={styles.body} data-testid="item-list">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} className={styles.block} style={{ transform: `translateY(${v.start}px)` }}>
              {lines.slice(v.index * BLOCK, (v.index + 1) * BLOCK).map(line)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
