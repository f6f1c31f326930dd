import type { Finding } from '../engine/types';
import type { Anchor } from './types';

/**
 * Recognising "the same finding" in an edited document. Offsets move with every edit, so a finding is
 * identified by its code, its excerpt and the text around it; whitespace is ignored because editors and
 * portals reflow it.
 */

const CONTEXT = 16;
const WINDOW = 60;

const squash = (s: string) => s.replace(/[\s\u200b-\u200d\ufeff]+/g, '');

/** The text just before and after a finding, whitespace removed, CONTEXT characters each side. */
export function anchorOf(text: string, f: Pick<Finding, 'start' | 'end'>): Anchor {
  const before = squash(text.slice(Math.max(0, f.start - WINDOW), f.start));
  const after = squash(text.slice(f.end, f.end + WINDOW));
  return { before: before.slice(-CONTEXT), after: after.slice(0, CONTEXT) };
}

/** What the matcher reads of a finding; stored findings, fixed findings and dismissals all have it. */
export interface Matchable {
  code: string;
  rule?: string;
  excerpt: string;
  anchor: Anchor;
  documentLevel?: boolean;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * How well b matches a: -1 when it cannot be the same finding, else higher is better.
 * A document-level finding (a missing clause) has no place of its own: code and rule are enough.
 */
export function matchScore(a: Matchable, b: Matchable): number {
  if (a.code !== b.code) return -1;
  if (a.documentLevel || b.documentLevel) {
    if (!a.documentLevel || !b.documentLevel) return -1;
    return a.rule && b.rule && a.rule !== b.rule ? -1 : 100;
  }
  if (squash(a.excerpt) !== squash(b.excerpt)) return -1;
  const score = commonSuffix(a.anchor.before, b.anchor.before) + commonPrefix(a.anchor.after, b.anchor.after);
  // Short documents, or a finding at the very start or end, have little context: ask for what there is.
  const available = Math.min(
    a.anchor.before.length + a.anchor.after.length,
    b.anchor.before.length + b.anchor.after.length,
  );
  const needed = Math.min(6, available);
  if (score < needed) return -1;
  return score + (a.rule && a.rule === b.rule ? 1 : 0);
}

export interface MatchResult {
  /** [index in olds, index in news] */
  pairs: [number, number][];
  /** Indexes in olds with no counterpart: fixed (or gone). */
  onlyOld: number[];
  /** Indexes in news with no counterpart: new. */
  onlyNew: number[];
}

/**
 * Pairs findings of two reviews one-to-one, best matches first, so that two identical wordings in different
 * places each find their own counterpart.
 */
export function matchFindings(olds: readonly Matchable[], news: readonly Matchable[]): MatchResult {
  const candidates: [number, number, number][] = [];
  for (let i = 0; i < olds.length; i++) {
    for (let j = 0; j < news.length; j++) {
      const s = matchScore(olds[i], news[j]);
      if (s >= 0) candidates.push([s, i, j]);
    }
  }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return {
    pairs,
    onlyOld: olds.map((_, i) => i).filter((i) => !usedOld.has(i)),
    onlyNew: news.map((_, j) => j).filter((j) => !usedNew.has(j)),
  };
}

/** A finding from the engine, given the text it was found in, as the matcher reads it. */
export const matchableOf = (text: string, f: Finding): Matchable => ({
  code: f.code,
  rule: f.rule,
  excerpt: f.excerpt,
  anchor: anchorOf(text, f),
  documentLevel: f.documentLevel,
});
