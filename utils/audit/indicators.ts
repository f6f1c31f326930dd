import type { AuditItemRow, AuditResult } from './types';

/** A reviewed document as the indicators count it. */
export interface CountedDocument extends AuditResult {
  url: string;
}

export interface Indicators {
  from: string;
  to: string;
  /** Normative documents published in the period (the denominators). */
  documents: CountedDocument[];
  /** 报备率: filed ÷ documents; undefined without a register. */
  filed?: { count: number; of: number };
  /** 报备及时率: filed within the deadline ÷ filed. */
  timely?: { count: number; of: number };
  /** 规范率: documents without error findings ÷ documents. */
  clean: { count: number; of: number };
  /** 动态清理: documents still shown as in force after their validity ended. */
  expired: CountedDocument[];
}

/** The date a document counts under: its publication date, else its 成文 date. */
export const countedDate = (r: AuditResult) => r.publishedDate ?? r.writtenDate;

/**
 * The indicators of a period over every audited document. A document audited twice (two audits, or a column
 * listing it twice) counts once, by its 文号 or else its address, with its latest result.
 */
export function computeIndicators(items: readonly AuditItemRow[], from: string, to: string, registerLoaded: boolean): Indicators {
  const byKey = new Map<string, CountedDocument>();
  for (const item of items) {
    const r = item.result;
    if (item.status !== 'done' || !r || r.kind !== 'normative') continue;
    const date = countedDate(r);
    if (!date || date < from || date > to) continue;
    byKey.set(r.docNumber ?? item.url, { ...r, url: item.url });
  }
  const documents = [...byKey.values()].sort((a, b) => (countedDate(a) ?? '').localeCompare(countedDate(b) ?? '') || a.title.localeCompare(b.title));
  const filedDocs = documents.filter((d) => d.register?.status === 'matched' && d.register.filedDate);
  const out: Indicators = {
    from,
    to,
    documents,
    clean: { count: documents.filter((d) => !d.counts.error).length, of: documents.length },
    expired: documents.filter((d) => d.codes['validity.expired']),
  };
  if (registerLoaded) {
    out.filed = { count: filedDocs.length, of: documents.length };
    out.timely = { count: filedDocs.filter((d) => !d.register!.daysLate).length, of: filedDocs.length };
  }
  return out;
}

/** A share as a percentage with one decimal, or — when there is nothing to count. */
export const percent = (r: { count: number; of: number } | undefined) => (!r || !r.of ? '—' : `${((100 * r.count) / r.of).toFixed(1)}%`);
