// Derives article-level facts from the statute texts of ../shared/statutes-text (one Markdown file per statute and
// edition, README there): which articles each edition has, the chapter and section each sits in, and what each
// article sets (penalty kinds, fines, powers). Pure functions over strings: the build script does the file I/O.
// The output is deterministic (sorted keys, no dates of the build) so rebuilding from the same texts gives the same
// bytes, which a test checks.
import { parseNumeral } from '../../text/numerals';
import { mentionsPenalty, penaltiesOf, powersOf, type Fine } from './penalties';
import { articleId, compressIds, type EditionRecord, type FactsFile, type StatuteRecord } from './format';

export interface ParsedEdition {
  /** The name in the file's `# ` heading: 中华人民共和国价格法. */
  name: string;
  /** The edition's date, from the file name (价格法(1997-12-29).md). */
  date: string;
  /** Every dated event in the header (通过, 修正, 修订, 公布, 发布): the versions the statute has had. */
  versions: string[];
  record: EditionRecord;
}

const ISO = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
const HEADER_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日.*(?:通过|修正|修订|公布|发布|批准)/;
/** 第六十条 or 第一百三十三条之一, then a space: the start of an article (a 款 that begins 第X条规定 has no space). */
const ARTICLE = /^第([〇零一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?[ \u3000]+/;
/** A heading: 第一编, 第二分编, 第六章, 第一节, or an unnumbered 附则. */
const HEADING = /^#{2,5}\s*(.+?)\s*$/;
const CHAPTER_WORD = /^第[〇零一二两三四五六七八九十百千]+章/;
const SECTION_WORD = /^第[〇零一二两三四五六七八九十百千]+节/;
const EFFECTIVE_CLAUSE = /本(?:法|条例|规定|办法|细则|决定)自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/;


/** 第一章  总 则 → 第一章 总则: one space after the number, none inside the title. */
function cleanTitle(t: string): string {
  const s = t.replace(/[\s\u3000]+/g, ' ').trim();
  const m = /^(第\S+?[编章节])\s*(.*)$/.exec(s);
  return m ? (m[2] ? `${m[1]} ${m[2].replace(/ /g, '')}` : m[1]) : s.replace(/ /g, '');
}

/** Encodes one article's facts: kinds letters (X: a penalty referral only), then fines, then @powers. */
function encodeFacts(text: string): string | undefined {
  const { kinds, fines } = penaltiesOf(text);
  const powers = powersOf(text);
  const letters = kinds.length ? kinds.join('') : mentionsPenalty(text) ? 'X' : '';
  const fineCodes = [...new Set(fines.filter((f) => f.lo !== undefined || f.hi !== undefined).map(encodeFine))];
  const parts = [letters, ...fineCodes, powers.length ? `@${powers.join('')}` : ''].filter(Boolean);
  return parts.length ? parts.join(';') : undefined;
}

export const encodeFine = (f: Fine) => `${f.base ?? ''}${f.lo ?? ''}~${f.hi ?? ''}`;

/** Parses one file of the corpus. Returns undefined for files that are not statutes (guides, indexes). */
export function parseEdition(fileName: string, markdown: string): ParsedEdition | undefined {
  const dated = /\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(fileName);
  if (!dated) return undefined;
  const lines = markdown.split(/\r?\n/);
  const nameLine = lines.find((l) => l.startsWith('# '));
  if (!nameLine) return undefined;
  const name = nameLine.slice(2).replace(/[\s\u3000]+/g, '');
  const infoEnd = lines.findIndex((l) => l.includes('INFO END'));
  const versions = new Set<string>([dated[1]]);
  for (const l of lines.slice(0, Math.max(0, infoEnd))) {
    const m = HEADER_DATE.exec(l.trim());
    if (m) versions.add(ISO(m[1], m[2], m[3]));
  }

  const ids: string[] = [];
  const texts = new Map<string, string>();
  const chapters: [string, string][] = [];
  const sections: [string, string, string][] = [];
  let pendingChapter: string | undefined;
  let pendingSection: string | undefined;
  let openSection: [string, string, string] | undefined;
  let current: string | undefined;
  let lastNumber = 0;
  for (const raw of lines.slice(infoEnd + 1)) {
    const line = raw.trim();
    if (!line) continue;
    const h = HEADING.exec(line);
    if (h) {
      const title = cleanTitle(h[1]);
      if (SECTION_WORD.test(title)) {
        pendingSection = title;
        openSection = undefined;
      } else if (CHAPTER_WORD.test(title) || /^(附\s*则|总\s*则|序言|罚\s*则|法律责任)$/.test(title)) {
        pendingChapter = title;
        pendingSection = undefined;
        openSection = undefined;
      }
      // 编 and 分编 headings (民法典, 刑法) group chapters; they carry no article of their own.
      current = undefined;
      continue;
    }
    const a = ARTICLE.exec(line);
    if (a) {
      const n = parseNumeral(a[1]);
      const sub = a[2] ? parseNumeral(a[2]) : undefined;
      // Articles run upwards; a quoted 第X条 inside another article's paragraph is no new article.
      if (n !== undefined && (n > lastNumber || (n === lastNumber && sub))) {
        const id = articleId(n, sub);
        if (!texts.has(id)) {
          lastNumber = n;
          ids.push(id);
          texts.set(id, line.slice(a[0].length));
          current = id;
          if (pendingChapter) chapters.push([pendingChapter, id]);
          pendingChapter = undefined;
          if (pendingSection) {
            openSection = [pendingSection, id, id];
            sections.push(openSection);
            pendingSection = undefined;
          } else if (openSection) openSection[2] = id;
          continue;
        }
      }
    }
    if (current) texts.set(current, `${texts.get(current)}\n${line}`);
  }
  if (!ids.length) return undefined;

  const facts: Record<string, string> = {};
  for (const id of ids) {
    const f = encodeFacts(texts.get(id)!);
    if (f) facts[id] = f;
  }
  // When a revision took effect: its closing 本法自…起施行, if that is on or after the edition's date (an amendment
  // keeps the original's clause, which then says nothing of the amendment).
  let from: string | undefined;
  const last = texts.get(ids[ids.length - 1]) ?? '';
  const eff = EFFECTIVE_CLAUSE.exec([...texts.values()].slice(-3).join('\n')) ?? EFFECTIVE_CLAUSE.exec(last);
  if (eff) {
    const iso = ISO(eff[1], eff[2], eff[3]);
    if (iso > dated[1]) from = iso;
  }
  const record: EditionRecord = { d: dated[1], n: compressIds(ids) };
  if (from) record.f = from;
  if (chapters.length) record.c = chapters;
  if (sections.length) record.s = sections;
  if (Object.keys(facts).length) record.a = facts;
  return { name, date: dated[1], versions: [...versions].sort(), record };
}

/** Dates within this many days of an edition present in the texts are the same version (通过 and 公布 days apart). */
const SAME_VERSION_DAYS = 60;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

/**
 * Joins parsed editions into the facts file. `canonical` maps a heading name to the statute table's name (so a
 * citation that the table resolves finds its facts); names the table lacks are kept under their own heading.
 */
export function assembleFacts(editions: readonly ParsedEdition[], canonical: (name: string) => string, source: string): FactsFile {
  const byName = new Map<string, ParsedEdition[]>();
  for (const e of editions) {
    const key = canonical(e.name);
    const list = byName.get(key) ?? [];
    list.push(e);
    byName.set(key, list);
  }
  const statutes: Record<string, StatuteRecord> = {};
  for (const key of [...byName.keys()].sort()) {
    const list = byName.get(key)!;
    // One record per edition date: the same edition filed under two categories is kept once.
    const unique = new Map<string, ParsedEdition>();
    for (const e of list.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name))) {
      if (!unique.has(e.date)) unique.set(e.date, e);
    }
    const present = [...unique.keys()];
    const versions = new Set<string>(list.flatMap((e) => e.versions));
    const missing = [...versions]
      .filter((v) => present.every((p) => Math.abs(dayNumber(v) - dayNumber(p)) > SAME_VERSION_DAYS))
      .sort();
    const rec: StatuteRecord = { e: [...unique.values()].map((e) => e.record) };
    if (missing.length) rec.m = missing;
    statutes[key] = rec;
  }
  return { source, statutes };
}
