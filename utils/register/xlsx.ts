import type { CellValue, Worksheet } from 'exceljs';
import { newWorkbook } from '../export/sheet';
import { RegisterError, type RawTable } from './index';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a reviewer sees: dates as YYYY-MM-DD, formulas by their cached result, rich text joined. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

function sheetTable(ws: Worksheet): RawTable {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  // A title line above the header (“2023年规范性文件备案登记表”) fills one cell: the header is the first row with two.
  const at = rows.findIndex((r) => r.filter(Boolean).length >= 2);
  if (at < 0) return { headers: [], rows: [] };
  return { headers: rows[at].map((h) => h.trim()), rows: rows.slice(at + 1) };
}

/** Reads the first worksheet that holds a table from an .xlsx file. */
export async function xlsxTable(bytes: ArrayBuffer | Uint8Array): Promise<RawTable> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes);
  } catch {
    throw new RegisterError('无法读取这个 Excel 文件（只支持 .xlsx；旧版 .xls 请在 Excel 中另存为 .xlsx 或 CSV）');
  }
  for (const ws of wb.worksheets) {
    const t = sheetTable(ws);
    if (t.headers.length) return t;
  }
  throw new RegisterError('Excel 文件中没有找到表格（每个工作表都是空的）');
}
