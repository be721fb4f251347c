// The paying company's account as the Payments tab and Settings ask for it, checked field by
// field with the rules of the SEPA file itself (export/iban.ts, export/sepa-text.ts): a debtor
// that passes here is one export/pain001's checkDebtor accepts.
import type { Lang } from '../../core/words';
import { accountReason, checkBic, checkIban } from '../../export/iban';
import { NAME_MAX, sepaTextMax } from '../../export/sepa-text';

export interface DebtorFields {
  name: string;
  iban: string;
  bic: string;
}

/** Per field, why it cannot go into a payment file (absent when the field is fine). */
export type DebtorProblems = Partial<Record<keyof DebtorFields, string>>;

export type NameProblem = 'name-missing';

/**
 * The problems of each field. `required`: the IBAN and name must be given (the Payments tab);
 * otherwise an empty IBAN is simply not set yet (Settings) and only a wrong one is a problem.
 * The name's problem is a code (`name-missing`) for the pane to word; the account's are the
 * file's own reasons, in `lang`.
 */
export function debtorProblems(d: DebtorFields, required: boolean, lang: Lang = 'en'): DebtorProblems {
  const problems: DebtorProblems = {};
  if ((required || d.name.trim() !== '') && sepaTextMax(d.name, NAME_MAX) === '') problems.name = 'name-missing' satisfies NameProblem;
  if (required || d.iban.trim() !== '') {
    const iban = checkIban(d.iban);
    if (!iban.ok) problems.iban = accountReason(iban, lang);
  }
  if (d.bic.trim() !== '') {
    const bic = checkBic(d.bic);
    if (!bic.ok) problems.bic = accountReason(bic, lang);
  }
  return problems;
}

/** The fields as they are stored: IBAN and BIC in electronic form (no spaces, upper case). */
export function normalisedDebtor(d: DebtorFields): DebtorFields {
  const iban = checkIban(d.iban);
  const bic = d.bic.trim() === '' ? null : checkBic(d.bic);
  return { name: d.name.trim(), iban: iban.ok ? iban.value : d.iban.trim(), bic: bic?.ok ? bic.value : d.bic.trim() };
}

export function hasProblems(problems: DebtorProblems): boolean {
  return Object.keys(problems).length > 0;
}
