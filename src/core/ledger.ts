// Canonical records → a validated Ledger (ledger.md §1): every importer ends here, so the rules of
// the contract live in one place. Errors name file, line and field; any error means no ledger.
// Warnings (the ledger still loads): a settles naming no invoice or credit note (the entry stays
// unallocated), rounded amounts (counted once, first place named).
import { CORE_ISSUE_TEXTS, issueSentence } from './issue-texts';
import { hasErrors, issueAt } from './issues';
import { currencyExponent, ExactTotals, formatMinor, isCurrencyCode, MAX_EXACT_TOTAL } from './money';
import { entryFromRecord, entryOf, newEntryFields, readEntry, readEntryFields } from './entry-record';
import { partyFromRecord } from './party-record';
import { newReadContext, type ReadContext } from './record-reader';
import { findDoc, KIND_ITEM, KIND_LOOSE, KIND_SETTLING, lazyLedger, LedgerIndexBuilder, TYPE_INVOICE, ledgerIndex, type IndexHelper, type IndexPart, type LedgerIndex, type RowColumns, type RowEntry, rowColumns } from './ledger-index';
import { DEFAULT_BASE_CURRENCY, ENTRY_TYPES, partyKey, type CanonicalRecord, type Entry, type EntryType, type ImportIssue, type ImportReport, type ImportResult, type ImportSource, type Ledger, type Party, type RecordSource, type SourceRef, type LinesFound, type TextLines, type TextPart, type TextRows } from './types';

/**
 * Reads blocks of a text's rows elsewhere (on another thread), while the other blocks are read
 * here: see readRowsInParts.
 */
export interface PartReader {
  /** Rows a text has at least for its reading to be split. */
  minRows: number;
  /** Lines per block of the text's rows (each thread takes the next block not taken). */
  blockLines: number;
  /**
   * Starts reading the blocks of `part` not taken into the columns `into` (rows from 0: each
   * block's at its room; import/canonical-stream.ts readTextPart); the function returned waits
   * for its rows, or gives null when the reader did not read them (failed, or could not start:
   * the blocks it took are read here then). Throws when it could not tell (no answer).
   */
  start(part: TextPart, baseCurrency: string, into: RowColumns): () => RowsRead | null;
  /**
   * Starts the first pass over `lines` (import/canonical-stream.ts findTextLines), before the
   * read; the function returned waits for it, or gives null when the reader did not do it.
   */
  findLines(lines: TextLines): () => LinesFound | null;
  /**
   * Once the rows are read: starts building the document lookup (ledger-index.ts docLookupOf);
   * see IndexHelper.
   */
  lookup?: IndexHelper['lookup'];
  /** Then starts allocating rows (ledger-index.ts allocatePart); see IndexHelper. */
  allocate?: IndexHelper['allocate'];
  /** Called once the reader is not needed any more (the index is built). */
  close?(): void;
}

/** The rows of a text one reader read, into columns it was given: with the issues and counts of reading them. */
export interface RowsRead {
  /** How it numbered their parties and currencies. */
  index: IndexPart;
  /** The blocks it read, in the order it read them: the order of the text (its first rounded amount is its first by line). */
  blocks: BlockRead[];
  /** Their issues, those of each block after those of the block read before it. */
  issues: ImportIssue[];
  rounded: number;
  firstRounded: ReadContext['firstRounded'];
}

export interface LedgerOptions {
  /** The ledger file's name, for the report. */
  file: string;
  /** ISO 4217, default EUR. */
  baseCurrency?: string;
  /** The recognised input format, for the report (default `subledger-csv`). */
  format?: string;
  /** What the importer took the file for (default: its format and the records read). */
  source?: ImportSource;
  /** Reads half the rows of a big text on another thread (the CLI's: see cli/part-reader.ts). */
  partReader?: PartReader;
}

/** At most this many issues of one code are listed; the rest are summed up in one more. */
const MAX_ISSUES_PER_CODE = 200;

function where(entry: Entry): SourceRef {
  return entry.source ?? { file: '' };
}

/** Invoices and credit notes are unique per (ledger, party, doc_no): an error on the second. */
function checkDuplicateDocs(x: LedgerIndex, issues: ImportIssue[]): void {
  for (const i of x.docs.duplicates) {
    const e = x.entry(i);
    const first = x.entry(findDoc(x, x.party[i] as number, e.docNo));
    issues.push(issueAt('error', where(e), 'doc_no', 'duplicate-doc', { doc: e.docNo, party: e.partyId, firstLine: first.source?.line ?? '' }));
  }
}

