// Excel's rules for sheet and table names, as the layout checks them.
import { describe, expect, it } from 'vitest';
import { isValidSheetName, isValidTableName } from '../../../src/sheets/names';

describe('sheet names', () => {
  it('accepts up to 31 characters without []:*?/\\', () => {
    expect(isValidSheetName('Comportement paiement')).toBe(true);
    expect(isValidSheetName('x'.repeat(31))).toBe(true);
    expect(isValidSheetName('x'.repeat(32))).toBe(false);
    for (const bad of ['a/b', 'a\\b', 'a?', 'a*', 'a:b', '[a]', '', "'quoted'", 'History']) {
      expect(isValidSheetName(bad), bad).toBe(false);
    }
  });
});

describe('table names', () => {
  it('accepts letters, digits, underscore and dot, not a cell reference', () => {
    for (const good of ['OpenItems_AR', 'Aging_AP', '_x', 'KeyFigures']) expect(isValidTableName(good), good).toBe(true);
    for (const bad of ['A1', 'XFD100', 'R1C1', 'r', 'C', '1Table', 'Open items', 'Open-items']) {
      expect(isValidTableName(bad), bad).toBe(false);
    }
  });
});
