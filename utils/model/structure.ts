import { parseNumeral } from '../text/numerals';
import type { Article, Heading, Item, Line, Sentence, Span } from './types';

const TRIM_START = /^[\s\u3000\u00a0]*/;
const TRIM_END = /[\s\u3000\u00a0]*$/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const lead = TRIM_START.exec(raw)![0].length;
    const trail = raw.length > lead ? TRIM_END.exec(raw)![0].length : 0;
    lines.push({ start, end, text: raw.slice(lead, raw.length - trail), textStart: start + lead });
    start = end + 1;
  }
  return lines;
}

export const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** Sentences end at 。！？ (and their ASCII forms) or a line break; leading white space is left out. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？!?\n]+[。！？!?]*/g;
  for (const m of text.matchAll(re)) {
    const lead = TRIM_START.exec(m[0])![0].length;
    const body = m[0].slice(lead).replace(TRIM_END, '');
    if (!body) continue;
    const start = m.index! + lead;
    out.push({ start, end: start + body.length, text: body });
  }
  return out;
}

/** Clauses of a sentence: split at ；; (the sub-sentences that a 的-clause and its consequence live in). */
export function splitClauses(s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  for (const m of s.text.matchAll(/[^；;]+[；;]?/g)) {
    out.push({ start: s.start + m.index!, end: s.start + m.index! + m[0].length, text: m[0] });
  }
  return out;
}

const NUM = '〇零一二两三四五六七八九十百千0-9０-９';
// 第三条款项 or 第三条之一 is no label; 第五条项目… is (项目 is a word).
const ARTICLE = new RegExp(`^第([${NUM}]+)条(?=[\\s\\u3000]|项目|[^款项之])`);
const CHAPTER = new RegExp(`^第([${NUM}]+)[章]`);
const ITEM_PATTERNS: { level: Item['level']; re: RegExp }[] = [
  { level: 1, re: /^([一二三四五六七八九十]+)、/ },
  { level: 2, re: /^[（(]([一二三四五六七八九十]+)[）)]/ },
  { level: 3, re: /^([0-9０-９]{1,2})[.．、](?![0-9０-９])/ },
  { level: 4, re: /^[（(]([0-9０-９]{1,2})[）)]/ },
];

/** 第X条 at the start of a line, within [from, to). References such as 依照第九条 sit mid-line and are not labels. */
export function findArticles(text: string, lines: Line[], from = 0, to = text.length): Article[] {
  const articles: Article[] = [];
  let chapter: number | undefined;
  for (const line of lines) {
    if (line.start < from || line.start >= to) continue;
    const c = CHAPTER.exec(line.text);
    if (c) chapter = parseNumeral(c[1]);
    const m = ARTICLE.exec(line.text);
    if (!m) continue;
    const n = parseNumeral(m[1]);
    if (n === undefined) continue;
    const prev = articles.at(-1);
    if (prev) prev.end = line.start;
    articles.push({
      number: n,
      label: span(text, line.textStart, line.textStart + m[0].length),
      start: line.textStart,
      end: to,
      chapter,
    });
  }
  const last = articles.at(-1);
  if (last) last.end = trimEnd(text, last.start, to);
  return articles;
}

const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && /[\s\u3000]/.test(text[end - 1])) end--;
  return end;
};

const SECTION = new RegExp(`^第([${NUM}]+)节`);

/** 第X章 and 第X节 headings within [from, to). */
export function findHeadings(text: string, lines: Line[], from = 0, to = text.length): Heading[] {
  const out: Heading[] = [];
  for (const line of lines) {
    if (line.start < from || line.start >= to || line.text.length > 40) continue;
    const c = CHAPTER.exec(line.text) ?? SECTION.exec(line.text);
    if (!c) continue;
    const n = parseNumeral(c[1]);
    if (n === undefined) continue;
    out.push({ kind: c[0].endsWith('章') ? 'chapter' : 'section', number: n, label: span(text, line.textStart, line.textStart + c[0].length) });
  }
  return out;
}

/** 一、 / （一） / 1. / （1） labels at the start of lines, with the article they sit in. */
export function findItems(text: string, lines: Line[], articles: Article[]): Item[] {
  const items: Item[] = [];
  let a = 0;
  for (const line of lines) {
    // 附件：1．…  starts a list on the same line as its lead-in.
    const lead = /^附件[：:]\s*/.exec(line.text)?.[0].length ?? 0;
    const body = line.text.slice(lead);
    const at = line.textStart + lead;
    for (const { level, re } of ITEM_PATTERNS) {
      const m = re.exec(body);
      if (!m) continue;
      const n = parseNumeral(m[1]);
      if (n === undefined) break;
      while (a < articles.length && articles[a].end <= line.textStart) a++;
      const art = articles[a] && articles[a].start <= line.textStart ? articles[a].number : undefined;
      items.push({
        level,
        number: n,
        label: span(text, at, at + m[0].length),
        start: at,
        end: line.end,
        article: art,
      });
      break;
    }
  }
  return items;
}
