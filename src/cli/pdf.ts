// A PDF of a workbook through LibreOffice headless (`soffice --convert-to pdf`), where it is
// installed. Each conversion uses its own throw-away profile (-env:UserInstallation), so parallel
// runs do not wait for or break each other's profile lock.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function sofficeAvailable(): boolean {
  return spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;
}

/** Writes `<outDir>/<name>.pdf` beside the workbook; returns its path, or throws with LibreOffice's words. */
export async function workbookToPdf(xlsxFile: string, outDir: string): Promise<string> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'subledger-soffice-'));
  try {
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsxFile];
    await new Promise<void>((resolve, reject) => {
      execFile('soffice', args, { timeout: 600_000 }, (error, _stdout, stderr) => {
        if (error) reject(new Error(`LibreOffice failed: ${stderr.trim() || error.message}`));
        else resolve();
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.parse(xlsxFile).name}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${path.basename(pdf)}`);
  return pdf;
}
