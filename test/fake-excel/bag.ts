// Proxies whose members are a list of settable properties (fonts, fills, conditional format
// parts, headers and footers): each property is checked against the requirement sets, written
// at sync, readable after load. `BagProxy` keeps them in a plain record.
import { type FakeContext, FakeObject } from './context';

export type Bag = Record<string, unknown>;

/** How the properties of a `PropsProxy` are kept in its model. */
export interface PropsStore<T> {
  read: (prop: string, model: T) => unknown;
  write: (prop: string, value: unknown, model: T) => void;
}

export class PropsProxy<T> extends FakeObject<T> {
  protected readonly scalarProps: readonly string[];

  constructor(
    ctx: FakeContext,
    path: string,
    locate: () => T,
    protected readonly typeName: string,
    props: readonly string[],
    private readonly store: PropsStore<T>,
  ) {
    super(ctx, path, locate);
    this.scalarProps = props;
    for (const prop of props) {
      Object.defineProperty(this, prop, {
        enumerable: true,
        get: (): unknown => this.loaded<unknown>(prop),
        set: (value: unknown) => this.command(prop, value, (model) => store.write(prop, value, model)),
      });
    }
  }

  protected read(prop: string, model: T): unknown {
    return this.store.read(prop, model);
  }
}

export class BagProxy extends PropsProxy<Bag> {
  constructor(
    ctx: FakeContext,
    path: string,
    locate: () => Bag,
    typeName: string,
    props: readonly string[],
    validate: (prop: string, value: unknown) => void = () => undefined,
  ) {
    super(ctx, path, locate, typeName, props, {
      read: (prop, bag) => bag[prop] ?? null,
      write: (prop, value, bag) => {
        validate(prop, value);
        bag[prop] = value;
      },
    });
  }

  /** A nested record (e.g. `format.fill` of a conditional format). */
  child(prop: string, typeName: string, props: readonly string[]): BagProxy & Bag {
    this.touch(prop);
    return new BagProxy(this.ctx, `${this.path}.${prop}`, () => nested(this.$model(), prop), typeName, props) as BagProxy & Bag;
  }
}

export function nested(bag: Bag, prop: string): Bag {
  let inner = bag[prop] as Bag | undefined;
  if (inner === undefined) {
    inner = {};
    bag[prop] = inner;
  }
  return inner;
}
