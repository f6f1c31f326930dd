import { DEFECT_CODES, type DefectCode } from '../../utils/engine/codes';
import { SEVERITY_RANK } from '../../utils/engine/types';
import { WHOLE_DOCUMENT } from '../../utils/engine/where';
import { CONCLUSION_LABELS, type Conclusion, type FullReview, type StoredFinding } from '../../utils/storage/types';
import { showInvisible as inert } from '../../utils/text/untrusted';
import { parseDocument } from '../../utils/model/parse';
import type { Article } from '../../utils/model/types';
import { quotable } from '../../utils/text/phrase';

/**
 * Which kind of opinion fits the case: a draft sent for 合法性审核 gets a 合法性审核意见; a published document
 * reviewed for filing gets a 备案审查意见, or a 纠错建议 when it has problems to correct.
 */
export type OpinionKind = 'draft' | 'filing' | 'correction';

/** What the printable 审查意见书 says, built from a saved review; the page and the .docx only lay it out. */
export interface OpinionModel {
  kind: OpinionKind;
  title: string;
  /** The reviewed document's 文号, printed under the title. */
  docNumber?: string;
  addressee?: string;
  opening: string;
  items: OpinionItem[];
  /** Fixes made in the editor during the review: before and after, with the article they are in. */
  fixes: OpinionFix[];
  fixedCount: number;
  /** Findings the reviewer set aside: not raised, not printed. */
  dismissedCount: number;
  remarks?: string;
  conclusion: Conclusion;
  /** 审核结论 for a draft, 审查结论 for a published document. */
  conclusionHeading: string;
  conclusionLabel: string;
  conclusionText: string;
  reviewer?: string;
  /** Local date, 2024年3月1日. */
  date: string;
  recordId: number;
}

export interface OpinionItem {
  code: DefectCode;
  heading: string;
  /** The legal basis as one sentence, ending in 。 */
  basis: string;
  /** One sentence per finding: where (第X条), the excerpt quoted (unless the message already quotes it), the message, the fix. */
  points: string[];
  /** The articles the item concerns (第三条…), in order, each once. */
  articles: string[];
}

export interface OpinionFix {
  heading: string;
  article?: string;
  before: string;
  after: string;
}

/** A clause as the end of a sentence: trailing punctuation replaced by one 。 */
const sentence = (s: string) => s.trim().replace(/[。；;，,：:、\s]+$/u, '') + '。';

function pointText(f: StoredFinding, text: string, article: string | undefined): string {
  const excerpt = f.documentLevel ? '' : text.slice(f.start, f.end) === f.excerpt ? quotable(text, f.start, f.end) : f.excerpt;
  const quote = excerpt.trim() && !f.message.includes(f.excerpt.trim() || excerpt) ? `“${excerpt}”` : '';
  const lead = article && quote ? `${article}${quote}：` : article ? `${article}：` : quote ? `${quote}：` : '';
  const fix = f.fix?.label ? `建议${f.fix.label.replace(/^建议/, '')}` : '';
  return lead + sentence(f.message) + (fix ? sentence(fix) : '');
}

// A grouped finding names at most this many of its places; the count says how many there are in all.
const PLACES_NAMED = 8;

/** Where a defect found throughout is: 第三条、第五条等共12处. */
export function groupPlace(places: NonNullable<StoredFinding['places']>): string {
  const wheres = [...new Set(places.map((p) => p.where).filter((w) => w && w !== WHOLE_DOCUMENT))];
  const named = wheres.slice(0, PLACES_NAMED).join('、');
  return `${named}${named ? '等' : ''}共${places.length}处`;
}

/**
 * The article a finding sits in (第三条), from `where` when the engine gives it, else from the document's articles;
 * for a grouped finding, its places and their count.
 */
function articleOf(f: StoredFinding, articles: readonly Article[]): string | undefined {
  if (f.places?.length) return groupPlace(f.places);
  const where = (f as { where?: unknown }).where;
  if (typeof where === 'string' && /^第.+条/.test(where)) return where.match(/^第.+?条/)![0];
  if (f.documentLevel) return undefined;
  const a = articles.find((x) => f.start >= x.start && f.start < x.end);
  return a ? `第${chineseNumber(a.number)}条` : undefined;
}

const DRAFT_MARK = /征求意见稿|送审稿|草案|讨论稿|修改稿|代拟稿/;

/** A draft unless the review says it was published: a portal page, a publication date, or a 文号 without a draft mark. */
export function opinionKind(review: FullReview, listed: number): OpinionKind {
  const head = `${review.title ?? ''}${review.body.text.slice(0, 200)}`;
  const published = !DRAFT_MARK.test(head) && (review.source === 'portal' || !!review.publishedDate);
  if (!published) return 'draft';
  return listed > 0 && review.conclusion !== 'approve' ? 'correction' : 'filing';
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五: the numbering of 一、二、 and （一）. */
export function chineseNumber(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest));
  }
  return String(n);
}

/**
 * The document's name inside the opinion's own 《》: an outer pair already written is dropped, and 《》 within
 * it become 〈〉 (GB/T 15834: a title inside a title).
 */
export function bookTitle(title: string): string {
  let t = title.trim();
  if (t.startsWith('《') && t.endsWith('》') && !t.slice(1, -1).includes('《')) t = t.slice(1, -1);
  return t.replace(/《/g, '〈').replace(/》/g, '〉');
}

