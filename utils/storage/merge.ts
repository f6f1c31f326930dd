import { statDeltas } from './derive';
import type { Dismissal, RegisterMeta, RegisterRow, ReviewBody, ReviewSummary, SearchRow, StatRow } from './types';

/**
 * Merging a backup into a log that holds other reviews: the backup's reviews are added beside the log's own, under
 * new ids, with their links (previous review, carried decisions, remembered dismissals) pointing at the new ids.
 * A review the log already has (same time and fingerprint: merging the same file twice, or a backup of this very
 * log) is not added again. The log's own rows and settings are left as they are; chart counts are added up;
 * register entries with a 文号 the log lacks are added.
 */

/** The backup's light tables; its bodies and search rows are mapped one at a time (MergePlan.body, .search). */
export interface MergeSource {
  reviews: ReviewSummary[];
  dismissals: Dismissal[];
  register: RegisterRow[];
  registerMeta: RegisterMeta[];
}

export interface MergeTarget {
  /** Identity and id of every review in the log. */
  reviews: Pick<ReviewSummary, 'id' | 'createdAt' | 'fingerprint'>[];
  dismissals: Pick<Dismissal, 'id' | 'createdAt' | 'code' | 'excerpt' | 'reason'>[];
  registerNumbers: Set<string>;
  registerMeta?: RegisterMeta;
  stats: StatRow[];
  /** First free ids. */
  nextReviewId: number;
  nextDismissalId: number;
  nextRegisterId: number;
}

export interface MergePlan {
  reviews: ReviewSummary[];
  dismissals: Dismissal[];
  register: RegisterRow[];
  /** Replaces the log's meta row when set. */
  registerMeta?: RegisterMeta;
  /** A backup body under the log's ids (undefined when its review is not added); counts it into the chart. */
  body(b: ReviewBody): ReviewBody | undefined;
  /** A backup search row under the log's ids (undefined when its review is not added). */
  search(s: SearchRow): SearchRow | undefined;
  /** Chart rows to put: the log's own, with the bodies mapped so far counted in. */
  stats(): StatRow[];
  added: number;
  skipped: number;
}

const reviewIdentity = (r: Pick<ReviewSummary, 'createdAt' | 'fingerprint'>) => `${r.createdAt}|${r.fingerprint}`;
const dismissalIdentity = (d: Pick<Dismissal, 'createdAt' | 'code' | 'excerpt' | 'reason'>) => `${d.createdAt}|${d.code}|${d.excerpt}|${d.reason}`;

export function planMerge(backup: MergeSource, log: MergeTarget): MergePlan {
  const logReviews = new Map(log.reviews.map((r) => [reviewIdentity(r), r.id!]));
  const reviewIds = new Map<number, number>();
  let nextReview = log.nextReviewId;
  const added = new Set<number>();
  for (const r of [...backup.reviews].sort((a, b) => a.id! - b.id!)) {
    const had = logReviews.get(reviewIdentity(r));
    if (had !== undefined) reviewIds.set(r.id!, had);
    else {
      reviewIds.set(r.id!, nextReview++);
      added.add(r.id!);
    }
  }

  // Dismissals: the log's own copy stands for an identical one; those of added reviews come along.
  const logDismissals = new Map(log.dismissals.map((d) => [dismissalIdentity(d), d.id!]));
  const dismissalIds = new Map<number, number>();
  const dismissals: Dismissal[] = [];
  let nextDismissal = log.nextDismissalId;
  for (const d of [...backup.dismissals].sort((a, b) => a.id! - b.id!)) {
    const had = logDismissals.get(dismissalIdentity(d));
    if (had !== undefined) {
      dismissalIds.set(d.id!, had);
      continue;
    }
    const id = nextDismissal++;
    dismissalIds.set(d.id!, id);
    const row: Dismissal = { ...d, id };
    if (d.reviewId !== undefined) {
      const to = reviewIds.get(d.reviewId);
      if (to === undefined) delete row.reviewId;
      else row.reviewId = to;
    }
    dismissals.push(row);
  }

  const reviews: ReviewSummary[] = [];
  for (const r of backup.reviews) {
    if (!added.has(r.id!)) continue;
    const row: ReviewSummary = { ...r, id: reviewIds.get(r.id!)! };
    if (r.previousId !== undefined) {
      // A link to a review the backup no longer held (deleted before the backup) is dropped, not re-aimed.
      const to = reviewIds.get(r.previousId);
      if (to === undefined) delete row.previousId;
      else row.previousId = to;
    }
    reviews.push(row);
  }
  const stats = new Map(log.stats.map((s) => [`${s.day}|${s.code}`, { ...s }]));
  const summaryOf = new Map(backup.reviews.map((r) => [r.id!, r]));
  const body = (b: ReviewBody): ReviewBody | undefined => {
    if (!added.has(b.reviewId)) return undefined;
    const findings = b.findings.map((f) => {
      const out = { ...f };
      if (f.carriedFrom !== undefined) {
        const to = reviewIds.get(f.carriedFrom);
        if (to === undefined) delete out.carriedFrom;
        else out.carriedFrom = to;
      }
      if (f.dismissalId !== undefined) {
        const to = dismissalIds.get(f.dismissalId);
        if (to === undefined) delete out.dismissalId;
        else out.dismissalId = to;
      }
      return out;
    });
    for (const s of statDeltas(summaryOf.get(b.reviewId)!, b.findings)) {
      const k = `${s.day}|${s.code}`;
      const had = stats.get(k);
      if (had) {
        had.findings += s.findings;
        had.reviews += s.reviews;
      } else stats.set(k, { ...s });
    }
    return { ...b, reviewId: reviewIds.get(b.reviewId)!, findings };
  };
  const search = (s: SearchRow): SearchRow | undefined => (added.has(s.id) ? { ...s, id: reviewIds.get(s.id)! } : undefined);

  const register: RegisterRow[] = [];
  let nextRegister = log.nextRegisterId;
  const numbers = new Set(log.registerNumbers);
  for (const e of backup.register) {
    if (numbers.has(e.docNumber)) continue;
    numbers.add(e.docNumber);
    register.push({ ...e, id: nextRegister++ });
  }
  let registerMeta: RegisterMeta | undefined;
  if (register.length) {
    const base = log.registerMeta ?? backup.registerMeta[0] ?? { key: 'register' as const, count: 0 };
    registerMeta = { ...base, count: (log.registerMeta?.count ?? log.registerNumbers.size) + register.length };
  }

  return {
    reviews,
    dismissals,
    register,
    registerMeta,
    body,
    search,
    stats: () => [...stats.values()],
    added: added.size,
    skipped: backup.reviews.length - added.size,
  };
}
