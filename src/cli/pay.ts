// `subledger pay` (cli.md): a SEPA credit transfer file (pain.001) for the open payables named by
// --docs, or else those due on or before --due-by (default: the execution date). Refused items go
// to stderr with their reason; the batch is recorded in the --history JSON file, and an item found
// there is paid again only with --confirm-repeat. Nothing is written when nothing can be paid.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIsoDate, today, type Day } from '../core/date';
import { formatMinor } from '../core/money';
import { openItemsAsOf } from '../core/open-items';
import type { OpenItem } from '../core/report-types';
import {
  PAIN001_FORMATS, emptyHistory, historyFromJson, historyToJson, withBatch, type Pain001Format, type PaymentHistory,
} from '../export/history';
import { PaymentFileError, checkDebtor, isoDateTime, writePain001, type Debtor } from '../export/pain001';
import { batchOf, newBatchId, planPayments, type PaymentPlan, type RefusedItem } from '../export/payment-plan';
import { MAX_INPUT_SIZE_OPTION, parseChoice, parseCommandArgs, parseDateArg, readInput, sideArg, type ParsedArgs } from './args';
import { InputError, UsageError, type CliIo } from './io';

export const DEFAULT_HISTORY_NAME = 'payment-history.json';

interface PayOptions {
  input: string;
  parties: string;
  out: string;
  debtor: Debtor;
  executionDate: Day;
  docs: string[] | null;
  dueBy: Day;
  format: Pain001Format;
  historyFile: string;
  confirmRepeat: boolean;
}

const STRINGS = [
  'input', 'parties', 'base', 'side', 'out', 'debtor-name', 'debtor-iban', 'debtor-bic', 'execution-date', 'docs', 'due-by', 'format', 'history',
  MAX_INPUT_SIZE_OPTION,
] as const;

function payOptions(args: ParsedArgs): PayOptions {
  const out = args.require('out');
  const executionDate = parseDateArg(args.require('execution-date'), 'execution-date');
  const docsText = args.get('docs');
  const dueByText = args.get('due-by');
  if (docsText !== undefined && dueByText !== undefined) throw new UsageError('give --docs or --due-by, not both');
  const docs = docsText === undefined ? null : docsText.split(',').map((d) => d.trim()).filter((d) => d !== '');
  if (docs?.length === 0) throw new UsageError('--docs: name at least one document number');
  return {
    input: args.require('input'),
    parties: args.require('parties'),
    out,
    debtor: debtorOf(args),
    executionDate,
    docs,
    dueBy: dueByText === undefined ? executionDate : parseDateArg(dueByText, 'due-by'),
    format: parseChoice(args.get('format') ?? 'pain.001.001.03', PAIN001_FORMATS, 'format'),
    historyFile: args.get('history') ?? path.join(path.dirname(out), DEFAULT_HISTORY_NAME),
    confirmRepeat: args.flag('confirm-repeat'),
  };
}

/** The debtor of the options, checked now: a bad --debtor-iban is bad usage, before anything is read. */
function debtorOf(args: ParsedArgs): Debtor {
  const bic = args.get('debtor-bic');
  const debtor: Debtor = { name: args.require('debtor-name'), iban: args.require('debtor-iban') };
  if (bic !== undefined) debtor.bic = bic;
  try {
    return checkDebtor(debtor);
  } catch (error) {
    if (error instanceof PaymentFileError) throw new UsageError(`--${error.field ?? 'debtor-iban'}: ${error.message}`);
    throw error;
  }
}

