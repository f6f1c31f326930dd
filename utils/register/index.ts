import Papa from 'papaparse';
import { normalizeDocNumber } from '../text/docnumber';
import { parseDate } from '../text/dates';

/** One line of a filing register (备案登记簿). */
export interface RegisterEntry {
  docNumber: string;
  regNumber?: string;
  issuer?: string;
  /** YYYY-MM-DD */
  publishedDate?: string;
  filedDate?: string;
  filingBody?: string;
}

// Column labels vary between registers; each field accepts the names filing offices use.
const COLUMNS: Record<keyof RegisterEntry, string[]> = {
  docNumber: ['文号', '发文字号', '发文文号', 'docNumber'],
  regNumber: ['登记号', '统一编号', '规范性文件编号', '登记编号', 'regNumber'],
  issuer: ['制定机关', '发文机关', '发布机构', '制定单位', 'issuer'],
  publishedDate: ['公布日期', '发布日期', '印发日期', '公开日期', 'publishedDate'],
  filedDate: ['报送备案日期', '报备日期', '备案日期', '报送日期', 'filedDate'],
  filingBody: ['备案机关', '备案审查机关', 'filingBody'],
};

export class RegisterError extends Error {}

/** Parses a register CSV. Throws RegisterError with a Chinese message when it cannot be read as a register. */
export function parseRegister(csv: string): RegisterEntry[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const headers = (parsed.meta.fields ?? []).map((h) => h.trim());
  const column = (field: keyof RegisterEntry) => headers.find((h) => COLUMNS[field].includes(h));
  const docCol = column('docNumber');
  if (!docCol) throw new RegisterError(`备案登记簿缺少“文号”列（表头为：${headers.join('、') || '空'}）`);
  const entries: RegisterEntry[] = [];
  parsed.data.forEach((row, i) => {
    const get = (field: keyof RegisterEntry) => {
      const c = column(field);
      const v = c ? (row[c] ?? '').trim() : '';
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
    entries.push({
      docNumber: normalizeDocNumber(docNumber),
      regNumber: get('regNumber'),
      issuer: get('issuer'),
      publishedDate: date('publishedDate'),
      filedDate: date('filedDate'),
      filingBody: get('filingBody'),
    });
  });
  return entries;
}

export function findInRegister(register: readonly RegisterEntry[], docNumber: string): RegisterEntry | undefined {
  const want = normalizeDocNumber(docNumber);
  return register.find((e) => e.docNumber === want);
}
