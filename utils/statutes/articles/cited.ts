// The articles a document cites, each joined to what the facts say of it in the edition in force on the document's
// date. Shared by the two article rules and the panel's 引用条文 list; computed once per document.
import { formatDate } from '../../text/dates';
import { toChineseNumeral } from '../../text/numerals';
import type { DocModel } from '../../model/types';
import type { StatuteTable } from '../types';
import { editionAt, lastArticle, type ArticleFact, type ArticleFacts, type Edition } from './format';
import { formatFine, PENALTY_KINDS, POWERS } from './penalties';
import { articleRefs, type ArticleRef, type RefGroup } from './refs';

export interface CitedArticle {
  ref: ArticleRef;
  group: RefGroup;
  /** The edition in force on the date, or undefined when the texts cannot tell (see editionAt). */
  edition?: Edition;
  /** The article in that edition; undefined when the edition lacks it. */
  fact?: ArticleFact;
}

/** 133.1 → 第一百三十三条之一 */
export function articleLabel(id: string): string {
  const [n, sub] = id.split('.');
  return `第${toChineseNumeral(Number(n))}条${sub ? `之${toChineseNumeral(Number(sub))}` : ''}`;
}

/** A chapter that holds the penalties: 法律责任, 罚则, 奖励与处罚. */
export const isLiabilityChapter = (title: string | undefined) => !!title && /法律责任|罚则|处罚/.test(title);

/** "第四十二条（第六章 法律责任）：罚款5000元以下；没收" — what the facts say, for the reviewer. */
export function describeArticle(f: ArticleFact): string {
  const where = [f.chapter, f.section].filter(Boolean).join(' ');
  const kinds = f.kinds.filter((k) => k !== 'F').map((k) => PENALTY_KINDS[k]);
  const fines = f.fines.filter((x) => x.lo !== undefined || x.hi !== undefined).map(formatFine);
  const penalty = [
    ...(f.kinds.includes('F') ? (fines.length ? fines : ['罚款']) : []),
    ...kinds,
  ];
  const powers = f.powers.map((p) => `涉及${POWERS[p]}`);
  const says = penalty.length ? penalty.join('；') : f.refersToPenalty ? '提及处罚或处分，未规定具体种类' : '不设处罚';
  return `${articleLabel(f.id)}${where ? `（${where}）` : ''}：${[says, ...powers].join('；')}`;
}

/** The edition, named by its date: 2021年1月22日文本. */
export const editionName = (e: Edition) => `${formatDate(e.date)}文本${e.from !== e.date ? `（${formatDate(e.from)}起施行）` : ''}`;

/** 共八十六条 */
export const editionSize = (e: Edition) => `共${toChineseNumeral(lastArticle(e))}条`;

const memo = new WeakMap<DocModel, Map<string, CitedArticle[]>>();

/** Every cited article the facts know the statute of, with its edition and facts on `date`. */
export function citedArticles(doc: DocModel, table: StatuteTable, facts: ArticleFacts, date: string): CitedArticle[] {
  let byDate = memo.get(doc);
  if (!byDate) memo.set(doc, (byDate = new Map()));
  const hit = byDate.get(date);
  if (hit) return hit;
  const out: CitedArticle[] = [];
  for (const group of articleRefs(doc, table)) {
    const s = facts.get(group.statute.name);
    if (!s) continue;
    const edition = editionAt(s, date);
    for (const ref of group.refs) out.push({ ref, group, edition, fact: edition?.article(ref.id) });
  }
  byDate.set(date, out);
  return out;
}

/** One line of the panel's 引用条文 list: where the document cites an article, and what the facts say of it. */
export interface CitedArticleNote {
  start: number;
  end: number;
  /** 《价格法》第四十二条 */
  cited: string;
  /** 第四十二条（第六章 法律责任）：5000元以下罚款；没收 — or why nothing can be said. */
  facts: string;
  /** The text the facts come from: 1997年12月29日文本（1998年5月1日起施行）. */
  edition?: string;
  status: 'known' | 'missing' | 'no-edition';
}

/** The notes for every cited article the facts know the statute of, each article once, in text order. */
export function citedArticleNotes(doc: DocModel, table: StatuteTable, facts: ArticleFacts, date: string): CitedArticleNote[] {
  const seen = new Set<string>();
  const notes: CitedArticleNote[] = [];
  for (const c of citedArticles(doc, table, facts, date)) {
    const key = `${c.group.statute.name}#${c.ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cited = `《${c.group.statute.name.replace(/^中华人民共和国/, '')}》${articleLabel(c.ref.id)}`;
    const base = { start: c.ref.label.start, end: c.ref.label.end, cited };
    if (!c.edition) {
      notes.push({ ...base, facts: `未收录文件日期（${formatDate(date)}）施行的文本，不作判断`, status: 'no-edition' });
    } else if (!c.fact) {
      notes.push({ ...base, facts: `${editionSize(c.edition)}，没有${articleLabel(c.ref.id)}`, edition: editionName(c.edition), status: 'missing' });
    } else {
      notes.push({ ...base, facts: describeArticle(c.fact), edition: editionName(c.edition), status: 'known' });
    }
  }
  return notes;
}
