// Small SheetSpecs built by hand for the Excel tests: an open-items sheet of a few ledger lines
// (with the user's Handled / Note / Follow-up columns and row keys), a dashboard with a chart, and
// a fact table with a pivot table.
import { parseIsoDate } from '../../../src/core/date';
import type { ColumnSpec, SheetSpec, SpecValue, TableSpec } from '../../../src/sheets/spec';

export interface ItemLine {
  key: string;
  party: string;
  doc: string;
  description: string;
  due: string;
  currency?: string;
  /** Open amount in minor units. */
  open: number;
  handled?: boolean;
  note?: string;
  followUp?: string;
}

const day = (iso: string): number => {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
};

export const OPEN_ITEM_COLUMNS: ColumnSpec[] = [
  { key: 'partyName', header: 'Party', type: 'text', numberFormat: '@', width: 28 },
  { key: 'docNo', header: 'Document', type: 'text', numberFormat: '@', width: 12, total: 'count' },
  { key: 'description', header: 'Description', type: 'text', numberFormat: '@', width: 30 },
  { key: 'dueDate', header: 'Due', type: 'date', numberFormat: 'yyyy-mm-dd', width: 12 },
  { key: 'currency', header: 'Currency', type: 'text', numberFormat: '@', width: 8 },
  { key: 'open', header: 'Open', type: 'money', numberFormat: '#,##0.00;[Red]-#,##0.00', width: 14, exponent: 2, currencyColumn: 'currency' },
  { key: 'openBase', header: 'Open (EUR)', type: 'money', numberFormat: '#,##0.00;[Red]-#,##0.00', width: 14, exponent: 2, total: 'sum' },
  { key: 'handled', header: 'Handled', type: 'boolean', numberFormat: '"✓";"✓";""', width: 8, userEditable: true },
  { key: 'note', header: 'Note', type: 'text', numberFormat: '@', width: 30, userEditable: true },
  { key: 'followUp', header: 'Follow-up', type: 'date', numberFormat: 'yyyy-mm-dd', width: 12, userEditable: true },
];

function itemRow(line: ItemLine): SpecValue[] {
  return [
    line.party,
    line.doc,
    line.description,
    day(line.due),
    line.currency ?? 'EUR',
    line.open,
    line.currency && line.currency !== 'EUR' ? Math.round(line.open / 2) : line.open,
    line.handled ?? false,
    line.note ?? null,
    line.followUp ? day(line.followUp) : null,
  ];
}

export function openItemsSpec(lines: ItemLine[], options: { name?: string; title?: string } = {}): SheetSpec {
  const table: TableSpec = {
    name: 'OpenItems_AR',
    columns: OPEN_ITEM_COLUMNS,
    rows: lines.map(itemRow),
    totalsRow: true,
    totalsLabel: 'Total',
    rowKeys: lines.map((l) => l.key),
    conditionalFormats: [{ kind: 'cellValue', column: 'openBase', operator: 'greaterThan', value: 1000, fill: 'FFC7CE', fontColor: '9C0006' }],
  };
  return {
    name: options.name ?? 'Open items AR',
    kind: 'open-items-AR',
    titleLines: [options.title ?? 'Acme Holding — Open items receivable', 'As of 2024-12-31', 'Payments known up to 2024-12-30'],
    tables: [table],
    freezeHeader: true,
    print: {
      orientation: 'landscape',
      fitToPagesWide: 1,
      repeatHeaderRow: true,
      header: { left: 'Acme Holding', center: 'Open items receivable', right: 'As of 2024-12-31' },
      footer: { left: 'Payments known up to 2024-12-30', right: 'Page &P of &N' },
    },
    asOf: day('2024-12-31'),
  };
}

export const LINES: ItemLine[] = [
  { key: 'AR·C001·F-1001·invoice', party: 'Brouwerij De Kroon', doc: 'F-1001', description: 'Kegs', due: '2024-10-15', open: 121_000 },
  { key: 'AR·C002·F-1002·invoice', party: '=HYPERLINK("http://evil.example","Click")', doc: 'F-1002', description: '-50', due: '2024-11-30', open: 5_050 },
  { key: 'AR·C003·F-1003·invoice', party: 'Café Zeldzaam', doc: 'F-1003', description: '+31 20 555 0101', due: '2025-01-10', currency: 'JPY', open: 15_000, note: '@call Monday' },
];

