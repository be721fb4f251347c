// Why a setting cannot be used, as data (a code and its values) and in words, in English, Dutch and
// French: the pane shows it beside the field and in a refused or damaged settings record, the
// command line prints the English. A closing rate's problem names its row; the currency and rate
// problems are worded as a rates file's (core/issue-texts), so a typed rate is refused as a file's is.
//   settingProblemText({ code: 'rate-date', index: 1, values: { value: 'x' }, text: '' }, 'nl')
//   → "koers 2: x is geen datum"
import { bucketsProblem } from '../core/aging';
import { CORE_ISSUE_TEXTS } from '../core/issue-texts';
import type { QuoteProblem } from '../core/rates';
import { fill, type Lang, type Words } from '../core/words';

/** The problem; `text` is its English wording (settingProblemText in 'en'). */
export type SettingProblem =
  | { code: 'basis' | 'language' | 'locale' | 'due-soon' | 'currency'; values: { value: string }; text: string }
  | { code: 'buckets'; values: { limits: readonly number[] }; text: string }
  | { code: QuoteProblem | 'rate-date' | 'duplicate-rate' | 'quote-base'; index: number; values: { value: string }; text: string };

type OwnCode = Exclude<SettingProblem['code'], QuoteProblem>;

/** The base currency and the rates' quote currency are refused in the same words. */
const NOT_A_CODE: Words = {
  en: '"{value}" is not a three-letter ISO 4217 code',
  nl: '"{value}" is geen code van drie letters (ISO 4217)',
  fr: '« {value} » n’est pas un code ISO 4217 à trois lettres',
};

export const SETTING_TEXTS: Readonly<Record<OwnCode | 'row', Words>> = {
  basis: {
    en: '"{value}" is not due, doc or entry',
    nl: '"{value}" is geen due, doc of entry',
    fr: '« {value} » n’est ni due, ni doc, ni entry',
  },
  language: {
    en: '"{value}" is not en, nl or fr',
    nl: '"{value}" is geen en, nl of fr',
    fr: '« {value} » n’est ni en, ni nl, ni fr',
  },
  locale: {
    en: '"{value}" is not a region of the pane\'s language (a tag such as nl-BE)',
    nl: '"{value}" is geen regio van de taal van het venster (een code zoals nl-BE)',
    fr: '« {value} » n’est pas une région de la langue du volet (un code comme fr-BE)',
  },
  buckets: {
    en: '{reason} (e.g. 30, 60, 90, 120)',
    nl: '{reason} (bijv. 30, 60, 90, 120)',
    fr: '{reason} (p. ex. 30, 60, 90, 120)',
  },
  'due-soon': {
    en: '"{value}" is not a list of ascending whole numbers of days, 0 or more (e.g. 3, 5)',
    nl: '"{value}" is geen oplopende lijst van hele aantallen dagen, 0 of meer (bijv. 3, 5)',
    fr: '« {value} » n’est pas une liste croissante de nombres entiers de jours, 0 ou plus (p. ex. 3, 5)',
  },
  currency: NOT_A_CODE,
  'quote-base': NOT_A_CODE,
  'rate-date': { en: '{value} is not a date', nl: '{value} is geen datum', fr: '{value} n’est pas une date' },
  'duplicate-rate': {
    en: '{value} has a second rate for the same date',
    nl: '{value} heeft een tweede koers voor dezelfde datum',
    fr: '{value} a un second cours pour la même date',
  },
  row: { en: 'rate {row}: {reason}', nl: 'koers {row}: {reason}', fr: 'cours {row} : {reason}' },
};

function isQuoteProblem(code: SettingProblem['code']): code is QuoteProblem {
  return !Object.hasOwn(SETTING_TEXTS, code);
}

/** The problem in words, in `lang`, without the closing rate's row (for the field it is typed in). */
export function settingReason(problem: SettingProblem, lang: Lang): string {
  if (problem.code === 'buckets')
    return fill(SETTING_TEXTS.buckets[lang], { reason: bucketsProblem(problem.values.limits, lang) ?? '' });
  return fill((isQuoteProblem(problem.code) ? CORE_ISSUE_TEXTS[problem.code] : SETTING_TEXTS[problem.code])[lang], problem.values);
}

/** The problem in words, in `lang`: `rate 2: x is not a date`. */
export function settingProblemText(problem: SettingProblem, lang: Lang): string {
  const reason = settingReason(problem, lang);
  return 'index' in problem && problem.index >= 0 ? fill(SETTING_TEXTS.row[lang], { row: problem.index + 1, reason }) : reason;
}

type Unworded<T = SettingProblem> = T extends unknown ? Omit<T, 'text'> : never;

/** The problem with its English wording filled in. */
export function settingProblem(problem: Unworded): SettingProblem {
  const full: SettingProblem = { ...problem, text: '' };
  full.text = settingProblemText(full, 'en');
  return full;
}
