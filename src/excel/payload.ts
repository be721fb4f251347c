// Requests under Excel on the web's 5 MB limit: every queued write is an `Op` with an estimate of
// its size; ops are packed into syncs of at most PAYLOAD_BUDGET bytes, and when Excel still
// answers RequestPayloadSizeLimitExceeded the largest splittable op (a chunk of rows) is halved
// and the request sent again. A rejected request executed nothing, so resending is safe.

/** Excel on the web rejects requests over 5 MB; keep a fifth of headroom for the framing. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

export interface Op {
  /** Estimated request bytes of this op. */
  bytes: number;
  /** Queues the op's commands on the request context. */
  queue: () => void;
  /** Sheet rows the op writes (for progress). */
  rows?: number;
  /** Two halves of the op, when it can be split (chunks of rows). */
  split?: () => [Op, Op];
}

/** UTF-8 bytes of a value as JSON, an upper-bound estimate (non-ASCII counted as 3 bytes). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2;
  return bytes;
}

export function isPayloadTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'RequestPayloadSizeLimitExceeded';
}

/** Takes ops from the front of `pending` up to the budget; an op over budget is halved first. */
function nextBatch(pending: Op[], budget: number): Op[] {
  while (pending[0] && pending[0].bytes > budget && pending[0].split) pending.unshift(...pending.shift()!.split!());
  const batch: Op[] = [];
  let bytes = 0;
  while (pending.length > 0 && (batch.length === 0 || bytes + pending[0]!.bytes <= budget)) {
    const op = pending.shift()!;
    bytes += op.bytes;
    batch.push(op);
  }
  return batch;
}

const sizeOf = (ops: readonly Op[]): number => ops.reduce((sum, op) => sum + op.bytes, 0);

export interface SendOptions {
  budget?: number;
  /** Before each request (e.g. suspend calculation, check the abort signal). */
  beforeSync?: () => void;
  /** After each successful request, with the ops it carried. */
  afterSync?: (ops: readonly Op[]) => void;
}

/**
 * Sends all ops in as few requests as the budget allows. When Excel still finds a request too
 * large, the budget is halved (so chunks of rows are halved too) and the same ops sent again.
 */
export async function sendOps(sync: () => Promise<void>, ops: readonly Op[], options: SendOptions = {}): Promise<void> {
  const pending = [...ops];
  let budget = options.budget ?? PAYLOAD_BUDGET;
  while (pending.length > 0) {
    const batch = nextBatch(pending, budget);
    options.beforeSync?.();
    for (const op of batch) op.queue();
    try {
      await sync();
    } catch (error) {
      const cannotShrink = batch.length === 1 && !batch[0]!.split;
      if (!isPayloadTooLarge(error) || cannotShrink) throw error;
      budget = Math.max(1, Math.floor(sizeOf(batch) / 2));
      pending.unshift(...batch);
      continue;
    }
    options.afterSync?.(batch);
  }
}
