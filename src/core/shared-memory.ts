// Memory two threads see at once (the command line's two-thread read: cli/part-reader.ts): typed
// arrays on a SharedArrayBuffer, which a worker is handed without a copy.

/** True when the array's memory is a SharedArrayBuffer (false where there is none, as in some browsers). */
export function isShared(array: { buffer: ArrayBufferLike }): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && array.buffer instanceof SharedArrayBuffer;
}

/** `n` ints, zero, on a SharedArrayBuffer (a flag or counter for Atomics too). */
export function sharedInts(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * n));
}
