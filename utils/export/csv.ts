import Papa from 'papaparse';
import type { ReviewSummary } from '../storage/types';
import { COLUMNS, tableRows } from './table';

/** Excel opens a CSV as UTF-8 only when it starts with a byte-order mark; without it Chinese turns to mojibake. */
export const BOM = '\uFEFF';

/** The review list as CSV text (BOM first, CRLF lines, every field quoted where needed). */
export function reviewsToCsv(rows: readonly ReviewSummary[]): string {
  return BOM + Papa.unparse({ fields: COLUMNS.map((c) => c.header), data: tableRows(rows) }, { newline: '\r\n' });
}

export function csvBlob(rows: readonly ReviewSummary[]): Blob {
  return new Blob([reviewsToCsv(rows)], { type: 'text/csv;charset=utf-8' });
}
