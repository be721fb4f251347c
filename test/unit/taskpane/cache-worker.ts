// What the tests of the pane's cache workers (cached-lists, cached-screen) share: a Worker that
// answers in this process (Node has no Web Worker) with the worker's own answer function, its
// messages cloned (arrays transferred) and each delivered in a task of its own; and two cached
// ledgers of as many entries, so that only the cache generation tells them apart.
import type { SubledgerDb } from '../../../src/store/db';
import type { FromWorker, ToWorker } from '../../../src/taskpane/actions/import-protocol';
import { reasonOf } from '../../../src/taskpane/state/pane';
import { ledgerOf, line } from '../store/helpers';

type Kind = Exclude<ToWorker['kind'], 'drop'>;
type Answer<K extends Kind> = (db: SubledgerDb, request: Extract<ToWorker, { kind: K }>, post: (message: FromWorker, transfer?: Transferable[]) => void) => Promise<void>;
export type Answers = { [K in Kind]?: Answer<K> };

/** A Worker class whose instances answer the requests of `answers`' kinds from `cache`, in this process ('drop' to `onDrop`). */
export function inProcessWorker(cache: SubledgerDb, answers: Answers, onDrop: () => void = () => undefined) {
  return class {
    onmessage: ((event: { data: FromWorker }) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    postMessage(request: ToWorker): void {
      if (request.kind === 'drop') return onDrop();
      const answer = answers[request.kind] as Answer<Kind> | undefined;
      if (!answer) throw new Error(`unexpected ${request.kind}`);
      const post = (message: FromWorker, transfer: Transferable[] = []) => {
        const moved = structuredClone(message, { transfer });
        setTimeout(() => this.onmessage?.({ data: moved }), 0);
      };
      // as import.worker.ts: a failed answer is told as 'crashed'
      answer(cache, request, post).catch((error: unknown) => post({ kind: 'crashed', ticket: request.ticket, message: reasonOf(error) }));
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
