// The one language layer (core/words): one placeholder syntax, and every catalogue of the product
// (pane dictionaries, sheet words, letters, function names, import messages) with every key in
// English, Dutch and French and the same placeholders in each.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUCKET_LIMIT_TEXTS } from '../../../src/core/aging';
import { CORE_ISSUE_TEXTS, MORE_OF_THE_SAME, PLACE_WORDS } from '../../../src/core/issue-texts';
import { byKey, catalogueProblems, fill, type Catalogue } from '../../../src/core/words';
import { ACCOUNT_REASONS } from '../../../src/export/iban';
import { REFERENCE_REASONS } from '../../../src/export/references';
import { FILE_TEXTS } from '../../../src/export/pain001';
import { REFUSAL_TEXTS } from '../../../src/export/refusals';
import { IMPORT_CATALOGUES } from '../../../src/import/messages';
import { LETTER } from '../../../src/sheets/confirmation-words';
import FUNCTION_NAMES from '../../../src/sheets/function-names.json';
import { COLUMNS, MEANING } from '../../../src/sheets/functions';
import { SHEET_CATALOGUES } from '../../../src/sheets/i18n';
import { RECORD_CATALOGUES } from '../../../src/store/record-problems';
import { SETTING_TEXTS } from '../../../src/store/setting-problems';
import { WORDS as PROPOSAL_WORDS } from '../../../src/sheets/payment-proposal';
import { DICTIONARIES } from '../../../src/taskpane/i18n';

const localNames: Record<string, Partial<Record<string, string>>> = FUNCTION_NAMES;
const functionNames: Catalogue = Object.fromEntries(
  [...new Set([...Object.keys(FUNCTION_NAMES.nl), ...Object.keys(FUNCTION_NAMES.fr)])].map((id) => [id, { en: id, nl: localNames.nl?.[id] ?? '', fr: localNames.fr?.[id] ?? '' }]),
);

/** Every catalogue, by the file that holds it. */
const CATALOGUES: Record<string, Record<string, Catalogue>> = {
  'src/taskpane/i18n/index.ts': { pane: byKey(DICTIONARIES) },
  'src/sheets/i18n.ts': SHEET_CATALOGUES,
  'src/sheets/confirmation-words.ts': { LETTER },
  'src/sheets/functions.ts': { MEANING, COLUMNS, functionNames },
  'src/sheets/payment-proposal.ts': { PROPOSAL_WORDS },
  'src/core/issue-texts.ts': { CORE_ISSUE_TEXTS, PLACE_WORDS, MORE_OF_THE_SAME: { 'more-of-the-same': MORE_OF_THE_SAME } },
  'src/import/messages.ts': IMPORT_CATALOGUES,
  'src/export/iban.ts': { ACCOUNT_REASONS },
  'src/export/references.ts': { REFERENCE_REASONS },
  'src/export/refusals.ts': { REFUSAL_TEXTS },
  'src/export/pain001.ts': { FILE_TEXTS },
  'src/store/setting-problems.ts': { SETTING_TEXTS },
  'src/core/aging.ts': { BUCKET_LIMIT_TEXTS },
  'src/store/record-problems.ts': RECORD_CATALOGUES,
};

/** Files with `nl:` texts that are not words to show: a language's own name, a number format. */
const NOT_CATALOGUES: Record<string, string> = {
  'src/core/words.ts': 'the locale of each language',
  'src/core/party-language.ts': 'maps words such as "Dutch" to a language',
  'src/sheets/confirmations.ts': 'the thousands separator of each language',
  'src/sheets/formats.ts': 'the Excel date format of each language',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('fill', () => {
  it('puts each value in its place and leaves a placeholder without a value visible', () => {
    expect(fill('Due within {n} days', { n: 5 })).toBe('Due within 5 days');
    expect(fill('{a} and {a}, not {b}', { a: 'x' })).toBe('x and x, not {b}');
  });

  it('keeps a [...] part only when every value in it is given, and brackets without a placeholder as text', () => {
    const template = 'number {doc} is already used[ (line {line})]';
    expect(fill(template, { doc: 'F1', line: 12 })).toBe('number F1 is already used (line 12)');
    expect(fill(template, { doc: 'F1', line: '' })).toBe('number F1 is already used');
    expect(fill(template, { doc: 'F1' })).toBe('number F1 is already used');
    expect(fill('[  ] We agree with {amount}.', { amount: 'EUR 5.00' })).toBe('[  ] We agree with EUR 5.00.');
  });
});

describe('every catalogue', () => {
  it.each(Object.entries(CATALOGUES))('%s has every key in en, nl and fr with the placeholders of the English text', (file, tables) => {
    const problems = Object.entries(tables).flatMap(([name, table]) => catalogueProblems(name, table));
    expect(problems, file).toEqual([]);
    expect(Object.values(tables).every((table) => Object.keys(table).length > 0), file).toBe(true);
  });

  it('would catch a key missing in one language and a placeholder lost in translation', () => {
    expect(catalogueProblems('t', { a: { en: 'Hello {name}', nl: 'Hallo', fr: 'Bonjour {name}' }, b: { en: 'x', nl: 'y' } })).toEqual([
      't a: nl has {}, en has {name}',
      't b: no fr text',
    ]);
  });

  it('is checked here wherever the source holds Dutch words', () => {
    const root = join(__dirname, '../../..');
    const withDutch = sourceFiles(join(root, 'src'))
      .filter((path) => /\bnl: *['"`]/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(root, path).split('\\').join('/'));
    const unchecked = withDutch.filter((file) => !(file in CATALOGUES) && !(file in NOT_CATALOGUES));
    expect(unchecked).toEqual([]);
  });
});
