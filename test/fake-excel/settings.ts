// Workbook settings (ExcelApi 1.4) and custom XML parts (1.5): where an add-in keeps its own data
// in the document. Also the Common API's Office.context.document.settings over the same store.
import { type FakeContext, FakeObject, type FakeResult } from './context';
import { fail } from './errors';
import type { WorkbookModel } from './model';

interface SettingModel {
  key: string;
}

function checkJson(value: unknown): void {
  try {
    JSON.stringify(value);
  } catch {
    fail('InvalidArgument', 'a setting value must be JSON-serialisable', 'SettingCollection.add');
  }
}

export class SettingCollection extends FakeObject<WorkbookModel> {
  protected readonly typeName = 'SettingCollection';
  protected readonly scalarProps = [];

  protected read(): unknown {
    return null;
  }

  add(key: string, value: unknown): Setting {
    this.command('add', { key, value }, (wb) => {
      checkJson(value);
      wb.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
    return new Setting(this.ctx, `${this.path}.getItem(${key})`, () => ({ key }), this.ctx.host.model);
  }

  getItemOrNullObject(key: string): Setting {
    this.touch('getItemOrNullObject');
    const wb = this.ctx.host.model;
    return new Setting(this.ctx, `${this.path}.getItemOrNullObject(${key})`, () => (wb.settings.has(key) ? { key } : null), wb, true);
  }
}

export class Setting extends FakeObject<SettingModel> {
  protected readonly typeName = 'Setting';
  protected readonly scalarProps = ['key', 'value'];

  constructor(ctx: FakeContext, path: string, locate: () => SettingModel | null, private readonly wb: WorkbookModel, nullable = false) {
    super(ctx, path, locate, nullable);
  }

  protected read(prop: string, m: SettingModel): unknown {
    return prop === 'key' ? m.key : structuredClone(this.wb.settings.get(m.key));
  }

  get key(): string {
    return this.loaded('key');
  }
  get value(): unknown {
    return this.loaded('value');
  }
  set value(value: unknown) {
    this.command('value', value, (m) => {
      checkJson(value);
      this.wb.settings.set(m.key, JSON.parse(JSON.stringify(value)) as unknown);
    });
  }

  delete(): void {
    this.command('delete', null, (m) => this.wb.settings.delete(m.key));
  }
}

type PartModel = WorkbookModel['customXmlParts'][number];

const ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.:-]*)([^>]*)>[\s\S]*<\/\1>\s*$|^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.:-]*)([^>]*)\/>\s*$/;

function namespaceOf(xml: string): string {
  const m = ROOT.exec(xml);
  if (!m) fail('InvalidArgument', 'the custom XML part is not well-formed XML', 'CustomXmlPartCollection.add');
  const attrs = m[2] ?? m[4] ?? '';
  return /\sxmlns="([^"]*)"/.exec(attrs)?.[1] ?? '';
}

export class CustomXmlPartCollection extends FakeObject<WorkbookModel> {
  protected readonly typeName = 'CustomXmlPartCollection';
  protected readonly scalarProps = [];

  protected read(): unknown {
    return null;
  }

  add(xml: string): CustomXmlPart {
    let created: PartModel | undefined;
    this.command('add', xml, (wb) => {
      created = { id: wb.newId('xml'), namespaceUri: namespaceOf(xml), xml, deleted: false };
      wb.customXmlParts.push(created);
    });
    return new CustomXmlPart(this.ctx, `${this.path}.add()`, () => created ?? fail('InvalidObjectPath', 'part not created'));
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    this.touch('getByNamespace');
    return new CustomXmlPartScopedCollection(this.ctx, `${this.path}.getByNamespace(${namespaceUri})`, () => {
      return this.$model().customXmlParts.filter((p) => !p.deleted && p.namespaceUri === namespaceUri);
    });
  }
}

export class CustomXmlPartScopedCollection extends FakeObject<PartModel[]> {
  protected readonly typeName = 'CustomXmlPartScopedCollection';
  protected readonly scalarProps = [];

  protected read(): unknown {
    return null;
  }

  getOnlyItemOrNullObject(): CustomXmlPart {
    this.touch('getOnlyItemOrNullObject');
    return new CustomXmlPart(this.ctx, `${this.path}.getOnlyItemOrNullObject()`, () => {
      const parts = this.$model();
      if (parts.length > 1) fail('InvalidOperation', 'more than one part in this namespace', 'CustomXmlPartScopedCollection.getOnlyItemOrNullObject');
      return parts[0] ?? null;
    }, true);
  }
}

export class CustomXmlPart extends FakeObject<PartModel> {
  protected readonly typeName = 'CustomXmlPart';
  protected readonly scalarProps = ['id', 'namespaceUri'];

  constructor(ctx: FakeContext, path: string, locate: () => PartModel | null, nullable = false) {
    super(ctx, path, locate, nullable);
  }

  protected override isGone(m: PartModel): boolean {
    return m.deleted;
  }

  protected read(prop: string, m: PartModel): unknown {
    return prop === 'id' ? m.id : m.namespaceUri;
  }

  get id(): string {
    return this.loaded('id');
  }

  getXml(): FakeResult<string> {
    return this.query('getXml', null, (m) => {
      this.ctx.respond(m.xml);
      return m.xml;
    });
  }

  setXml(xml: string): void {
    this.command('setXml', xml, (m) => {
      const ns = namespaceOf(xml);
      m.xml = xml;
      m.namespaceUri = ns;
    });
  }

  delete(): void {
    this.command('delete', null, (m) => (m.deleted = true));
  }
}
