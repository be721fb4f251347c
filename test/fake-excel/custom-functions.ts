// A fake of Excel's CustomFunctions namespace (custom-functions-runtime), written from its
// reference: `associate(id, fn)` registers a function under the id of functions.json (ids are
// case-insensitive; an id given twice or an id the metadata does not list is refused, as Excel
// refuses it), `Error` / `ErrorCode` are the error values a function returns. A test plays Excel's
// part with `call(id, ...args)`: it calls the function as a cell would, with a StreamingInvocation
// whose results it records, and `cancel()` is what Excel does when the cell is cleared.
//   const cf = createFakeCustomFunctions(['BALANCE']).install();  …  const cell = cf.call('BALANCE', 'C1', null, null);  cell.latest

export type FakeResult = unknown;

export class FakeFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const FAKE_ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
} as const;

export interface FakeCell {
  /** Every value the function set, in order. */
  results: FakeResult[];
  /** The value the cell shows now (undefined before the first). */
  readonly latest: FakeResult;
  /** The cell is cleared: the function's onCanceled runs. */
  cancel(): void;
}

type CustomFunction = (...args: unknown[]) => unknown;

export class FakeCustomFunctions {
  private readonly functions = new Map<string, CustomFunction>();
  readonly Error = FakeFunctionError;
  readonly ErrorCode = FAKE_ERROR_CODES;

  /** `metadataIds`: the ids of functions.json; null accepts any id. */
  constructor(private readonly metadataIds: readonly string[] | null) {}

  associate(id: string, fn: CustomFunction): void {
    const key = id.toUpperCase();
    if (this.metadataIds !== null && !this.metadataIds.some((m) => m.toUpperCase() === key)) {
      throw new Error(`CustomFunctions.associate: ${id} is not in the functions metadata`);
    }
    if (this.functions.has(key)) throw new Error(`CustomFunctions.associate: ${id} is already associated`);
    this.functions.set(key, fn);
  }

  ids(): string[] {
    return [...this.functions.keys()];
  }

  /** Calls a streaming function as a cell would: optional arguments left out arrive as null. */
  call(id: string, ...args: unknown[]): FakeCell {
    const fn = this.functions.get(id.toUpperCase());
    if (!fn) throw new Error(`#NAME? no function ${id}`);
    const results: FakeResult[] = [];
    const invocation: { setResult: (v: FakeResult) => void; onCanceled?: () => void } = {
      setResult: (value) => results.push(value),
    };
    const padded = [...args];
    while (padded.length < fn.length - 1) padded.push(null);
    fn(...padded, invocation);
    return {
      results,
      get latest() {
        return results[results.length - 1];
      },
      cancel: () => invocation.onCanceled?.(),
    };
  }

  install(target: Record<string, unknown> = globalThis): this {
    target.CustomFunctions = this;
    return this;
  }
}

export function createFakeCustomFunctions(metadataIds: readonly string[] | null = null): FakeCustomFunctions {
  return new FakeCustomFunctions(metadataIds);
}
