// The add-in manifest validates against Microsoft's manifest schemas (../shared/formats), and
// says what Excel needs: a Workbook task pane, ReadWriteDocument, ExcelApi 1.9, a Home-tab button.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendedSchemas, SHARED_SCHEMAS } from '../../manifest-schema/extended-schemas';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const haveSchemas = existsSync(path.join(SHARED_SCHEMAS, 'OfficeAppManifestV1_1.xsd'));
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Runs xmllint on `file` with the schema set in `schemas` (imports resolve relative to it). */
export function validateManifest(file: string, schemas = extendedSchemas()): string {
  return execFileSync('xmllint', ['--noout', '--schema', 'OfficeAppManifestV1_1.xsd', file], {
    cwd: schemas,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function writeTmp(name: string, text: string): string {
  const file = path.join(ROOT, '.tmp', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

if (!haveSchemas) console.warn(`SKIPPED manifest schema check: ${SHARED_SCHEMAS} is absent`);

describe.skipIf(!haveSchemas)('manifest.xml against the Office add-in XSDs', () => {
  it('validates against the schemas extended with <Runtimes> (test/manifest-schema)', () => {
    expect(() => validateManifest(path.join(ROOT, 'manifest.xml'))).not.toThrow();
  });

  it('is rejected when a required element is removed (the check can fail)', () => {
    expect(() => validateManifest(writeTmp('manifest-without-id.xml', manifest.replace(/<Id>.*<\/Id>/, '')))).toThrow();
  });

  it('is rejected with a lifetime Excel does not know (the extension checks the runtime)', () => {
    expect(() => validateManifest(writeTmp('manifest-bad-lifetime.xml', manifest.replace('lifetime="long"', 'lifetime="forever"')))).toThrow();
  });

  it('without <Runtimes> and <AllFormFactors> still validates against the unextended schemas', () => {
    const older = manifest.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, '').replace(/<AllFormFactors>[\s\S]*?<\/AllFormFactors>/, '');
    expect(older).not.toMatch(/<Runtimes?[ >]/);
    expect(() => validateManifest(writeTmp('manifest-older.xml', older), SHARED_SCHEMAS)).not.toThrow();
    expect(() => validateManifest(path.join(ROOT, 'manifest.xml'), SHARED_SCHEMAS)).toThrow();
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

  it('runs pane and functions in one long-lived runtime, and registers the SUBLEDGER functions', () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    const point = /<ExtensionPoint xsi:type="CustomFunctions">([\s\S]*?)<\/ExtensionPoint>/.exec(manifest)?.[1] ?? '';
    expect(point).toMatch(/<Script>\s*<SourceLocation resid="Functions.Script.Url"\/>/);
    expect(point).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(point).toMatch(/<Metadata>\s*<SourceLocation resid="Functions.Metadata.Url"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="SUBLEDGER"\/>/);
    expect(manifest).toMatch(/id="Functions.Script.Url" DefaultValue="https:\/\/localhost:3000\/functions.js"/);
    expect(manifest).toMatch(/id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json"/);
  });

  it('asks for SharedRuntime and CustomFunctionsRuntime only in VersionOverrides, so the pane loads without them', () => {
    const [base, overrides] = manifest.split('<VersionOverrides');
    expect(base).not.toMatch(/SharedRuntime|CustomFunctionsRuntime/);
    expect(overrides).toMatch(/<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(overrides).toMatch(/<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.1"\/>/);
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
