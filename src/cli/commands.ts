// The commands of `subledger` and their options (../shared/spec/cli.md), one table per command:
// parsing, `--help` and "did you mean" all read these. A command's code is loaded only when it
// runs, so `subledger --help` loads none of it. To add an option, add it here (shared groups
// such as INPUT_OPTIONS serve every command that reads a ledger).
import { LANGS } from '../core/words';
import type { CliIo } from './io';
import type { CommandSpec, OptionSpec } from './options';

/** The ledger and what the file does not say about it. */
export const INPUT_OPTIONS: readonly OptionSpec[] = [
  { name: 'input', value: 'FILE', help: 'the ledger: canonical CSV, a CSV/XLSX export, invoice list, GL export, SAF-T or XAF' },
  { name: 'parties', value: 'FILE', help: 'the parties file (names, payment terms, credit limits, IBAN)' },
  { name: 'base', value: 'CUR', help: "the company's base currency where the file does not say it (default EUR)" },
  { name: 'max-input-size', value: 'SIZE', help: 'refuse an input file larger than this (300MB, 2G or bytes; default per kind of file)' },
  { name: 'ar-accounts', value: 'PREFIX,…', help: 'the general-ledger accounts that hold the debtors, where a GL export does not say it' },
  { name: 'ap-accounts', value: 'PREFIX,…', help: 'the general-ledger accounts that hold the creditors' },
];

/** The options every report shares; `build` takes them too. */
export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: 'as-of', value: 'DATE', help: 'the day the open items are taken on, YYYY-MM-DD (default today)' },
  { name: 'basis', value: 'due|doc|entry', help: 'age from the due date, document date or entry date (default due)' },
  { name: 'buckets', value: '30,60,90,…', help: 'the aging bucket limits in days, ascending (default 30,60,90,120)' },
  { name: 'from', value: 'DATE', help: 'start of the period (default 1 January of --as-of)' },
  { name: 'to', value: 'DATE', help: 'end of the period (default 31 December of --as-of)' },
  { name: 'side', value: 'AR|AP', help: 'only the debtors (AR) or the creditors (AP); the side of an input without a side column' },
  { name: 'party', value: 'ID', help: 'only this party' },
  { name: 'sort', value: 'date|doc', help: 'order of the mutations (default date)' },
];

const required = (options: readonly OptionSpec[], ...names: string[]): OptionSpec[] =>
  options.map((o) => (names.includes(o.name) ? { ...o, required: true } : o));

export const REPORT_NAMES = ['open-items', 'aging', 'balances', 'mutations', 'card', 'turnaround', 'key-figures', 'revaluation'] as const;

/** The language of what a command writes, one of the languages Subledger speaks (core/words.ts). */
const LANG_OPTION: OptionSpec = { name: 'lang', value: LANGS.join('|'), help: 'the language of the sheets (default en)' };

const RATES_OPTION: OptionSpec = { name: 'rates', value: 'FILE', help: 'closing rates: a CSV currency,rate[,date] or the ECB eurofxref XML (revaluation)' };

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;

const REPORT: CommandSpec = {
  name: 'report',
  summary: 'Prints reports of the ledger: a table on a terminal, JSON when piped (or as --format says).',
  positionals: [
    {
      name: 'NAME[,NAME…]',
      help: `${REPORT_NAMES.join(' | ')}; several separated by commas read the ledger once and print a JSON array of the reports in that order (or one table after another)`,
    },
  ],
  groups: [
    { title: 'Input', options: required(INPUT_OPTIONS, 'input') },
    { title: 'Report', options: [...REPORT_OPTIONS, RATES_OPTION] },
    {
      title: 'Output',
      options: [{ name: 'format', value: OUTPUT_FORMATS.join('|'), help: 'table on a terminal, json otherwise (the JSON shapes are in cli.md)' }],
    },
  ],
};

const BUILD: CommandSpec = {
  name: 'build',
  summary: 'Writes the worksheets the add-in syncs (open items, aging, balances, cards, …) into an .xlsx file.',
  groups: [
    { title: 'Input', options: [...INPUT_OPTIONS, { name: 'demo', help: 'use the built-in demo ledger instead of --input' }] },
    { title: 'Report', options: [...REPORT_OPTIONS, { ...RATES_OPTION, help: 'closing rates (a CSV currency,rate[,date] or the ECB eurofxref XML): adds the Revaluation sheet, and the balance at the closing rate to the party cards when the period ends on --as-of' }] },
    {
      title: 'Output',
      options: [
        { name: 'out', value: 'FILE.xlsx', help: 'the workbook to write', required: true },
        LANG_OPTION,
        { name: 'company', value: 'TEXT', help: 'the company named in titles and page headers (default none: titles name the report only)' },
        { name: 'force', help: 'replace --out even when it is not a workbook this command wrote' },
      ],
    },
  ],
  notes:
    'An existing --out is replaced only when it is a workbook written by subledger build that nobody\n' +
    'saved since (its document properties: author and last saved by "Subledger", modified when\n' +
    'created), or with --force; never when it is --input or --parties. The workbook is written\n' +
    'beside --out and renamed, so a failed run leaves the previous file as it was.',
};

