// The ledger the =SUBLEDGER.… functions answer from: the task pane publishes the administration's
// ledger (and its as-of date and aging limits) here whenever it changes, and every live function
// call hears of it. Pane and functions share one JavaScript runtime (manifest <Runtimes>), so this
// module is one instance for both. Plain data: no Office call lives here.
import type { FunctionContext } from '../../core/ledger-functions';

type Listener = (context: FunctionContext | null) => void;

let current: FunctionContext | null = null;
const listeners = new Set<Listener>();

/** Hands a new ledger (or none) to every function that is showing a result. */
export function publishLedger(context: FunctionContext | null): void {
  current = context;
  for (const listener of listeners) listener(context);
}

/** Calls `listener` now with the current ledger and again on every change; returns the unsubscribe. */
export function watchLedger(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

/** How many function calls are listening (for tests and diagnostics). */
export function watcherCount(): number {
  return listeners.size;
}
