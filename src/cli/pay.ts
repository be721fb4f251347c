// `subledger pay` (cli.md): a SEPA credit transfer file (pain.001) for the open payables named by
// --docs, or else those due on or before --due-by (default: the execution date). Refused items go
// to stderr with their reason; the batch is recorded in the --history JSON file, and an item found
// there is paid again only with --confirm-repeat. Nothing is written when nothing can be paid.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIsoDate, today, type Day } from '../core/date';
import { formatMinor } from '../core/money';
import { openItemsAsOf } from '../core/open-items';
import type { OpenItem } from '../core/report-types';
import type { Ledger } from '../core/types';
import {
  PAIN001_FORMATS, emptyHistory, historyFromJson, historyToJson, withBatch, type Pain001Format, type PaymentHistory,
} from '../export/history';
import { PaymentFileError, checkDebtor, isoDateTime, writePain001, type Debtor } from '../export/pain001';
import { batchOf, newBatchId, planPayments, type PaymentPlan, type RefusedItem } from '../export/payment-plan';
import { MAX_INPUT_SIZE_OPTION, parseChoice, parseDateArg, readInput, sideArg } from './args';
import { specOf } from './commands';
import { checkOutputs, checkReplace, stageFile, type StagedFile } from './files';
import { InputError, UsageError, type CliIo } from './io';
import { withFileLock } from './lock';
import { parseCommandArgs, type ParsedArgs } from './options';

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
    historyFile: args.get('history') ?? defaultHistory(args.require('input')),
    confirmRepeat: args.flag('confirm-repeat'),
  };
}

/**
 * The payment history of the administration whose ledger is --input: beside that ledger, so it
 * does not depend on where the payment file is written.
 */
export function defaultHistory(input: string): string {
  return path.join(path.dirname(path.resolve(input)), DEFAULT_HISTORY_NAME);
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
  const file = await stageFile(o.out, xml);
  let record: StagedFile;
  try {
    record = await stageFile(o.historyFile, historyToJson(history));
  } catch (error) {
    await file.discard();
    throw error;
  }
  try {
    await record.commit();
  } catch (error) {
    await file.discard();
    throw error;
  }
  await file.commit();
}

function summary(o: PayOptions, plan: PaymentPlan): string {
  return (
    `wrote ${o.out} (${o.format}): ${plan.payments.length} payment(s), ${formatMinor(plan.total, 2)} EUR, ` +
    `batch ${plan.batchId}, execution date ${formatIsoDate(o.executionDate)}; ` +
    `${plan.refused.length} refused; history ${o.historyFile}\n`
  );
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, specOf('pay'));
  const o = payOptions(parsed);
  await checkOutputs(
    [{ option: 'out', file: o.out }, { option: 'history', file: o.historyFile }],
    [{ option: 'input', file: o.input }, { option: 'parties', file: o.parties }],
  );
  await checkReplace(o.out, parsed.flag('force'), () => Promise.resolve(false), 'may be a payment file not yet sent to the bank');
  io.stderr(`payment history: ${o.historyFile}\n`);
  const ledger = await readInput(o.input, o.parties, parsed.get('base'), io, sideArg(parsed), parsed.get(MAX_INPUT_SIZE_OPTION));
  return withFileLock(o.historyFile, async () => payWithHistory(o, ledger, await readHistory(o.historyFile), io));
}

/** The run while the history is locked: select, plan, write the file and record the batch. */
async function payWithHistory(o: PayOptions, ledger: Ledger, history: PaymentHistory, io: CliIo): Promise<number> {
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
  io.stderr(`paying ${plan.payments.length} item(s), ${formatMinor(plan.total, 2)} EUR, into ${o.out}\n`);
  const createdAt = io.now();
  const xml = writePain001(plan, o.debtor, { format: o.format, createdAt });
  const batch = batchOf(plan, { createdAt: isoDateTime(createdAt), fileName: path.basename(o.out), format: o.format });
  await writeBatch(o, xml, withBatch(history, batch));
  io.stdout(summary(o, plan));
  return 0;
}
