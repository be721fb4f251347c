// Shared steps of the Year-end pack's browser tests: reaching its page (the overview's Year-end pack
// button), and the as-of date it opens with.
import type { Page } from 'playwright-core';
import { dateParts, dayFromParts, type Day } from '../../src/core/date';

/** Opens the Year-end pack from the overview. */
export async function openYearEnd(page: Page): Promise<void> {
  await page.getByTestId('tab-overview').click();
  await page.getByTestId('open-year-end').click();
  await page.getByTestId('yearend').waitFor({ timeout: 30_000 });
}

/** 31 December of the year before `today`, as the date input holds it, as a day, and as an English sheet shows it. */
export function yearEndAsOf(todayDay: Day): { iso: string; day: Day; shown: string } {
  const year = dateParts(todayDay).year - 1;
  return { iso: `${year}-12-31`, day: dayFromParts(year, 12, 31) as Day, shown: `31 Dec ${year}` };
}