/** The key capIssues counts issues by. */
function issueKey(severity: ImportIssue['severity'], code: string): string {
  return `${severity}\u0000${code}`;
}

/**
 * Issues counted per severity and code as capIssues counts them, so that one past
 * MAX_ISSUES_PER_CODE is only counted (in `unlisted`), never made: a big ledger can have tens of
 * thousands of settles naming nothing, each an entry and a sentence to make.
 */
class IssueTally {
  private readonly counts = new Map<string, number>();
  readonly unlisted = new Map<string, number>();

  constructor(issues: readonly ImportIssue[]) {
    for (const issue of issues) this.counts.set(issueKey(issue.severity, issue.code), (this.counts.get(issueKey(issue.severity, issue.code)) ?? 0) + 1);
  }

  /** True when the next issue of this severity and code is listed (to be made); else it is counted. */
  listed(severity: ImportIssue['severity'], code: string): boolean {
    const key = issueKey(severity, code);
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= MAX_ISSUES_PER_CODE) return true;
    this.unlisted.set(key, (this.unlisted.get(key) ?? 0) + 1);
    return false;
  }
}

/**
 * What entry i's settles earns, from the columns: an invoice's settles is ignored; a loose entry's
 * names no document (or one that is no item: an invoice, or a credit note without settles, is
 * one), or one in another currency; null when there is nothing to say.
 */
function settlesIssueCode(x: LedgerIndex, i: number): 'invoice-settles-ignored' | 'unknown-settles' | 'settles-other-currency' | null {
  const kind = x.kind[i];
  const invoice = x.type[i] === TYPE_INVOICE;
  if (kind === KIND_SETTLING || (!invoice && kind !== KIND_LOOSE) || x.hasSettles[i] === 0) return null;
  if (invoice) return 'invoice-settles-ignored';
  // allocate looked the settles up: the document it names, or −1.
  const t = x.target[i] as number;
  return t < 0 || x.kind[t] !== KIND_ITEM ? 'unknown-settles' : 'settles-other-currency';
}

/** A settles must name an invoice or unallocated credit note of the same party and currency. */
function checkSettles(x: LedgerIndex, issues: ImportIssue[], tally: IssueTally): void {
  for (let i = 0; i < x.size; i++) {
    const code = settlesIssueCode(x, i);
    if (code === null || !tally.listed('warning', code)) continue;
    const e = x.entry(i);
    const settles = e.settles ?? '';
    if (code === 'invoice-settles-ignored') issues.push(issueAt('warning', where(e), 'settles', 'invoice-settles-ignored', { settles }));
    else if (code === 'unknown-settles') issues.push(issueAt('warning', where(e), 'settles', 'unknown-settles', { settles, party: e.partyId }));
    else {
      const itemCurrency = x.currencyCodes[x.currency[x.target[i] as number] as number] as string;
      issues.push(issueAt('warning', where(e), 'settles', 'settles-other-currency', { settles, currency: e.currency, itemCurrency }));
    }
  }
}

/**
 * The first currency (its number, 0 the base) whose amounts add up past the exact range: every
 * amount in its own currency and, for another currency, in the base currency, row by row; then
 * the parties' credit limits (base). −1 when none does.
 */
function currencyBeyondExactTotals(x: LedgerIndex, parties: ReadonlyMap<string, Party>): number {
  const totals = new ExactTotals(x.currencyCodes.length);
  for (let i = 0; i < x.size; i++) {
    const c = x.currency[i] as number;
    if (!totals.add(c, x.amount[i] as number)) return c;
    if (x.isBase[i] === 0 && !totals.add(0, x.amountBase[i] as number)) return 0;
  }
  for (const p of parties.values()) if (p.creditLimit !== undefined && !totals.add(0, p.creditLimit)) return 0;
  return -1;
}

