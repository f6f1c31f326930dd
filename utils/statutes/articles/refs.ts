// The articles a document cites: 依照《…》第六十条（第一款）（第（二）项）, lists (第十条、第十二条), ranges
// (第十条至第十二条) and articles of the same statute cited again without its name (该法第X条, 本条例第X条,
// 上述法律第X条). Each reference carries the statute the table resolves, the span of its 第X条 and the group of
// references written together, which the rules read with the sentence around them.
import { normTitle } from '../../model/citations';
import { definedAliases } from '../../model/parse';
import type { DocModel, Span } from '../../model/types';
import { NUMERAL_CLASS, parseNumeral } from '../../text/numerals';
import type { Statute, StatuteTable } from '../types';
import { articleId } from './format';

export interface ArticleRef {
  statute: Statute;
  /** 60, or 133.1 for 第一百三十三条之一. */
  id: string;
  number: number;
  /** 第二款 → 2, 第（三）项 → 3. */
  paragraph?: number;
  item?: number;
  /** The reference as written: 第六十条第二款. */
  label: Span;
  /** Index of its group: references written together after one title. */
  group: number;
}

export interface RefGroup {
  index: number;
  statute: Statute;
  /** The 《title》 or the 该法 that names the statute. */
  anchor: Span;
  /** From the anchor to the end of the last reference. */
  start: number;
  end: number;
  refs: ArticleRef[];
  /** The sentence (up to 。；or a line end) holding the group. */
  sentence: { start: number; end: number };
  /** The word that introduces the citation as the ground of what follows (依照, 根据, 依据, 按照), if any. */
  lead?: string;
  /** Written as a back-reference (该法, 本条例) rather than by name. */
  backReference: boolean;
}

const N = `[${NUMERAL_CLASS}]+`;
/** 第六十条(之一)(第二款)(第（三）项 / 第三项): one reference. */
const ONE = new RegExp(`^第(${N})条(?:之(${N}))?(?:第(${N})款)?(?:第?[（(](${N})[）)]项|第(${N})项)?`);
/** A further 款 or 项 of the same article: 、第三款 / 、第（五）项. */
const MORE_PART = new RegExp(`^(?:、|，|和|及|以及|或者|或)第(${N})款|^(?:、|，|和|及|以及|或者|或)第?[（(](${N})[）)]项|^(?:、|，|和|及|以及|或者|或)第(${N})项`);
const JOIN = /^(?:、|，|,|和|及|以及|或者|或|与)/;
const RANGE = /^(?:至|到|—|－|-|~|～)/;
/** A note after a title: （2021年修订）, （主席令第七十号）. */
const NOTE = /^[（(][^（）()\n]{1,24}[）)]/;
/** 该法, 本条例, 上述法律: the same statute again, by its kind. */
const BACK = /(?:该|本|上述|前述|同)(法典|法律|法规|法|条例|规定|办法|细则)(?=第)/g;
const LEADS = /(依照|依据|根据|按照|参照|适用|违反)[^，。；：\n《]{0,12}$/;
const SENTENCE_END = /[。；;\n]/;
const MAX_RANGE = 60;

const num = (s: string | undefined) => (s === undefined ? undefined : parseNumeral(s));

/** Whether a back-reference word can point to the statute: 该法 to a 法, 本条例 to a 条例, 上述法规 to either. */
function backFits(word: string, name: string): boolean {
  if (word === '法' || word === '法律' || word === '法典') return /法典?$/.test(name);
  if (word === '法规') return /(法|条例)$/.test(name);
  return name.replace(/（[^）]*）$/, '').endsWith(word);
}

function sentenceAround(text: string, start: number, end: number) {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e])) e++;
  return { start: s, end: e };
}

/** Reads the references that follow one anchor; returns them and where they end. */
function readRefs(text: string, from: number, statute: Statute, group: number): { refs: ArticleRef[]; end: number } {
  const refs: ArticleRef[] = [];
  let at = from;
  for (;;) {
    const m = ONE.exec(text.slice(at, at + 40));
    if (!m) break;
    const number = num(m[1]);
    if (!number) break;
    const sub = num(m[2]);
    const ref: ArticleRef = {
      statute,
      id: articleId(number, sub),
      number,
      paragraph: num(m[3]),
      item: num(m[4] ?? m[5]),
      label: { start: at, end: at + m[0].length, text: m[0] },
      group,
    };
    refs.push(ref);
    at += m[0].length;
    // Further 款/项 of this article: they name no other article.
    for (let more = MORE_PART.exec(text.slice(at, at + 20)); more; more = MORE_PART.exec(text.slice(at, at + 20))) {
      at += more[0].length;
      ref.label = { start: ref.label.start, end: at, text: text.slice(ref.label.start, at) };
    }
    const rest = text.slice(at, at + 24);
    const range = RANGE.exec(rest);
    if (range) {
      const m2 = ONE.exec(rest.slice(range[0].length));
      const to = m2 ? num(m2[1]) : undefined;
      if (m2 && to && to > number && to - number <= MAX_RANGE) {
        const end = at + range[0].length + m2[0].length;
        ref.label = { start: ref.label.start, end, text: text.slice(ref.label.start, end) };
        for (let n = number + 1; n <= to; n++) {
          refs.push({ statute, id: String(n), number: n, label: { start: ref.label.start, end, text: text.slice(ref.label.start, end) }, group });
        }
        at = end;
        const join = JOIN.exec(text.slice(at, at + 4));
        if (join && text.startsWith('第', at + join[0].length)) {
          at += join[0].length;
          continue;
        }
        break;
      }
    }
    const join = JOIN.exec(rest);
    if (join && rest.startsWith('第', join[0].length) && ONE.test(rest.slice(join[0].length))) {
      at += join[0].length;
      continue;
    }
    break;
  }
  return { refs, end: at };
}

/**
 * Every group of article references in the document whose statute the table knows. Titles the document defines as
 * its own aliases (以下简称《办法》) and the document's own 本办法 are never statutes.
 */
export function articleRefs(doc: DocModel, table: StatuteTable): RefGroup[] {
  const text = doc.text;
  const aliases = definedAliases(doc);
  type Anchor = { statute: Statute; span: Span; back: boolean };
  const anchors: Anchor[] = [];
  for (const c of doc.citations) {
    if (aliases.has(normTitle(c.title))) continue;
    const hit = table.lookup(c.title.replace(/[\s\u3000]/g, ''));
    if (hit) anchors.push({ statute: hit.statute, span: c.span, back: false });
  }
  // Back-references point to the nearest statute named before them that fits the word.
  const named = [...anchors];
  for (const m of text.matchAll(BACK)) {
    const at = m.index!;
    let target: Statute | undefined;
    for (const a of named) if (a.span.end <= at && backFits(m[1], a.statute.name)) target = a.statute;
    if (target) anchors.push({ statute: target, span: { start: at, end: at + m[0].length, text: m[0] }, back: true });
  }
  anchors.sort((a, b) => a.span.start - b.span.start);

  const groups: RefGroup[] = [];
  for (const a of anchors) {
    let from = a.span.end;
    const note = NOTE.exec(text.slice(from, from + 30));
    if (note && !a.back) from += note[0].length;
    const { refs, end } = readRefs(text, from, a.statute, groups.length);
    if (!refs.length) continue;
    const sentence = sentenceAround(text, a.span.start, end);
    const lead = LEADS.exec(text.slice(sentence.start, a.span.start))?.[1];
    groups.push({ index: groups.length, statute: a.statute, anchor: a.span, start: a.span.start, end, refs, sentence, lead, backReference: a.back });
  }
  return groups;
}
