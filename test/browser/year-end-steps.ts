// Shared steps of the Year-end tab's browser tests: reaching the tab (in the tab list, or in the
// "More" menu when the pane is too narrow for every tab), and the as-of date it opens with.
import type { Page } from 'playwright-core';
import { dateParts, dayFromParts, type Day } from '../../src/core/date';

/** Opens the Year-end tab. */
export async function openYearEnd(page: Page): Promise<void> {
  const tab = page.getByTestId('tab-yearEnd');
  if (await tab.isVisible()) await tab.click();
  else {
    await page.getByTestId('tab-more').click();
    await page.getByTestId('tab-more-yearEnd').click();
  }
  await page.getByTestId('yearend').waitFor({ timeout: 30_000 });
}

/** 31 December of the year before `today`, as the date input holds it, as a day, and as an English sheet shows it. */
export function yearEndAsOf(todayDay: Day): { iso: string; day: Day; shown: string } {
  const year = dateParts(todayDay).year - 1;
  return { iso: `${year}-12-31`, day: dayFromParts(year, 12, 31) as Day, shown: `31 Dec ${year}` };
}
