import Papa from 'papaparse';
import { inertCell } from '../export/sheet';
import { oneLine } from '../text/untrusted';
import { DEFECT_CODES } from '../engine/codes';
import type { Finding, Severity } from '../engine/types';
import type { ReviewResult } from '../engine';
import { whereLabel } from '../engine/group';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** 1-based line and column (in characters, not UTF-16 units) of each offset, from one scan of the text. */
export function lineColumns(text: string) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = [...text.slice(starts[lo], offset)].length + 1;
    return { line: lo + 1, column };
  };
}

export type ReportedFinding = Omit<Finding, 'places'> & {
  line: number;
  column: number;
  places?: (NonNullable<Finding['places']>[number] & { line: number; column: number })[];
};

export interface FileReport {
  path: string;
  findings?: ReportedFinding[];
  summary?: ReviewResult['summary'];
  notice?: string;
  /** The review stopped at its time limit; `findings` are those found before. */
  truncated?: boolean;
  error?: string;
}

// A grouped finding's excerpt shows its first few different excerpts, so each is visible to a reader of the JSON.
const EXCERPTS_SHOWN = 5;
const groupExcerpt = (f: Finding) => (f.places ? [...new Set(f.places.map((p) => p.excerpt))].slice(0, EXCERPTS_SHOWN).join('；') : f.excerpt);

export function fileReport(path: string, text: string, result: ReviewResult): FileReport {
  const pos = lineColumns(text);
  const findings = result.findings.map((f): ReportedFinding => {
    const { line, column } = pos(f.start);
    // The contract's keys first, in the documented order; extras after.
    return {
      code: f.code,
      rule: f.rule,
      severity: f.severity,
      start: f.start,
      end: f.end,
      excerpt: groupExcerpt(f),
      message: f.message,
      basis: f.basis,
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.documentLevel ? { documentLevel: true } : {}),
      where: f.where ?? '',
      ...(f.places ? { places: f.places.map((p) => ({ ...p, ...pos(p.start) })) } : {}),
      line,
      column,
    };
  });
  return { path, findings, summary: result.summary, ...(result.notice ? { notice: result.notice } : {}), ...(result.truncated ? { truncated: true } : {}) };
}

export function textLines(r: FileReport): string[] {
  const out: string[] = [];
  // A file name is the user's, but may hold anything: escaped, it cannot break a line or forge one.
  const path = oneLine(r.path);
  if (r.notice) out.push(`${path}  ${SEVERITY_LABEL.info}  ${r.notice}`);
  for (const f of r.findings ?? []) {
    out.push(`${path}:${f.line}:${f.column}  ${whereLabel(f)}  ${SEVERITY_LABEL[f.severity]}  ${f.code}  ${f.message}`);
  }
  return out;
}

export function countSeverities(reports: FileReport[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const f of r.findings ?? []) n[f.severity]++;
  return n;
}

export function summaryLine(reports: FileReport[]): string {
  const n = countSeverities(reports);
  const failed = reports.filter((r) => r.error).length;
  const total = n.error + n.warning + n.info;
  const head = `共审查 ${reports.length - failed} 个文件，发现 ${total} 处问题（错误 ${n.error}，警告 ${n.warning}，提示 ${n.info}）`;
  return failed ? `${head}；${failed} 个文件无法读取` : head;
}

const CSV_HEADER = ['文件', '标题', '文号', '制定机关', '成文日期', '发布日期', '严重程度', '代码', '问题类型', '行', '列', '位置', '摘录', '说明', '依据'];

/**
 * A filing officer's table of a batch audit: one row per finding with the document's title, 文号, issuer and dates;
 * a file without findings gets one row saying so, a file that could not be read one row with its error. UTF-8 with a
 * byte-order mark and CRLF lines, so Excel opens the Chinese correctly.
 */
export function csvTable(reports: FileReport[]): string {
  const rows: string[][] = [];
  for (const r of reports) {
    const s = r.summary;
    const doc = [r.path, s?.title ?? s?.headline ?? '', s?.docNumber ?? '', s?.issuer ?? '', s?.writtenDate ?? '', s?.publishedDate ?? ''];
    if (r.error) rows.push([...doc, '', '', '', '', '', '', '', r.error, '']);
    else if (r.notice && !r.findings?.length) rows.push([...doc, SEVERITY_LABEL.info, '', '', '', '', '', '', r.notice, '']);
    else if (!r.findings?.length) rows.push([...doc, '', '', '', '', '', '', '', '未发现问题', '']);
    for (const f of r.findings ?? []) {
      const where = f.places ? `${whereLabel(f)}：${[...new Set(f.places.map((p) => p.where))].join('、')}` : whereLabel(f);
      rows.push([...doc, SEVERITY_LABEL[f.severity], f.code, DEFECT_CODES[f.code], String(f.line), String(f.column), where, f.excerpt, f.message, f.basis]);
    }
  }
  // Page text and file names can begin with = + - @: inertCell keeps every cell from running as a formula.
  return '\uFEFF' + Papa.unparse({ fields: CSV_HEADER, data: rows.map((r) => r.map(inertCell)) }, { newline: '\r\n' }) + '\r\n';
}
