import type { Severity } from '../engine/types';

/** One audit of a portal column (栏目审查), as stored. */
export interface AuditRow {
  id?: number;
  /** Epoch ms. */
  createdAt: number;
  /** The column page the audit started from, and the pages of it read so far. */
  listUrl: string;
  listPages: string[];
  /** The next page of the column, when the last one read links to one (read only when the officer asks). */
  nextPage?: string;
  title?: string;
  /** `running` while a page is open and working on it; `paused` when cancelled or the page was closed. */
  status: 'running' | 'paused' | 'done';
  /** Pause between two fetches, in ms (politeness toward the portal). */
  pauseMs: number;
  profileId: string;
  /** The audit date the documents were judged as of. */
  today: string;
}

export type ItemStatus = 'pending' | 'done' | 'failed';

/** One document link of an audited column, with its result once reviewed. */
export interface AuditItemRow {
  id?: number;
  auditId: number;
  /** Order in the column. */
  seq: number;
  url: string;
  /** The title as the list shows it. */
  listTitle: string;
  listDate?: string;
  status: ItemStatus;
  /** Why it failed (Chinese), for a failed item. */
  error?: string;
  result?: AuditResult;
}

/** What a reviewed document contributes to the audit table and the indicators. */
export interface AuditResult {
  reviewId?: number;
  title: string;
  docNumber?: string;
  issuer?: string;
  publishedDate?: string;
  writtenDate?: string;
  regNumber?: string;
  /** The page's own 有效性 label (有效/失效/废止…). */
  validityStatus?: string;
  /** The 有效期 end the engine derived, when it could. */
  validUntil?: string;
  kind: string;
  /** Reviewed from an attachment (.docx/.pdf) because the page held only a link to it. */
  fromAttachment?: string;
  counts: Record<Severity, number>;
  /** code → number of findings (error and warning). */
  codes: Record<string, number>;
  /** One line per finding for the per-finding export: severity, code, where, message. */
  findings: { severity: Severity; code: string; message: string; excerpt: string; where?: string }[];
  /** The register's answer for this document: filed / days late / missing (published normative documents only). */
  register?: { status: 'no-register' | 'no-doc-number' | 'missing' | 'matched'; regNumber?: string; filedDate?: string; daysLate?: number };
}
