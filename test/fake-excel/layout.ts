// Printing and view (ExcelApi 1.7/1.9): frozen rows, page layout (orientation, zoom or fit to
// pages, print title rows, headers and footers) and horizontal page breaks.
import { parseAddress } from './address';
import { BagProxy, type Bag } from './bag';
import { FakeObject } from './context';
import { fail } from './errors';
import type { SheetModel } from './model';
import type { Range } from './range';

export class FreezePanes extends FakeObject<SheetModel> {
  protected readonly typeName = 'WorksheetFreezePanes';
  protected readonly scalarProps = [];

  protected read(): unknown {
    return null;
  }

  freezeRows(count = 1): void {
    this.command('freezeRows', count, (s) => {
      if (!Number.isInteger(count) || count < 0) fail('InvalidArgument', 'freezeRows needs a row count', 'WorksheetFreezePanes.freezeRows');
      s.frozenRows = count;
    });
  }

  unfreeze(): void {
    this.command('unfreeze', null, (s) => (s.frozenRows = 0));
  }
}

const HEADER_FOOTER = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];

const MARGINS = ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'] as const;
type Margin = (typeof MARGINS)[number];

export class PageLayout extends FakeObject<SheetModel> {
  protected readonly typeName = 'PageLayout';
  protected readonly scalarProps = ['orientation', 'zoom', ...MARGINS];

  protected read(prop: string, s: SheetModel): unknown {
    if ((MARGINS as readonly string[]).includes(prop)) return s.pageLayout.margins[prop];
    return prop === 'zoom' ? { ...s.pageLayout.zoom } : s.pageLayout.orientation;
  }

  /** A margin in points (ExcelApi 1.9): a number of points, not negative. */
  private margin(name: Margin, points: number): void {
    this.command(name, points, (s) => {
      if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) fail('InvalidArgument', `${name} ${String(points)}`, `PageLayout.${name}`);
      s.pageLayout.margins[name] = points;
    });
  }

  get leftMargin(): number { return this.loaded('leftMargin'); }
  set leftMargin(points: number) { this.margin('leftMargin', points); }
  get rightMargin(): number { return this.loaded('rightMargin'); }
  set rightMargin(points: number) { this.margin('rightMargin', points); }
  get topMargin(): number { return this.loaded('topMargin'); }
  set topMargin(points: number) { this.margin('topMargin', points); }
  get bottomMargin(): number { return this.loaded('bottomMargin'); }
  set bottomMargin(points: number) { this.margin('bottomMargin', points); }
  get headerMargin(): number { return this.loaded('headerMargin'); }
  set headerMargin(points: number) { this.margin('headerMargin', points); }
  get footerMargin(): number { return this.loaded('footerMargin'); }
  set footerMargin(points: number) { this.margin('footerMargin', points); }

  get orientation(): string {
    return this.loaded('orientation');
  }
  set orientation(value: string) {
    this.command('orientation', value, (s) => {
      if (value !== 'Portrait' && value !== 'Landscape') fail('InvalidArgument', `orientation ${value}`, 'PageLayout.orientation');
      s.pageLayout.orientation = value;
    });
  }

  get zoom(): PageLayoutModelZoom {
    return this.loaded('zoom');
  }
  set zoom(value: PageLayoutModelZoom) {
    this.command('zoom', value, (s) => {
      const given = (n: number | null | undefined): n is number => n !== undefined && n !== null;
      const fits = given(value.horizontalFitToPages) || given(value.verticalFitToPages);
      if (given(value.scale) && fits) fail('InvalidArgument', 'zoom takes a scale or fit-to-pages, not both', 'PageLayout.zoom');
      if (given(value.scale) && (value.scale < 10 || value.scale > 400)) fail('InvalidArgument', 'zoom scale must be 10–400', 'PageLayout.zoom');
      s.pageLayout.zoom = { ...value };
    });
  }

  setPrintTitleRows(rows: Range | string): void {
    const text = typeof rows === 'string' ? rows : null;
    this.command('setPrintTitleRows', text ?? (rows as Range).path, (s) => {
      const box = text !== null ? parseAddress(text) : (rows as Range).$model().box;
      if (text !== null && !/^\$?\d+:\$?\d+$/.test(text.split('!').pop() ?? '')) fail('InvalidArgument', `print title rows must be whole rows: ${text}`, 'PageLayout.setPrintTitleRows');
      s.pageLayout.printTitleRows = `$${box.row + 1}:$${box.row + box.rows}`;
    });
  }

  get headersFooters(): { defaultForAllPages: BagProxy & Bag } {
    this.touch('headersFooters');
    const locate = (): Bag => this.$model().pageLayout.headersFooters;
    const all = new BagProxy(this.ctx, `${this.path}.headersFooters.defaultForAllPages`, locate, 'HeaderFooter', HEADER_FOOTER);
    this.ctx.host.api.touch('HeaderFooterGroup.defaultForAllPages');
    return { defaultForAllPages: all as BagProxy & Bag };
  }
}

type PageLayoutModelZoom = SheetModel['pageLayout']['zoom'];

export class PageBreakCollection extends FakeObject<SheetModel> {
  protected readonly typeName = 'PageBreakCollection';
  protected readonly scalarProps = [];

  protected read(): unknown {
    return null;
  }

  add(pageBreakRange: Range | string): void {
    const text = typeof pageBreakRange === 'string' ? pageBreakRange : null;
    this.command('add', text ?? (pageBreakRange as Range).path, (s) => {
      const box = text !== null ? parseAddress(text) : (pageBreakRange as Range).$model().box;
      if (box.row === 0) fail('InvalidArgument', 'a page break cannot be above the first row', 'PageBreakCollection.add');
      if (!s.pageLayout.pageBreaks.includes(box.row)) s.pageLayout.pageBreaks.push(box.row);
    });
  }

  removePageBreaks(): void {
    this.command('removePageBreaks', null, (s) => (s.pageLayout.pageBreaks = []));
  }

  getCount(): { value: number } {
    return this.query('getCount', null, (s) => s.pageLayout.pageBreaks.length);
  }
}
