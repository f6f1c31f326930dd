import { DEFECT_CODES, type DefectCode } from '../engine/codes';
import type { Severity } from '../engine/types';
import { normalizeDocNumber } from '../text/docnumber';
import { getDb } from './db';
import { toStorageError } from './errors';
import { searchRowOf } from './derive';
import type { Conclusion, ReviewSummary, SearchRow } from './types';

/**
 * Listing and filtering the review log without reading any document text. Every criterion but the free-text
 * search is answered from an index with key-only reads; rows are read only for the page shown (or, for a
 * search, the summary rows of the candidates).
 */

export interface ReviewFilter {
  /** Words to find in title, 文号, issuer or URL; all must occur. */
  q?: string;
  /** Local dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  severity?: Severity;
  code?: DefectCode;
  conclusion?: Conclusion;
  reviewer?: string;
}

export interface PageRequest {
  offset?: number;
  limit?: number;
}

export interface ReviewPage {
  /** How many reviews match the filter. */
  total: number;
  /** This page of them, newest first. */
  rows: ReviewSummary[];
}

export const PAGE_SIZE = 50;

/** Epoch ms of local midnight at the start of `day`, or of the next day when `end`. */
export function dayBound(day: string, end = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0)).getTime() - (end ? 1 : 0);
}

const newestFirst = (a: ReviewSummary, b: ReviewSummary) => b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0);

function searchTerms(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether a search row's text holds every term (a 文号 term also in its canonical 〔〕 form). */
export function textMatches(text: string, terms: readonly string[]): boolean {
  return terms.every((t) => text.includes(t) || text.includes(normalizeDocNumber(t)));
}

/** Whether a review matches the search terms, as the search table sees it. */
export const matchesSearch = (r: ReviewSummary, terms: readonly string[]) =>
  !terms.length || textMatches(searchRowOf({ ...r, id: r.id ?? 0 }).text, terms);

function intersect(sets: Set<number>[]): Set<number> | undefined {
  if (!sets.length) return undefined;
  sets.sort((a, b) => a.size - b.size);
  const [first, ...rest] = sets;
  return new Set([...first].filter((id) => rest.every((s) => s.has(id))));
}

/** One page of the log, newest first, with the number of matching reviews. */
export async function queryReviews(filter: ReviewFilter = {}, page: PageRequest = {}): Promise<ReviewPage> {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(1, page.limit ?? PAGE_SIZE);
  const db = getDb();
  const lo = filter.from ? dayBound(filter.from) : -Infinity;
  const hi = filter.to ? dayBound(filter.to, true) : Infinity;
  const dated = Number.isFinite(lo) || Number.isFinite(hi);
  const terms = searchTerms(filter.q);
  const byDate = () => (dated ? db.reviews.where('createdAt').between(lo, hi, true, true) : db.reviews.orderBy('createdAt'));
  try {
    return await db.transaction('r', db.reviews, db.searchText, async () => {
      const indexed: [string, string][] = [];
      if (filter.code) indexed.push(['codes', filter.code]);
      if (filter.severity) indexed.push(['severities', filter.severity]);
      if (filter.conclusion) indexed.push(['conclusion', filter.conclusion]);
      if (filter.reviewer !== undefined && filter.reviewer !== null && filter.reviewer !== '') indexed.push(['reviewer', filter.reviewer]);

      // Only a date range (or nothing): the createdAt index gives both the count and the page.
      if (!indexed.length && !terms.length) {
        const total = await byDate().count();
        if (offset < 1000) return { total, rows: await byDate().reverse().offset(offset).limit(limit).toArray() };
        // Deep pages: skipping keys is cheaper than skipping rows through a value cursor.
        const keys = (await byDate().reverse().primaryKeys()) as number[];
        const rows = (await db.reviews.bulkGet(keys.slice(offset, offset + limit))).filter((r): r is ReviewSummary => !!r);
        return { total, rows };
      }

      const sets: Set<number>[] = [];
      for (const [index, value] of indexed) sets.push(new Set((await db.reviews.where(index).equals(value).primaryKeys()) as number[]));
      if (dated) sets.push(new Set((await byDate().primaryKeys()) as number[]));
      const ids = intersect(sets);

      if (terms.length) {
        // Free text reads the slim search rows (of the candidates only, when other criteria narrowed them),
        // then the summary rows of the page.
        const rows = ids ? (await db.searchText.bulkGet([...ids])).filter((r): r is SearchRow => !!r) : await db.searchText.toArray();
        const hits = rows.filter((r) => textMatches(r.text, terms)).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
        const pageRows = await db.reviews.bulkGet(hits.slice(offset, offset + limit).map((r) => r.id));
        return { total: hits.length, rows: pageRows.filter((r): r is ReviewSummary => !!r) };
      }

      const matched = ids!;
      if (matched.size <= 2000) {
        const rows = (await db.reviews.bulkGet([...matched])).filter((r): r is ReviewSummary => !!r).sort(newestFirst);
        return { total: rows.length, rows: rows.slice(offset, offset + limit) };
      }
      // Many matches: order them by walking the createdAt index keys, then read just the page.
      const ordered = ((await db.reviews.orderBy('createdAt').reverse().primaryKeys()) as number[]).filter((id) => matched.has(id));
      const pageIds = ordered.slice(offset, offset + limit);
      const rows = (await db.reviews.bulkGet(pageIds)).filter((r): r is ReviewSummary => !!r);
      return { total: ordered.length, rows };
    });
  } catch (e) {
    throw toStorageError(e, '查询审查记录');
  }
}

export interface CodeCount {
  code: DefectCode;
  label: string;
  /** Findings of this code in the period. */
  findings: number;
  /** Reviews with at least one. */
  reviews: number;
}

/** Findings per defect code over a period (local dates, inclusive), most frequent first: read from the stats table. */
export async function countsByCode(from?: string, to?: string): Promise<CodeCount[]> {
  const db = getDb();
  try {
    const coll =
      from || to ? db.stats.where('day').between(from ?? '0000-00-00', to ?? '9999-99-99', true, true) : db.stats.toCollection();
    const rows = await coll.toArray();
    const by = new Map<DefectCode, CodeCount>();
    for (const r of rows) {
      const c = by.get(r.code) ?? { code: r.code, label: DEFECT_CODES[r.code] ?? r.code, findings: 0, reviews: 0 };
      c.findings += r.findings;
      c.reviews += r.reviews;
      by.set(r.code, c);
    }
    return [...by.values()].sort((a, b) => b.findings - a.findings || a.code.localeCompare(b.code));
  } catch (e) {
    throw toStorageError(e, '统计问题类型');
  }
}

/** Distinct reviewer names, for the filter's choices. */
export async function listReviewers(): Promise<string[]> {
  try {
    return ((await getDb().reviews.orderBy('reviewer').uniqueKeys()) as string[]).filter(Boolean);
  } catch (e) {
    throw toStorageError(e, '读取审查人');
  }
}

/** Every review matching a filter, newest first, for export of the list (summaries only). */
export async function allMatching(filter: ReviewFilter = {}): Promise<ReviewSummary[]> {
  const first = await queryReviews(filter, { offset: 0, limit: 1 });
  if (!first.total) return [];
  return (await queryReviews(filter, { offset: 0, limit: first.total })).rows;
}
