// Progress and cancellation for the long loops of an import: report a fraction now and then, and
// stop with a `cancelled` error as soon as the signal is aborted.
import { ImportAbort, importError } from './issues';

export interface ProgressOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Throws `ImportAbort(cancelled)` when the import was cancelled. */
export function throwIfCancelled(file: string, signal?: AbortSignal): void {
  if (signal?.aborted) throw new ImportAbort(importError('cancelled', { file }));
}

/**
 * A per-item callback for a loop of `total` items that reports progress in `[from, to]` every
 * `every` items and checks for cancellation at the same moments.
 */
export function progressTicker(
  file: string,
  total: number,
  options: ProgressOptions,
  from = 0,
  to = 1,
  every = 4096,
): (index: number) => void {
  return (index) => {
    if (index % every !== 0) return;
    throwIfCancelled(file, options.signal);
    options.onProgress?.(from + (to - from) * (total > 0 ? index / total : 1));
  };
}
