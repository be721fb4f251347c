// Conditional formats (ExcelApi 1.6): data bars, colour scales and cell-value rules on a range.
import { BagProxy, type Bag, nested } from './bag';
import { FakeObject, type FakeResult } from './context';
import { fail } from './errors';
import type { ConditionalFormatModel } from './model';
import type { RangeTarget } from './range';

const TYPES = ['DataBar', 'ColorScale', 'CellValue', 'Custom', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText'];
const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

export class ConditionalFormatCollection extends FakeObject<RangeTarget> {
  protected readonly typeName = 'ConditionalFormatCollection';
  protected readonly scalarProps = [];

  protected read(): unknown {
    return null;
  }

  /** Conditional formats that lie within this range. */
  getCount(): FakeResult<number> {
    return this.query('getCount', null, (t) => t.sheet.conditionalFormats.filter((cf) => within(cf, t)).length);
  }

  add(type: string): ConditionalFormat {
    let created: ConditionalFormatModel | undefined;
    this.command('add', type, (t) => {
      if (!TYPES.includes(type)) fail('InvalidArgument', `unknown conditional format type ${type}`, 'ConditionalFormatCollection.add');
      created = { box: { ...t.box }, type, props: {} };
      t.sheet.conditionalFormats.push(created);
    });
    return new ConditionalFormat(this.ctx, `${this.path}.add(${type})`, () => created ?? fail('InvalidObjectPath', 'not created'));
  }

  clearAll(): void {
    this.command('clearAll', null, (t) => {
      const keep = t.sheet.conditionalFormats.filter((cf) => !within(cf, t));
      t.sheet.conditionalFormats.splice(0, t.sheet.conditionalFormats.length, ...keep);
    });
  }
}

function within(cf: ConditionalFormatModel, t: RangeTarget): boolean {
  const b = t.box;
  return cf.box.row >= b.row && cf.box.col >= b.col && cf.box.row + cf.box.rows <= b.row + b.rows && cf.box.col + cf.box.cols <= b.col + b.cols;
}

export class ConditionalFormat extends FakeObject<ConditionalFormatModel> {
  protected readonly typeName = 'ConditionalFormat';
  protected readonly scalarProps = ['type'];

  protected read(_prop: string, m: ConditionalFormatModel): unknown {
    return m.type;
  }

  get type(): string {
    return this.loaded('type');
  }

  private part(name: string, type: string, typeName: string, props: string[], validate?: (p: string, v: unknown) => void): BagProxy & Bag {
    this.touch(name);
    const locate = (): Bag => {
      const m = this.$model();
      if (m.type !== type) fail('InvalidOperation', `${name} of a ${m.type} conditional format`, `ConditionalFormat.${name}`);
      return nested(m.props, name);
    };
    return new BagProxy(this.ctx, `${this.path}.${name}`, locate, typeName, props, validate) as BagProxy & Bag;
  }

  get dataBar(): BagProxy & Bag {
    const bar = this.part('dataBar', 'DataBar', 'DataBarConditionalFormat', ['barDirection', 'showDataBarOnly']);
    Object.defineProperty(bar, 'positiveFormat', {
      get: () => bar.child('positiveFormat', 'ConditionalDataBarPositiveFormat', ['fillColor', 'gradientFill', 'borderColor']),
    });
    return bar;
  }

  get colorScale(): BagProxy & Bag {
    return this.part('colorScale', 'ColorScale', 'ColorScaleConditionalFormat', ['criteria'], (_p, v) => {
      const c = v as { minimum?: { type?: string; color?: string }; maximum?: { type?: string; color?: string } };
      if (!c.minimum?.type || !c.maximum?.type) fail('InvalidArgument', 'a colour scale needs a minimum and a maximum criterion', 'ColorScaleConditionalFormat.criteria');
    });
  }

  get cellValue(): BagProxy & Bag {
    const rule = this.part('cellValue', 'CellValue', 'CellValueConditionalFormat', ['rule'], (_p, v) => {
      const r = v as { formula1?: unknown; operator?: string };
      if (r.formula1 === undefined || !OPERATORS.includes(r.operator ?? '')) {
        fail('InvalidArgument', `a cell value rule needs formula1 and one of ${OPERATORS.join(', ')}`, 'CellValueConditionalFormat.rule');
      }
    });
    Object.defineProperty(rule, 'format', {
      get: () => {
        const format = rule.child('format', 'ConditionalRangeFormat', []);
        Object.defineProperty(format, 'fill', { get: () => format.child('fill', 'ConditionalRangeFill', ['color']) });
        Object.defineProperty(format, 'font', { get: () => format.child('font', 'ConditionalRangeFont', ['color', 'bold']) });
        return format;
      },
    });
    return rule;
  }
}
