// What the pane and its import worker (import.worker.ts) say to each other. The worker reads the
// file and holds what it understood; the pane gets what the preview shows (everything but the
// entries). On Replace the worker writes the cache and hands the stored chunks on as they are
// written (typed columns, transferred, not a million cloned objects), then the parties and the
// first screen once the cache holds the new ledger ('kept').
import type { ImportReport, Party, Side } from '../../core/types';
import type { LedgerChunkRow } from '../../store/records';
import type { FirstScreen, FirstScreenParams } from '../model/first-screen';
import type { Day } from '../../core/date';
import type { ListName } from './cached-lists';
import type { ImportChoice, ImportInput, ImportOutcome, Understood } from './import';
import type { EncodedRecords } from './record-columns';

/** What was understood, as the preview shows it: no entries, their count per side instead. */
export interface UnderstoodView extends Omit<Understood, 'ledger'> {
  /** Names the understood ledger the worker holds, for Replace. */
  ticket: number;
  bySide: Record<Side, number>;
}

export type PreviewOutcome = Exclude<ImportOutcome, { kind: 'understood' }> | { kind: 'understood'; understood: UnderstoodView };

/** The phases of an import the progress bar names: reading the file, saving the cache, opening the ledger in the pane. */
export type ImportPhase = 'reading' | 'saving' | 'opening';

/** How far an import is: `fraction` of the phase, and for saving and opening the entries done of `total`. */
export interface ImportProgress {
  phase: ImportPhase;
  fraction: number;
  done?: number;
  total?: number;
}

export interface RunSettings {
  locale: string;
  baseCurrency: string;
  /** The first screen the pane will ask for on Replace: the worker prepares it while the preview is shown. */
  screen?: FirstScreenParams;
}

export type ChunkBody = Omit<LedgerChunkRow, 'adminId' | 'generation' | 'seq'>;

export type ToWorker =
  | { kind: 'read'; ticket: number; dbName: string; input: ImportInput; settings: RunSettings; choice: ImportChoice }
  | { kind: 'keep'; ticket: number; dbName: string; adminId: string; screen: FirstScreenParams }
  /** The first screen of the administration's cached ledger (a ledger opened again, or other settings). */
  | { kind: 'screen'; ticket: number; dbName: string; adminId: string; screen: FirstScreenParams }
  /** The item lists of the administration's cached ledger as of `asOf` (cached-lists.ts). */
  | { kind: 'lists'; ticket: number; dbName: string; adminId: string; asOf: Day }
  /** The cached ledger kept with its file whose chunks are not all written: read it again, write its chunks, hand them on. */
  | { kind: 'reopen'; ticket: number; dbName: string; adminId: string }
  | { kind: 'drop' };

export type FromWorker =
  | { kind: 'progress'; ticket: number; progress: ImportProgress }
  | { kind: 'outcome'; ticket: number; outcome: PreviewOutcome }
  | { kind: 'chunks'; ticket: number; chunks: ChunkBody[] }
  | { kind: 'kept'; ticket: number; baseCurrency: string; parties: Party[]; report: ImportReport | null; firstScreen: FirstScreen; generation: string }
  /** Every chunk of the kept ledger (or of the ledger read again from its file) has been handed on. */
  | { kind: 'complete'; ticket: number }
  /** The first screen of the cached ledger, and the cache generation it is of (null: none cached). */
  | { kind: 'screen'; ticket: number; generation: string | null; firstScreen: FirstScreen | null }
  /** The sizes of the lists that follow, and the cache generation of the ledger they are of (null: none cached). */
  | { kind: 'lists'; ticket: number; generation: string | null; items: number; settling: number }
  | { kind: 'records'; ticket: number; list: ListName; batch: EncodedRecords }
  | { kind: 'listed'; ticket: number }
  | { kind: 'crashed'; ticket: number; message: string };

/** A stored chunk without its keys. */
export function chunkBody(row: LedgerChunkRow): ChunkBody {
  const { count, strings, text, dates, amounts, ledger, entryType, line } = row;
  return { count, strings, text, dates, amounts, ledger, entryType, line };
}

/** The buffers of a chunk's typed columns, to transfer rather than copy. */
export function chunkBuffers(chunk: ChunkBody): ArrayBuffer[] {
  const arrays = [...Object.values(chunk.text), ...Object.values(chunk.dates), ...Object.values(chunk.amounts), chunk.ledger, chunk.entryType, chunk.line];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
