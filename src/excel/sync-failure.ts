// When a sheet's sync fails: clean up (the hidden staging sheet goes) and say in one sentence
// what the workbook now holds. Before the last request the previous sheet is untouched; a failed
// last request may have been applied in part (Excel runs a request's commands in order until one
// fails), so then the workbook is looked at.
import type { SheetInfo } from './previous-sheet';

export interface SheetOutcome {
  kind: string;
  /** The sheet's name in the workbook. */
  name: string;
  action: 'created' | 'refreshed' | 'replaced';
  /** Set when the spec's name belongs to a sheet of the user, so another name was used. */
  nameTakenByUserSheet?: string;
}

/** A sync that failed; `kept` names the sheet left as it was before. */
export class SheetSyncError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly kept: string | null,
    readonly done: SheetOutcome[],
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'SheetSyncError';
  }
}

export interface Kept {
  /** The sheet left as it was before, if any. */
  sheet: string | null;
  sentence: string;
}

/** Where the failure happened: staging (nothing live changed) or the last request. */
export type FailedAt = 'staging' | 'refresh' | 'replace';

export async function recover(
  context: Excel.RequestContext,
  staging: { sheet: Excel.Worksheet; name: string } | null,
  previous: SheetInfo | null,
  at: FailedAt,
): Promise<Kept> {
  const old = previous ? `"${previous.name}"` : '';
  if (at === 'refresh') {
    await tryQueue(context, () => staging?.sheet.delete());
    return { sheet: null, sentence: `The sheet ${old} may be partly updated; sync again to complete it.` };
  }
  if (at === 'replace' && previous && !(await stillThere(context, previous.id))) {
    await tryQueue(context, () => staging && (staging.sheet.visibility = 'Visible'));
    return { sheet: null, sentence: `The previous sheet ${old} was removed; the new content is in the sheet "${staging?.name ?? ''}".` };
  }
  await tryQueue(context, () => staging?.sheet.delete());
  return previous ? { sheet: previous.name, sentence: `The previous sheet ${old} was kept as it was.` } : { sheet: null, sentence: 'No sheet was added.' };
}

async function stillThere(context: Excel.RequestContext, sheetId: string): Promise<boolean> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
    await context.sync();
    return !sheet.isNullObject;
  } catch {
    return true;
  }
}

/** Queues something and syncs, ignoring a failure (this is cleaning up after an earlier one). */
async function tryQueue(context: Excel.RequestContext, queue: () => unknown): Promise<void> {
  try {
    queue();
    await context.sync();
  } catch {
    // The object may not exist (its creation failed); nothing else to undo.
  }
}

/** An error's message without its closing full stop. */
export function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
}

export function syncError(error: unknown, name: string, kept: Kept, done: SheetOutcome[]): SheetSyncError {
  const before = done.length > 0 ? ` Already updated: ${done.map((d) => d.name).join(', ')}.` : '';
  return new SheetSyncError(`Sheet "${name}" could not be updated: ${reasonOf(error)}. ${kept.sentence}${before}`, name, kept.sheet, done, error);
}