/** An error when some total could leave the range of exact integers (see MAX_EXACT_TOTAL). */
function checkExactTotals(x: LedgerIndex, parties: ReadonlyMap<string, Party>, file: string, issues: ImportIssue[]): void {
  const beyond = currencyBeyondExactTotals(x, parties);
  if (beyond < 0) return;
  const currency = x.currencyCodes[beyond] as string;
  const limit = formatMinor(MAX_EXACT_TOTAL, currencyExponent(currency));
  issues.push(issueAt('error', { file }, 'amount', 'totals-out-of-range', { currency, limit }));
}

function readParties(records: CanonicalRecord[], base: string, issues: ImportIssue[], context: ReadContext): Map<string, Party> {
  const parties = new Map<string, Party>();
  for (const record of records) {
    const party = partyFromRecord(record, base, issues, context);
    if (party === null) continue;
    const key = partyKey(party.ledger, party.partyId);
    if (parties.has(key)) {
      issues.push(issueAt('error', record.source, 'party_id', 'duplicate-party', { party: party.partyId }));
    } else parties.set(key, party);
  }
  return parties;
}

function buildReport(x: LedgerIndex, parties: Map<string, Party>, rowsRead: number, opts: LedgerOptions, rounded: number): ImportReport {
  const partyKeys = new Set(parties.keys());
  // The parties with entries, from the index: one key per party, not one per entry.
  for (const p of x.parties) partyKeys.add(partyKey(p.ledger, p.partyId));
  // Types, currencies and dates from the index's columns.
  const byType = new Array<number>(ENTRY_TYPES.length).fill(0);
  const used = new Uint8Array(x.currencyCodes.length);
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < x.size; i++) {
    const type = x.type[i] as number;
    byType[type] = (byType[type] as number) + 1;
    used[x.currency[i] as number] = 1;
    const day = x.entryDate[i] as number;
    if (day < from) from = day;
    if (day > to) to = day;
  }
  const entriesByType = Object.fromEntries(ENTRY_TYPES.map((t, c) => [t, byType[c]])) as Record<EntryType, number>;
  const currencies = x.currencyCodes.filter((_, c) => used[c] === 1);
  const format = opts.format ?? 'subledger-csv';
  return {
    file: opts.file,
    format,
    rowsRead,
    entriesByType,
    parties: partyKeys.size,
    currencies: currencies.sort(),
    dateRange: x.size === 0 ? null : { from, to },
    roundedAmounts: rounded,
    source: opts.source ?? { kind: format, lines: rowsRead },
  };
}

/** The report of a ledger made elsewhere (the demo), counted as an import's report is. */
export function ledgerReport(ledger: Ledger, opts: LedgerOptions): ImportReport {
  return buildReport(ledgerIndex(ledger), ledger.parties, ledger.entries.length, opts, 0);
}

/** Keeps the first issues of each code, sums up the rest, and orders them by file and line. */
function capIssues(issues: ImportIssue[], unlisted: ReadonlyMap<string, number>): ImportIssue[] {
  const seen = new Map<string, number>();
  const kept: ImportIssue[] = [];
  for (const issue of issues) {
    const key = issueKey(issue.severity, issue.code);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= MAX_ISSUES_PER_CODE) kept.push(issue);
  }
  // Those only counted (IssueTally) come after the listed ones of their code.
  for (const [key, n] of unlisted) seen.set(key, (seen.get(key) ?? 0) + n);
  kept.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  for (const [key, n] of seen) {
    if (n <= MAX_ISSUES_PER_CODE) continue;
    const [severity, code] = key.split('\u0000') as ['error' | 'warning', string];
    const file = kept.find((i) => i.code === code)?.file ?? '';
    const more = { more: n - MAX_ISSUES_PER_CODE };
    kept.push({ severity, file, code, message: issueSentence(CORE_ISSUE_TEXTS, { code, params: more }, 'en') ?? code, params: more });
  }
  return kept;
}

/**
 * A row's entry made again from its checked fields and its line, whose optional texts a reader of
 * its own reads as readEntry does (its issues and counts apart: the row was read once already).
 */
function entryAgain(textRows: (issues: ImportIssue[], context: ReadContext) => TextRows): RowEntry {
  const { reader } = textRows([], newReadContext());
  return (f, start, end, line) => {
    reader.read(start, end, line);
    return entryOf(f, reader);
  };
}

/** Adds each row the walk visits to the index, from its checked fields: the rows read without error. */
export function readTextRows(reader: TextRows['reader'], walk: (visit: () => void) => void, base: string, index: LedgerIndexBuilder): number {
  const fields = newEntryFields();
  let count = 0;
  walk(() => {
    if (!readEntryFields(reader, base, fields, false)) return;
    index.addRow(fields, reader);
    count++;
  });
  return count;
}

