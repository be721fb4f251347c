// Runs `subledger …` in-process with a capturing io and a fixed "today" (2025-03-31).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/cli');
export const LEDGER = path.join(FIXTURES, 'ledger.csv');
export const PARTIES = path.join(FIXTURES, 'parties.csv');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => new Date(2025, 2, 31, 12, 0),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export type JsonRow = Record<string, unknown>;
export interface JsonReport {
  [field: string]: unknown;
  rows: JsonRow[];
}

/** `subledger report NAME` on the fixture ledger and parties, parsed JSON. */
export async function reportJson(name: string, ...options: string[]): Promise<JsonReport> {
  const run = await cli('report', name, '--input', LEDGER, '--parties', PARTIES, ...options);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** The rows keyed by one of their fields (docNo, partyId). */
export function rowsBy(json: JsonReport, field: string): Record<string, JsonRow> {
  return Object.fromEntries(json.rows.map((r) => [String(r[field]), r]));
}
