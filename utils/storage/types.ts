import type { CaptureSource, PageMetadata } from '../capture/types';
import type { DefectCode } from '../engine/codes';
import type { Finding, Severity } from '../engine/types';
import type { RegisterEntry } from '../register';
import type { Settings } from '../settings';

/** The reviewer's decision on one finding. */
export type Decision = 'confirmed' | 'dismissed' | 'fixed' | 'undecided';

export const DECISION_LABELS: Record<Decision, string> = {
  confirmed: '确认',
  dismissed: '不予采纳',
  fixed: '已修改',
  undecided: '未处理',
};

/** The overall conclusion of a review; `pending` when the reviewer saved without one. */
export type Conclusion = 'approve' | 'approve-with-changes' | 'return' | 'pending';

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  approve: '通过',
  'approve-with-changes': '修改后通过',
  return: '退回',
  pending: '未定',
};

/** A finding as the side panel hands it over: the engine's finding plus the reviewer's decision. */
export interface DecidedFinding extends Finding {
  decision?: Decision;
  /** Required in spirit for `dismissed`: the reason is what makes a dismissal remembered. */
  reason?: string;
  /** For `fixed`: the text as it was and as the fix made it, each with the phrase around it. */
  edit?: FixChange;
}

/** A fix applied during the review: the phrase before and after (a lone “，” is quoted with its neighbours). */
export interface FixChange {
  before: string;
  after: string;
}

/** Text just before and after a finding: how a finding is recognised again after the document was edited. */
export interface Anchor {
  before: string;
  after: string;
}

/** How a finding relates to the previous review of the same document. */
export type Change = 'new' | 'remains';

export interface StoredFinding extends Finding {
  decision: Decision;
  reason?: string;
  /** For `fixed`: what the fix changed. */
  edit?: FixChange;
  anchor: Anchor;
  /** Set when the document had an earlier review. */
  change?: Change;
  /** The decision came from the earlier review (id) rather than from the reviewer this time. */
  carriedFrom?: number;
  /** The finding was dismissed by a remembered dismissal (id in the dismissals table). */
  dismissalId?: number;
}

/** A finding of the previous review that no longer appears: fixed since. */
export interface FixedFinding {
  code: DefectCode;
  rule: string;
  severity: Severity;
  excerpt: string;
  message: string;
  anchor: Anchor;
}

export interface ReviewDates {
  written?: string;
  published?: string;
  /** The effective clause as written. */
  effective?: string;
}

/** What the side panel passes to saveReview(). */
export interface SaveReviewInput {
  /** The reviewed text; needed later to show the document with its findings marked. */
  text: string;
  url?: string;
  title?: string;
  docNumber?: string;
  issuer?: string;
  dates?: ReviewDates;
  source: CaptureSource;
  profileId: string;
  findings: DecidedFinding[];
  conclusion?: Conclusion;
  reviewer?: string;
  /** The reviewer's own remarks, printed in the 审查意见书. */
  remarks?: string;
  metadata?: PageMetadata;
  /** Defaults to ENGINE_VERSION. */
  engineVersion?: string;
  rulesVersion?: string;
  /** Epoch ms; defaults to now. Tests and imports set it. */
  createdAt?: number;
  /** Carry confirmed/dismissed decisions of the previous review onto undecided findings that remain (default true). */
  carryDecisions?: boolean;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export type DecisionCounts = Record<Decision, number>;

/**
 * One row of the `reviews` table: the light part of a review, enough to list, search and filter 10,000 of them
 * without reading any document text. The heavy part (text, findings) is in `reviewBodies`.
 */
export interface ReviewSummary {
  id?: number;
  /** The column audit (栏目审查) that reviewed this page, when one did. */
  auditId?: number;
  /** Epoch ms. */
  createdAt: number;
  /** Local date YYYY-MM-DD of createdAt: the bucket of the counts-by-code chart. */
  day: string;
  title: string;
  docNumber?: string;
  issuer?: string;
  url?: string;
  writtenDate?: string;
  publishedDate?: string;
  fingerprint: string;
  /** Every key that identifies the document (文号, URL, fingerprint): how re-reviews find each other. */
  docKeys: string[];
  source: CaptureSource;
  profileId: string;
  engineVersion: string;
  rulesVersion: string;
  reviewer: string;
  conclusion: Conclusion;
  counts: SeverityCounts;
  decisions: DecisionCounts;
  /** Distinct codes and severities of the findings (multi-entry indexes). */
  codes: DefectCode[];
  severities: Severity[];
  chars: number;
  previousId?: number;
  /** Against the previous review: findings fixed, new, remaining. */
  diff?: { fixed: number; new: number; remains: number };
}

export interface ReviewBody {
  reviewId: number;
  text: string;
  findings: StoredFinding[];
  /** Findings of the previous review that are gone. */
  fixedSincePrevious: FixedFinding[];
  remarks?: string;
  effectiveClause?: string;
  metadata?: PageMetadata;
}

/** A review with its body: what the detail view, the JSON export and the 审查意见书 read. */
export interface FullReview extends ReviewSummary {
  id: number;
  body: ReviewBody;
}

/** A remembered dismissal: a finding dismissed with a reason stays dismissed on that document's later reviews. */
export interface Dismissal {
  id?: number;
  docKeys: string[];
  code: DefectCode;
  rule: string;
  excerpt: string;
  anchor: Anchor;
  documentLevel?: boolean;
  reason: string;
  reviewer: string;
  createdAt: number;
  /** The review in which it was dismissed. */
  reviewId?: number;
  /**
   * `rule`: the reviewer turned the rule off for this document (本文件不再检查此规则): every finding of `rule` on it is
   * set aside, wherever it is, until the dismissal is restored. Absent: this one finding (code, excerpt, context).
   */
  scope?: 'rule';
}

/** The reason a finding carries when its rule is off for the document. */
export const RULE_OFF_REASON = '本文件不再检查此规则';

/** A finding set aside because its rule is off for this document. */
export const isRuleOff = (d: Pick<Dismissal, 'scope'> | undefined) => d?.scope === 'rule';

/** Findings counted per day and code; kept in step with `reviews` so the chart never scans reviews. */
export interface StatRow {
  day: string;
  code: DefectCode;
  /** Findings of this code on that day. */
  findings: number;
  /** Reviews with at least one finding of this code. */
  reviews: number;
}

/**
 * The searchable text of a review (title, 文号 as written and in canonical form, issuer, URL; lower-case), one slim
 * row per review: a free-text search reads these instead of the summary rows.
 */
export interface SearchRow {
  id: number;
  createdAt: number;
  text: string;
}

export interface SettingsRow {
  key: 'settings';
  value: Partial<Settings>;
}

export interface RegisterMeta {
  key: 'register';
  name?: string;
  loadedAt?: number;
  count: number;
}

export interface RegisterRow extends RegisterEntry {
  id?: number;
}
