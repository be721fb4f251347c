// XLSX workbooks into a `Table`: the first worksheet's cells as text or numbers, date-formatted
// numbers as `YYYY-MM-DD`. (Not yet written.)
import { ImportAbort, importError } from './issues';
import type { Table } from './table';

export function readXlsxTable(file: string, _bytes: Uint8Array): Promise<Table> {
  return Promise.reject(new ImportAbort(importError('xlsx-unreadable', { file }, { reason: 'not supported yet' })));
}
