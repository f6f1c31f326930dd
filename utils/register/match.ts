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
