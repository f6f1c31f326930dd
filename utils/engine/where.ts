/**
 * Where a finding is, in the document's own terms: 第八条第二款第（三）项 in a document of articles, 一、（二）3. in
 * one numbered that way, else the part it sits in (通知正文, 附件1, 起草说明, 标题, 正文). Computed once per review
 * from the model's parts, chapters, articles and items, then looked up per offset.
 */
import { toChineseNumeral } from '../text/numerals';
import type { DocModel, Item, PartKind } from '../model/types';

/** The location of a finding that concerns the whole document (a missing clause). */
export const WHOLE_DOCUMENT = '全文';

const PART_NAME: Partial<Record<PartKind, string>> = {
  cover: '通知正文',
  notice: '通知正文',
  explanation: '起草说明',
  interpretation: '解读',
};

// 附件, 附件1, 附件二：, 附件 3 on a line of its own opens an attachment (a 附件：1．… list in a notice does not).
const ATTACHMENT = /^附件\s*([0-9０-９一二三四五六七八九十]*)\s*[：:]?$/;

/** 一、 （二） 3. （4）: the standard form of an item label at each level. */
export function itemLabel(level: Item['level'], n: number): string {
  if (level === 1) return `${toChineseNumeral(n)}、`;
  if (level === 2) return `（${toChineseNumeral(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

// Inside an article the first level of items is 项, the next 目 (the citation form of a statute).
const articleItems = (stack: Item[]) =>
  stack
    .slice(0, 2)
    .map((it, i) => `第${toChineseNumeral(it.number)}${i ? '目' : '项'}`)
    .join('');

type Event =
  | { at: number; order: 0; kind: 'part'; part: PartKind; end: number }
  | { at: number; order: 1; kind: 'attachment'; label: string }
  | { at: number; order: 1; kind: 'signature' }
  | { at: number; order: 2; kind: 'title' | 'title-end' }
  | { at: number; order: 3; kind: 'chapter'; label: string; chapter: boolean }
  | { at: number; order: 4; kind: 'article'; number: number; end: number; paragraphs: number }
  | { at: number; order: 5; kind: 'paragraph' }
  | { at: number; order: 6; kind: 'item'; item: Item }
  | { at: number; order: 7; kind: 'end' };

/** Returns where(offset, documentLevel?) for one document. */
export function locator(doc: DocModel): (offset: number, documentLevel?: boolean) => string {
  const events: Event[] = [];
  for (const p of doc.parts) {
    events.push({ at: p.start, order: 0, kind: 'part', part: p.kind, end: p.end });
    if (p.kind === 'body' && p.title) {
      events.push({ at: p.title.start, order: 2, kind: 'title' });
      events.push({ at: p.title.end, order: 2, kind: 'title-end' });
    }
  }
  const itemStarts = new Set(doc.items.map((i) => i.start));
  const headingStarts = new Set(doc.chapters.map((h) => h.label.start));
  // The signature (organ and date lines) closes the part it signs: it is 落款, not the last article's paragraph.
  const signatureStarts = new Set<number>();
  for (const sig of doc.signatures) {
    const at = sig.organ?.start ?? sig.date?.span?.start;
    if (at === undefined) continue;
    signatureStarts.add(at);
    events.push({ at, order: 1, kind: 'signature' });
  }
  const firstStructure = Math.min(doc.articles[0]?.start ?? Infinity, doc.items[0]?.start ?? Infinity);
  for (const line of doc.lines) {
    const m = ATTACHMENT.exec(line.text);
    if (!m || line.textStart <= firstStructure) continue;
    events.push({ at: line.textStart, order: 1, kind: 'attachment', label: `附件${m[1] || ''}` });
  }
  for (const h of doc.chapters) {
    events.push({ at: h.label.start, order: 3, kind: 'chapter', label: h.label.text.replace(/\s/g, ''), chapter: h.kind === 'chapter' });
  }
  // 款: each line of an article that is not an item opens a paragraph; the article's own line is the first.
  let li = 0;
  for (const a of doc.articles) {
    let paragraphs = 1;
    while (li < doc.lines.length && doc.lines[li].end <= a.start) li++;
    for (let j = li; j < doc.lines.length && doc.lines[j].textStart < a.end; j++) {
      const l = doc.lines[j];
      // A chapter heading or an attachment closes the article.
      if (headingStarts.has(l.textStart) || signatureStarts.has(l.textStart) || ATTACHMENT.test(l.text)) break;
      if (!l.text || l.textStart <= a.start || itemStarts.has(l.textStart)) continue;
      paragraphs++;
      events.push({ at: l.textStart, order: 5, kind: 'paragraph' });
    }
    events.push({ at: a.start, order: 4, kind: 'article', number: a.number, end: a.end, paragraphs });
    events.push({ at: a.end, order: 7, kind: 'end' });
  }
  for (const it of doc.items) events.push({ at: it.start, order: 6, kind: 'item', item: it });
  events.sort((x, y) => x.at - y.at || x.order - y.order);

  // One sweep: the label that holds from each event's offset on.
  const starts: number[] = [];
  const labels: string[] = [];
  let prefix = '';
  let inBody = doc.parts.length === 0;
  let inTitle = false;
  let chapter = '';
  let signed = false;
  let article: { number: number; end: number; paragraphs: number; paragraph: number } | undefined;
  let stack: Item[] = [];
  const label = () => {
    let where = '';
    if (signed) where = '落款';
    else if (article) {
      where = `第${toChineseNumeral(article.number)}条`;
      if (article.paragraphs > 1) where += `第${toChineseNumeral(article.paragraph)}款`;
      where += articleItems(stack);
    } else if (stack.length) where = stack.map((it) => itemLabel(it.level, it.number)).join('');
    else if (chapter) where = chapter;
    else if (!prefix && inBody && inTitle) where = '标题';
    if (prefix) return where ? `${prefix}${where}` : prefix;
    return where || '正文';
  };
  for (const e of events) {
    signed = e.kind === 'signature' || (signed && (e.kind === 'title' || e.kind === 'title-end' || e.kind === 'end'));
    switch (e.kind) {
      case 'signature':
        article = undefined;
        stack = [];
        break;
      case 'part':
        prefix = PART_NAME[e.part] ?? '';
        inBody = e.part === 'body';
        chapter = '';
        article = undefined;
        stack = [];
        break;
      case 'attachment':
        prefix = e.label;
        chapter = '';
        article = undefined;
        stack = [];
        break;
      case 'title':
      case 'title-end':
        inTitle = e.kind === 'title';
        break;
      case 'chapter':
        chapter = e.chapter ? e.label : `${chapter.replace(/第[^章]+节$/, '')}${e.label}`;
        article = undefined;
        stack = [];
        break;
      case 'article':
        article = { number: e.number, end: e.end, paragraphs: e.paragraphs, paragraph: 1 };
        stack = [];
        break;
      case 'paragraph':
        if (article) article.paragraph++;
        stack = [];
        break;
      case 'item': {
        // Items of an article stay within it; items outside articles nest by level.
        const inArticle = !!article && e.item.start < article.end;
        if (!inArticle && article) article = undefined;
        while (stack.length && stack[stack.length - 1].level >= e.item.level) stack.pop();
        stack.push(e.item);
        break;
      }
      case 'end':
        if (article && e.at >= article.end) article = undefined;
        stack = [];
        break;
    }
    // Later events at the same offset overwrite the earlier label.
    if (starts.length && starts[starts.length - 1] === e.at) labels[labels.length - 1] = label();
    else {
      starts.push(e.at);
      labels.push(label());
    }
  }

  return (offset, documentLevel) => {
    if (documentLevel) return WHOLE_DOCUMENT;
    let lo = 0;
    let hi = starts.length - 1;
    // Before any part begins (a portal page's lines above the headline).
    if (hi < 0 || offset < starts[0]) return '正文';
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return labels[lo];
  };
}