/** `count` generated items, for the large-sheet tests and the benchmark. */
export function manyLines(count: number): ItemLine[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `AR·C${String(i % 5000).padStart(5, '0')}·F-${100000 + i}·invoice`,
    party: `Customer ${i % 5000} — Handelsonderneming van der Berg-Jansen`,
    doc: `F-${100000 + i}`,
    description: `Invoice ${100000 + i} for deliveries in week ${(i % 52) + 1}, order ${i * 7}`,
    due: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
    open: 10_000 + ((i * 7919) % 990_000),
  }));
}

export function dashboardSpec(): SheetSpec {
  const columns: ColumnSpec[] = [
    { key: 'ledger', header: 'Ledger', type: 'text', numberFormat: '@', width: 10 },
    { key: 'overdue', header: 'Overdue', type: 'money', numberFormat: '#,##0.00', width: 14, exponent: 2, total: 'sum' },
    { key: 'notDue', header: 'Not yet due', type: 'money', numberFormat: '#,##0.00', width: 14, exponent: 2, total: 'sum' },
  ];
  const buckets: ColumnSpec[] = [
    { key: 'bucket', header: 'Bucket', type: 'text', numberFormat: '@', width: 12 },
    { key: 'AR', header: 'AR', type: 'money', numberFormat: '#,##0.00', width: 14, exponent: 2, total: 'sum' },
  ];
  return {
    name: 'Dashboard',
    kind: 'dashboard',
    titleLines: ['Acme Holding — Dashboard'],
    tables: [
      { name: 'KeyFigures', columns, rows: [['AR', 126_050, 15_000], ['AP', 40_000, 2_500]], totalsRow: true, totalsLabel: 'Total' },
      {
        name: 'AgingSummary',
        columns: buckets,
        rows: [['0–30', 100], ['31–60', 200]],
        totalsRow: false,
        conditionalFormats: [{ kind: 'dataBar', column: 'AR', color: '638EC6' }],
      },
    ],
    charts: [{ type: 'columnStacked', title: 'Overdue and not yet due', table: 'KeyFigures', category: 'ledger', series: ['overdue', 'notDue'] }],
    freezeHeader: false,
    print: { orientation: 'portrait', fitToPagesWide: 1, repeatHeaderRow: false, header: {}, footer: { right: 'Page &P of &N' } },
  };
}

export function paymentBehaviourSpec(): SheetSpec {
  const columns: ColumnSpec[] = [
    { key: 'partyName', header: 'Party', type: 'text', numberFormat: '@', width: 24 },
    { key: 'daysToPay', header: 'Days to pay', type: 'integer', numberFormat: '#,##0', width: 10, total: 'average' },
    { key: 'amountBase', header: 'Amount (EUR)', type: 'money', numberFormat: '#,##0.00', width: 14, exponent: 2, total: 'sum' },
  ];
  return {
    name: 'Payment behaviour',
    kind: 'payment-behaviour',
    titleLines: ['Acme Holding — Payment behaviour'],
    tables: [{ name: 'PaymentBehaviour', columns, rows: [['Kroon', 30, 1000], ['Zeldzaam', 45, 2050], ['Kroon', 12, 999]], totalsRow: true, totalsLabel: 'Total', pageBreaksBefore: [0, 2] }],
    pivots: [{ name: 'PaymentBehaviourPivot', table: 'PaymentBehaviour', rows: ['partyName'], values: [{ column: 'amountBase', summarizeBy: 'sum' }, { column: 'daysToPay', summarizeBy: 'average' }] }],
    freezeHeader: true,
    print: { orientation: 'portrait', fitToPagesWide: 1, repeatHeaderRow: true, header: { center: 'Payment behaviour' }, footer: {} },
  };
}
