// Microsoft's Office add-in manifest XSDs in ../shared predate the shared runtime: <Runtimes> is
// missing and a Host's <AllFormFactors> is typed as a plain form factor. This builds, in a temporary
// folder, a copy of that schema set extended with the [MS-OWEMXML] fragments that define them
// (see README.md here), so `xmllint` can check the manifest as Excel reads it today.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SHARED_SCHEMAS = path.resolve(import.meta.dirname, '../../../shared/formats/office-addin-manifest');

const HOST_BEFORE = /<xs:element name="AllFormFactors" type="FormFactor" minOccurs="0" maxOccurs="1" odoc:omit="true">/;
const HOST_AFTER =
  '<xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>\n' +
  '      <xs:element name="AllFormFactors" type="AllFormFactors" minOccurs="0" maxOccurs="1" odoc:omit="true">';

/** The extended schema set's folder (its root is OfficeAppManifestV1_1.xsd). */
export function extendedSchemas(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-xsd-'));
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(SHARED_SCHEMAS).filter((f) => f.endsWith('.xsd'))) {
    copyFileSync(path.join(SHARED_SCHEMAS, file), path.join(dir, file));
  }
  const taskPane = path.join(dir, 'TaskPaneAppVersionOverridesV1_0.xsd');
  const original = readFileSync(taskPane, 'utf8');
  if (!HOST_BEFORE.test(original)) throw new Error('TaskPaneAppVersionOverridesV1_0.xsd: the Host type is not as expected');
  const fragment = readFileSync(path.join(import.meta.dirname, 'runtimes.xsd-fragment'), 'utf8');
  const extended = original.replace(HOST_BEFORE, HOST_AFTER).replace('</xs:schema>', `${fragment}</xs:schema>`);
  writeFileSync(taskPane, extended);
  return dir;
}
