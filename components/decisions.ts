/**
 * The reviewer's decisions on a list of findings, shared by the side panel and the file page: one finding, every
 * finding of a code (全部忽略同类), every finding of a rule turned off for the document, restoring what a
 * remembered dismissal set aside, and keeping decisions across re-checks. Pure: the surfaces store and mark.
 */
import type { Decision, Dismissal } from '../utils/storage/types';
import type { RecalledFinding } from '../utils/storage/reviews';
import type { ListedFinding } from './FindingList';

/** Decides one finding; a dismissal keeps its reason, any other decision drops it. */
export const decideOne = <F extends ListedFinding>(findings: readonly F[], key: string, decision: Decision | undefined, reason?: string): F[] =>
  findings.map((f) => (f.key === key ? { ...f, decision, reason: decision === 'dismissed' ? reason : undefined } : f));

/** 全部忽略同类: every finding of `code` not yet set aside is dismissed with the one reason. */
export const dismissCode = <F extends ListedFinding>(findings: readonly F[], code: string, reason: string): F[] =>
  findings.map((f) => (f.code === code && f.decision !== 'dismissed' ? { ...f, decision: 'dismissed' as const, reason } : f));

/** A rule turned off for the document: every finding of it is set aside by that dismissal. */
export const ruleTurnedOff = <F extends ListedFinding>(findings: readonly F[], off: Dismissal): F[] =>
  findings.map((f) => (f.rule === off.rule ? { ...f, decision: 'dismissed' as const, reason: off.reason, dismissal: off } : f));

/**
 * Restores a finding: when a remembered dismissal set it aside, every finding that dismissal covers (all of a rule
 * turned off) counts again. Returns the dismissal to forget in storage, if any.
 */
export function restoreFinding<F extends ListedFinding>(findings: readonly F[], key: string): { findings: F[]; forget?: number } {
  const id = findings.find((f) => f.key === key)?.dismissal?.id;
  const hit = (f: F) => f.key === key || (id !== undefined && f.dismissal?.id === id);
  return {
    findings: findings.map((f) => (hit(f) ? { ...f, decision: undefined, reason: undefined, dismissal: undefined } : f)),
    forget: id,
  };
}

/** Decisions taken on this surface stay with their findings (same key) when the text is checked again. */
export function keepDecisions<F extends ListedFinding>(before: readonly F[], findings: readonly F[]): F[] {
  const had = new Map(before.map((f) => [f.key, f]));
  return findings.map((f) => {
    const h = had.get(f.key);
    if (!h) return f;
    return {
      ...f,
      ...(h.decision ? { decision: h.decision, reason: h.reason, dismissal: h.dismissal } : {}),
      ...(h.previous ? { previous: h.previous } : {}),
    };
  });
}

/**
 * What earlier reviews decided (recallDecisions), put on findings the reviewer has not decided here: a decision
 * taken on this surface wins over one remembered.
 */
export const withRecalled = <F extends ListedFinding>(findings: readonly F[], recalled: readonly RecalledFinding<F>[]): F[] =>
  findings.map((f, i) => {
    const r = recalled[i];
    if (!r || f.decision) return f;
    return { ...f, ...(r.decision ? { decision: r.decision, reason: r.reason, dismissal: r.dismissal } : {}), ...(r.previous ? { previous: r.previous } : {}) };
  });
