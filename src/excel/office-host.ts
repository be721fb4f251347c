// Where the add-in runs: inside Excel (office.js loaded and initialised), or in a plain browser
// tab (office.js loaded but no host, or not loaded at all). The task pane asks here instead of
// touching `Office` itself.

export interface HostInfo {
  host: string | null;
}

function officeLoaded(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/** How long office.js may take to say where it runs before the pane carries on as a web page. */
export const OFFICE_READY_TIMEOUT_MS = 15_000;

/**
 * Resolves once office.js is ready; `host` is null outside Office or without office.js, and also
 * when office.js never gets ready (offline, or its follow-up scripts blocked): a blank pane
 * helps nobody, a pane that works as a web page does.
 */
export async function officeReady(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostInfo> {
  if (!officeLoaded()) return { host: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    return { host: info?.host ? String(info.host) : null };
  } finally {
    clearTimeout(timer);
  }
}

/** True inside Excel (after `officeReady`). */
export function isExcel(): boolean {
  if (!officeLoaded()) return false;
  const context = Office.context as Office.Context | undefined;
  return context?.host === Office.HostType.Excel;
}

/** Office's UI language (e.g. `nl-NL`), or null outside Office. */
export function displayLanguage(): string | null {
  if (!officeLoaded()) return null;
  const context = Office.context as Office.Context | undefined;
  return context?.displayLanguage ?? null;
}

export interface OfficeThemeColors {
  background: string;
  foreground: string;
  /** A dark Office theme: the task pane follows it. */
  dark: boolean;
}

/** Office's theme colours, or null outside Office (or where the host has none). */
export function officeTheme(): OfficeThemeColors | null {
  if (!officeLoaded()) return null;
  const context = Office.context as Office.Context | undefined;
  const theme = context?.officeTheme;
  if (!theme?.bodyBackgroundColor) return null;
  return { background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor, dark: luminance(theme.bodyBackgroundColor) < 0.4 };
}

/** Relative luminance (0–1) of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? 'ff', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
