// Excel's rules for worksheet and table names, which the tests check on every SheetSpec the
// sheet modules make (nothing checks them at run time; names are fixed words, see i18n.ts):
// a sheet name of at most 31 characters without []:*?/\ (and not starting or ending with '),
// a table name of letters, digits, `_` and `.` that does not read as a cell reference.

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !SHEET_FORBIDDEN.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const A1_REF = /^[A-Za-z]{1,3}[0-9]+$/;
const R1C1_REF = /^[Rr][0-9]*[Cc][0-9]*$/;

export function isValidTableName(name: string): boolean {
  return (
    TABLE_NAME.test(name) &&
    name.length <= 255 &&
    !A1_REF.test(name) &&
    !R1C1_REF.test(name) &&
    !['r', 'c'].includes(name.toLowerCase())
  );
}

/**
 * A table name from fixed words and free text such as a party code, unique among `taken` (which
 * it joins): what a name cannot hold becomes `_`, and a second `Card_AR_A_1` gets `_2`.
 *   uniqueTableName(['Card', 'AR', 'C-001'], taken) → "Card_AR_C_001"
 */
export function uniqueTableName(parts: readonly string[], taken: Set<string>): string {
  const base = parts.map((p) => p.replace(/[^A-Za-z0-9_.]/g, '_')).join('_').slice(0, 240);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}
