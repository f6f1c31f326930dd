import type { DefectCode } from '../engine/codes';
import type { Severity } from '../engine/types';
import { normalizeDocNumber } from '../text/docnumber';
import { matchFindings, type Matchable } from './match';
import type {
  Conclusion,
  DecidedFinding,
  Decision,
  DecisionCounts,
  Dismissal,
  FixedFinding,
  ReviewBody,
  ReviewSummary,
  SearchRow,
  StatRow,
  StoredFinding,
} from './types';
import { isRuleOff } from './types';
import { anchorOf } from './match';

// Pure functions shared by saveReview() and the schema upgrade: whatever the live code computes for a new
// review, the upgrade computes the same way for the reviews an earlier version saved.

export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A URL as a document key: no fragment, no trailing slash, lower-case host. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

export interface DocIdentity {
  docNumber?: string;
  url?: string;
  fingerprint?: string;
}

/** Every key the document is known by. A later review sharing any of them is a re-review. */
export function docKeysOf(d: DocIdentity): string[] {
  const keys: string[] = [];
  if (d.docNumber?.trim()) keys.push(`no:${normalizeDocNumber(d.docNumber)}`);
  if (d.url?.trim()) keys.push(`url:${normalizeUrl(d.url)}`);
  if (d.fingerprint) keys.push(`fp:${d.fingerprint}`);
  return keys;
}

/**
 * Two records sharing a key are the same document unless both carry a 文号 and the numbers differ: one OA editor
 * URL may host many drafts in turn.
 */
export function sameDocument(aKeys: readonly string[], bKeys: readonly string[]): boolean {
  if (!aKeys.some((k) => bKeys.includes(k))) return false;
  const an = aKeys.find((k) => k.startsWith('no:'));
  const bn = bKeys.find((k) => k.startsWith('no:'));
  return !(an && bn && an !== bn);
}

export const emptyDecisionCounts = (): DecisionCounts => ({ confirmed: 0, dismissed: 0, fixed: 0, undecided: 0 });

export interface BuildInput {
  text: string;
  title?: string;
  docNumber?: string;
  issuer?: string;
  url?: string;
  writtenDate?: string;
  publishedDate?: string;
  fingerprint: string;
  source: ReviewSummary['source'];
  profileId: string;
  engineVersion: string;
  rulesVersion: string;
  reviewer: string;
  conclusion: Conclusion;
  createdAt: number;
  findings: DecidedFinding[];
}

export interface BuildOptions {
  previous?: { id: number; findings: StoredFinding[] };
  /** Remembered dismissals of this document. */
  dismissals?: Dismissal[];
  /** Apply remembered dismissals and carry decisions onto undecided findings (live saves; not the upgrade, which keeps history as it was). */
  carry: boolean;
}

export interface Built {
  summary: Omit<ReviewSummary, 'id'>;
  body: Omit<ReviewBody, 'reviewId'>;
  /** Dismissals to remember (reviewId filled in by the caller). */
  addDismissals: Omit<Dismissal, 'id'>[];
  /** Remembered dismissals the reviewer overturned by deciding otherwise. */
  deleteDismissals: number[];
}

// Dismissals travel only as remembered dismissals (with a reason, restorable); a confirmation travels with the finding.
const CARRIED: Decision[] = ['confirmed'];

