// Loaded by the `--env fakeExcel` test build in place of office.js: installs the fake Excel API
// (test/fake-excel/) as the page's `Excel` and `Office`, and keeps it on `window.fakeExcel` so a
// test can look into the workbook the pane wrote.
import { createFakeExcel } from '../fake-excel/index';

const fake = createFakeExcel({ displayLanguage: navigator.language });
fake.install(window as unknown as Record<string, unknown>);
(window as unknown as { fakeExcel: typeof fake }).fakeExcel = fake;