export const opinionDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
};

/** The conclusion, worded for the kind of opinion and for whether items are raised: never 未发现问题 above a list. */
function conclusionText(kind: OpinionKind, conclusion: Conclusion, hasItems: boolean): string {
  if (kind === 'draft') {
    switch (conclusion) {
      case 'approve':
        return hasItems
          ? '该文件总体符合合法性要求，请参考上述意见修改完善后，按程序提请审议或印发。'
          : '经审核，该文件未发现合法性问题，同意按程序提请审议或印发。';
      case 'approve-with-changes':
        return '请按上述意见修改完善后，按程序提请审议或印发。';
      case 'return':
        return '该文件存在上述合法性问题，现予退回，请修改后重新报送审核。';
      case 'pending':
        return hasItems ? '请对上述意见研究处理。' : '审核结论待定。';
    }
  }
  switch (conclusion) {
    case 'approve':
      return hasItems ? '予以备案。上述问题请在今后制定文件时注意。' : '经审查，未发现该文件违反法律、法规、规章和国家政策，予以备案。';
    case 'approve-with-changes':
      return '请按上述意见自行修改，并在规定期限内将处理结果书面报送。';
    case 'return':
      return '请按上述意见予以纠正，并在规定期限内将纠正情况书面报送。';
    case 'pending':
      return hasItems ? '请对上述意见研究处理。' : '审查结论待定。';
  }
}

const UNTITLED = '（无标题）';

/**
 * Builds the opinion of a review: defects the reviewer confirmed or left undecided, grouped by code, with their
 * articles. Every text taken from the page or the reviewer is shown inert: a right-to-left override in a title or
 * an excerpt would otherwise print the rest of the sentence reversed.
 */
export function buildOpinion(stored: FullReview): OpinionModel {
  return inertModel(buildModel(stored));
}

function inertModel(m: OpinionModel): OpinionModel {
  return {
    ...m,
    title: inert(m.title),
    docNumber: inert(m.docNumber),
    addressee: inert(m.addressee),
    opening: inert(m.opening),
    items: m.items.map((i) => ({ ...i, heading: inert(i.heading), basis: inert(i.basis), points: i.points.map((p) => inert(p)) })),
    fixes: m.fixes.map((f) => ({ ...f, before: inert(f.before), after: inert(f.after) })),
    remarks: inert(m.remarks),
    reviewer: inert(m.reviewer),
  };
}

function buildModel(review: FullReview): OpinionModel {
  const text = review.body.text;
  const articles = parseDocument(text, review.body.metadata ?? {}).articles;
  const listed = review.body.findings.filter((f) => f.decision === 'confirmed' || f.decision === 'undecided');
  const kind = opinionKind(review, listed.length);
  const hasTitle = review.title && review.title !== UNTITLED;
  const name = hasTitle ? `《${bookTitle(review.title)}》` : '该文件';
  const docName = { draft: '合法性审核意见', filing: '备案审查意见', correction: '纠错建议' }[kind];
  const title = hasTitle ? `关于${name}的${docName}` : docName;
  const byCode = new Map<DefectCode, StoredFinding[]>();
  for (const f of [...listed].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start)) {
    byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  }
  const items: OpinionItem[] = [...byCode].map(([code, fs]) => {
    const places = fs.map((f) => articleOf(f, articles));
    return {
      code,
      heading: DEFECT_CODES[code] ?? code,
      basis: sentence(fs[0].basis),
      points: fs.map((f, i) => pointText(f, text, places[i])),
      articles: [...new Set(places.filter((p): p is string => !!p))],
    };
  });
  const fixed = review.body.findings.filter((f) => f.decision === 'fixed');
  const fixes: OpinionFix[] = fixed.map((f) => ({
    heading: DEFECT_CODES[f.code] ?? f.code,
    ...(articleOf(f, articles) ? { article: articleOf(f, articles) } : {}),
    before: f.edit?.before ?? f.excerpt,
    after: f.edit?.after ?? '',
  }));
  const docNo = review.docNumber ? `（${review.docNumber}）` : '';
  const verb = kind === 'draft' ? '审核' : '审查';
  let opening: string;
  if (kind === 'correction') opening = `经审查，${name}${docNo}存在下列问题，建议予以纠正：`;
  else if (items.length) opening = `${name}${docNo}收悉。经${verb}，提出如下意见：`;
  else opening = `${name}${docNo}收悉。经${verb}，未发现需要修改的合法性问题。`;
  return {
    kind,
    title,
    ...(review.docNumber ? { docNumber: review.docNumber } : {}),
    ...(review.issuer ? { addressee: review.issuer } : {}),
    opening,
    items,
    fixes,
    fixedCount: fixed.length,
    dismissedCount: review.body.findings.filter((f) => f.decision === 'dismissed').length,
    ...(review.body.remarks ? { remarks: review.body.remarks } : {}),
    conclusion: review.conclusion,
    conclusionHeading: `${verb}结论`,
    conclusionLabel: CONCLUSION_LABELS[review.conclusion],
    conclusionText: conclusionText(kind, review.conclusion, items.length > 0),
    ...(review.reviewer ? { reviewer: review.reviewer } : {}),
    date: opinionDate(review.createdAt),
    recordId: review.id,
  };
}
