import { inertCell } from './sheet';
import { DEFECT_CODES } from '../engine/codes';
import { CONCLUSION_LABELS, type ReviewSummary } from '../storage/types';
import { showInvisible } from '../text/untrusted';

/** The review list as a table: the same columns in CSV and XLSX, Chinese headers. */
export interface Column {
  header: string;
  /** XLSX column width, characters. */
  width: number;
  value: (r: ReviewSummary) => string | number;
}

const SOURCE_LABELS: Record<string, string> = {
  selection: '选中文字',
  editor: '编辑器',
  portal: '门户网页',
  file: '文件',
  text: '粘贴文本',
};

/** Local time, minutes: 2024-03-01 10:05. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export const COLUMNS: readonly Column[] = [
  { header: '记录编号', width: 9, value: (r) => r.id ?? '' },
  { header: '审查时间', width: 17, value: (r) => formatTime(r.createdAt) },
  { header: '文件标题', width: 40, value: (r) => r.title },
  { header: '文号', width: 22, value: (r) => r.docNumber ?? '' },
  { header: '制定机关', width: 22, value: (r) => r.issuer ?? '' },
  { header: '成文日期', width: 11, value: (r) => r.writtenDate ?? '' },
  { header: '发布日期', width: 11, value: (r) => r.publishedDate ?? '' },
  { header: '审查结论', width: 11, value: (r) => CONCLUSION_LABELS[r.conclusion] ?? r.conclusion },
  { header: '审查人', width: 9, value: (r) => r.reviewer },
  { header: '错误', width: 6, value: (r) => r.counts.error },
  { header: '警告', width: 6, value: (r) => r.counts.warning },
  { header: '提示', width: 6, value: (r) => r.counts.info },
  { header: '问题类型', width: 40, value: (r) => r.codes.map((c) => DEFECT_CODES[c] ?? c).join('；') },
  { header: '已确认', width: 7, value: (r) => r.decisions.confirmed },
  { header: '不予采纳', width: 8, value: (r) => r.decisions.dismissed },
  { header: '已修改', width: 7, value: (r) => r.decisions.fixed },
  { header: '未处理', width: 7, value: (r) => r.decisions.undecided },
  { header: '上次审查记录', width: 11, value: (r) => r.previousId ?? '' },
  { header: '较上次已修正', width: 11, value: (r) => r.diff?.fixed ?? '' },
  { header: '较上次新增', width: 10, value: (r) => r.diff?.new ?? '' },
  { header: '较上次仍存在', width: 11, value: (r) => r.diff?.remains ?? '' },
  { header: '来源', width: 9, value: (r) => SOURCE_LABELS[r.source] ?? r.source },
  { header: '网址', width: 40, value: (r) => r.url ?? '' },
  { header: '地区配置', width: 9, value: (r) => r.profileId },
  { header: '引擎版本', width: 9, value: (r) => r.engineVersion },
  { header: '文本指纹', width: 18, value: (r) => r.fingerprint },
];

/**
 * The table's cells; text from pages shows its invisible characters (a bidi override would reverse a cell), and a
 * cell that begins with = + - @ (a page title can) is written so no spreadsheet runs it as a formula.
 */
export const tableRows = (rows: readonly ReviewSummary[]) =>
  rows.map((r) => COLUMNS.map((c) => {
    const v = c.value(r);
    return inertCell(typeof v === 'string' ? showInvisible(v) : v);
  }));

/** A file name with today's date: 审查记录-20240301.csv */
export function datedName(stem: string, ext: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}.${ext}`;
}
