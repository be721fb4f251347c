// The test build of the pane for a simulated Excel host (`webpack --env fakeExcel`): its pages load
// the fake Excel API and the fake CustomFunctions of test/fake-excel/ instead of office.js. Made
// here when missing or older than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

export const FAKE_DIST = path.join(ROOT, 'out/dist-fake-excel');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildFakeExcelPane(): void {
  const page = path.join(FAKE_DIST, 'taskpane.html');
  const sources = Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'test/fake-excel')));
  if (existsSync(page) && statSync(page).mtimeMs > sources) return;
  execFileSync('npx', ['webpack', '--mode', 'development', '--env', 'fakeExcel'], { cwd: ROOT, stdio: 'pipe' });
}
