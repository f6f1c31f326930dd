import Papa from 'papaparse';
import { normalizeDocNumber } from '../text/docnumber';
import { parseDate } from '../text/dates';

export { describeMatch, matchRegister, type RegisterMatch } from './match';

/** One line of a filing register (备案登记簿). */
export interface RegisterEntry {
  docNumber: string;
  /** 文件名称, when the register lists it (the year's catalogue needs it). */
  title?: string;
  regNumber?: string;
  issuer?: string;
  /** YYYY-MM-DD */
  publishedDate?: string;
  filedDate?: string;
  filingBody?: string;
}

export type RegisterField = keyof RegisterEntry;

/** The fields in the order a register lists them, with the Chinese label shown in the column-mapping step. */
export const REGISTER_FIELDS: readonly { field: RegisterField; label: string; required?: boolean }[] = [
  { field: 'docNumber', label: '文号', required: true },
  { field: 'title', label: '文件名称' },
  { field: 'regNumber', label: '登记号' },
  { field: 'issuer', label: '制定机关' },
  { field: 'publishedDate', label: '公布日期' },
  { field: 'filedDate', label: '报送备案日期' },
  { field: 'filingBody', label: '备案机关' },
];

// Column labels vary between registers; each field accepts the names filing offices use. Exact names first, then
// a header that merely contains one of the stems (“报送备案时间（年月日）”).
const COLUMNS: Record<RegisterField, { exact: string[]; stems: string[] }> = {
  docNumber: { exact: ['文号', '发文字号', '发文文号', '文件编号', '发文号', 'docNumber'], stems: ['文号', '字号'] },
  title: { exact: ['文件名称', '标题', '名称', '文件标题', '规范性文件名称', 'title'], stems: ['名称', '标题'] },
  regNumber: {
    exact: ['登记号', '统一编号', '规范性文件编号', '登记编号', '统一登记号', '备案号', '备案登记号', 'regNumber'],
    stems: ['登记号', '统一编号', '登记编号', '备案号'],
  },
  issuer: { exact: ['制定机关', '发文机关', '发布机构', '制定单位', '发文单位', '制发机关', 'issuer'], stems: ['制定机关', '发文机关', '发文单位', '制定单位'] },
  publishedDate: {
    exact: ['公布日期', '发布日期', '印发日期', '公开日期', '成文日期', '发文日期', 'publishedDate'],
    stems: ['公布', '发布', '印发', '发文日期', '成文'],
  },
  filedDate: {
    exact: ['报送备案日期', '报备日期', '备案日期', '报送日期', '报送备案时间', '报备时间', 'filedDate'],
    stems: ['报送', '报备', '备案日期', '备案时间'],
  },
  filingBody: { exact: ['备案机关', '备案审查机关', '接收备案机关', 'filingBody'], stems: ['备案机关', '审查机关'] },
};

/** Which header of the table each field is read from; a field without a column is absent. */
export type RegisterMapping = Partial<Record<RegisterField, string>>;

export class RegisterError extends Error {}

/** A table as read from a CSV or a worksheet: header names and rows of cell text. */
export interface RawTable {
  headers: string[];
  rows: string[][];
}

/** Guesses the column of each field from the headers: exact names win, then the first header holding a stem. */
export function guessMapping(headers: readonly string[]): RegisterMapping {
  const names = headers.map((h) => h.trim());
  const taken = new Set<string>();
  const mapping: RegisterMapping = {};
  for (const pass of ['exact', 'stems'] as const) {
    for (const { field } of REGISTER_FIELDS) {
      if (mapping[field]) continue;
      const wanted = COLUMNS[field][pass];
      const hit = names.find((h) => !taken.has(h) && (pass === 'exact' ? wanted.includes(h) : wanted.some((s) => h.includes(s))));
      if (hit) {
        mapping[field] = hit;
        taken.add(hit);
      }
    }
  }
  return mapping;
}

/**
 * Reads the rows of a table into register entries under a mapping. Rows without a 文号 are skipped (registers
 * carry blank and subtotal lines); a date that cannot be read is an error naming its row, so nothing is half loaded.
 */
export function entriesFromTable(table: RawTable, mapping: RegisterMapping): RegisterEntry[] {
  const docCol = mapping.docNumber;
  if (!docCol) throw new RegisterError(`备案登记簿缺少“文号”列（表头为：${table.headers.join('、') || '空'}）`);
  const index = new Map(table.headers.map((h, i) => [h.trim(), i]));
  const missing = Object.values(mapping).filter((h) => h && !index.has(h));
  if (missing.length) throw new RegisterError(`表头中没有“${missing.join('、')}”列`);
  const entries: RegisterEntry[] = [];
  table.rows.forEach((row, i) => {
    const get = (field: RegisterField) => {
      const col = mapping[field];
      const v = col === undefined ? '' : (row[index.get(col)!] ?? '').trim();
      return v || undefined;
    };
    const docNumber = get('docNumber');
    if (!docNumber) return;
    const date = (field: 'publishedDate' | 'filedDate') => {
      const raw = get(field);
      if (!raw) return undefined;
      const d = parseDate(raw);
      if (!d) throw new RegisterError(`备案登记簿第 ${i + 2} 行的日期“${raw}”无法识别`);
      return d.iso;
    };
    const entry: RegisterEntry = { docNumber: normalizeDocNumber(docNumber) };
    for (const f of ['title', 'regNumber', 'issuer', 'filingBody'] as const) {
      const v = get(f);
      if (v) entry[f] = v;
    }
    for (const f of ['publishedDate', 'filedDate'] as const) {
      const v = date(f);
      if (v) entry[f] = v;
    }
    entries.push(entry);
  });
  return entries;
}

/** Splits CSV text into a table (the first non-empty row is the header). */
export function csvTable(csv: string): RawTable {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [head = [], ...rows] = parsed.data;
  return { headers: head.map((h) => String(h).trim()), rows };
}

/** Parses a register CSV with guessed columns. Throws RegisterError with a Chinese message when it is not one. */
export function parseRegister(csv: string): RegisterEntry[] {
  const table = csvTable(csv);
  return entriesFromTable(table, guessMapping(table.headers));
}

export function findInRegister(register: readonly RegisterEntry[], docNumber: string): RegisterEntry | undefined {
  const want = normalizeDocNumber(docNumber);
  return register.find((e) => e.docNumber === want);
}