/** A block of a text's rows one reader read: the rows read without error, and its issues. */
export interface BlockRead {
  block: number;
  rows: number;
  issues: number;
}

/** The blocks of `part` no other reader has taken, each taken as it comes (the next one not taken). */
export function* blocksToTake(part: TextPart): Generator<number> {
  for (let b = 0; b < part.taken.length; b++) if (Atomics.compareExchange(part.taken, b, 0, 1) === 0) yield b;
}

/**
 * Reads `blocks` of `part` into `index`, each block's rows at its room (`placeAt`): `walk(b)`
 * places `reader` on the rows of block b, whose issues go to `issues`. What each block held.
 */
export function readBlocks(part: TextPart, blocks: Iterable<number>, reader: TextRows['reader'], walk: (b: number) => (visit: () => void) => void, base: string, index: LedgerIndexBuilder, issues: readonly ImportIssue[]): BlockRead[] {
  const read: BlockRead[] = [];
  for (const block of blocks) {
    const before = issues.length;
    index.placeAt(part.rooms[block] as number);
    const rows = readTextRows(reader, walk(block), base, index);
    read.push({ block, rows, issues: issues.length - before });
  }
  return read;
}

/** The earlier of two first rounded amounts (by line), or the one there is. */
function earlierRounded(a: ReadContext['firstRounded'], b: ReadContext['firstRounded']): ReadContext['firstRounded'] {
  if (a === null || b === null) return a ?? b;
  return (b.source.line ?? 0) < (a.source.line ?? 0) ? b : a;
}

/** The blocks and issues of one reader. */
type BlocksRead = Pick<RowsRead, 'blocks' | 'issues'>;

/** Per block of the text, who read it (`by`, an index into `reads`) and where its issues stand; throws when a block was read twice or not at all. */
function blocksInOrder(count: number, reads: readonly BlocksRead[]): { by: number; read: BlockRead; issuesFrom: number }[] {
  const order = new Array<{ by: number; read: BlockRead; issuesFrom: number } | undefined>(count);
  reads.forEach((r, by) => {
    let issuesFrom = 0;
    for (const read of r.blocks) {
      if (order[read.block] !== undefined) throw new Error(`block ${read.block} of the rows read twice`);
      order[read.block] = { by, read, issuesFrom };
      issuesFrom += read.issues;
    }
  });
  const missing = order.findIndex((o) => o === undefined);
  if (missing >= 0 || order.length !== count) throw new Error(`block ${missing} of the rows not read`);
  return order as { by: number; read: BlockRead; issuesFrom: number }[];
}

/**
 * The rows into the index, in blocks read by `partReader` and by this thread, each taking the
 * next block not taken, when the text is big enough (else all here): the same index, issues and
 * counts as one read in order, the rows in the order of the text. The rows read.
 */
function readRowsInParts(rows: TextRows, base: string, index: LedgerIndexBuilder, issues: ImportIssue[], context: ReadContext, partReader?: PartReader): number {
  const split = partReader === undefined ? null : (rows.split?.(partReader.minRows, partReader.blockLines) ?? null);
  if (partReader === undefined || split === null) return readTextRows(rows.reader, rows.each, base, index);
  const { part, block } = split;
  // Each block's rows go in the columns at its room, by the index here and a builder there (numbered apart).
  const columns = index.rowsFrom(0);
  const wait = partReader.start(part, base, columns);
  const from = issues.length;
  const blocks = readBlocks(part, blocksToTake(part), rows.reader, block, base, index, issues);
  const there = wait();
  if (there === null) {
    // The blocks the reader took are read here, after those read here: the first rounded amount by line.
    const first = context.firstRounded;
    context.firstRounded = null;
    const readHere = new Set(blocks.map((read) => read.block));
    const left = Array.from(part.rooms.keys()).filter((b) => !readHere.has(b));
    blocks.push(...readBlocks(part, left, rows.reader, block, base, index, issues));
    context.firstRounded = earlierRounded(first, context.firstRounded);
  }
  if (!index.fills(columns)) throw new RangeError('more rows than the room given for them');
  // Joined in the order of the text: the rows, their numbers, the issues, the first rounded amount.
  const reads: BlocksRead[] = [{ blocks, issues: issues.splice(from) }];
  if (there !== null) reads.push(there);
  const order = blocksInOrder(part.rooms.length, reads);
  for (const { by, read, issuesFrom } of order) {
    const some = (reads[by] as BlocksRead).issues;
    for (let k = issuesFrom; k < issuesFrom + read.issues; k++) issues.push(some[k] as ImportIssue);
  }
  index.joinBlocks(order.map(({ by, read }) => ({ at: part.rooms[read.block] as number, size: read.rows, by })), there === null ? [] : [there.index], rows.reader.content);
  context.rounded += there?.rounded ?? 0;
  context.firstRounded = earlierRounded(context.firstRounded, there?.firstRounded ?? null);
  return order.reduce((n, { read }) => n + read.rows, 0);
}

