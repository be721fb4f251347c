// What a user reads about real failures, in English, Dutch and French: the engine's issues
// (core/issue-texts) and the importers' (import/messages) come from one sentence each, so the
// English `message` an issue carries is word for word the English the pane and the CLI show.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/issues';
import type { ImportIssue } from '../../../src/core/types';
import { localizeIssue } from '../../../src/import/messages';
import { importText } from './helpers';

const BROKEN = [
  'ledger,party_id,entry_type,doc_no,entry_date,amount,settles',
  'AR,C1,invoice,F1,2024-01-05,10.005,',
  'AR,C1,invoice,F1,2024-01-06,10,',
  'AR,C1,invoice,F2,2024-02-30,10,',
  'AR,C1,payment,P1,2024-01-20,-5,F404',
  'AR,C1,invoice,F3,2024-01-07,1.234.5,',
].join('\n');

function byCode(issues: ImportIssue[], code: string): ImportIssue {
  const issue = issues.find((i) => i.code === code);
  if (issue === undefined) throw new Error(`no ${code} among ${issues.map((i) => i.code).join(', ')}`);
  return issue;
}

describe('the texts of real import failures', () => {
  it('are the same English whether read from the issue or rendered in the user language', async () => {
    const { issues } = await importText('l.csv', BROKEN);
    expect(issues.map((i) => i.code).sort()).toEqual(['bad-amount', 'bad-date', 'duplicate-doc', 'rounded-amount', 'unknown-settles']);
    for (const issue of issues) expect(localizeIssue(issue, 'en'), issue.code).toBe(formatIssue(issue));
  });

  it('say the same in English, Dutch and French', async () => {
    const { issues } = await importText('l.csv', BROKEN);
    const texts = (code: string) => (['en', 'nl', 'fr'] as const).map((lang) => localizeIssue(byCode(issues, code), lang));
    expect(texts('duplicate-doc')).toEqual([
      'l.csv, line 3, field doc_no: invoice or credit note number F1 is already used for party C1 (line 2)',
      'l.csv, regel 3, veld doc_no: factuur- of creditnotanummer F1 is al gebruikt bij relatie C1 (regel 2)',
      'l.csv, ligne 3, champ doc_no: le numéro de facture ou de note de crédit F1 est déjà utilisé pour le tiers C1 (ligne 2)',
    ]);
    expect(texts('bad-date')).toEqual([
      'l.csv, line 4, field entry_date: 2024-02-30 is not a valid date (expected YYYY-MM-DD)',
      'l.csv, regel 4, veld entry_date: 2024-02-30 is geen geldige datum (verwacht: YYYY-MM-DD)',
      "l.csv, ligne 4, champ entry_date: 2024-02-30 n'est pas une date valide (attendu : YYYY-MM-DD)",
    ]);
    expect(texts('bad-amount')).toEqual([
      'l.csv, line 6, field amount: 1.234.5 is not an amount (expected a form like -1234.56)',
      'l.csv, regel 6, veld amount: 1.234.5 is geen bedrag (verwacht in een vorm als -1234.56)',
      "l.csv, ligne 6, champ amount: 1.234.5 n'est pas un montant (attendu sous une forme comme -1234.56)",
    ]);
    expect(texts('rounded-amount')).toEqual([
      'l.csv, line 2, field amount: 1 amount(s) had more decimals than the currency allows and were rounded half away from zero; the first: 10.005 has more than 2 decimals and was rounded',
      'l.csv, regel 2, veld amount: 1 bedrag(en) hadden meer decimalen dan de valuta toelaat en zijn afgerond (half van nul af); het eerste: 10.005 heeft meer dan 2 decimalen en is afgerond',
      'l.csv, ligne 2, champ amount: 1 montant(s) avaient plus de décimales que la devise ne le permet et ont été arrondis (demi loin de zéro) ; le premier : 10.005 a plus de 2 décimales et a été arrondi',
    ]);
    expect(texts('unknown-settles')[1]).toBe(
      'l.csv, regel 5, veld settles: settles F404 verwijst niet naar een factuur of niet-afgeletterde creditnota van relatie C1; de boeking blijft niet afgeletterd',
    );
  });

  it('come from an importer’s own sentence for the importers’ codes, the same way', async () => {
    const { issues } = await importText('l.csv', 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,"F1,2024-01-05,10\n');
    expect(issues).toHaveLength(1);
    const [issue] = issues as [ImportIssue];
    expect(localizeIssue(issue, 'en')).toBe(formatIssue(issue));
    expect(localizeIssue(issue, 'nl')).not.toBe(localizeIssue(issue, 'en'));
  });
});
