// The request context of the fake: proxy objects queue commands, and `sync()` sends them as one
// request — counted, measured (JSON size of the queued commands; over 5 MB fails with
// RequestPayloadSizeLimitExceeded, Excel on the web's limit), then executed in order. A property
// can be read only after `load` and a `sync()`; reading it earlier throws PropertyNotLoaded.
import { type ApiRecorder } from './api-sets';
import { FakeExcelError, fail } from './errors';
import type { WorkbookModel } from './model';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeStats {
  syncs: number;
  /** Size in bytes of every request sent, in order. */
  requestBytes: number[];
  largestRequest: number;
  largestResponse: number;
  /** Requests that ran with calculation suspended (suspendApiCalculationUntilNextSync). */
  suspendedSyncs: number;
}

/** Everything one fake Excel holds across `Excel.run` calls. */
export interface FakeHost {
  model: WorkbookModel;
  api: ApiRecorder;
  stats: FakeStats;
  /** Make the sync with this (1-based, counted across runs) number throw. */
  failAtSync: number | null;
  /** Make the next command of this API member (e.g. `Range.copyFrom`) throw while it runs, after
   * the commands before it in the same request have run — as Excel does. */
  failAtCommand: string | null;
  calculationSuspended: boolean;
}

interface Command {
  path: string;
  member: string;
  /** `Type.member`, for failure injection. */
  api?: string;
  args?: unknown;
  run: () => void;
}

const encoder = new TextEncoder();

function payloadBytes(commands: readonly Command[]): number {
  let bytes = 2;
  for (const c of commands) {
    bytes += encoder.encode(JSON.stringify({ p: c.path, m: c.member, a: c.args ?? null })).length + 1;
  }
  return bytes;
}

export class FakeContext {
  private queue: Command[] = [];
  private responseBytes = 0;

  constructor(readonly host: FakeHost) {}

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  /** Counted in the response of the sync that executes the load. */
  respond(value: unknown): void {
    this.responseBytes += encoder.encode(JSON.stringify(value) ?? '').length;
  }

  async sync(): Promise<void> {
    const { stats } = this.host;
    const batch = this.queue;
    this.queue = [];
    stats.syncs += 1;
    const bytes = payloadBytes(batch);
    stats.requestBytes.push(bytes);
    stats.largestRequest = Math.max(stats.largestRequest, bytes);
    await Promise.resolve();
    if (bytes > PAYLOAD_LIMIT) {
      fail('RequestPayloadSizeLimitExceeded', `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    if (this.host.failAtSync === stats.syncs) {
      fail('GeneralException', `injected failure at sync ${stats.syncs}`);
    }
    this.responseBytes = 0;
    if (batch.some((c) => c.member === 'suspendApiCalculationUntilNextSync')) stats.suspendedSyncs += 1;
    try {
      for (const command of batch) {
        if (command.api !== undefined && command.api === this.host.failAtCommand) {
          this.host.failAtCommand = null;
          fail('GeneralException', `injected failure at ${command.api}`, command.api);
        }
        command.run();
      }
    } finally {
      this.host.calculationSuspended = false;
    }
    stats.largestResponse = Math.max(stats.largestResponse, this.responseBytes);
    if (this.responseBytes > PAYLOAD_LIMIT) {
      fail('ResponsePayloadSizeLimitExceeded', `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`);
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}

/** A value returned by a method (e.g. `getXml()`), readable after the next sync. */
export class FakeResult<T> {
  private settled = false;
  private result: T | undefined;

  set(value: T): void {
    this.result = value;
    this.settled = true;
  }

  get value(): T {
    if (!this.settled) fail('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this.result as T;
  }
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function propsOf(spec: LoadSpec, all: readonly string[]): string[] {
  if (spec === undefined) return [...all];
  if (typeof spec === 'string') return propsOf(spec.split(','), all);
  if (Array.isArray(spec)) return [...new Set(spec.map((s) => s.trim().split('/')[0]!).filter(Boolean))];
  return propsOf(spec.select ?? undefined, all);
}

/**
 * A proxy for an object of the workbook. `locate` finds its model when the first command that
 * needs it runs (at sync); from then on the proxy stays bound to that object, as in Excel.
 */
export abstract class FakeObject<T> {
  private bound: T | null | undefined;
  private readonly snapshot = new Map<string, unknown>();
  private nullChecked = false;
  /** Scalar properties `load()` without arguments loads. */
  protected abstract readonly scalarProps: readonly string[];
  protected abstract readonly typeName: string;

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
    private readonly locate: () => T | null,
    nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue({ path, member: 'resolve', run: () => this.checkNull() });
    }
  }

  private checkNull(): void {
    this.bound = this.locate();
    this.nullChecked = true;
  }

  get isNullObject(): boolean {
    if (!this.nullChecked) fail('PropertyNotLoaded', `isNullObject of ${this.path} is not available before context.sync()`);
    return this.bound === null;
  }

  /** The model, located on first use; fails for a null object or a deleted one. */
  $model(): T {
    if (this.bound === undefined) this.bound = this.locate();
    if (this.bound === null) fail('ItemNotFound', `${this.path} does not exist`, this.path);
    if (this.isGone(this.bound)) fail('InvalidObjectPath', `${this.path} was deleted`, this.path);
    return this.bound;
  }

  protected isGone(_model: T): boolean {
    return false;
  }

  protected touch(member: string): void {
    this.ctx.host.api.touch(`${this.typeName}.${member}`);
  }

  load(spec?: LoadSpec): this {
    const props = propsOf(spec, this.scalarProps);
    for (const p of props) this.touch(p);
    this.ctx.enqueue({
      path: this.path,
      member: 'load',
      args: props,
      run: () => {
        if (this.bound === null && this.nullChecked) return;
        const model = this.$model();
        for (const p of props) {
          const value = this.read(p, model);
          this.ctx.respond(value);
          this.snapshot.set(p, value);
        }
      },
    });
    return this;
  }

  /** Reads a property of the model (at sync, for `load`). */
  protected abstract read(prop: string, model: T): unknown;

  /** A loaded property's value; throws PropertyNotLoaded when it was not loaded and synced. */
  protected loaded<V>(prop: string): V {
    if (!this.snapshot.has(prop)) {
      throw new FakeExcelError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.typeName}.${prop}`,
      );
    }
    return this.snapshot.get(prop) as V;
  }

  /** Queues a command against the model; `args` counts in the request size. */
  protected command(member: string, args: unknown, run: (model: T) => void): void {
    this.touch(member);
    this.ctx.enqueue({ path: this.path, member, api: `${this.typeName}.${member}`, args, run: () => run(this.$model()) });
  }

  /** Queues a command whose result is read after the sync. */
  protected query<V>(member: string, args: unknown, compute: (model: T) => V): FakeResult<V> {
    const result = new FakeResult<V>();
    this.command(member, args, (m) => result.set(compute(m)));
    return result;
  }

  /** Fills the loaded properties now (for the items of a loaded collection, at sync). */
  $prime(model: T): this {
    this.bound = model;
    this.nullChecked = true;
    for (const p of this.scalarProps) this.snapshot.set(p, this.read(p, model));
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.snapshot);
  }
}
