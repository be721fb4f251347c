// The "Functions" worksheet of a workbook written outside Excel: the =SUBLEDGER.… functions the
// add-in offers, each as an example formula (text, never a live formula in the file) with what it
// gives and the value it had on this ledger when the file was built, so a user opening the .xlsx
// sees what the add-in would let them ask in their own formulas.
import { formatIsoDate, fromExcelSerial } from '../core/date';
import * as figures from '../core/ledger-functions';
import { FunctionProblem, type Arg, type FunctionContext } from '../core/ledger-functions';
import { balanceList } from '../core/balances';
import type { BalanceRow } from '../core/report-types';
import type { Side } from '../core/types';
import { date, number, text } from './columns';
import type { SheetContext } from './context';
import { escapeHeaderText, paymentsLine } from './context';
import FUNCTION_NAMES from './function-names.json';
import { fill, type Lang, type Words } from '../core/words';
import type { SheetSpec, SpecValue } from './spec';
import { formatDay } from './formats';

export const MEANING = {
  BALANCE: { en: 'Balance of {party}', nl: 'Saldo van {party}', fr: 'Solde de {party}' },
  BALANCE_ALL: { en: 'Total of all {side}', nl: 'Totaal van alle {side}', fr: 'Total de tous les {side}' },
  OVERDUE: { en: 'Overdue, all {side}', nl: 'Vervallen, alle {side}', fr: 'Échu, tous les {side}' },
  NOTDUE: { en: 'Not yet due, all {side}', nl: 'Niet vervallen, alle {side}', fr: 'Non échu, tous les {side}' },
  DUEWITHIN: { en: 'Due within 5 days', nl: 'Vervalt binnen 5 dagen', fr: 'Échéance sous 5 jours' },
  AGING: { en: 'Oldest aging bucket, all {side}', nl: 'Oudste ouderdomsperiode, alle {side}', fr: 'Tranche la plus ancienne, tous les {side}' },
  OPEN: { en: 'Open items of {party} (spills a table; value = rows)', nl: 'Open posten van {party} (tabel; waarde = regels)', fr: 'Postes ouverts de {party} (tableau ; valeur = lignes)' },
  DSO: { en: 'DSO of the period', nl: 'DSO van de periode', fr: 'DSO de la période' },
  CEI: { en: 'Collection effectiveness (%)', nl: 'Incasso-effectiviteit (%)', fr: 'Efficacité du recouvrement (%)' },
  ADD: { en: 'Average days delinquent', nl: 'Gemiddeld dagen te laat', fr: 'Retard moyen (jours)' },
  DAYSTOPAY: { en: 'Average days {party} takes to pay', nl: 'Gemiddelde betaaltermijn van {party}', fr: 'Délai moyen de paiement de {party}' },
  KNOWNUPTO: { en: 'Payments known up to', nl: 'Betalingen bekend tot', fr: 'Paiements connus au' },
} as const satisfies Record<string, Words>;

export const COLUMNS = {
  formula: { en: 'Formula', nl: 'Formule', fr: 'Formule' },
  meaning: { en: 'What it gives', nl: 'Wat het geeft', fr: 'Ce qu’elle donne' },
  value: { en: 'Value', nl: 'Waarde', fr: 'Valeur' },
  date: { en: 'Date', nl: 'Datum', fr: 'Date' },
  problem: { en: 'Answer', nl: 'Antwoord', fr: 'Réponse' },
  title: { en: 'Functions for your own formulas', nl: 'Functies voor uw eigen formules', fr: 'Fonctions pour vos propres formules' },
  sheet: { en: 'Functions', nl: 'Functies', fr: 'Fonctions' },
  note: {
    en: 'In Excel with the Subledger add-in these work in any cell; values as of {date}.',
    nl: 'In Excel met de Subledger-invoegtoepassing werken deze in elke cel; waarden per {date}.',
    fr: 'Dans Excel avec le complément Subledger, elles fonctionnent dans toute cellule ; valeurs au {date}.',
  },
  debtors: { en: 'debtors', nl: 'debiteuren', fr: 'clients' },
  creditors: { en: 'creditors', nl: 'crediteuren', fr: 'fournisseurs' },
} as const satisfies Record<string, Words>;

type FunctionId = keyof typeof FUNCTION_NAMES.nl;

/** The function's name in the sheet's language (Excel shows localized names), with its namespace. */
function formulaName(lang: Lang, id: FunctionId): string {
  return `SUBLEDGER.${lang === 'en' ? id : FUNCTION_NAMES[lang][id]}`;
}

interface Example {
  id: FunctionId;
  meaning: keyof typeof MEANING;
  args: Arg[];
  evaluate: (ctx: FunctionContext) => number;
  isDate?: boolean;
  party?: string;
  side?: Side;
}

function largest(rows: readonly BalanceRow[], side: Side): BalanceRow | undefined {
  return rows.filter((r) => r.ledger === side).sort((a, b) => b.balance - a.balance || a.partyId.localeCompare(b.partyId))[0];
}

