// The Office host probes (inside Excel, in a plain browser, without office.js) and the copy of
// the user's notes kept in a custom XML part of the workbook.
import { afterEach, describe, expect, it } from 'vitest';
import { displayLanguage, isExcel, officeReady, officeTheme } from '../../../src/excel/office-host';
import { loadWorkbookNotes, notesFromXml, notesXml, saveWorkbookNotes } from '../../../src/excel/workbook-notes';
import { createFakeExcel, type FakeExcel } from '../../fake-excel';

let fake: FakeExcel | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

describe('office host', () => {
  it('says host null when office.js is not loaded at all', async () => {
    expect(await officeReady()).toEqual({ host: null });
    expect(isExcel()).toBe(false);
    expect(displayLanguage()).toBeNull();
    expect(officeTheme()).toBeNull();
  });

  it('knows Excel, its language and theme inside Excel', async () => {
    fake = createFakeExcel({ displayLanguage: 'nl-NL' }).install();
    expect(await officeReady()).toEqual({ host: 'Excel' });
    expect(isExcel()).toBe(true);
    expect(displayLanguage()).toBe('nl-NL');
    expect(officeTheme()).toEqual({ background: '#ffffff', foreground: '#000000', dark: false });
  });

  it('says host null when office.js runs outside Office', async () => {
    const g = globalThis as Record<string, unknown>;
    g.Office = { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Excel: 'Excel' } };
    try {
      expect(await officeReady()).toEqual({ host: null });
      expect(isExcel()).toBe(false);
    } finally {
      delete g.Office;
    }
  });
});

describe('office host that never gets ready', () => {
  it('carries on as a web page after the timeout instead of leaving the pane blank', async () => {
    const g = globalThis as Record<string, unknown>;
    g.Office = { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } };
    try {
      expect(await officeReady(20)).toEqual({ host: null });
    } finally {
      delete g.Office;
    }
  });
});

describe('workbook notes', () => {
  const json = JSON.stringify({ items: { 'AR·C001·F-1001': { note: 'a < b & c > d ]]> "quoted"', handled: true } } });

  it('escapes the JSON into XML and back', () => {
    expect(notesXml(json)).not.toContain('a < b');
    expect(notesFromXml(notesXml(json))).toBe(json);
  });

  it('keeps the notes in a custom XML part, replacing the earlier copy', async () => {
    fake = createFakeExcel().install();
    expect(await loadWorkbookNotes()).toBeNull();
    await saveWorkbookNotes('{"items":{}}');
    await saveWorkbookNotes(json);
    expect(await loadWorkbookNotes()).toBe(json);
    expect(fake.host.model.customXmlParts.filter((p) => !p.deleted)).toHaveLength(1);
  });

  it('refuses notes too large for one request, keeping the earlier copy', async () => {
    fake = createFakeExcel().install();
    await saveWorkbookNotes(json);
    await expect(saveWorkbookNotes(JSON.stringify({ big: 'x'.repeat(5 * 1024 * 1024) }))).rejects.toThrow(/too large/);
    expect(await loadWorkbookNotes()).toBe(json);
  });
});
