// "Use a table in this workbook": the one Office.js read behind it. One `Excel.run`, one sync:
// the values and number formats of a named table (header included) or of a sheet's used range,
// returned as plain data; `import/sheet-values.ts` turns them into rows for the mapping.

/** Which range to read: a table by name, or the used range of a sheet (default: the active one). */
export type WorkbookTableSource = { kind: 'table'; name: string } | { kind: 'usedRange'; sheet?: string };

/** Plain data of the range (the shape `SheetValues` in `import/sheet-values.ts` expects). */
export interface WorkbookRangeData {
  name: string;
  values: (string | number | boolean | null)[][];
  numberFormat: string[][];
  rowIndex: number;
}

function rangeOf(context: Excel.RequestContext, source: WorkbookTableSource): Excel.Range {
  if (source.kind === 'table') return context.workbook.tables.getItem(source.name).getRange();
  const sheet = source.sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(source.sheet);
  return sheet.getUsedRange(true);
}

function nameOf(source: WorkbookTableSource): string {
  return source.kind === 'table' ? source.name : source.sheet ?? 'active sheet';
}

/** Reads the range's values and number formats in one sync. */
export async function readWorkbookTable(source: WorkbookTableSource): Promise<WorkbookRangeData> {
  return Excel.run(async (context) => {
    const range = rangeOf(context, source);
    range.load(['values', 'numberFormat', 'rowIndex']);
    await context.sync();
    return {
      name: nameOf(source),
      values: range.values as (string | number | boolean | null)[][],
      numberFormat: range.numberFormat as string[][],
      rowIndex: range.rowIndex,
    };
  });
}
