// The fake Excel throws where Excel throws: unloaded properties, mis-shaped arrays, oversized
// requests, bad or duplicate names, members above ExcelApi 1.9; and it behaves like Excel for
// text versus formulas, totals rows, table references and settings.
import { describe, expect, it } from 'vitest';
import { createFakeExcel, type FakeExcel, FakeExcelError, PAYLOAD_LIMIT } from '../../fake-excel';
import type { RequestContext } from '../../fake-excel';
import { minorOf } from '../../fake-excel/api-sets';

type Batch<T> = (ctx: RequestContext) => Promise<T>;
const run = <T>(fake: FakeExcel, batch: Batch<T>): Promise<T> => fake.Excel.run(batch);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as FakeExcelError).code;
  }
  return 'no error';
}

describe('fake Excel: loading and syncing', () => {
  it('refuses to read a property that was not loaded and synced', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => sheet.name).toThrow(/not available/);
      sheet.load('name');
      expect(() => sheet.name).toThrow(FakeExcelError);
      await ctx.sync();
      expect(sheet.name).toBe('Sheet1');
    });
  });

  it('runs queued commands only at sync, and counts the syncs', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [['a', 1]];
      expect(fake.cell('Sheet1', 'A1').value).toBe('');
      await ctx.sync();
      expect(fake.cell('Sheet1', 'B1').value).toBe(1);
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it('resolves getItemOrNullObject to a null object after sync', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      expect(() => missing.isNullObject).toThrow();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('fails a sync on demand, leaving its commands undone', async () => {
    const fake = createFakeExcel();
    fake.failOnSync(1);
    const code = await codeOf(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.add('New');
        await ctx.sync();
      }),
    );
    expect(code).toBe('GeneralException');
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('fake Excel: what Excel rejects', () => {
  it('rejects a values array whose shape differs from the range', async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it.each(['numberFormat', 'formulas'] as const)('rejects a %s array of the wrong shape', async (member) => {
    const fake = createFakeExcel();
    const code = await codeOf(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1')[member] = [['@', '@']];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('refuses to delete the last visible sheet, but deletes a hidden one', async () => {
    const fake = createFakeExcel();
    expect(
      await codeOf(
        run(fake, async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').delete();
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidOperation');
    await run(fake, async (ctx) => {
      const hidden = ctx.workbook.worksheets.add('Scratch');
      hidden.visibility = 'Hidden';
      await ctx.sync();
      hidden.delete();
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  it('refuses a totals row that would overwrite cells below the table', async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      run(fake, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1:A3').values = [['Amount'], [1], ['my note']];
        sheet.tables.add('A1:A2', true).showTotals = true;
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
  });

  it('fails commands on an object whose sheet was deleted', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B'] });
    const code = await codeOf(
      run(fake, async (ctx) => {
        const b = ctx.workbook.worksheets.getItem('B');
        const cell = b.getRange('A1');
        cell.load('address');
        await ctx.sync();
        b.delete();
        cell.values = [[1]];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidObjectPath');
  });

  it('applies one value to every cell of a range', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').numberFormat = '@';
      await ctx.sync();
    });
    expect(fake.cell('Sheet1', 'A3').numberFormat).toBe('@');
  });

  it('rejects a request over 5 MB with RequestPayloadSizeLimitExceeded', async () => {
    const fake = createFakeExcel();
    const rows = Array.from({ length: 60_000 }, () => ['x'.repeat(90)]);
    const code = await codeOf(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A60000').values = rows;
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.stats.largestRequest).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.cell('Sheet1', 'A1').value).toBe('');
  });

  it.each([
    ['a name of 32 characters', 'x'.repeat(32), 'InvalidArgument'],
    ['a slash', 'AR/AP', 'InvalidArgument'],
    ['brackets', 'Open [AR]', 'InvalidArgument'],
    ['a duplicate (any case)', 'sheet1', 'ItemAlreadyExists'],
  ])('rejects a sheet name with %s', async (_what, name, code) => {
    const fake = createFakeExcel();
    const got = await codeOf(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
    expect(got).toBe(code);
  });

  it('rejects a duplicate table name anywhere in the workbook', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B'] });
    const code = await codeOf(
      run(fake, async (ctx) => {
        const a = ctx.workbook.worksheets.getItem('A');
        a.getRange('A1:B2').values = [['x', 'y'], [1, 2]];
        a.tables.add('A!A1:B2', true).name = 'Items';
        const b = ctx.workbook.worksheets.getItem('B');
        b.getRange('A1:B2').values = [['x', 'y'], [1, 2]];
        b.tables.add('B!A1:B2', true).name = 'items';
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemAlreadyExists');
  });

  it('rejects members above ExcelApi 1.9 and records the ones used', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A2').values = [['h'], [1]];
      const table = sheet.tables.add('A1:A2', true);
      expect(() => table.resize('A1:A3')).toThrow(/1\.13/);
      await ctx.sync();
    });
    expect(fake.usedMembers.get('TableCollection.add')).toBe('1.1');
    expect(fake.host.api.rejected).toEqual(new Set(['Table.resize']));
    expect(minorOf(fake.host.api.highestUsed())).toBeLessThanOrEqual(9);
    const newer = createFakeExcel({ apiVersion: '1.13' });
    await run(newer, (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem('Sheet1').tables.getItemOrNullObject('T').resize('A1:B2')).not.toThrow();
      return Promise.resolve();
    }).catch(() => undefined);
  });
});

describe('fake Excel: behaves like Excel', () => {
  it('takes a page zoom of one page wide (scale null), refuses a scale together with fit-to-pages', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null };
      await ctx.sync();
    });
    expect(fake.sheet('Sheet1').pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0, scale: null });
    const code = await codeOf(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { horizontalFitToPages: 1, scale: 80 };
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('knows the active sheet, and refuses to activate a hidden one', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B'] });
    const names = await run(fake, async (ctx) => {
      const first = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('B').activate();
      const second = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      return [first.name, second.name];
    });
    expect(names).toEqual(['A', 'B']);
    const code = await codeOf(
      run(fake, async (ctx) => {
        const a = ctx.workbook.worksheets.getItem('A');
        a.visibility = 'Hidden';
        a.activate();
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidOperation');
  });

  it('turns =, + and - text into formulas and numbers unless the cell is formatted as text', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C1').values = [['=HYPERLINK("x")', '-50', '+A1']];
      const guarded = sheet.getRange('A2:C2');
      guarded.numberFormat = [['@', '@', '@']];
      guarded.values = [['=HYPERLINK("x")', '-50', '+A1']];
      await ctx.sync();
    });
    expect(fake.cell('Sheet1', 'A1').formula).toBe('=HYPERLINK("x")');
    expect(fake.cell('Sheet1', 'B1').value).toBe(-50);
    expect(fake.cell('Sheet1', 'C1').formula).toBe('=+A1');
    expect(fake.cell('Sheet1', 'A2')).toEqual({ value: '=HYPERLINK("x")', formula: null, numberFormat: '@' });
    expect(fake.cell('Sheet1', 'B2').value).toBe('-50');
  });

  it('computes a SUBTOTAL totals row, and a deleted table leaves #REF! behind', async () => {
    const fake = createFakeExcel({ sheets: ['Data', 'Mine'] });
    await run(fake, async (ctx) => {
      const data = ctx.workbook.worksheets.getItem('Data');
      data.getRange('A1:B3').values = [['Party', 'Open'], ['Acme', 10.5], ['Bolt', 2.25]];
      const table = data.tables.add('A1:B3', true);
      table.name = 'Items';
      table.showTotals = true;
      ctx.workbook.worksheets.getItem('Mine').getRange('A1').formulas = [['=SUM(Items[Open])']];
      await ctx.sync();
    });
    expect(fake.tableView('Items').totals).toEqual(['Total', 12.75]);
    expect(fake.cell('Mine', 'A1').value).toBe(12.75);
    await run(fake, async (ctx) => {
      ctx.workbook.tables.getItem('Items').delete();
      await ctx.sync();
    });
    expect(fake.cell('Mine', 'A1')).toMatchObject({ value: '#REF!', formula: '=SUM(#REF!)' });
  });

  it('grows a table when rows are inserted inside it, keeping references', async () => {
    const fake = createFakeExcel({ sheets: ['Data', 'Mine'] });
    await run(fake, async (ctx) => {
      const data = ctx.workbook.worksheets.getItem('Data');
      data.getRange('A1:B2').values = [['Party', 'Open'], ['Acme', 1]];
      data.tables.add('A1:B2', true).name = 'Items';
      ctx.workbook.worksheets.getItem('Mine').getRange('A1').formulas = [['=SUM(Items[Open])']];
      data.getRange('A2:A3').getEntireRow().insert('Down');
      data.getRange('A2:B3').values = [['Bolt', 2], ['Core', 3]];
      await ctx.sync();
    });
    expect(fake.tableView('Items').rows).toEqual([['Bolt', 2], ['Core', 3], ['Acme', 1]]);
    expect(fake.cell('Mine', 'A1').value).toBe(6);
  });

  it('keeps workbook settings and custom XML parts', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      ctx.workbook.settings.add('k', { a: [1, 2] });
      ctx.workbook.customXmlParts.add('<notes xmlns="urn:x">hi</notes>');
      await ctx.sync();
    });
    const read = await run(fake, async (ctx) => {
      const setting = ctx.workbook.settings.getItemOrNullObject('k').load('value');
      const part = ctx.workbook.customXmlParts.getByNamespace('urn:x').getOnlyItemOrNullObject();
      await ctx.sync();
      const xml = part.getXml();
      await ctx.sync();
      return { value: setting.value, xml: xml.value };
    });
    expect(read).toEqual({ value: { a: [1, 2] }, xml: '<notes xmlns="urn:x">hi</notes>' });
  });
});
