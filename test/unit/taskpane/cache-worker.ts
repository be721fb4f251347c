// What the tests of the pane's cache workers (cached-lists, cached-screen) share: a Worker that
// answers in this process (Node has no Web Worker) with the worker's own answer function, its
// messages cloned (arrays transferred) and each delivered in a task of its own; and two cached
// ledgers of as many entries, so that only the cache generation tells them apart.
import type { SubledgerDb } from '../../../src/store/db';
import type { FromWorker, ToWorker } from '../../../src/taskpane/actions/import-protocol';
import { ledgerOf, line } from '../store/helpers';

type Kind = ToWorker['kind'];
type Answer<K extends Kind> = (db: SubledgerDb, request: Extract<ToWorker, { kind: K }>, post: (message: FromWorker, transfer?: Transferable[]) => void) => Promise<void>;

/** A Worker class whose instances answer `kind` requests from `cache` with `answer`, in this process. */
export function inProcessWorker<K extends Kind>(cache: SubledgerDb, kind: K, answer: Answer<K>) {
  return class {
    onmessage: ((event: { data: FromWorker }) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    postMessage(request: ToWorker): void {
      if (request.kind !== kind) throw new Error(`unexpected ${request.kind}`);
      void answer(cache, request as Extract<ToWorker, { kind: K }>, (message, transfer = []) => {
        const moved = structuredClone(message, { transfer });
        setTimeout(() => this.onmessage?.({ data: moved }), 0);
      });
    }
    terminate(): void {}
  };
}

/** Open: the creditor's 50.05 only; F1 paid by B7. */
export const shown = ledgerOf([
  line('AR C1 invoice F1 2024-01-10 121.00'),
  line('AR C1 payment B7 2024-01-20 -121.00', { settles: 'F1' }),
  line('AP S9 invoice P-77 2024-01-15 50.05'),
]);

/** As many entries as `shown`, another ledger. Open: the debtor's 20.00 only. */
export const other = ledgerOf([
  line('AR C2 invoice G1 2024-01-11 80.00'),
  line('AR C2 invoice G2 2024-01-12 20.00'),
  line('AR C2 payment B9 2024-01-21 -80.00', { settles: 'G1' }),
]);
