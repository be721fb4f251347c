// A readable table for a person at a terminal: the default when stdout is a terminal, or
// --format table; JSON stays the default when the output goes to a pipe or a file.
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { LEDGER, PARTIES } from './run-cli';

async function report(terminal: boolean, ...extra: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined, now: () => new Date(2025, 2, 31, 12), stdoutIsTerminal: terminal };
  const code = await main(['report', 'aging', '--input', LEDGER, '--parties', PARTIES, '--as-of', '2025-03-31', '--side', 'AR', ...extra], io);
  return { code, stdout };
}

describe('subledger report as a table', () => {
  it('is the default on a terminal: a header, a rule, one aligned line per party, amounts to the right', async () => {
    const run = await report(true);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'ledger  partyId  partyName    total  not due  1-30   31-60  61-90  91-120   >120',
        '------  -------  ----------  ------  -------  ----  ------  -----  ------  -----',
        'AR      D1       Peeters BV  850.50   250.50  0.00  600.00   0.00    0.00   0.00',
        'AR      D2       Dubois SRL   46.00     0.00  0.00    0.00   0.00    0.00  46.00',
        '',
        '2 rows',
        '',
      ].join('\n'),
    );
  });

  it('stays JSON when stdout is not a terminal, and --format overrides either way', async () => {
    expect(JSON.parse((await report(false)).stdout)).toMatchObject({ report: 'aging' });
    expect(JSON.parse((await report(true, '--format', 'json')).stdout)).toMatchObject({ report: 'aging' });
    expect((await report(false, '--format', 'table')).stdout).toMatch(/^ledger {2}partyId/);
  });
});
