// `subledger pay` run in-process: exit codes, the file, the refusals on stderr, and the history
// that keeps an item from being paid twice across runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { historyFromJson } from '../../../src/export/history';
import { ENTRIES, PARTIES } from './payables';
import { all, haveSchemas, parseXml, schemaErrors, text } from './xml-check';

/** The `|` tables of the fixture as canonical CSV. */
function csv(table: string): string {
  return table.trim().split('\n').map((line) => line.split('|').map((c) => c.trim()).join(',')).join('\n') + '\n';
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pay-cli-'));
  writeFileSync(path.join(dir, 'ledger.csv'), csv(ENTRIES));
  writeFileSync(path.join(dir, 'parties.csv'), csv(PARTIES));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function pay(...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const args = [
    'pay', '--input', path.join(dir, 'ledger.csv'), '--parties', path.join(dir, 'parties.csv'),
    '--debtor-name', 'Brasserie Élise', '--debtor-iban', 'BE71 0961 2345 6769', ...extra,
  ];
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date(2025, 2, 31, 9, 0, 0) });
  return { code, stdout, stderr };
}

const out = (name: string): string => path.join(dir, name);
const historyOf = (file = out('payment-history.json')) => historyFromJson(readFileSync(file, 'utf8'), file);

describe('subledger pay', () => {
  it('writes a valid file for the named invoices and records them in the history next to it', async () => {
    const run = await pay('--out', out('batch1.xml'), '--execution-date', '2025-04-01', '--docs', 'INV-1,INV-2');
    expect(run.code).toBe(0);
    // Where the history goes and what is about to be paid, before anything is written.
    expect(run.stderr).toBe(`payment history: ${out('payment-history.json')}\npaying 2 item(s), 310.10 EUR, into ${out('batch1.xml')}\n`);
    expect(run.stdout).toMatch(/wrote .*batch1.xml \(pain.001.001.03\): 2 payment\(s\), 310.10 EUR/);
    const xml = readFileSync(out('batch1.xml'), 'utf8');
    if (haveSchemas) expect(schemaErrors(xml, 'pain.001.001.03')).toBe('');
    const doc = parseXml(xml);
    expect(all(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt').map((n) => n.text)).toEqual(['60.00', '250.10']);
    expect(text(doc, 'Document/CstmrCdtTrfInitn/PmtInf/ReqdExctnDt')).toBe('2025-04-01');
    const history = historyOf();
    expect(history.batches.map((b) => [b.fileName, b.total, b.items.map((i) => i.docNo)])).toEqual([['batch1.xml', 31010, ['INV-1', 'INV-2']]]);
    expect(existsSync(out('batch1.xml.part'))).toBe(false);
  });

  it('refuses in a second run what the first paid, writes nothing, and pays again only with --confirm-repeat', async () => {
    expect((await pay('--out', out('batch1.xml'), '--execution-date', '2025-04-01', '--docs', 'INV-1')).code).toBe(0);
    const second = await pay('--out', out('batch2.xml'), '--execution-date', '2025-04-02', '--docs', 'INV-1');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/refused: S1 INV-1 \(60.00 EUR\): was already prepared for payment in batch SL20250331T\w+ of 2025-03-31 \(file batch1.xml\).*\[already-paid\]/);
    expect(second.stderr).toMatch(/nothing to pay/);
    expect(existsSync(out('batch2.xml'))).toBe(false);
    expect(historyOf().batches).toHaveLength(1);
    const third = await pay('--out', out('batch3.xml'), '--execution-date', '2025-04-02', '--docs', 'INV-1', '--confirm-repeat');
    expect(third.code).toBe(0);
    expect(historyOf().batches.map((b) => b.fileName)).toEqual(['batch1.xml', 'batch3.xml']);
  });

  it('keeps the history where --history says, and guards the next run that names it', async () => {
    const file = out('hist/../payments.json');
    expect((await pay('--out', out('b.xml'), '--execution-date', '2025-04-01', '--docs', 'X-1', '--history', file)).code).toBe(0);
    expect(historyOf(file).batches[0]?.items.map((i) => i.docNo)).toEqual(['X-1']);
    expect(existsSync(out('payment-history.json'))).toBe(false);
    const again = await pay('--out', out('c.xml'), '--execution-date', '2025-04-08', '--docs', 'X-1,INV-1', '--history', file);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^refused: S6 X-1 \(20.00 EUR\): was already prepared for payment .*\(file b.xml\).*\[already-paid\]$/m);
    expect(historyOf(file).batches.map((b) => b.items.map((i) => i.docNo))).toEqual([['X-1'], ['INV-1']]);
  });

  it('pays what is due by the date in .09 and lists every refused item with its reason', async () => {
    const run = await pay('--out', out('due.xml'), '--execution-date', '2025-04-01', '--due-by', '2025-03-15', '--format', 'pain.001.001.09');
    expect(run.code).toBe(0);
    const xml = readFileSync(out('due.xml'), 'utf8');
    if (haveSchemas) expect(schemaErrors(xml, 'pain.001.001.09')).toBe('');
    expect(all(parseXml(xml), 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/RmtInf').map((n) => text(n, 'Ustrd') || text(n, 'Strd/CdtrRefInf/Ref'))).toEqual([
      'INV-1', 'X-1', 'RF18539007547034',
    ]);
    const codes = [...run.stderr.matchAll(/^refused: (\S+ \S+) .*\[([a-z-]+)\]$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(codes).toEqual([
      'S1 CN-1 credit-balance', 'S2 B-77 no-iban', 'S3 2025/4 invalid-iban', 'S4 US-9 not-eur', 'S5 F-100 bad-reference', 'S6 X-CN credit-balance',
    ]);
  });

  it('warns when the execution date lies in the past', async () => {
    const run = await pay('--out', out('late.xml'), '--execution-date', '2025-03-28', '--docs', 'X-1');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: the execution date 2025-03-28 lies in the past/m);
  });

  it('asks for PARTY:DOC when a document number belongs to several suppliers', async () => {
    writeFileSync(path.join(dir, 'ledger.csv'), csv(`${ENTRIES}\nAP | S6 | invoice | INV-1 | 2025-03-01 | 2025-03-10 | 5.00 | | | |`));
    const ambiguous = await pay('--out', out('x.xml'), '--execution-date', '2025-04-01', '--docs', 'INV-1');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/refused: INV-1: open payables of S1, S6 have this number; name one as PARTY:INV-1 \[not-open\]/);
    const named = await pay('--out', out('x.xml'), '--execution-date', '2025-04-01', '--docs', 'S6:INV-1');
    expect(named.code).toBe(0);
    expect(text(parseXml(readFileSync(out('x.xml'), 'utf8')), 'Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum')).toBe('5.00');
  });

  it.each([
    [['--execution-date', '2025-04-01'], /--out is required/],
    [['--out', 'x.xml', '--execution-date', '1-4-2025'], /--execution-date: "1-4-2025" is not a date/],
    [['--out', 'x.xml', '--execution-date', '2025-04-01', '--format', 'pain.001.001.02'], /--format: "pain.001.001.02" is not one of/],
    [['--out', 'x.xml', '--execution-date', '2025-04-01', '--debtor-iban', 'BE71096123456760'], /--debtor-iban: .*check digits are wrong/],
    [['--out', 'x.xml', '--execution-date', '2025-04-01', '--debtor-bic', 'NOPE'], /--debtor-bic: debtor account: BIC NOPE is not a valid BIC/],
    [['--out', 'x.xml', '--execution-date', '2025-04-01', '--docs', 'A', '--due-by', '2025-04-01'], /--docs or --due-by, not both/],
    [['--out', 'x.xml', '--execution-date', '2025-04-01', '--pay-twice'], /pay-twice/],
  ])('exits 2 on bad usage %#', async (extra, message) => {
    const run = await pay(...extra);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 1 on bad input: an unreadable ledger, a broken history file', async () => {
    rmSync(path.join(dir, 'ledger.csv'));
    const missing = await pay('--out', out('x.xml'), '--execution-date', '2025-04-01');
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/cannot read .*ledger.csv: no such file/)]);
    writeFileSync(path.join(dir, 'ledger.csv'), csv(ENTRIES));
    writeFileSync(out('payment-history.json'), '{"kind":"subledger-payment-history","batches":[{"id":1}]}');
    const broken = await pay('--out', out('x.xml'), '--execution-date', '2025-04-01');
    expect([broken.code, broken.stderr]).toEqual([1, expect.stringMatching(/payment-history.json: \$.batches\[0\].id is missing or not text/)]);
    expect(existsSync(out('x.xml'))).toBe(false);
  });
});
