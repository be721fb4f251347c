// The "Confirmations" worksheet: one printed page per selected party (a page break before each),
// a balance confirmation letter in the party's language where known (else the user's): our
// company, the party's address block when the parties file has one, the balance as of the date,
// the open items behind it, and a reply slip (we agree / we do not agree, our balance is …).
// One table whose first column holds the letter's lines and whose other columns hold the items.
import type { ConfirmSelection, Confirmation } from '../core/confirmations';
import { currencyExponent, formatMinor } from '../core/money';
import { partyLanguage } from '../core/party-language';
import { partyAddressLines } from '../core/party-address';
import { partyKey, type Ledger } from '../core/types';
import { date, money, moneyInRowCurrency, text } from './columns';
import { letterWords } from './confirmation-words';
import { formatDay } from './formats';
import { sheetFrame, tableSpec, type SheetContext } from './context';
import { words } from './i18n';
import type { Lang } from '../core/words';
import type { SheetSpec, SpecValue } from './spec';

const COLUMNS = 6;

/** `1234.56` → `EUR 1,234.56` (en), `EUR 1.234,56` (nl), `EUR 1 234,56` (fr). */
export function letterAmount(minor: number, currency: string, lang: Lang): string {
  const [whole = '', fraction] = formatMinor(minor, currencyExponent(currency)).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const group = { en: ',', nl: '.', fr: '\u00a0' }[lang];
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimal = lang === 'en' ? '.' : ',';
  return `${currency} ${sign}${grouped}${fraction === undefined ? '' : decimal + fraction}`;
}

function line(textValue: string): SpecValue[] {
  return [textValue, ...Array<SpecValue>(COLUMNS - 1).fill(null)];
}

function letter(ctx: SheetContext, ledger: Ledger, c: Confirmation): SpecValue[][] {
  const party = ledger.parties.get(partyKey(c.ledger, c.partyId));
  const lang = partyLanguage(party) ?? ctx.lang;
  const t = letterWords(lang);
  const day = formatDay(ctx.asOf, lang);
  const amount = letterAmount(Math.abs(c.balance), ctx.baseCurrency, lang);
  const ours = (c.ledger === 'AR') === c.balance >= 0;
  const company = ctx.company === '' ? '' : ctx.company;
  const rows: SpecValue[][] = [
    line(company),
    line(''),
    line(c.partyName),
    ...partyAddressLines(party).map(line),
    line(''),
    line(t('title', { date: day })),
    line(t('reference', { party: c.partyId, side: t(c.ledger === 'AR' ? 'customer' : 'supplier') })),
    line(''),
    line(t('salutation')),
    line(t(ours ? 'balanceOurs' : 'balanceYours', { date: day, amount })),
    line(t('request')),
    line(''),
    [t('openItems'), null, null, null, null, null],
    ...c.items.map((i): SpecValue[] => [`${i.docNo}  ${words(lang).entryType(i.entryType)}`, i.docDate, i.dueDate, i.currency, i.open, i.openBase]),
    [t('balanceLine', { date: day }), null, null, ctx.baseCurrency, null, c.balance],
    line(''),
    line(t('slip', { company })),
    line(t('from', { name: c.partyName, party: c.partyId })),
    line(t('agree', { amount: letterAmount(c.balance, ctx.baseCurrency, lang), date: day })),
    line(t('disagree')),
    line(t('remarks')),
    line(t('signature')),
  ];
  return rows;
}

/** The letters one after another, a page each; `selectionLine` says how the parties were chosen. */
export function confirmationsSheet(ctx: SheetContext, ledger: Ledger, confirmations: readonly Confirmation[], selectionLine: string): SheetSpec {
  const h = ctx.w.header;
  const columns = [
    text('line', ctx.w.title('confirmations'), { width: 58 }),
    date('docDate', h('docDate'), ctx.lang),
    date('dueDate', h('dueDate'), ctx.lang),
    text('currency', h('currency'), { width: 8 }),
    moneyInRowCurrency('open', h('open'), 'currency'),
    money('openBase', h('openBase', { base: ctx.baseCurrency }), ctx.baseExponent),
  ];
  const rows: SpecValue[][] = [];
  const breaks: number[] = [];
  for (const c of confirmations) {
    if (rows.length > 0) breaks.push(rows.length);
    rows.push(...letter(ctx, ledger, c));
  }
  const table = tableSpec(ctx, 'Confirmations', columns, rows, false);
  table.pageBreaksBefore = breaks;
  const sheet = sheetFrame(ctx, { key: 'confirmations', when: 'asOf', wide: false }, 'confirmations', [table]);
  sheet.titleLines.push(selectionLine);
  return sheet;
}

/** "Selection: a random sample of 10 parties with open items, seed 42" in the user's language. */
export function selectionLine(ctx: SheetContext, selection: ConfirmSelection, n: number): string {
  switch (selection.kind) {
    case 'all':
      return ctx.w.phrase('confirmAll', { n });
    case 'over':
      return ctx.w.phrase('confirmOver', { n, amount: letterAmount(selection.amount, ctx.baseCurrency, ctx.lang) });
    case 'sample':
      return ctx.w.phrase('confirmSample', { n, seed: selection.seed });
    case 'parties':
      return ctx.w.phrase('confirmParties', { n });
  }
}
