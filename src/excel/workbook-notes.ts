// A copy of the user's annotations (notes, handled flags, follow-ups: a JSON string the store
// hands over) kept inside the workbook as a custom XML part (ExcelApi 1.5), so that they travel
// with the file; read back when the store has none.
//   <subledgerNotes xmlns="urn:subledger:notes:1">{"items":…}</subledgerNotes>
import { jsonBytes, PAYLOAD_BUDGET } from './payload';

export const NOTES_NAMESPACE = 'urn:subledger:notes:1';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function notesXml(json: string): string {
  return `<subledgerNotes xmlns="${NOTES_NAMESPACE}">${escapeXml(json)}</subledgerNotes>`;
}

export function notesFromXml(xml: string): string | null {
  const m = /<subledgerNotes[^>]*>([\s\S]*)<\/subledgerNotes>\s*$/.exec(xml);
  return m ? unescapeXml(m[1] ?? '') : null;
}

/** Writes (or replaces) the notes part. Throws when the notes exceed one request. */
export async function saveWorkbookNotes(json: string): Promise<void> {
  const xml = notesXml(json);
  if (jsonBytes(xml) > PAYLOAD_BUDGET) {
    throw new Error(`The notes (${Math.round(xml.length / 1024)} kB) are too large to keep in the workbook (one request holds at most 5 MB).`);
  }
  await Excel.run(async (context) => {
    const part = context.workbook.customXmlParts.getByNamespace(NOTES_NAMESPACE).getOnlyItemOrNullObject();
    await context.sync();
    if (part.isNullObject) context.workbook.customXmlParts.add(xml);
    else part.setXml(xml);
    await context.sync();
  });
}

/** The notes JSON kept in the workbook, or null when there is none. */
export async function loadWorkbookNotes(): Promise<string | null> {
  return Excel.run(async (context) => {
    const part = context.workbook.customXmlParts.getByNamespace(NOTES_NAMESPACE).getOnlyItemOrNullObject();
    await context.sync();
    if (part.isNullObject) return null;
    const xml = part.getXml();
    await context.sync();
    return notesFromXml(xml.value);
  });
}
