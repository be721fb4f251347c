// Two `subledger pay` runs at the same moment on one administration (real processes): the
// payment history is locked while a run reads and writes it, so exactly one of them pays the
// invoices and the other refuses them as already prepared: never two files for one invoice.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { historyFromJson } from '../../../src/export/history';
import { ENTRIES, PARTIES } from '../export/payables';

const BIN = fileURLToPath(new URL('../../../bin/subledger.js', import.meta.url));
const ROUNDS = 12;

const csv = (table: string): string => `${table.trim().split('\n').map((line) => line.split('|').map((c) => c.trim()).join(',')).join('\n')}\n`;

const root = mkdtempSync(path.join(os.tmpdir(), 'pay-concurrency-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pay(dir: string, out: string): Promise<{ code: number | null; stderr: string }> {
  const args = [
    BIN, 'pay', '--input', path.join(dir, 'ledger.csv'), '--parties', path.join(dir, 'parties.csv'), '--out', path.join(dir, out),
    '--debtor-name', 'Brasserie Élise', '--debtor-iban', 'BE71096123456769', '--execution-date', '2099-01-02', '--docs', 'INV-1,INV-2',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('two pay runs at once', () => {
  it(`pay the invoices once, ${ROUNDS} times over`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = mkdtempSync(path.join(root, `r${round}-`));
      writeFileSync(path.join(dir, 'ledger.csv'), csv(ENTRIES));
      writeFileSync(path.join(dir, 'parties.csv'), csv(PARTIES));
      const [a, b] = await Promise.all([pay(dir, 'a.xml'), pay(dir, 'b.xml')]);
      const files = ['a.xml', 'b.xml'].filter((f) => existsSync(path.join(dir, f)));
      const historyFile = path.join(dir, 'payment-history.json');
      const history = historyFromJson(readFileSync(historyFile, 'utf8'), historyFile);
      const paid = history.batches.flatMap((batch) => batch.items.map((item) => item.docNo)).sort();
      outcomes.push(`${[a.code, b.code].sort().join('/')} files=${files.length} paid=${paid.join(',')}`);
      const refused = [a, b].find((run) => run.code !== 0);
      expect(refused?.stderr ?? '').toMatch(/already prepared for payment/);
    }
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => '0/1 files=1 paid=INV-1,INV-2'));
  }, 600_000);
});
