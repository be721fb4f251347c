import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../../src/core/types';
import { importError } from '../../../src/import/issues';
import { knownIssueCodes, localizeIssue } from '../../../src/import/messages';
import { importText } from './helpers';

const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

// Every way the engine and the importers raise an issue, with the argument that is the code:
// issueAt(severity, source, field, code, …), reader.error(field, code, …), importError/importWarning(code, …),
// makeIssue(severity, code, …) and the XML reader's fail(code, …).
const CALLS: { name: string; call: RegExp; codeAt: number }[] = [
  { name: 'issueAt', call: /\bissueAt\(/g, codeAt: 3 },
  { name: 'error', call: /\b(?:r|reader|this)\.error\(/g, codeAt: 1 },
  { name: 'importError', call: /\bimport(?:Error|Warning)\(/g, codeAt: 0 },
  { name: 'makeIssue', call: /\bmakeIssue\(/g, codeAt: 1 },
  { name: 'fail', call: /\bfail\((?=\s*')/g, codeAt: 0 },
];

/** The call's top-level arguments (up to its closing parenthesis), as text. */
function callArguments(text: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && depth > 0) depth--;
    else if ((c === ',' || c === ')') && depth === 0) {
      args.push(text.slice(start, i).trim());
      if (c === ')') return args;
      start = i + 1;
    }
  }
  return args;
}

/** The literal codes raised in src/core and src/import, and the calls whose code is not a literal. */
function raisedCodes(): { codes: Map<string, string>; computed: string[] } {
  const codes = new Map<string, string>();
  const computed: string[] = [];
  for (const file of [...sourceFiles('src/core'), ...sourceFiles('src/import')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const { name, call, codeAt } of CALLS) {
      for (const m of text.matchAll(call)) {
        if (/function\s+\w*\s*$|const\s+\w+\s*=\s*$/.test(text.slice(Math.max(0, m.index - 40), m.index))) continue; // a definition
        const arg = callArguments(text, m.index + m[0].length)[codeAt] ?? '';
        const literal = /^'([a-z][a-z0-9-]*)'$/.exec(arg);
        if (literal) codes.set(literal[1]!, `${file} (${name})`);
        else computed.push(`${file}: ${name}(… ${arg} …)`);
      }
    }
  }
  return { codes, computed };
}

describe('import messages in the user language', () => {
  it('say where and what in English, Dutch and French', () => {
    const issue = importError('bad-date', { file: 'a.csv', line: 4, field: 'Vervaldatum' }, { value: '31-02-2024' });
    expect(issue.message).toBe('31-02-2024 is not a valid date');
    expect(localizeIssue(issue, 'en')).toBe('a.csv, line 4, field Vervaldatum: 31-02-2024 is not a valid date');
    expect(localizeIssue(issue, 'nl')).toBe('a.csv, regel 4, veld Vervaldatum: 31-02-2024 is geen geldige datum');
    expect(localizeIssue(issue, 'fr')).toBe("a.csv, ligne 4, champ Vervaldatum: 31-02-2024 n'est pas une date valide");
  });

  it('give an element path for XML', () => {
    const issue = importError('missing-element', { file: 'saft.xml', path: '/AuditFile/MasterFiles/Customers/Customer[2]', field: 'CustomerID' }, { element: 'CustomerID' });
    expect(localizeIssue(issue, 'nl')).toBe('saft.xml, /AuditFile/MasterFiles/Customers/Customer[2], veld CustomerID: verplicht element CustomerID ontbreekt');
  });

  it('keep the issue’s own sentence for a code they do not know', () => {
    const issue: ImportIssue = { severity: 'warning', code: 'not-a-code', file: 'l.csv', line: 3, message: 'something odd' };
    expect(localizeIssue(issue, 'nl')).toBe('l.csv, regel 3: something odd');
  });

  it('have a template for every code raised in src/core and src/import', () => {
    const { codes, computed } = raisedCodes();
    // Only the forwarding helpers pass a code they were given.
    expect(computed.sort()).toEqual([
      'src/core/record-reader.ts: issueAt(… code …)',
      'src/import/auditfile/xml-stream.ts: importError(… code …)',
      'src/import/issues.ts: makeIssue(… code …)',
      'src/import/issues.ts: makeIssue(… code …)',
    ]);
    for (const code of ['duplicate-doc', 'bad-currency', 'rounded-amount', 'amount-too-large', 'unknown-entry-type', 'malformed-xml']) {
      expect(codes.has(code), code).toBe(true);
    }
    const known = new Set(knownIssueCodes());
    expect([...codes].filter(([code]) => !known.has(code)).map(([code, where]) => `${code} in ${where}`)).toEqual([]);
  });

  it('render the engine’s issues in Dutch and French with their params', async () => {
    const result = await importText('l.csv', 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,10\nAR,C1,invoice,F1,2024-01-06,10\n');
    const duplicate = result.issues.find((i) => i.code === 'duplicate-doc')!;
    expect(localizeIssue(duplicate, 'nl')).toBe('l.csv, regel 3, veld doc_no: factuur- of creditnotanummer F1 is al gebruikt bij relatie C1 (regel 2)');
    expect(localizeIssue(duplicate, 'fr')).toBe('l.csv, ligne 3, champ doc_no: le numéro de facture ou de note de crédit F1 est déjà utilisé pour le tiers C1 (ligne 2)');
    expect(localizeIssue({ ...duplicate, params: { ...duplicate.params, firstLine: '' } }, 'en')).toBe('l.csv, line 3, field doc_no: invoice or credit note number F1 is already used for party C1');
  });

  it.each<[string, Record<string, string | number>, string, string]>([
    ['amount-too-large', { value: '12345678901234.5' },
      '12345678901234.5 heeft meer cijfers dan Subledger exact kan bewaren (hoogstens 15, decimalen inbegrepen)',
      '12345678901234.5 a plus de chiffres que Subledger ne peut en conserver exactement (15 au plus, décimales comprises)'],
    ['rounded-amount', { value: '10.005', decimals: 2 },
      '10.005 heeft meer dan 2 decimalen en is afgerond',
      '10.005 a plus de 2 décimales et a été arrondi'],
    ['bad-number', { value: '30d' }, '30d is geen geheel aantal dagen', "30d n'est pas un nombre entier de jours"],
    ['bad-currency', { value: 'EURO' }, 'EURO is geen valutacode van drie letters (ISO 4217)', "EURO n'est pas un code de devise ISO 4217 à trois lettres"],
    ['bad-base-currency', { value: 'E' },
      'E is geen valutacode van drie letters (ISO 4217) voor de basisvaluta',
      "E n'est pas un code ISO 4217 à trois lettres pour la devise de base"],
    ['missing-amount-base', { currency: 'USD', base: 'EUR' },
      'amount_base is verplicht bij een bedrag in USD (de basisvaluta is EUR)',
      'amount_base est obligatoire pour un montant en USD (la devise de base est EUR)'],
    ['amount-base-mismatch', { base: 'EUR' },
      'bij een bedrag in de basisvaluta EUR moet amount_base gelijk zijn aan amount',
      'pour un montant dans la devise de base EUR, amount_base doit être égal à amount'],
    ['duplicate-doc', { doc: 'F1', party: 'C1', firstLine: 2 },
      'factuur- of creditnotanummer F1 is al gebruikt bij relatie C1 (regel 2)',
      'le numéro de facture ou de note de crédit F1 est déjà utilisé pour le tiers C1 (ligne 2)'],
    ['duplicate-party', { party: 'C1' }, 'relatie C1 staat twee keer in het relatiebestand', 'le tiers C1 figure deux fois dans le fichier des tiers'],
    ['unknown-settles', { settles: 'F9', party: 'C1' },
      'settles F9 verwijst niet naar een factuur of niet-afgeletterde creditnota van relatie C1; de boeking blijft niet afgeletterd',
      "settles F9 ne désigne aucune facture ni note de crédit non lettrée du tiers C1 ; l'écriture reste non lettrée"],
    ['settles-other-currency', { settles: 'F1', currency: 'EUR', itemCurrency: 'USD' },
      'settles F1 verwijst naar een post in USD, maar het bedrag is in EUR; de boeking blijft niet afgeletterd',
      "settles F1 désigne un poste en USD, mais le montant est en EUR ; l'écriture reste non lettrée"],
    ['invoice-settles-ignored', { settles: 'F1' },
      'een factuur is altijd een eigen openstaande post; settles F1 wordt genegeerd',
      'une facture est toujours un poste ouvert à part entière ; settles F1 est ignoré'],
  ])('render %s in Dutch and French', (code, params, nl, fr) => {
    const issue: ImportIssue = { severity: 'error', code, file: 'l.csv', line: 2, message: 'English', params };
    expect(localizeIssue(issue, 'nl')).toBe(`l.csv, regel 2: ${nl}`);
    expect(localizeIssue(issue, 'fr')).toBe(`l.csv, ligne 2: ${fr}`);
    for (const lang of ['en', 'nl', 'fr'] as const) expect(localizeIssue(issue, lang)).not.toMatch(/[{}[\]]/);
  });

  it('say “and so many more” for the engine’s summary of a capped code', () => {
    const issue: ImportIssue = { severity: 'error', code: 'bad-amount', file: 'l.csv', message: 'and 50 more of the same kind', params: { more: 50 } };
    expect(localizeIssue(issue, 'en')).toBe('l.csv: and 50 more of the same kind');
    expect(localizeIssue(issue, 'nl')).toBe('l.csv: en nog 50 van dezelfde soort');
    expect(localizeIssue(issue, 'fr')).toBe('l.csv: et 50 autre(s) du même type');
  });

  it('report an amount with more digits than a safe integer holds as too large, not as no amount', async () => {
    const result = await importText('l.csv', 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,12345678901234.50\nAR,C1,invoice,F2,2024-01-05,12x\n');
    expect(result.issues.map((i) => [i.line, i.code, i.params])).toEqual([
      [2, 'amount-too-large', { value: '12345678901234.50' }],
      [3, 'bad-amount', { value: '12x', form: '-1234.56' }],
    ]);
    expect(result.issues[0]!.message).toContain('has more digits than Subledger can hold exactly');
  });
});
