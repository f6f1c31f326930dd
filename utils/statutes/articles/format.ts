// The facts file (facts.json beside this module) and how it is read. Compact on disk, since it ships in the
// extension: an edition lists its articles as ranges ("1-86"), chapters and sections by their first article, and
// only the articles that set something, as short codes ("WF;10000~100000;@L").
import { PENALTY_KINDS, type Fine, type PenaltyKind, type Power } from './penalties';

/** The article id used as a key: 60, or 133.1 for 第一百三十三条之一. */
export const articleId = (n: number, sub?: number) => (sub ? `${n}.${sub}` : String(n));

/** One edition as stored. */
export interface EditionRecord {
  /** The edition's date (its 通过/修正/修订/公布 day): YYYY-MM-DD. */
  d: string;
  /** When it took effect, if later than `d` (本法自…起施行). */
  f?: string;
  /** Article ids as ranges: "1-48", "1-451,133.1". */
  n: string;
  /** Chapters: [title, id of its first article]. */
  c?: [string, string][];
  /** Sections: [title, first, last article id]. */
  s?: [string, string, string][];
  /** Facts of the articles that set something, by article id. */
  a?: Record<string, string>;
}

export interface StatuteRecord {
  /** The editions present, oldest first. */
  e: EditionRecord[];
  /** Version dates the headers name but no text is present for: checks around them say nothing. */
  m?: string[];
}

export interface FactsFile {
  /** Where the texts came from. */
  source: string;
  /** By the statute table's full name. */
  statutes: Record<string, StatuteRecord>;
}

/** What the facts say about one article. */
export interface ArticleFact {
  id: string;
  /** 第六章 法律责任 */
  chapter?: string;
  section?: string;
  kinds: PenaltyKind[];
  fines: Fine[];
  powers: Power[];
  /** The article speaks of a penalty or sanction without setting a kind (依法给予处罚). */
  refersToPenalty: boolean;
}

export interface Edition {
  date: string;
  from: string;
  /** Article ids in order. */
  ids: readonly string[];
  has(id: string): boolean;
  article(id: string): ArticleFact | undefined;
}

/** Number of articles of an edition, not counting 之一 insertions: what 共X条 means. */
export const lastArticle = (e: Edition) => Math.max(...e.ids.map((id) => Number(id.split('.')[0])));

/** 1,2,3,5,6,133.1 → "1-3,5-6,133.1": the article list of an edition in a few characters. */
export function compressIds(ids: readonly string[]): string {
  const out: string[] = [];
  let runStart: number | undefined;
  let prev: number | undefined;
  const flush = () => {
    if (runStart !== undefined) out.push(runStart === prev ? String(runStart) : `${runStart}-${prev}`);
    runStart = undefined;
  };
  for (const id of ids) {
    if (id.includes('.')) {
      flush();
      out.push(id);
      prev = undefined;
      continue;
    }
    const n = Number(id);
    if (runStart !== undefined && n === prev! + 1) prev = n;
    else {
      flush();
      runStart = n;
      prev = n;
    }
  }
  flush();
  return out.join(',');
}

/** The inverse of compressIds. */
export function expandIds(s: string): string[] {
  const ids: string[] = [];
  for (const part of s.split(',')) {
    const m = /^(\d+)-(\d+)$/.exec(part);
    if (m) for (let i = Number(m[1]); i <= Number(m[2]); i++) ids.push(String(i));
    else if (part) ids.push(part);
  }
  return ids;
}

const FINE_CODE = /^(\D*?)([\d.]*)~([\d.]*)$/;

export function decodeFine(code: string): Fine {
  const m = FINE_CODE.exec(code);
  if (!m) return {};
  const f: Fine = {};
  if (m[1]) f.base = m[1];
  if (m[2]) f.lo = Number(m[2]);
  if (m[3]) f.hi = Number(m[3]);
  return f;
}

function decodeEdition(rec: EditionRecord): Edition {
  const ids = expandIds(rec.n);
  const index = new Map(ids.map((id, i) => [id, i]));
  const chapterStarts = (rec.c ?? []).map(([title, first]) => [index.get(first) ?? Infinity, title] as const);
  const sections = (rec.s ?? []).map(([title, first, last]) => [index.get(first) ?? Infinity, index.get(last) ?? -1, title] as const);
  return {
    date: rec.d,
    from: rec.f ?? rec.d,
    ids,
    has: (id) => index.has(id),
    article(id) {
      const at = index.get(id);
      if (at === undefined) return undefined;
      let chapter: string | undefined;
      for (const [start, title] of chapterStarts) if (start <= at) chapter = title;
      const section = sections.find(([a, b]) => a <= at && at <= b)?.[2];
      const code = rec.a?.[id] ?? '';
      const parts = code ? code.split(';') : [];
      const letters = parts.length && /^[A-Z]+$/.test(parts[0]) ? parts[0] : '';
      const rest = letters ? parts.slice(1) : parts;
      const powers = rest.find((p) => p.startsWith('@'))?.slice(1) ?? '';
      return {
        id,
        chapter,
        section,
        kinds: [...letters].filter((k): k is PenaltyKind => k in PENALTY_KINDS),
        fines: rest.filter((p) => !p.startsWith('@')).map(decodeFine),
        powers: [...powers] as Power[],
        refersToPenalty: letters.length > 0,
      };
    },
  };
}

export interface StatuteArticles {
  name: string;
  editions: readonly Edition[];
  missing: readonly string[];
}

export interface ArticleFacts {
  source: string;
  size: number;
  get(name: string): StatuteArticles | undefined;
}

/** Reads the stored file; editions decode on first use. */
export function decodeFacts(file: FactsFile): ArticleFacts {
  const cache = new Map<string, StatuteArticles>();
  return {
    source: file.source,
    size: Object.keys(file.statutes).length,
    get(name) {
      const hit = cache.get(name);
      if (hit) return hit;
      const rec = Object.hasOwn(file.statutes, name) ? file.statutes[name] : undefined;
      if (!rec) return undefined;
      const s: StatuteArticles = { name, editions: rec.e.map(decodeEdition), missing: rec.m ?? [] };
      cache.set(name, s);
      return s;
    },
  };
}

/**
 * The edition in force on a date, or undefined when the texts cannot tell: the date is before the oldest edition
 * present, or a version the headers name but whose text is absent may have been in force then.
 */
export function editionAt(s: StatuteArticles, iso: string): Edition | undefined {
  let current: Edition | undefined;
  for (const e of s.editions) if (e.from <= iso) current = e;
  if (!current) return undefined;
  if (s.missing.some((m) => m > current.date && m <= iso)) return undefined;
  return current;
}
