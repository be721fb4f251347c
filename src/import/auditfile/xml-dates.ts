// Dates in auditfiles: `xs:date` values (a time part, as some packages write, is dropped) and the
// date of opening items, the day before the file's period (or before its first entry).
import { formatIsoDate, parseIsoDate } from '../../core/date';
import type { ImportIssue } from '../../core/types';
import { importError } from '../issues';
import { child, placeOf, type XmlNode } from './xml-stream';

/** `YYYY-MM-DD` of an xs:date or xs:dateTime text, or null. */
export function isoDay(value: string): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ]|[+-]\d{2}:\d{2}|Z)/.exec(value);
  return m && m[1] && parseIsoDate(m[1]) !== null ? m[1] : null;
}

export function dayBefore(iso: string): string {
  const day = parseIsoDate(iso);
  return day === null ? iso : formatIsoDate(day - 1);
}

/** The day before the period start, else the day before the earliest date given. */
export function openingDate(periodStart: string | undefined, dates: Iterable<string>): string {
  if (periodStart !== undefined) return dayBefore(periodStart);
  let first: string | undefined;
  for (const d of dates) if (d !== '' && (first === undefined || d < first)) first = d;
  return first === undefined ? '1970-01-01' : dayBefore(first);
}

/**
 * The day of a child date element (`dateIn(tx, 'TransactionDate', …)`): undefined when absent or
 * empty; an error naming the element and its value when it is there but not a date.
 */
export function dateIn(file: string, node: XmlNode, name: string, issues: ImportIssue[]): string | undefined {
  const element = child(node, name);
  const value = element?.text.trim();
  if (element === undefined || value === undefined || value === '') return undefined;
  const day = isoDay(value);
  if (day === null) issues.push(importError('bad-date', placeOf(file, element, name), { value }));
  return day ?? undefined;
}
