import { describe, expect, it } from 'vitest';
import { importError } from '../../../src/import/issues';
import { knownIssueCodes, localizeIssue } from '../../../src/import/messages';
import { importText } from './helpers';

describe('import messages in the user language', () => {
  it('say where and what in English, Dutch and French', () => {
    const issue = importError('bad-date', { file: 'a.csv', line: 4, field: 'Vervaldatum' }, { value: '31-02-2024' });
    expect(issue.message).toBe('31-02-2024 is not a valid date');
    expect(localizeIssue(issue, 'en')).toBe('a.csv, line 4, field Vervaldatum: 31-02-2024 is not a valid date');
    expect(localizeIssue(issue, 'nl')).toBe('a.csv, regel 4, veld Vervaldatum: 31-02-2024 is geen geldige datum');
    expect(localizeIssue(issue, 'fr')).toBe("a.csv, ligne 4, champ Vervaldatum: 31-02-2024 n'est pas une date valide");
  });

  it('give an element path for XML', () => {
    const issue = importError('missing-element', { file: 'saft.xml', path: '/AuditFile/MasterFiles/Customers/Customer[2]', field: 'CustomerID' }, { element: 'CustomerID' });
    expect(localizeIssue(issue, 'nl')).toBe('saft.xml, /AuditFile/MasterFiles/Customers/Customer[2], veld CustomerID: verplicht element CustomerID ontbreekt');
  });

  it('have every code in all three languages, with the same placeholders', () => {
    for (const code of knownIssueCodes()) {
      const texts = (['en', 'nl', 'fr'] as const).map((lang) => localizeIssue({ severity: 'error', code, file: 'f', message: '' }, lang));
      const placeholders = texts.map((t) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join());
      expect(new Set(placeholders).size, code).toBe(1);
    }
  });

  it('keep the engine’s own sentence for codes the importer does not translate', async () => {
    const result = await importText('l.csv', 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,10\nAR,C1,invoice,F1,2024-01-06,10\n');
    const duplicate = result.issues.find((i) => i.code === 'duplicate-doc');
    expect(duplicate).toBeDefined();
    expect(localizeIssue(duplicate!, 'nl')).toContain(`l.csv, regel 3, veld doc_no: ${duplicate!.message}`);
  });
});
