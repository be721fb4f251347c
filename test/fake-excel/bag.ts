// A proxy over a plain record of settable properties (fonts, fills, conditional format parts,
// headers and footers): each property is checked against the requirement sets, written at sync,
// readable after load.
import { type FakeContext, FakeObject } from './context';

export type Bag = Record<string, unknown>;

export class BagProxy extends FakeObject<Bag> {
  protected readonly scalarProps: readonly string[];

  constructor(
    ctx: FakeContext,
    path: string,
    locate: () => Bag,
    protected readonly typeName: string,
    props: readonly string[],
    validate: (prop: string, value: unknown) => void = () => undefined,
  ) {
    super(ctx, path, locate);
    this.scalarProps = props;
    for (const prop of props) {
      Object.defineProperty(this, prop, {
        enumerable: true,
        get: (): unknown => this.loaded<unknown>(prop),
        set: (value: unknown) =>
          this.command(prop, value, (bag) => {
            validate(prop, value);
            bag[prop] = value;
          }),
      });
    }
  }

  protected read(prop: string, bag: Bag): unknown {
    return bag[prop] ?? null;
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