async function readHistory(file: string): Promise<PaymentHistory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyHistory();
    throw new InputError(`cannot read the payment history ${file}: ${String(error)}`);
  }
  try {
    return historyFromJson(text, file);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

interface Selection {
  keys: string[];
  /** --docs that name no open payable, or several suppliers' ones. */
  unmatched: string[];
}

/** The keys of the payables named by --docs (a doc number, or PARTY:DOC when several suppliers use it). */
function selectByDocs(payables: readonly OpenItem[], docs: readonly string[]): Selection {
  const keys: string[] = [];
  const unmatched: string[] = [];
  for (const doc of docs) {
    let found = payables.filter((i) => i.docNo === doc);
    const colon = doc.indexOf(':');
    if (found.length === 0 && colon > 0) {
      found = payables.filter((i) => i.partyId === doc.slice(0, colon) && i.docNo === doc.slice(colon + 1));
    }
    const suppliers = [...new Set(found.map((i) => i.partyId))];
    if (found.length === 0) unmatched.push(`${doc}: no open payable has this document number`);
    else if (suppliers.length > 1) {
      unmatched.push(`${doc}: open payables of ${suppliers.join(', ')} have this number; name one as PARTY:${doc}`);
    } else keys.push(...found.map((i) => i.key));
  }
  return { keys, unmatched };
}

function selectPayables(payables: readonly OpenItem[], o: PayOptions): Selection {
  if (o.docs !== null) return selectByDocs(payables, o.docs);
  return { keys: payables.filter((i) => i.dueDate <= o.dueBy).map((i) => i.key), unmatched: [] };
}

function refusalLine(r: RefusedItem): string {
  const what = r.docNo === '' ? r.key : `${r.partyId} ${r.docNo} (${formatMinor(r.open, 2)} ${r.currency})`;
  return `refused: ${what}: ${r.message} [${r.code}]\n`;
}

/** Writes the file and the history so that neither exists without the other. */
async function writeBatch(o: PayOptions, xml: string, history: PaymentHistory): Promise<void> {
  const xmlPart = `${o.out}.part`;
  const historyPart = `${o.historyFile}.part`;
  try {
    await writeFile(xmlPart, xml, 'utf8');
    await writeFile(historyPart, historyToJson(history), 'utf8');
    await rename(historyPart, o.historyFile);
  } catch (error) {
    await Promise.all([rm(xmlPart, { force: true }), rm(historyPart, { force: true })]);
    throw new InputError(`cannot write the payment file or history: ${String(error)}`);
  }
  await rename(xmlPart, o.out);
}

function summary(o: PayOptions, plan: PaymentPlan): string {
  return (
    `wrote ${o.out} (${o.format}): ${plan.payments.length} payment(s), ${formatMinor(plan.total, 2)} EUR, ` +
    `batch ${plan.batchId}, execution date ${formatIsoDate(o.executionDate)}; ` +
    `${plan.refused.length} refused; history ${o.historyFile}\n`
  );
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { strings: STRINGS, flags: ['confirm-repeat'] });
  const o = payOptions(parsed);
  const ledger = await readInput(o.input, o.parties, parsed.get('base'), io, sideArg(parsed), parsed.get(MAX_INPUT_SIZE_OPTION));
  const history = await readHistory(o.historyFile);
  // Open as of the execution date, or today when that is later: every entry booked until then counts.
  const asOf = Math.max(today(io.now()), o.executionDate);
  if (o.executionDate < today(io.now())) {
    io.stderr(`warning: the execution date ${formatIsoDate(o.executionDate)} lies in the past: banks refuse it or pay on the first possible day\n`);
  }
  const payables = openItemsAsOf(ledger, asOf).filter((i) => i.ledger === 'AP');
  const selection = selectPayables(payables, o);
  for (const line of selection.unmatched) io.stderr(`refused: ${line} [not-open]\n`);
  const plan = planPayments(payables, { keys: selection.keys, executionDate: o.executionDate }, history, {
    parties: ledger.parties,
    confirmRepeat: o.confirmRepeat,
    batchId: newBatchId(io.now()),
  });
  for (const r of plan.refused) io.stderr(refusalLine(r));
  if (plan.payments.length === 0) {
    throw new InputError(`nothing to pay: ${selection.keys.length === 0 ? 'no open payable was selected' : 'every selected item was refused'}; no file written`);
  }
  const createdAt = io.now();
  const xml = writePain001(plan, o.debtor, { format: o.format, createdAt });
  const batch = batchOf(plan, { createdAt: isoDateTime(createdAt), fileName: path.basename(o.out), format: o.format });
  await writeBatch(o, xml, withBatch(history, batch));
  io.stdout(summary(o, plan));
  return 0;
}