export function buildReview(input: BuildInput, opts: BuildOptions): Built {
  const docKeys = docKeysOf(input);
  const findings: StoredFinding[] = input.findings.map((f) => {
    const { decision, reason, ...rest } = f;
    const stored: StoredFinding = { ...rest, decision: decision ?? 'undecided', anchor: anchorOf(input.text, f) };
    if (reason?.trim()) stored.reason = reason.trim();
    return stored;
  });

  const remembered = (opts.dismissals ?? []).filter((d) => d.id !== undefined && sameDocument(d.docKeys, docKeys));
  // A rule turned off for the document covers every finding of that rule; the rest are matched one to one.
  const rulesOff = new Map(remembered.filter(isRuleOff).map((d) => [d.rule, d]));
  const dismissals = remembered.filter((d) => !isRuleOff(d));
  for (const f of findings) {
    const off = rulesOff.get(f.rule);
    if (!off) continue;
    if (opts.carry && f.decision === 'undecided') {
      f.decision = 'dismissed';
      f.reason = off.reason;
    }
    if (f.decision === 'dismissed' && f.reason === off.reason) f.dismissalId = off.id;
  }
  const dMatch = matchFindings(dismissals as Matchable[], findings);
  if (opts.carry) {
    for (const [di, fi] of dMatch.pairs) {
      const f = findings[fi];
      if (f.decision !== 'undecided') continue;
      f.decision = 'dismissed';
      f.reason = dismissals[di].reason;
      f.dismissalId = dismissals[di].id;
    }
  }

  let fixedSincePrevious: FixedFinding[] = [];
  let diff: ReviewSummary['diff'];
  if (opts.previous) {
    const prev = opts.previous.findings;
    const m = matchFindings(prev, findings);
    for (const j of m.onlyNew) findings[j].change = 'new';
    for (const [i, j] of m.pairs) {
      const f = findings[j];
      f.change = 'remains';
      const p = prev[i];
      if (opts.carry && f.decision === 'undecided' && CARRIED.includes(p.decision)) {
        f.decision = p.decision;
        if (p.reason) f.reason = p.reason;
        f.carriedFrom = opts.previous.id;
      }
    }
    fixedSincePrevious = m.onlyOld.map((i) => {
      const p = prev[i];
      return { code: p.code, rule: p.rule, severity: p.severity, excerpt: p.excerpt, message: p.message, anchor: p.anchor };
    });
    diff = { fixed: m.onlyOld.length, new: m.onlyNew.length, remains: m.pairs.length };
  }

  // Remember dismissals with a reason; forget those the reviewer overturned this time.
  const paired = new Map(dMatch.pairs.map(([di, fi]) => [fi, dismissals[di]]));
  const addDismissals: Omit<Dismissal, 'id'>[] = [];
  const deleteDismissals: number[] = [];
  findings.forEach((f, fi) => {
    const known = paired.get(fi);
    // Set aside by its rule being off: remembered by that, not once more by itself.
    if (f.decision === 'dismissed' && f.dismissalId !== undefined && f.dismissalId === rulesOff.get(f.rule)?.id) return;
    if (f.decision === 'dismissed' && f.reason) {
      if (known && known.reason === f.reason) {
        f.dismissalId = known.id;
        return;
      }
      if (known) deleteDismissals.push(known.id!);
      addDismissals.push({
        docKeys,
        code: f.code,
        rule: f.rule,
        excerpt: f.excerpt,
        anchor: f.anchor,
        ...(f.documentLevel ? { documentLevel: true } : {}),
        reason: f.reason,
        reviewer: input.reviewer,
        createdAt: input.createdAt,
      });
    } else if (known && (f.decision === 'confirmed' || f.decision === 'fixed')) {
      deleteDismissals.push(known.id!);
      delete f.dismissalId;
    }
  });

  const counts = { error: 0, warning: 0, info: 0 };
  const decisions = emptyDecisionCounts();
  const codes = new Set<DefectCode>();
  const severities = new Set<Severity>();
  for (const f of findings) {
    counts[f.severity]++;
    decisions[f.decision]++;
    codes.add(f.code);
    severities.add(f.severity);
  }

  const summary: Omit<ReviewSummary, 'id'> = {
    createdAt: input.createdAt,
    day: localDay(input.createdAt),
    title: input.title?.trim() || '（无标题）',
    fingerprint: input.fingerprint,
    docKeys,
    source: input.source,
    profileId: input.profileId,
    engineVersion: input.engineVersion,
    rulesVersion: input.rulesVersion,
    reviewer: input.reviewer,
    conclusion: input.conclusion,
    counts,
    decisions,
    codes: [...codes].sort(),
    severities: [...severities].sort(),
    chars: input.text.length,
  };
  if (input.docNumber?.trim()) summary.docNumber = input.docNumber.trim();
  if (input.issuer?.trim()) summary.issuer = input.issuer.trim();
  if (input.url?.trim()) summary.url = input.url.trim();
  if (input.writtenDate) summary.writtenDate = input.writtenDate;
  if (input.publishedDate) summary.publishedDate = input.publishedDate;
  if (opts.previous) {
    summary.previousId = opts.previous.id;
    summary.diff = diff;
  }
  return { summary, body: { text: input.text, findings, fixedSincePrevious }, addDismissals, deleteDismissals };
}

/** The slim search row of a review: what the log's free-text search looks in. */
export function searchRowOf(r: Pick<ReviewSummary, 'title' | 'docNumber' | 'issuer' | 'url' | 'createdAt'> & { id: number }): SearchRow {
  const text = [r.title, r.docNumber, r.docNumber && normalizeDocNumber(r.docNumber), r.issuer, r.url]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return { id: r.id, createdAt: r.createdAt, text };
}

/** Per-(day, code) increments a review brings to the stats table; negate to remove it. */
export function statDeltas(summary: Pick<ReviewSummary, 'day'>, findings: readonly { code: DefectCode }[]): StatRow[] {
  const by = new Map<DefectCode, number>();
  for (const f of findings) by.set(f.code, (by.get(f.code) ?? 0) + 1);
  return [...by].map(([code, n]) => ({ day: summary.day, code, findings: n, reviews: 1 }));
}

/** The latest earlier review of the same document among candidates. */
export function pickPrevious<T extends Pick<ReviewSummary, 'docKeys' | 'createdAt'> & { id?: number }>(
  keys: readonly string[],
  candidates: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const c of candidates) {
    if (!sameDocument(c.docKeys, keys)) continue;
    if (!best || c.createdAt > best.createdAt || (c.createdAt === best.createdAt && (c.id ?? 0) > (best.id ?? 0))) best = c;
  }
  return best;
}

/**
 * Points the stored findings at the dismissals buildReview() asked to add, once the database has given them ids:
 * the dismissed-with-reason findings without an id yet, in the order addDismissals lists them.
 */
export function assignDismissalIds(findings: StoredFinding[], ids: readonly number[]): void {
  let k = 0;
  for (const f of findings) {
    if (f.decision === 'dismissed' && f.reason && f.dismissalId === undefined && k < ids.length) f.dismissalId = ids[k++];
  }
}
