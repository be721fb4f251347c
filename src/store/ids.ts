// Identifiers and timestamps for rows that travel between stores (follow-ups, agreements,
// payment batches, cache generations): random UUIDs, so two colleagues never collide.

export function newId(): string {
  return globalThis.crypto.randomUUID();
}
