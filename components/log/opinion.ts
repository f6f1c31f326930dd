import { DEFECT_CODES, type DefectCode } from '../../utils/engine/codes';
import { SEVERITY_RANK } from '../../utils/engine/types';
import { CONCLUSION_LABELS, type Conclusion, type FullReview, type StoredFinding } from '../../utils/storage/types';
import { showInvisible as inert } from '../../utils/text/untrusted';

/** What the printable 审查意见书 says, built from a saved review; the page only lays it out. */
export interface OpinionModel {
  title: string;
  /** The reviewed document's 文号, printed under the title. */
  docNumber?: string;
  addressee?: string;
  opening: string;
  items: OpinionItem[];
  /** Findings fixed during the review, or dismissed with a reason: said in one sentence each, not listed as defects. */
  fixedCount: number;
  dismissedCount: number;
  remarks?: string;
  conclusion: Conclusion;
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
  /** One sentence per finding: the excerpt quoted (unless the message already quotes it), the message, the fix. */
  points: string[];
}

/** A clause as the end of a sentence: trailing punctuation replaced by one 。 */
const sentence = (s: string) => s.trim().replace(/[。；;，,：:、\s]+$/u, '') + '。';

function pointText(f: StoredFinding): string {
  const quote = !f.documentLevel && f.excerpt.trim() && !f.message.includes(f.excerpt) ? `“${f.excerpt}”：` : '';
  const fix = f.fix?.label ? `建议${f.fix.label.replace(/^建议/, '')}` : '';
  return quote + sentence(f.message) + (fix ? sentence(fix) : '');
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

const CONCLUSION_TEXT: Record<Conclusion, string> = {
  approve: '经审查，该文件未发现合法性问题，同意按程序提请审议或印发。',
  'approve-with-changes': '请按上述意见修改完善后，按程序提请审议或印发。',
  return: '该文件存在上述合法性问题，现予退回，请修改后重新报送审查。',
  pending: '审查结论待定。',
};

const UNTITLED = '（无标题）';

/**
 * Builds the 审查意见书 of a review: defects the reviewer confirmed or left undecided, grouped by code. Every
 * text taken from the page or the reviewer is shown inert: a right-to-left override in a title or an excerpt
 * would otherwise print the rest of the sentence reversed.
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
    remarks: inert(m.remarks),
    reviewer: inert(m.reviewer),
  };
}

function buildModel(review: FullReview): OpinionModel {
  const hasTitle = review.title && review.title !== UNTITLED;
  const name = hasTitle ? `《${bookTitle(review.title)}》` : '该文件';
  const title = hasTitle ? `关于${name}的合法性审查意见书` : '合法性审查意见书';
  const listed = review.body.findings.filter((f) => f.decision === 'confirmed' || f.decision === 'undecided');
  const byCode = new Map<DefectCode, StoredFinding[]>();
  for (const f of [...listed].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start)) {
    byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  }
  const items: OpinionItem[] = [...byCode].map(([code, fs]) => ({
    code,
    heading: DEFECT_CODES[code] ?? code,
    basis: sentence(fs[0].basis),
    points: fs.map(pointText),
  }));
  const docNo = review.docNumber ? `（${review.docNumber}）` : '';
  const opening = items.length
    ? `${name}${docNo}收悉。经审查，提出如下意见：`
    : `${name}${docNo}收悉。经审查，未发现需要修改的合法性问题。`;
  return {
    title,
    ...(review.docNumber ? { docNumber: review.docNumber } : {}),
    ...(review.issuer ? { addressee: review.issuer } : {}),
    opening,
    items,
    fixedCount: review.body.findings.filter((f) => f.decision === 'fixed').length,
    dismissedCount: review.body.findings.filter((f) => f.decision === 'dismissed').length,
    ...(review.body.remarks ? { remarks: review.body.remarks } : {}),
    conclusion: review.conclusion,
    conclusionLabel: CONCLUSION_LABELS[review.conclusion],
    conclusionText: CONCLUSION_TEXT[review.conclusion],
    ...(review.reviewer ? { reviewer: review.reviewer } : {}),
    date: opinionDate(review.createdAt),
    recordId: review.id,
  };
}
