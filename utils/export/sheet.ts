import Papa from 'papaparse';
import type { Workbook } from 'exceljs';

/** Excel opens a CSV as UTF-8 only when it starts with a byte-order mark; without it Chinese turns to mojibake. */
const BOM = '\uFEFF';

export type Cell = string | number | undefined;

/** One sheet of a table export: header names, widths in characters, rows of cells. */
export interface Sheet {
  name: string;
  headers: string[];
  widths?: number[];
  rows: Cell[][];
}

/**
 * Text from a page can begin with = + - @ (or a tab/CR): a spreadsheet would run it as a formula. Such a cell is
 * written with a leading apostrophe, which Excel and LibreOffice show as text and never evaluate. Numbers pass.
 */
export function inertCell(v: Cell): string | number {
  if (v === undefined) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** A sheet as CSV text (BOM first, CRLF lines, fields quoted where needed, formula prefixes made inert). */
export function sheetToCsv(sheet: Pick<Sheet, 'headers' | 'rows'>): string {
  return BOM + Papa.unparse({ fields: sheet.headers, data: sheet.rows.map((r) => r.map(inertCell)) }, { newline: '\r\n' });
}

// exceljs is large: loaded only when the reviewer asks for a workbook. (Never the `xlsx` package: it is
// frozen in the npm registry with known advisories.)
export async function newWorkbook(): Promise<Workbook> {
  const mod = (await import('exceljs')) as unknown as { default?: { Workbook: new () => Workbook }; Workbook?: new () => Workbook };
  const Ctor = mod.Workbook ?? mod.default!.Workbook;
  return new Ctor();
}

/** Sheets as an .xlsx workbook: bold frozen header row, an autofilter, cells never formulas. */
export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.creator = 'NormLint 规范性文件审查助手';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.headers.map((header, i) => ({ header, width: s.widths?.[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    // exceljs writes a string cell as a string (never a formula); the apostrophe keeps it inert in a CSV re-save too.
    for (const r of s.rows) ws.addRow(r.map(inertCell));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, s.headers.length) } };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
