// The Open items list for the user's filters (model/open-items-view.ts), made a slice at a time:
// the first slice in the render that asks for it (a short list is done there and then, as
// before), the rest between the pane's other work, so a million items never make a long task.
// Until the new list is done the last one stays on screen, marked busy.
import { useEffect, useMemo, useRef, useState } from 'react';
import { yieldToPane } from '../actions/entry-assembly';
import { ShownListMaker, type ShownInputs, type ShownList } from '../model/open-items-view';
import type { Steps } from '../model/steps';

/** Milliseconds of work in the render that asks for a list: a list of up to ~100k items is done in it. */
const FIRST_MS = 40;
/** Milliseconds of work in each slice after it. */
const SLICE_MS = 12;

class Run {
  done = false;
  value: ShownList | null = null;
  constructor(private readonly steps: Steps<ShownList>) {}

  /** Works for about `ms` milliseconds; whether the list is done. */
  workFor(ms: number): boolean {
    const end = performance.now() + ms;
    while (!this.done) {
      const next = this.steps.next();
      if (next.done) {
        this.done = true;
        this.value = next.value;
      } else if (performance.now() >= end) break;
    }
    return this.done;
  }
}

export interface ShownState {
  /** The list for these inputs, else the last one done (null before the first). */
  list: ShownList | null;
  /** Whether the list for these inputs is still being made. */
  busy: boolean;
}

export function useShownList({ rows, settling, filter, asOf, handled }: ShownInputs): ShownState {
  const [maker] = useState(() => new ShownListMaker());
  const [, setFinished] = useState(0);
  const last = useRef<ShownList | null>(null);
  const run = useMemo(() => {
    const started = new Run(maker.steps({ rows, settling, filter, asOf, handled }));
    started.workFor(FIRST_MS);
    return started;
  }, [maker, rows, settling, filter, asOf, handled]);
  useEffect(() => {
    if (run.done) {
      last.current = run.value;
      return undefined;
    }
    let current = true;
    void (async () => {
      while (!run.done) {
        await yieldToPane();
        if (!current) return;
        run.workFor(SLICE_MS);
      }
      last.current = run.value;
      setFinished((n) => n + 1);
    })();
    return () => {
      current = false;
    };
  }, [run]);
  return { list: run.done ? run.value : last.current, busy: !run.done };
}
