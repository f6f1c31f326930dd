import type { Finding } from '../engine/types';
import { getDb } from './db';
import { assignDismissalIds, buildReview, docKeysOf, pickPrevious, sameDocument, searchRowOf, statDeltas, type DocIdentity } from './derive';
import { StorageError, toStorageError } from './errors';
import { matchableOf, matchFindings, type Matchable } from './match';
import type { Decision, Dismissal, FullReview, ReviewSummary, SaveReviewInput, StatRow } from './types';
import { ENGINE_VERSION } from './version';

/**
 * The text as the fingerprint sees it: Unicode NFKC (full-width digits and letters folded), no whitespace or
 * zero-width characters. The same document captured from an editor, a portal page or a .docx then hashes alike.
 */
export function normalizeForFingerprint(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** SHA-256 (hex) of the normalised text. crypto.subtle exists in Node 20 and in extension pages. */
export async function fingerprint(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(normalizeForFingerprint(text));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A document as the side panel knows it: a key from docKeysOf(), a list of them, or its identity (with the text,
 * the fingerprint is computed).
 */
export type DocRef = string | string[] | (DocIdentity & { text?: string });

export async function docKeysFor(ref: DocRef): Promise<string[]> {
  if (typeof ref === 'string') return [ref];
  if (Array.isArray(ref)) return ref;
  const fp = ref.fingerprint ?? (ref.text !== undefined ? await fingerprint(ref.text) : undefined);
  return docKeysOf({ ...ref, fingerprint: fp });
}

/**
 * Saves one review in a single transaction (summary, body, remembered dismissals, chart counts): either all of
 * it is written or none. Links it to the latest earlier review of the same document (same 文号, URL or
 * fingerprint) and records what was fixed, what is new and what remains. Undecided findings take a remembered
 * dismissal, or the confirmed/dismissed decision of the earlier review, unless `carryDecisions` is false.
 */
export async function saveReview(input: SaveReviewInput): Promise<FullReview> {
  const fp = await fingerprint(input.text);
  const createdAt = input.createdAt ?? Date.now();
  const keys = docKeysOf({ docNumber: input.docNumber, url: input.url, fingerprint: fp });
  const db = getDb();
  try {
    return await db.transaction('rw', [db.reviews, db.reviewBodies, db.searchText, db.dismissals, db.stats], async () => {
      const candidates = await withAnyKey<ReviewSummary>(db.reviews, keys);
      const prev = pickPrevious(keys, candidates);
      const prevBody = prev ? await db.reviewBodies.get(prev.id!) : undefined;
      const dismissals = await withAnyKey<Dismissal>(db.dismissals, keys);
      const built = buildReview(
        {
          text: input.text,
          title: input.title,
          docNumber: input.docNumber,
          issuer: input.issuer,
          url: input.url,
          writtenDate: input.dates?.written,
          publishedDate: input.dates?.published,
          fingerprint: fp,
          source: input.source,
          profileId: input.profileId,
          engineVersion: input.engineVersion ?? ENGINE_VERSION,
          rulesVersion: input.rulesVersion ?? input.engineVersion ?? ENGINE_VERSION,
          reviewer: input.reviewer?.trim() ?? '',
          conclusion: input.conclusion ?? 'pending',
          createdAt,
          findings: input.findings,
        },
        {
          previous: prev && prevBody ? { id: prev.id!, findings: prevBody.findings } : undefined,
          dismissals,
          carry: input.carryDecisions !== false,
        },
      );
      const id = (await db.reviews.add(built.summary as ReviewSummary)) as number;
      const body = { ...built.body, reviewId: id };
      if (input.remarks?.trim()) body.remarks = input.remarks.trim();
      if (input.dates?.effective) body.effectiveClause = input.dates.effective;
      if (input.metadata) body.metadata = input.metadata;
      if (built.deleteDismissals.length) await db.dismissals.bulkDelete(built.deleteDismissals);
      if (built.addDismissals.length) {
        const ids = (await db.dismissals.bulkAdd(
          built.addDismissals.map((d) => ({ ...d, reviewId: id })) as Dismissal[],
          { allKeys: true },
        )) as number[];
        assignDismissalIds(body.findings, ids);
      }
      await db.reviewBodies.add(body);
      await db.searchText.add(searchRowOf({ ...(built.summary as ReviewSummary), id }));
      await addStats(statDeltas(built.summary, body.findings), 1);
      return { ...(built.summary as ReviewSummary), id, body };
    });
  } catch (e) {
    throw toStorageError(e, '保存审查记录');
  }
}

const uniqueById = <T extends { id?: number }>(ds: T[]) => [...new Map(ds.map((d) => [d.id, d])).values()];

/**
 * Rows whose multi-entry `docKeys` holds any of `keys`. One equality range per key rather than Dexie's anyOf():
 * anyOf walks a cursor with jumps, which costs far more on a large table than a few bounded reads.
 */
async function withAnyKey<T extends { id?: number }>(
  table: { where(index: string): { equals(key: string): { toArray(): Promise<T[]> } } },
  keys: readonly string[],
): Promise<T[]> {
  const parts = await Promise.all(keys.map((k) => table.where('docKeys').equals(k).toArray()));
  return uniqueById(parts.flat());
}

async function addStats(deltas: StatRow[], sign: 1 | -1): Promise<void> {
  const db = getDb();
  for (const d of deltas) {
    const had = await db.stats.get([d.day, d.code]);
    const findings = (had?.findings ?? 0) + sign * d.findings;
    const reviews = (had?.reviews ?? 0) + sign * d.reviews;
    if (findings <= 0 && reviews <= 0) await db.stats.delete([d.day, d.code]);
    else await db.stats.put({ day: d.day, code: d.code, findings, reviews });
  }
}

/** One review with its text and findings; undefined when there is no such review. */
export async function getReview(id: number): Promise<FullReview | undefined> {
  const db = getDb();
  try {
    return await db.transaction('r', db.reviews, db.reviewBodies, async () => {
      const summary = await db.reviews.get(id);
      const body = await db.reviewBodies.get(id);
      if (!summary || !body) return undefined;
      return { ...summary, id, body };
    });
  } catch (e) {
    throw toStorageError(e, '读取审查记录');
  }
}

/** Deletes one review (summary, body, chart counts) in one transaction. Remembered dismissals stay. */
export async function deleteReview(id: number): Promise<void> {
  const db = getDb();
  try {
    await db.transaction('rw', [db.reviews, db.reviewBodies, db.searchText, db.stats], async () => {
      const summary = await db.reviews.get(id);
      const body = await db.reviewBodies.get(id);
      if (!summary) throw new StorageError('not-found', `没有编号为 ${id} 的审查记录`);
      await addStats(statDeltas(summary, body?.findings ?? []), -1);
      await db.reviews.delete(id);
      await db.reviewBodies.delete(id);
      await db.searchText.delete(id);
    });
  } catch (e) {
    throw toStorageError(e, '删除审查记录');
  }
}

/** A finding as the side panel shows it after remembered dismissals are applied. */
export type AppliedFinding<F extends Finding = Finding> = F & {
  decision?: Decision;
  reason?: string;
  /** Present when a remembered dismissal matched: show it as dismissed, with a control to restore it. */
  dismissal?: Dismissal;
};

/** Remembered dismissals of a document, newest first. */
export async function listDismissals(doc: DocRef): Promise<Dismissal[]> {
  const keys = await docKeysFor(doc);
  if (!keys.length) return [];
  try {
    const rows = await withAnyKey<Dismissal>(getDb().dismissals, keys);
    return rows.filter((d) => sameDocument(d.docKeys, keys)).sort((a, b) => b.createdAt - a.createdAt);
  } catch (e) {
    throw toStorageError(e, '读取不予采纳记录');
  }
}

/**
 * Marks the findings a reviewer dismissed (with a reason) on an earlier review of this document, matched by
 * code and surrounding text. `text` is the reviewed text (for the surrounding text); when `doc` carries the
 * text it may be omitted. Findings that match nothing come back unchanged.
 */
export async function applyDismissals<F extends Finding>(doc: DocRef, findings: readonly F[], text?: string): Promise<AppliedFinding<F>[]> {
  const body = text ?? (typeof doc === 'object' && !Array.isArray(doc) ? doc.text : undefined);
  const dismissals = await listDismissals(doc);
  if (!dismissals.length) return findings.map((f) => ({ ...f }));
  const news: Matchable[] = findings.map((f) =>
    body !== undefined ? matchableOf(body, f) : { code: f.code, rule: f.rule, excerpt: f.excerpt, anchor: { before: '', after: '' }, documentLevel: f.documentLevel },
  );
  const m = matchFindings(dismissals, news);
  const out: AppliedFinding<F>[] = findings.map((f) => ({ ...f }));
  for (const [di, fi] of m.pairs) {
    const d = dismissals[di];
    Object.assign(out[fi], { decision: 'dismissed' as const, reason: d.reason, dismissal: d });
  }
  return out;
}

/** Forgets a remembered dismissal: the finding shows again on the next review. Past reviews keep their record. */
export async function restoreDismissal(id: number): Promise<void> {
  try {
    await getDb().dismissals.delete(id);
  } catch (e) {
    throw toStorageError(e, '恢复不予采纳的问题');
  }
}

/** The latest saved review of a document, if any. */
export async function latestReviewOf(doc: DocRef): Promise<FullReview | undefined> {
  const keys = await docKeysFor(doc);
  if (!keys.length) return undefined;
  const db = getDb();
  const candidates = await withAnyKey<ReviewSummary>(db.reviews, keys);
  const prev = pickPrevious(keys, candidates);
  return prev ? getReview(prev.id!) : undefined;
}

export interface Comparison<F extends Finding = Finding> {
  previous: ReviewSummary;
  /** For each current finding: new since the previous review, or still there (with the earlier decision). */
  findings: (F & { change: 'new' | 'remains'; previousDecision?: Decision; previousReason?: string })[];
  /** Findings of the previous review that are gone. */
  fixed: { code: string; excerpt: string; message: string; severity: string }[];
}

/** What changed since this document's last saved review, before saving: for the side panel's summary. */
export async function compareWithPrevious<F extends Finding>(
  doc: DocIdentity & { text: string },
  findings: readonly F[],
): Promise<Comparison<F> | undefined> {
  const prev = await latestReviewOf(doc);
  if (!prev) return undefined;
  const olds = prev.body.findings;
  const m = matchFindings(olds, findings.map((f) => matchableOf(doc.text, f)));
  const out = findings.map((f) => ({ ...f, change: 'new' as 'new' | 'remains' })) as Comparison<F>['findings'];
  for (const [i, j] of m.pairs) {
    out[j].change = 'remains';
    out[j].previousDecision = olds[i].decision;
    if (olds[i].reason) out[j].previousReason = olds[i].reason;
  }
  const { body: _body, ...previous } = prev;
  return {
    previous,
    findings: out,
    fixed: m.onlyOld.map((i) => ({ code: olds[i].code, excerpt: olds[i].excerpt, message: olds[i].message, severity: olds[i].severity })),
  };
}
