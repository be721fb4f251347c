// @vitest-environment jsdom
// The whole pane rendered in jsdom over fake-indexeddb: Load demo data shows the engine's key
// figures, a click on "Overdue" opens Open items filtered to the overdue receivables, and the
// pane starts in the browser's language.
import 'fake-indexeddb/auto';
import { webLightTheme } from '@fluentui/react-components';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { today } from '../../../src/core/date';
import { keyFigures } from '../../../src/core/key-figures';
import { openItemsAsOf } from '../../../src/core/open-items';
import { demoLedger } from '../../../src/import/demo';
import { SubledgerDb } from '../../../src/store/db';
import { DEMO_SEED } from '../../../src/taskpane/actions/import';
import { App } from '../../../src/taskpane/App';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let db: SubledgerDb;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  db = new SubledgerDb(`pane-${Math.random()}`);
});
afterEach(async () => {
  act(() => root.unmount());
  container.remove();
  await db.delete();
});

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function until<T>(probe: () => T | null | undefined, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the pane');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

function render(lang: 'en' | 'nl' = 'en') {
  act(() => root.render(<App host={null} theme={webLightTheme} db={db} userLanguage={lang === 'nl' ? 'nl-BE' : 'en-GB'} initialLang={lang} />));
}

describe('task pane in jsdom', () => {
  it('loads the demo data and shows the key figures of the engine; Overdue opens the overdue items', async () => {
    render();
    const load = await until(() => byTestId('load-demo'));
    expect(load.textContent).toBe('Load demo data');
    act(() => load.click());
    const overdue = await until(() => byTestId('kf-AR-overdue'));
    const ledger = demoLedger({ seed: DEMO_SEED });
    const figures = keyFigures(ledger, today(), [3, 5]);
    expect(overdue.dataset.minor).toBe(String(figures.AR.overdue));
    expect(byTestId('kf-AP-within-3')?.dataset.minor).toBe(String(figures.AP.dueWithin[3]));
    act(() => overdue.click());
    const count = await until(() => byTestId('item-count'));
    const expected = openItemsAsOf(ledger, today()).filter((i) => i.ledger === 'AR' && i.dueDate < today());
    await until(() => count.dataset.count === String(expected.length));
    expect(Number(count.dataset.total)).toBe(figures.AR.overdue);
  });

  it('speaks Dutch when the browser does', async () => {
    render('nl');
    const load = await until(() => byTestId('load-demo'));
    expect(load.textContent).toBe('Demogegevens laden');
    expect(byTestId('tab-openItems')?.textContent).toContain('Openstaande posten');
  });
});
