// Calendar dates without a time zone, held as a whole number of days since 1970-01-01.
// Day arithmetic is integer arithmetic; Excel serial numbers are `day + 25569` (the 1900 date
// system, valid from 1900-03-01 on).
//   parseIsoDate("2024-02-29") → 19782;  formatIsoDate(19782 + 1) → "2024-03-01"
import type { CharText } from './char-text';

/** Days since 1970-01-01 (day 0). */
export type Day = number;

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01 in Excel's 1900 date system
const MS_PER_DAY = 86_400_000;

/** The day of a calendar date, or null when year/month/day do not form a real date. */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  // A whole number of days: `| 0` keeps it a small integer for the engine (no boxed number per entry).
  return (Date.UTC(year, month - 1, day) / MS_PER_DAY) | 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; null when the text is not a real date in that form. */
export function parseIsoDate(text: string): Day | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The date written exactly `YYYY-MM-DD` at text[start, start + 10) as the number YYYYMMDD (digits
 * and dashes only: whether it is a real date is dayFromParts's question), or −1 when those ten
 * characters are not in that form. For readers that take dates from a line without cutting it.
 */
export function isoDateNumberAt(text: CharText, start: number): number {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(start + i);
    if (i === 4 || i === 7) {
      if (c !== 45 /* - */) return -1;
    } else if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else return -1;
  }
  return n;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(day: Day): DateParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(day: Day): string {
  const { year, month, day: dd } = dateParts(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

export function addDays(day: Day, days: number): Day {
  return day + days;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return to - from;
}

/** Excel serial number (1900 date system) of a day. */
export function toExcelSerial(day: Day): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** The day of an Excel serial number; a time fraction is dropped. Null before 1900-03-01. */
export function fromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

/** Today's calendar date in the local time zone of the machine (the user's "today"). */
export function today(now: Date = new Date()): Day {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY;
}

/** First and last day of the calendar year that holds `day`. */
export function calendarYear(day: Day): { from: Day; to: Day } {
  const { year } = dateParts(day);
  return { from: Date.UTC(year, 0, 1) / MS_PER_DAY, to: Date.UTC(year, 11, 31) / MS_PER_DAY };
}