function examples(ctx: FunctionContext, from: string, to: string): Example[] {
  const rows = balanceList(ctx.ledger, ctx.asOf);
  const list: Example[] = [];
  for (const side of ['AR', 'AP'] as const) {
    const top = largest(rows, side);
    if (top === undefined) continue;
    const party = top.partyId;
    list.push({ id: 'BALANCE', meaning: 'BALANCE', args: [party, null, side], party, side, evaluate: (c) => figures.balanceFigure(c, 'balance', party, null, side) });
  }
  const top = largest(rows, 'AR');
  list.push(
    { id: 'BALANCE', meaning: 'BALANCE_ALL', args: ['*', null, 'AR'], side: 'AR', evaluate: (c) => figures.balanceFigure(c, 'balance', '*', null, 'AR') },
    { id: 'BALANCE', meaning: 'BALANCE_ALL', args: ['*', null, 'AP'], side: 'AP', evaluate: (c) => figures.balanceFigure(c, 'balance', '*', null, 'AP') },
    { id: 'OVERDUE', meaning: 'OVERDUE', args: ['*'], side: 'AR', evaluate: (c) => figures.balanceFigure(c, 'overdue', '*', null, null) },
    { id: 'NOTDUE', meaning: 'NOTDUE', args: ['*'], side: 'AR', evaluate: (c) => figures.balanceFigure(c, 'notDue', '*', null, null) },
    { id: 'DUEWITHIN', meaning: 'DUEWITHIN', args: [5], evaluate: (c) => figures.dueWithin(c, 5, null, null) },
    { id: 'AGING', meaning: 'AGING', args: ['*', '>120'], side: 'AR', evaluate: (c) => figures.agingBucket(c, '*', '>120', null, null, null) },
  );
  if (top !== undefined) {
    const party = top.partyId;
    list.push({ id: 'OPEN', meaning: 'OPEN', args: [party, null, 'AR'], party, evaluate: (c) => figures.openItemsTable(c, party, null, 'AR').length - 1 });
  }
  list.push(
    { id: 'DSO', meaning: 'DSO', args: [from, to], evaluate: (c) => figures.turnaroundFigure(c, 'dso', from, to, null) },
    { id: 'CEI', meaning: 'CEI', args: [from, to], evaluate: (c) => figures.turnaroundFigure(c, 'cei', from, to, null) },
    { id: 'ADD', meaning: 'ADD', args: [from, to], evaluate: (c) => figures.turnaroundFigure(c, 'add', from, to, null) },
  );
  if (top !== undefined) {
    const party = top.partyId;
    list.push({ id: 'DAYSTOPAY', meaning: 'DAYSTOPAY', args: [party, from, to], party, evaluate: (c) => figures.daysToPay(c, party, from, to, 'AR') });
  }
  list.push({ id: 'KNOWNUPTO', meaning: 'KNOWNUPTO', args: ['AR'], isDate: true, evaluate: (c) => figures.knownUpTo(c, 'AR') });
  return list;
}

/** `"C1001"`, `5`, `` (an omitted optional argument); text quotes doubled as Excel writes them. */
function argText(arg: Arg): string {
  if (arg === null || arg === undefined) return '';
  return typeof arg === 'string' ? `"${arg.replace(/"/g, '""')}"` : String(arg);
}

function formula(lang: Lang, example: Example): string {
  const args = [...example.args];
  while (args.length > 0 && (args[args.length - 1] === null || args[args.length - 1] === undefined)) args.pop();
  return `=${formulaName(lang, example.id)}(${args.map(argText).join(lang === 'en' ? ', ' : '; ')})`;
}

export function functionsSheet(ctx: SheetContext, functionContext: FunctionContext): SheetSpec {
  const { lang } = ctx;
  const from = formatIsoDate(ctx.period.from);
  const to = formatIsoDate(ctx.period.to);
  const rows: SpecValue[][] = examples(functionContext, from, to).map((example) => {
    const sideWord = COLUMNS[example.side === 'AP' ? 'creditors' : 'debtors'][lang];
    const meaning = fill(MEANING[example.meaning][lang], { party: example.party ?? '', side: sideWord });
    try {
      const value = example.evaluate(functionContext);
      return example.isDate === true
        ? [formula(lang, example), meaning, null, fromExcelSerial(value), null]
        : [formula(lang, example), meaning, value, null, null];
    } catch (error) {
      if (!(error instanceof FunctionProblem)) throw error;
      const code = error.kind === 'notAvailable' ? '#N/A' : '#VALUE!';
      return [formula(lang, example), meaning, null, null, `${code} ${error.message}`];
    }
  });
  const title = COLUMNS.title[lang];
  return {
    name: COLUMNS.sheet[lang],
    kind: 'functions',
    titleLines: [ctx.company === '' ? title : `${ctx.company} — ${title}`, fill(COLUMNS.note[lang], { date: formatDay(ctx.asOf, lang) }), paymentsLine(ctx)],
    tables: [
      {
        name: 'Functions',
        columns: [
          text('formula', COLUMNS.formula[lang], { width: 52 }),
          text('meaning', COLUMNS.meaning[lang], { width: 44 }),
          number('value', COLUMNS.value[lang], { width: 16, numberFormat: '#,##0.00' }),
          date('date', COLUMNS.date[lang], lang),
          text('problem', COLUMNS.problem[lang], { width: 30 }),
        ],
        rows,
        totalsRow: false,
      },
    ],
    freezeHeader: true,
    print: {
      orientation: 'landscape',
      fitToPagesWide: 1,
      repeatHeaderRow: true,
      header: { left: escapeHeaderText(ctx.company), center: escapeHeaderText(title) },
      footer: { left: paymentsLine(ctx), right: ctx.w.phrase('page') },
    },
    asOf: ctx.asOf,
  };
}
