// Work on long lists done in steps: a generator that yields every so many rows, so that the pane
// can run it a slice at a time (views/use-shown-list.ts) and answer clicks and paint in between,
// or at once (`drain`) where the list is short or the caller needs the answer now.
//   drain(sortSteps(rows, order, asOf)) → the sorted rows, computed without a pause

/** A computation that pauses (yields) every `STEP` rows or so and returns its answer at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Rows handled between two pauses: a pause costs next to nothing, a step stays well under a millisecond. */
export const STEP = 1024;

/** The answer of `steps`, computed without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