const PAY: CommandSpec = {
  name: 'pay',
  summary: 'Writes a SEPA credit transfer file (pain.001) for open payables.',
  groups: [
    {
      title: 'Input',
      options: [
        ...required(INPUT_OPTIONS, 'input', 'parties'),
        { name: 'side', value: 'AR|AP', help: 'which subledger an input without a side column holds' },
      ],
    },
    {
      title: 'Payment',
      options: [
        { name: 'debtor-name', value: 'TEXT', help: 'the paying company', required: true },
        { name: 'debtor-iban', value: 'IBAN', help: 'the account paid from', required: true },
        { name: 'debtor-bic', value: 'BIC', help: "the paying bank's BIC" },
        { name: 'execution-date', value: 'DATE', help: 'the day the bank pays, YYYY-MM-DD', required: true },
        { name: 'docs', value: 'NO,NO,…', help: 'pay these documents (PARTY:NO where several suppliers use a number)' },
        { name: 'due-by', value: 'DATE', help: 'pay what is due on or before this day (default the execution date)' },
        { name: 'confirm-repeat', help: 'pay again items recorded in the payment history' },
      ],
    },
    {
      title: 'Output',
      options: [
        { name: 'out', value: 'FILE.xml', help: 'the payment file to write', required: true },
        { name: 'format', value: 'pain.001.001.03|pain.001.001.09', help: 'the pain.001 version (default pain.001.001.03)' },
        { name: 'history', value: 'FILE', help: 'the payment history of the administration (default: payment-history.json beside --input)' },
        { name: 'force', help: 'replace an existing --out' },
      ],
    },
  ],
  notes:
    'Pays the open payables named by --docs, or else those due on or before --due-by (default: the\n' +
    'execution date), overdue ones included. Items refused (no valid IBAN, credit balance, not EUR,\n' +
    'already in an earlier file) are listed on stderr with the reason. The payments are recorded in\n' +
    'the payment history (its path is printed on every run); an item recorded there is paid again\n' +
    'only with --confirm-repeat. While a run reads and writes it, the history is locked (FILE.lock),\n' +
    'so two runs at once never pay the same invoices. --out and --history are never a file the\n' +
    'command reads, and an existing --out is replaced only with --force: it may be a payment file\n' +
    'that has not reached the bank yet. The file and the history are written to temporary files\n' +
    'and renamed, so neither is written without the other.',
};

const DEMO: CommandSpec = {
  name: 'demo',
  summary: 'Writes the built-in demo ledger as DIR/ledger.csv and DIR/parties.csv.',
  groups: [
    {
      title: 'Options',
      options: [
        { name: 'out', value: 'DIR', help: 'the folder to write to', required: true },
        { name: 'seed', value: 'N', help: 'another demo company (default 1)' },
        { name: 'parties', value: 'N', help: 'how many parties (2–100000)' },
        { name: 'years', value: 'N', help: 'how many years of history (1–20)' },
        { name: 'entries', value: 'N', help: 'about how many entries (10–5000000)' },
        { name: 'force', help: 'replace ledger.csv or parties.csv in DIR even when subledger demo did not write them' },
      ],
    },
  ],
};

const YEAREND: CommandSpec = {
  name: 'yearend',
  summary: 'Writes the year-end pack: every analysis as of the date, revaluation and balance confirmations, as .xlsx and PDF.',
  groups: [
    { title: 'Input', options: required(INPUT_OPTIONS.filter((o) => !o.name.endsWith('-accounts')), 'input') },
    {
      title: 'Year end',
      options: [
        { name: 'as-of', value: 'DATE', help: 'the closing date, YYYY-MM-DD', required: true },
        RATES_OPTION,
        { name: 'confirm', value: 'all|sample:N|over:AMOUNT', help: 'balance confirmations for these parties' },
        { name: 'seed', value: 'N', help: 'the seed of the sample (printed when drawn)' },
      ],
    },
    {
      title: 'Output',
      options: [
        { name: 'out', value: 'DIR', help: 'the folder to write yearend-DATE.xlsx (and .pdf) to', required: true },
        LANG_OPTION,
        { name: 'company', value: 'TEXT', help: 'the company named in titles and letters (default the input file name)' },
      ],
    },
  ],
  notes: 'The PDF is made by LibreOffice (soffice) where it is installed; without it only the .xlsx is written.',
};

export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

export interface Command {
  spec: CommandSpec;
  load: () => Promise<CommandRun>;
}

export const COMMANDS: readonly Command[] = [
  { spec: DEMO, load: async () => (await import('./demo')).run },
  { spec: REPORT, load: async () => (await import('./report')).run },
  { spec: BUILD, load: async () => (await import('./build')).run },
  { spec: PAY, load: async () => (await import('./pay')).run },
  { spec: YEAREND, load: async () => (await import('./yearend')).run },
];

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.spec.name === name);
}

export function specOf(name: string): CommandSpec {
  const command = commandNamed(name);
  if (command === undefined) throw new Error(`no command ${name}`);
  return command.spec;
}
