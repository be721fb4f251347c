// @vitest-environment jsdom
// A tab that fails while rendering shows what went wrong and "Try again"; what is beside it (the
// header, the other tabs) keeps working.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { TabBoundary } from '../../../src/taskpane/views/TabBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Fragile() {
  if (broken) throw new Error('aging buckets are missing');
  return <p data-testid="fragile">fine now</p>;
}

function Beside() {
  const [n, setN] = useState(0);
  return (
    <button data-testid="beside" onClick={() => setN(n + 1)}>
      {n}
    </button>
  );
}

describe('TabBoundary', () => {
  it('shows the failure of one tab and keeps the rest of the pane usable', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() =>
      root.render(
        <FluentProvider theme={webLightTheme}>
          <Beside />
          <TabBoundary title="This tab could not be shown." retry="Try again">
            <Fragile />
          </TabBoundary>
        </FluentProvider>,
      ),
    );
    const failed = container.querySelector('[data-testid="tab-failed"]');
    expect(failed?.textContent).toContain('This tab could not be shown.');
    expect(failed?.textContent).toContain('aging buckets are missing');
    const beside = container.querySelector<HTMLButtonElement>('[data-testid="beside"]');
    act(() => beside?.click());
    expect(beside?.textContent).toBe('1');
    broken = false;
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="tab-retry"]')?.click());
    expect(container.querySelector('[data-testid="fragile"]')?.textContent).toBe('fine now');
    act(() => root.unmount());
    quiet.mockRestore();
  });
});
