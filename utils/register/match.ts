import { daysBetween } from '../text/dates';
import { normalizeDocNumber } from '../text/docnumber';
import type { RegisterEntry } from './index';

/**
 * What the filing register says about one document: the filing rules, the side panel and the column audit read
 * the same answer, so a document is never “filed” in one place and “late” in another.
 */
export type RegisterMatch =
  | { status: 'no-register' }
  | { status: 'no-doc-number' }
  | { status: 'missing'; docNumber: string }
  | {
      status: 'matched';
      entry: RegisterEntry;
      /** The publication date counted from: the register's, else the page's, else the 成文 date. */
      published?: string;
      /** Days from publication to filing, when the register has a filing date. */
      filedAfter?: number;
      /** Days past the deadline (filed late, or still unfiled on the review date); 0 when in time. */
      daysLate: number;
      /** True when the register has no filing date and the deadline has not passed yet. */
      pending?: boolean;
    };

export interface RegisterQuery {
  docNumber?: string;
  publishedDate?: string;
  writtenDate?: string;
}

export function matchRegister(
  doc: RegisterQuery,
  register: readonly RegisterEntry[] | undefined,
  deadlineDays: number,
  today: string,
): RegisterMatch {
  if (!register || !register.length) return { status: 'no-register' };
  if (!doc.docNumber) return { status: 'no-doc-number' };
  const want = normalizeDocNumber(doc.docNumber);
  const entry = register.find((e) => e.docNumber === want);
  if (!entry) return { status: 'missing', docNumber: doc.docNumber };
  const published = entry.publishedDate ?? doc.publishedDate ?? doc.writtenDate;
  if (!published) return { status: 'matched', entry, daysLate: 0 };
  if (entry.filedDate) {
    const filedAfter = daysBetween(published, entry.filedDate);
    return { status: 'matched', entry, published, filedAfter, daysLate: Math.max(0, filedAfter - deadlineDays) };
  }
  const waited = daysBetween(published, today);
  return waited > deadlineDays
    ? { status: 'matched', entry, published, daysLate: waited - deadlineDays }
    : { status: 'matched', entry, published, daysLate: 0, pending: true };
}

/** The match in one Chinese line, as the panel and the audit table show it. */
export function describeMatch(m: RegisterMatch, deadlineDays: number): string {
  switch (m.status) {
    case 'no-register':
      return '未载入备案登记簿（在“备案审查”页载入后可核对登记和报送）';
    case 'no-doc-number':
      return '页面没有文号，无法在登记簿中查找';
    case 'missing':
      return `登记簿中没有文号“${m.docNumber}”（可能漏报）`;
    case 'matched': {
      const bits = [m.entry.regNumber ? `登记号 ${m.entry.regNumber}` : '登记簿无登记号'];
      if (m.entry.filedDate) {
        bits.push(`${m.entry.filedDate} 报送备案`);
        if (m.filedAfter !== undefined) bits.push(`公布后第 ${m.filedAfter} 日`);
        bits.push(m.daysLate ? `逾期 ${m.daysLate} 日（期限 ${deadlineDays} 日）` : '按期');
      } else if (m.pending) bits.push('尚未报送，仍在期限内');
      else if (m.daysLate) bits.push(`尚未报送，已逾期 ${m.daysLate} 日（期限 ${deadlineDays} 日）`);
      return bits.join('，');
    }
  }
}
