import type { Finding } from '../engine/types';
import { getDb } from './db';
import { assignDismissalIds, buildReview, docKeysOf, pickPrevious, sameDocument, searchRowOf, statDeltas, type DocIdentity } from './derive';
import { StorageError, toStorageError } from './errors';
import { matchableOf, matchFindings, type Matchable } from './match';
import { isRuleOff, RULE_OFF_REASON, type Decision, type Dismissal, type FullReview, type ReviewSummary, type SaveReviewInput, type StatRow } from './types';
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

/** A finding with what the earlier review of the document decided on it. */
export type RecalledFinding<F extends Finding = Finding> = AppliedFinding<F> & {
  /** The latest earlier review confirmed it: saving this review carries the confirmation unless decided otherwise. */
  previous?: { decision: 'confirmed'; reviewId: number; reason?: string };
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

const textOf = (doc: DocRef, text?: string) => text ?? (typeof doc === 'object' && !Array.isArray(doc) ? doc.text : undefined);
const matchablesOf = (findings: readonly Finding[], body: string | undefined): Matchable[] =>
  findings.map((f) =>
    body !== undefined ? matchableOf(body, f) : { code: f.code, rule: f.rule, excerpt: f.excerpt, anchor: { before: '', after: '' }, documentLevel: f.documentLevel },
  );

/**
 * Marks the findings a reviewer dismissed (with a reason) on an earlier review of this document, matched by
 * code and surrounding text, and every finding of a rule turned off for this document. `text` is the reviewed
 * text (for the surrounding text); when `doc` carries the text it may be omitted. Findings that match nothing come
 * back unchanged.
 */
export async function applyDismissals<F extends Finding>(doc: DocRef, findings: readonly F[], text?: string): Promise<AppliedFinding<F>[]> {
  return withDismissals(await listDismissals(doc), findings, textOf(doc, text));
}

function withDismissals<F extends Finding>(dismissals: readonly Dismissal[], findings: readonly F[], body: string | undefined): AppliedFinding<F>[] {
  const out: AppliedFinding<F>[] = findings.map((f) => ({ ...f }));
  if (!dismissals.length) return out;
  const rulesOff = new Map(dismissals.filter(isRuleOff).map((d) => [d.rule, d]));
  const single = dismissals.filter((d) => !isRuleOff(d));
  const m = matchFindings(single, matchablesOf(findings, body));
  for (const [di, fi] of m.pairs) {
    const d = single[di];
    Object.assign(out[fi], { decision: 'dismissed' as const, reason: d.reason, dismissal: d });
  }
  for (const f of out) {
    const off = rulesOff.get(f.rule);
    if (off) Object.assign(f, { decision: 'dismissed' as const, reason: off.reason, dismissal: off });
  }
  return out;
}

/**
 * What earlier reviews of this document decided, put on the findings of this one: remembered dismissals (and
 * rules turned off) set them aside; a confirmation of the latest earlier review is shown as `previous`.
 */
export async function recallDecisions<F extends Finding>(doc: DocRef, findings: readonly F[], text?: string): Promise<RecalledFinding<F>[]> {
  const body = textOf(doc, text);
  const [dismissals, prev] = await Promise.all([listDismissals(doc), latestReviewOf(doc)]);
  const out: RecalledFinding<F>[] = withDismissals(dismissals, findings, body);
  if (!prev) return out;
  const olds = prev.body.findings;
  const m = matchFindings(olds, matchablesOf(findings, body));
  for (const [i, j] of m.pairs) {
    const old = olds[i];
    if (old.decision !== 'confirmed' || out[j].decision) continue;
    out[j].previous = { decision: 'confirmed', reviewId: prev.id, ...(old.reason ? { reason: old.reason } : {}) };
  }
  return out;
}

/**
 * Turns a rule off for a document (本文件不再检查此规则): every finding of it on this document, now and on later
 * reviews, is set aside with the reason, until restoreDismissal() forgets it. Returns the stored dismissal.
 */
export async function turnRuleOff(doc: DocRef, finding: Pick<Finding, 'code' | 'rule'>, reason: string, reviewer = ''): Promise<Dismissal> {
  const docKeys = await docKeysFor(doc);
  if (!docKeys.length) throw new StorageError('other', '无法识别这份文件，不能记住对它的决定');
  const row: Dismissal = {
    docKeys,
    code: finding.code,
    rule: finding.rule,
    excerpt: '',
    anchor: { before: '', after: '' },
    scope: 'rule',
    reason: reason.trim() ? `${RULE_OFF_REASON}：${reason.trim()}` : RULE_OFF_REASON,
    reviewer: reviewer.trim(),
    createdAt: Date.now(),
  };
  try {
    const db = getDb();
    return await db.transaction('rw', db.dismissals, async () => {
      // One switch per rule and document: turning it off again replaces the reason.
      const same = (await withAnyKey<Dismissal>(db.dismissals, docKeys)).filter((d) => isRuleOff(d) && d.rule === finding.rule && sameDocument(d.docKeys, docKeys));
      if (same.length) await db.dismissals.bulkDelete(same.map((d) => d.id!));
      const id = (await db.dismissals.add(row)) as number;
      return { ...row, id };
    });
  } catch (e) {
    throw toStorageError(e, '记住不再检查的规则');
  }
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