/** The reader's part of LedgerIndexBuilder.finish, when it does it. */
function indexHelper(reader: PartReader | undefined): IndexHelper | undefined {
  const lookup = reader?.lookup?.bind(reader);
  const allocate = reader?.allocate?.bind(reader);
  return lookup === undefined || allocate === undefined ? undefined : { lookup, allocate };
}

function arraySource(records: readonly CanonicalRecord[]): RecordSource {
  return { count: records.length, each: (visit) => records.forEach((record) => visit(record)) };
}

/**
 * Validates canonical ledger and party records (values keyed by lower-case canonical field
 * names) into a Ledger. The ledger is null when any record has an error; the report is given
 * either way.
 */
export function ledgerFromRecords(records: readonly CanonicalRecord[] | RecordSource, parties: CanonicalRecord[], opts: LedgerOptions): ImportResult {
  const base = (opts.baseCurrency ?? DEFAULT_BASE_CURRENCY).toUpperCase();
  const issues: ImportIssue[] = [];
  const context = newReadContext();
  if (!isCurrencyCode(base)) {
    issues.push(issueAt('error', { file: opts.file }, null, 'bad-base-currency', { value: base }));
  }
  const source = Array.isArray(records) ? arraySource(records) : (records as RecordSource);
  // The reports' index grows with the rows (each added while fresh in memory), its columns made
  // before anything else, while the heap is small: its document lookup is what the checks need.
  // Columns another thread can fill too when a part reader may read some of the rows.
  const shared = opts.partReader !== undefined && source.textRows !== undefined;
  const index = new LedgerIndexBuilder(base, source.count, rowColumns(source.count, shared));
  let candidate: Ledger;
  let rowEntry: RowEntry | undefined;
  if (source.textRows) {
    // Read in place: the index from each row's checked fields, the entries made only when asked for.
    const rows = source.textRows(issues, context);
    const count = readRowsInParts(rows, base, index, issues, context, opts.partReader);
    rowEntry = entryAgain(source.textRows.bind(source));
    candidate = lazyLedger(base, new Map(), count, (i) => x.entry(i));
  } else {
    const entries: Entry[] = [];
    const take = (entry: Entry | null) => {
      if (entry === null) return;
      entries.push(entry);
      index.add(entry);
    };
    if (source.eachReader) source.eachReader(issues, context, (reader) => take(readEntry(reader, base)));
    else source.each((record) => take(entryFromRecord(record, base, issues, context)));
    candidate = { baseCurrency: base, entries, parties: new Map() };
  }
  const partyMap = readParties(parties, base, issues, context);
  candidate.parties = partyMap;
  const reader = opts.partReader;
  // After a columnar read (the text shared), the part reader does some of the index's work too.
  const x = index.finish(candidate, rowEntry, rowEntry === undefined ? undefined : indexHelper(reader));
  reader?.close?.();
  checkExactTotals(x, partyMap, opts.file, issues);
  checkDuplicateDocs(x, issues);
  const tally = new IssueTally(issues);
  checkSettles(x, issues, tally);
  if (context.firstRounded !== null) {
    const { source, field, params } = context.firstRounded;
    issues.push(issueAt('warning', source, field, 'rounded-amount', { ...params, count: context.rounded }));
  }
  const report = buildReport(x, partyMap, source.count, opts, context.rounded);
  const ledger = hasErrors(issues) ? null : candidate;
  return { ledger, issues: capIssues(issues, tally.unlisted), report };
}
