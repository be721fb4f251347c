// The fake's requirement sets are the documentation's: every member in its table is looked up
// in the Office.js type definitions (@types/office-js, whose comments carry "[Api set: ExcelApi
// 1.x]") and must need exactly that set — so "uses nothing above ExcelApi 1.9" means what it says.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCEL_API } from '../../fake-excel/api-sets';

const DTS = path.resolve(import.meta.dirname, '../../../node_modules/@types/office-js/index.d.ts');
const exists = existsSync(DTS);
if (!exists) console.log(`api-sets.test: ${DTS} is missing, requirement sets not checked`);

/** Members whose set the comments do not state in the usual form, with what the reference says. */
const STATED_OTHERWISE: Record<string, string> = {
  'Worksheet.visibility.set': '"1.1 for reading visibility; 1.2 for setting it"',
  'TableRowCollection.deleteRows': 'ExcelApiOnline 1.1 only',
};

function classBody(source: string, name: string): string | null {
  const m = new RegExp(`\\n    class ${name} extends [^{]+\\{`).exec(source);
  if (!m) return null;
  let depth = 0;
  for (let j = m.index + m[0].length - 1; j < source.length; j++) {
    if (source[j] === '{') depth++;
    else if (source[j] === '}' && --depth === 0) return source.slice(m.index, j);
  }
  return null;
}

/** The lowest "ExcelApi 1.x" stated for a member (properties, methods and their overloads). */
function documentedMinor(body: string, member: string): number | null {
  const name = member.split('.')[0]!;
  const pattern = new RegExp(`\\[Api set: ExcelApi 1\\.(\\d+)[^\\]]*\\](?:(?!/\\*\\*)[\\s\\S])*?\\*/\\s*(?:readonly )?${name}\\??\\s*[:(<]`, 'g');
  const found = [...body.matchAll(pattern)].map((m) => Number(m[1]));
  return found.length ? Math.min(...found) : null;
}

describe.skipIf(!exists)('requirement sets of the fake', () => {
  const source = exists ? readFileSync(DTS, 'utf8') : '';
  const excel = source.slice(source.indexOf('declare namespace Excel {'));
  const checked = Object.entries(EXCEL_API).filter(([member]) => !member.endsWith('.items') && !(member in STATED_OTHERWISE));

  it.each(checked)('%s needs ExcelApi 1.%i, as documented', (member, minor) => {
    const [type, ...rest] = member.split('.');
    const body = classBody(excel, type!);
    expect(body, `class Excel.${type}`).not.toBeNull();
    expect(documentedMinor(body!, rest.join('.'))).toBe(minor);
  });
});
