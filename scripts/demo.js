#!/usr/bin/env node
// `npm run demo`: writes the demo ledger to out/demo/, builds out/subledger-demo.xlsx with
// `subledger build`, and prints the key figures of the debtors (AR) and creditors (AP).
// Every step runs the real command (bin/subledger.js) in a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = path.join('out', 'demo');
const ledgerCsv = path.join(demoDir, 'ledger.csv');
const partiesCsv = path.join(demoDir, 'parties.csv');
const workbook = path.join('out', 'subledger-demo.xlsx');

function subledger(...args) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'subledger.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status ?? 1, stdout: result.stdout ?? '', stderr: (result.stderr ?? '').trim() };
}

function fail(step, run) {
  console.error(`npm run demo: ${step} failed (exit ${run.code})\n${run.stderr}`);
  process.exit(1);
}

const demo = subledger('demo', '--out', demoDir);
if (demo.code !== 0) fail('subledger demo', demo);
process.stdout.write(demo.stdout);

const build = subledger('build', '--input', ledgerCsv, '--parties', partiesCsv, '--out', workbook, '--company', 'Subledger demo company');
if (build.code !== 0) fail('subledger build', build);
process.stdout.write(build.stdout);

const figures = subledger('report', 'key-figures', '--input', ledgerCsv, '--parties', partiesCsv);
if (figures.code !== 0) fail('subledger report key-figures', figures);
const kf = JSON.parse(figures.stdout);

const money = (n) => n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rows = [
  ['', 'AR (debtors)', 'AP (creditors)'],
  ['Overdue', money(kf.AR.overdue), money(kf.AP.overdue)],
  ['Not yet due', money(kf.AR.notDue), money(kf.AP.notDue)],
  ['Total open', money(kf.AR.total), money(kf.AP.total)],
  ...Object.keys(kf.AR.dueWithin).map((d) => [`Due within ${d} days`, money(kf.AR.dueWithin[d]), money(kf.AP.dueWithin[d] ?? 0)]),
  ['Payments known up to', kf.AR.journalsUpdatedUntil ?? '—', kf.AP.journalsUpdatedUntil ?? '—'],
];
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
console.log(`\nKey figures as of ${kf.asOf} (EUR)\n`);
for (const r of rows) console.log(`  ${r[0].padEnd(widths[0])}   ${r[1].padStart(widths[1])}   ${r[2].padStart(widths[2])}`);
