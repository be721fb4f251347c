// Before/after check for auditfile (XAF, SAF-T) reader work: imports every sample auditfile in
// ../shared/formats, the test fixtures, copies of them with broken values (so the errors, with
// their element paths and lines, are compared too) and a generated XAF, and saves each import's
// ledger, issues and report as JSON, or compares them with a saved set. Save on main before a
// change, compare after it; any difference fails (exit 1).
//   npx tsx bench/auditfile-snapshot.ts save .bench-data/auditfiles-before
//   npx tsx bench/auditfile-snapshot.ts compare .bench-data/auditfiles-before
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile, type ImportOptions } from '../src/import/index';
import { largeXaf } from './import-inputs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS = path.resolve(ROOT, '..', 'shared', 'formats');
const DIRS = ['xaf-nl', 'saf-t-no', 'real-exports/banana', 'real-exports/saft-pt'];

interface Input {
  name: string;
  bytes: Uint8Array;
  options?: ImportOptions;
}

/** The first `count` matches of `pattern` replaced by `by` (a broken copy of a good file). */
function broken(text: string, pattern: RegExp, by: string, count = 2): string {
  let n = 0;
  return text.replace(pattern, (m) => (n++ < count ? m.replace(new RegExp(pattern.source), by) : m));
}

function inputs(): Input[] {
  const out: Input[] = [];
  const encoder = new TextEncoder();
  const files: string[] = [];
  for (const dir of DIRS) {
    const full = path.join(FORMATS, dir);
    if (!existsSync(full)) {
      console.warn(`${full} not found: skipped`);
      continue;
    }
    for (const f of readdirSync(full).sort()) if (/\.(xml|xaf)$/i.test(f)) files.push(path.join(full, f));
  }
  for (const f of ['saft-small.xml', 'xaf-small.xml']) files.push(path.join(ROOT, 'test/fixtures/import', f));
  for (const file of files) {
    const name = path.relative(path.dirname(ROOT), file);
    const bytes = new Uint8Array(readFileSync(file));
    out.push({ name, bytes });
    out.push({ name: `${name} (base USD)`, bytes, options: { baseCurrency: 'USD' } });
    const text = new TextDecoder().decode(bytes);
    // Broken values where each reader reports them: amounts, dates, debit/credit codes, missing elements.
    const variants: [string, string][] = [
      ['bad amounts', broken(text, /<((?:\w+:)?(?:amnt|Amount|DebitAmount|CreditAmount|GrossTotal))>[^<]*<\//g, '<$1>12,3x</')],
      ['bad dates', broken(text, /<((?:\w+:)?(?:trDt|TransactionDate|InvoiceDate|invDt|effDate|GLPostingDate))>[^<]*<\//g, '<$1>2018-02-30</')],
      ['bad codes', broken(text, /<((?:\w+:)?amntTp)>[^<]*<\//g, '<$1>X</')],
      ['missing amounts', broken(text, /<((?:\w+:)?(?:amnt|DebitAmount|CreditAmount))>[^<]*<\/(?:\w+:)?(?:amnt|DebitAmount|CreditAmount)>/g, '')],
      ['no subledgers', text.replace(/<subledgers>[\s\S]*<\/subledgers>/, '')],
    ];
    for (const [label, changed] of variants) if (changed !== text) out.push({ name: `${name} (${label})`, bytes: encoder.encode(changed) });
  }
  out.push({ name: 'generated.xaf (3 MB)', bytes: largeXaf(3) });
  return out;
}

/** The import as one text: ledger (parties as a list), issues, report. */
async function snapshot(input: Input): Promise<string> {
  const result = await importFile({ name: input.name, bytes: input.bytes }, input.options ?? {});
  const ledger = result.ledger && { ...result.ledger, parties: [...result.ledger.parties] };
  return JSON.stringify({ ledger, issues: result.issues, report: result.report }, null, 1);
}

function fileName(name: string): string {
  return `${name.replace(/[^\w.()-]+/g, '_')}.json`;
}

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'compare') || dir === undefined) {
  console.error('usage: npx tsx bench/auditfile-snapshot.ts save|compare DIR');
  process.exit(2);
}
if (mode === 'save') await mkdir(dir, { recursive: true });
let differ = 0;
const all = inputs();
for (const input of all) {
  const now = await snapshot(input);
  const target = path.join(dir, fileName(input.name));
  if (mode === 'save') {
    await writeFile(target, now);
    continue;
  }
  const before = existsSync(target) ? await readFile(target, 'utf8') : null;
  if (before === now) continue;
  differ++;
  await writeFile(`${target}.after`, now);
  console.log(`DIFFERS: ${input.name}${before === null ? ' (no saved snapshot)' : ''} (after: ${target}.after)`);
}
console.log(`${all.length} imports ${mode === 'save' ? 'saved' : `compared, ${differ} differ`}`);
if (differ > 0) process.exit(1);
