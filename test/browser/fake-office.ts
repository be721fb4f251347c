// Loaded by the `--env fakeExcel` test build in place of office.js: installs the fake Excel API
// (test/fake-excel/) as the page's `Excel` and `Office` and the fake `CustomFunctions`, and keeps
// them on `window.fakeExcel` / `window.fakeCustomFunctions` so a test can look into the workbook the
// pane wrote and call the =SUBLEDGER.… functions as cells would.
import { createFakeCustomFunctions } from '../fake-excel/custom-functions';
import { createFakeExcel } from '../fake-excel/index';

const page = window as unknown as Record<string, unknown>;
const fake = createFakeExcel({ displayLanguage: navigator.language });
fake.install(page);
page.fakeExcel = fake;
page.fakeCustomFunctions = createFakeCustomFunctions().install(page);
