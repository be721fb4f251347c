// The add-in manifest validates against Microsoft's manifest schemas (../shared/formats), and
// says what Excel needs: a Workbook task pane, ReadWriteDocument, ExcelApi 1.9, a Home-tab button.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCHEMAS = path.resolve(ROOT, '../shared/formats/office-addin-manifest');
const haveSchemas = existsSync(path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'));
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

export function validateManifest(file: string): string {
  // xmllint resolves the schema's imports relative to the schema folder.
  return execFileSync('xmllint', ['--noout', '--schema', 'OfficeAppManifestV1_1.xsd', file], {
    cwd: SCHEMAS,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

if (!haveSchemas) console.warn(`SKIPPED manifest schema check: ${SCHEMAS} is absent`);

describe.skipIf(!haveSchemas)('manifest.xml against the Office add-in XSDs', () => {
  it('validates', () => {
    expect(() => validateManifest(path.join(ROOT, 'manifest.xml'))).not.toThrow();
  });

  it('is rejected when a required element is removed (the check can fail)', () => {
    const broken = path.join(ROOT, '.tmp', 'manifest-without-id.xml');
    execFileSync('mkdir', ['-p', path.dirname(broken)]);
    execFileSync('sh', ['-c', `sed '/<Id>/d' manifest.xml > "${broken}"`], { cwd: ROOT });
    expect(() => validateManifest(broken)).toThrow();
  });
});

describe('manifest.xml content', () => {
  it('is an Excel task pane that may write the workbook and needs ExcelApi 1.9', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
  });

  it('has a Subledger button on the Home tab that shows the task pane', () => {
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toMatch(/<bt:String id="Button.Label" DefaultValue="Subledger"\/>/);
  });

  it('names and describes itself in Dutch and French too', () => {
    for (const locale of ['nl-NL', 'fr-FR']) {
      expect(manifest.match(new RegExp(`Override Locale="${locale}"`, 'g'))?.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('points at icons that exist in every size Office asks for', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const file = path.join(ROOT, 'assets', `icon-${size}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
    }
    for (const m of manifest.matchAll(/assets\/(icon-\d+\.png)/g)) {
      expect(existsSync(path.join(ROOT, 'assets', m[1]!))).toBe(true);
    }
  });
});
