import { formatDate } from '../text/dates';
import type { DateValue, DocModel, Sentence } from '../model/types';
import { splitClauses } from '../model/structure';
import ORGAN_SHORT_NAMES_DATA from '../../rules/data/organ-short-names.json';

const ORGAN_SHORT_NAMES = ORGAN_SHORT_NAMES_DATA as [string, string][];

/** A text that describes a document (起草说明, 政策解读) rather than being one: missing-clause rules do not apply. */
export const describesAnother = (doc: DocModel) => doc.kind === 'explanation' || doc.kind === 'interpretation';

/**
 * A text that should carry the clauses of a normative document itself: a document or draft whose body is on the
 * page (a cover notice whose attachment is a download carries none).
 */
export const isNormText = (doc: DocModel) => (doc.kind === 'normative' || doc.kind === 'draft') && doc.parts.some((p) => p.kind === 'body');

/**
 * A text that should carry every clause of a whole document: not a selection or a fragment of clauses, which is
 * reviewed for what it holds and never for what it was not chosen to hold.
 */
export const isWholeNormText = (doc: DocModel) => isNormText(doc) && !doc.fragment;

/**
 * The date a document's timing is measured from: its publication, else its signing, else the latest date the
 * drafting left in the text (a notice, an 起草说明's signature, 于…印发). Drafts are published later still, so a
 * gap measured from a drafting date is the most the document can get.
 */
export function referenceDate(doc: DocModel): (DateValue & { label: string }) | undefined {
  if (doc.kind === 'interpretation' || doc.kind === 'explanation') {
    const issued = /于\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*(?:印发|发布|公布)/.exec(doc.text);
    if (issued) {
      const [y, m, d] = issued[1].match(/\d+/g)!.map(Number);
      return { iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, source: 'text', label: '印发日期' };
    }
  }
  if (doc.kind === 'normative') {
    if (doc.dates.published) return { ...doc.dates.published, label: '发布日期' };
    if (doc.dates.written) return { ...doc.dates.written, label: '成文日期' };
  }
  const dated = doc.signatures.map((s) => s.date).filter((d): d is DateValue => !!d && !d.partial);
  const candidates = [doc.dates.published, doc.dates.written, ...dated].filter((d): d is DateValue => !!d);
  if (!candidates.length) return undefined;
  const latest = candidates.reduce((a, b) => (b.iso > a.iso ? b : a));
  return { ...latest, label: doc.kind === 'draft' ? '起草材料所署日期' : '文中日期' };
}

export const cn = formatDate;

/**
 * Organ names compared without the place prefix a text may leave out (清河市城市管理局 ~ 市城市管理局) and in their
 * usual short forms (河北省科学技术厅 ~ 省科技厅, 中国银行保险监督管理委员会河北监管局 ~ 河北银保监局).
 */
export function sameOrgan(a: string, b: string): boolean {
  const x = stripPlace(shortOrganName(a));
  const y = stripPlace(shortOrganName(b));
  return x === y || (x.length >= 2 && y.length >= 2 && (x.endsWith(y) || y.endsWith(x)));
}

export function shortOrganName(name: string): string {
  let s = name.replace(/[\s\u3000]/g, '');
  // 中国银保监会河北监管局 → 河北银保监局: the regional office of a national regulator is named by its place.
  s = s.replace(/^中国银行保险监督管理委员会([\u4e00-\u9fa5]{2,8}?)监管局$/, '$1银保监局').replace(/^国家金融监督管理总局([\u4e00-\u9fa5]{2,8}?)监管局$/, '$1金融监管局');
  for (const [full, short] of ORGAN_SHORT_NAMES) s = s.split(full).join(short);
  return s;
}

/**
 * Organ names run together on one line (a joint signature copied without breaks: 河北省教育厅河北省财政厅), split
 * where one name ends and a place or 国家 begins.
 */
export function splitOrganNames(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/[、，,；;\s\u3000]+|会同/)) {
    const re = /.+?(?:人民政府办公厅|人民政府办公室|人民政府|管理委员会办公室|管委会办公室|管理委员会|管委会|委员会|办公厅|办公室|总局|厅|局|委|办|署|院|中心|联合会)(?=$|[\u4e00-\u9fa5]{0,4}?(?:省|市|县|区|州|盟|旗|国家|中国))/g;
    let last = 0;
    for (const m of part.matchAll(re)) {
      out.push(m[0]);
      last = m.index! + m[0].length;
    }
    if (last < part.length) {
      const rest = part.slice(last);
      if (out.length && rest.length < 2) out[out.length - 1] += rest;
      else out.push(rest);
    }
  }
  return out.filter((x) => x.length >= 2);
}

// 清河市东山区教育局 → 教育局; 市城市管理局 → 城市管理局 (the 市 of 城市, 市场, 市容, 市政 is not a place level).
const PLACE_LEVEL = /^([\u4e00-\u9fa5]{0,7}?)(省|自治区|市|自治州|县|区|旗)/;
export function stripPlace(name: string): string {
  let s = name.replace(/[\s\u3000]/g, '').replace(/^(?:本|该)/, '');
  for (let guard = 0; guard < 4; guard++) {
    const m = PLACE_LEVEL.exec(s);
    if (!m) break;
    const next = s[m[0].length] ?? '';
    const prev = m[1].slice(-1);
    if (/[场容政民辖属直]/.test(next) || /[城都社地]/.test(prev) || s.length - m[0].length < 2) break;
    s = s.slice(m[0].length);
  }
  return s;
}


/**
 * Sentences that can carry norms: not a comment notice's own text, not a drafter's bracketed remark
 * (【区城市管理局意见：…】).
 */
export function normSentences(doc: DocModel): Sentence[] {
  return doc.sentences.filter((s) => !doc.inParts(['notice'], s.start));
}

export { splitClauses };

const DEFER = /(?:依照|依据|根据|按照|遵照)/g;
const HIGHER = /《|法律|法规|规章|国家|有关规定|相关规定|规定/;

/**
 * Whether words take a power from a higher law: 依照《…》, 依法, 按照法律、法规（国家有关规定）. Such a clause restates
 * the law instead of creating the power. 按照本办法第六条规定 points back at the document itself, and 未按照规定 describes
 * the violation, not the source of the power: neither counts.
 */
export function restatesHigherLaw(s: string): boolean {
  if (/依法(?!律)/.test(s) || /法律、(?:行政)?法规(?:规定|另有规定)|法律法规(?:规定|另有规定)/.test(s)) return true;
  for (const m of s.matchAll(DEFER)) {
    const prev = s[m.index! - 1] ?? '';
    if (prev === '未' || prev === '不') continue;
    const next = s.slice(m.index! + m[0].length, m.index! + m[0].length + 14);
    if (/^本/.test(next) || /^(?:规定|要求)?(?:的)?(?:标准|时间|路线|期限|用途)/.test(next)) continue;
    if (HIGHER.test(next)) return true;
  }
  return false;
}

/** The article (or, without articles, the sentence) that holds a sentence: the context a restatement is judged in. */
export function articleText(doc: DocModel, s: Sentence): string {
  const a = doc.articles.find((x) => x.start <= s.start && x.end >= s.end);
  return a ? doc.text.slice(a.start, a.end) : s.text;
}
