import { DATE_PATTERN, parseDate } from '../text/dates';
import { parseNumeral } from '../text/numerals';
import type { EffectiveClause, InterpretationClause, Sentence, Span, ValidityClause } from './types';
import { span } from './structure';

const NUM = '[0-9０-９〇零一二两三四五六七八九十百]+';
const ISSUE_ACT = '(?:印发|发布|公布|公告|颁布|签发|下发|发文|通过)';
const TAKE_EFFECT = '(?:起)?(?:正式)?(?:开始)?(?:施行|执行|实施|生效|试行)';
const SELF = /本(?:办法|规定|细则|通知|通告|意见|决定|方案|措施|公告|规则|制度|标准|导则|指引|实施办法|实施细则|若干措施|规范|文件|条例|政策|计划|指南|机制|准则|清单)|《[^》]{1,40}》|该(?:办法|规定|文件)/;

// 自正式印发之日起施行, 自发布起执行 (之日 left out): the same moment as 自印发之日起施行.
const FROM_ISSUE = `自(?:正式)?${ISSUE_ACT}(?:之日)?起`;
const AFTER_DAYS = new RegExp(`自(?:正式)?${ISSUE_ACT}之日起(?:满)?(${NUM})(?:日|天)(?:后|之后|以后)?${TAKE_EFFECT}`);
const ON_ISSUE = new RegExp(`${FROM_ISSUE}${TAKE_EFFECT}`);
const DATE_SRC = DATE_PATTERN.source;
const ON_DATE = new RegExp(`(?:自|从|于)?\\s*(?:${DATE_SRC})\\s*${TAKE_EFFECT}`);
// 自2021年开始执行 / 自2022年1月起施行: a year or month without a day takes effect on its first day.
const ON_PERIOD = new RegExp(`(?:自|从)\\s*(${NUM})\\s*年(?:\\s*(${NUM})\\s*月份?)?(?!\\s*[0-9０-９〇零一二三四五六七八九十]+\\s*日)\\s*${TAKE_EFFECT}`);
/** The statutory exceptions to the grace period. */
export const GRACE_EXCEPTION = /国家安全|重大公共利益|公共利益|不立即施行将有碍|有碍[^。]{0,12}施行/;

/**
 * The clause that says when the document takes effect. Sentences are searched from the end of the body:
 * the clause usually closes the text, and an earlier one may speak of another document.
 */
export function findEffective(text: string, sentences: Sentence[]): EffectiveClause | undefined {
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i];
    if (!/施行|执行|实施|生效|试行/.test(s.text)) continue;
    let m: RegExpExecArray | null;
    let clause: Omit<EffectiveClause, 'sentence' | 'span'> | undefined;
    if ((m = AFTER_DAYS.exec(s.text))) clause = { mode: 'after-days', days: parseNumeral(m[1]) };
    else if ((m = ON_ISSUE.exec(s.text))) clause = { mode: 'on-issue' };
    else if ((m = ON_DATE.exec(s.text))) {
      const d = parseDate(m[0]);
      if (d && !d.partial) clause = { mode: 'date', date: d.iso };
    }
    if (!clause && (m = ON_PERIOD.exec(s.text))) {
      const y = parseNumeral(m[1]);
      const mo = m[2] ? parseNumeral(m[2]) : 1;
      if (y && y >= 1949 && y <= 2200 && mo && mo >= 1 && mo <= 12) clause = { mode: 'date', date: `${y}-${String(mo).padStart(2, '0')}-01` };
    }
    if (!clause || !m) continue;
    // Another document's date (原《…》自…起废止) is not ours; a self-reference or a sentence of its own is.
    const before = s.text.slice(0, m.index);
    if (/废止|停止执行|失效/.test(s.text.slice(m.index, m.index + m[0].length + 4))) continue;
    if (before && !SELF.test(before) && before.length > 40) continue;
    const start = s.start + m.index;
    const sentence = span(text, s.start, s.end);
    let exception: Span | undefined;
    for (const host of [s, sentences[i - 1]]) {
      const exc = host && GRACE_EXCEPTION.exec(host.text);
      if (!exc) continue;
      exception = span(text, host.start + exc.index, host.start + exc.index + exc[0].length);
      break;
    }
    return { ...clause, sentence, span: span(text, start, start + m[0].length), exception };
  }
  return undefined;
}

const PERIOD = '(?:有效期|试行期|暂行期|执行期|实施期|施行期)';
const YEARS = new RegExp(`${PERIOD}(?:限)?(?:为|是)?\\s*(${NUM})\\s*(年|个月)`);
const UNTIL = new RegExp(`${PERIOD}(?:限)?(?:自[^。；]{4,24}?)?(?:为|是)?(?:至|到|截至|截止(?:到|至)?)\\s*(${DATE_SRC})`);
// 有效期至2025年12月底 / 至2025年底 / 至2025年: the last day of that month or year.
const UNTIL_END = new RegExp(`${PERIOD}(?:限)?(?:为|是)?(?:至|到|截至|截止(?:到|至)?)\\s*([0-9０-９〇零一二三四五六七八九]{4})\\s*年(?:\\s*([0-9０-９一二三四五六七八九十]{1,2})\\s*月)?(?:底|末|年底|年末)?(?![0-9０-９一二三四五六七八九十])`);
// A 有效期 of a licence, contract or certificate is not the document's.
const OTHER_SUBJECT = /(?:证|证书|证件|许可|资格|执照|合同|协议|认定|证明|登记|批准文件|授权|贷款|公示|资质)[^。，；]{0,6}$/;

export function findValidity(text: string, sentences: Sentence[]): ValidityClause | undefined {
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i];
    if (!/有效期|试行期|暂行期|执行期|实施期|施行期/.test(s.text)) continue;
    let m = UNTIL.exec(s.text);
    let found: Omit<ValidityClause, 'sentence' | 'span'> | undefined;
    if (m) {
      const d = parseDate(m[1]);
      if (d && !d.partial) found = { until: d.iso };
    }
    if (!found && (m = UNTIL_END.exec(s.text))) {
      const y = parseNumeral(m[1]);
      const mo = m[2] ? parseNumeral(m[2]) : 12;
      if (y && mo && mo >= 1 && mo <= 12) found = { until: `${y}-${String(mo).padStart(2, '0')}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}` };
    }
    if (!found && (m = YEARS.exec(s.text))) {
      const n = parseNumeral(m[1]);
      if (n !== undefined) found = m[2] === '年' ? { years: n } : { months: n };
    }
    if (!found || !m) continue;
    if (OTHER_SUBJECT.test(s.text.slice(0, m.index))) continue;
    const start = s.start + m.index;
    return { ...found, sentence: span(text, s.start, s.end), span: span(text, start, start + m[0].length) };
  }
  return undefined;
}

const INTERPRET = /由([^。，,；;：:《》\s]{2,40}?)(?:负责)?(?:具体)?(?:解释|解读)(?:工作)?[。；;，,]?$|解释权(?:归|属于?)([^。，,；;]{2,40}?)[。；;，,]?$/;

const INTERPRET_BY = new RegExp(`^[\\s\\u3000]*((?:第[一二三四五六七八九十百零〇0-9]+条)?[\\s\\u3000]*[\\u4e00-\\u9fa5（）]{2,40}?(?:局|厅|委|办|政府|管委会|委员会|中心|办公室|部))(?:负责)?对(?:${SELF.source})[^。；]{0,16}?(?:进行|作出|负责)?解释[。；;，,]?$`);

export function findInterpretation(text: string, sentences: Sentence[]): InterpretationClause | undefined {
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i];
    if (!/解释|解读/.test(s.text)) continue;
    const m = INTERPRET.exec(s.text);
    if (m) {
      if (!SELF.test(s.text.slice(0, m.index)) && m.index > 12) continue;
      const name = m[1] ?? m[2];
      const at = s.start + m.index + m[0].indexOf(name);
      return { sentence: span(text, s.start, s.end), body: span(text, at, at + name.length) };
    }
    // 甲局对本规定的具体应用问题进行解释: the body leads the sentence (after its article number).
    const o = INTERPRET_BY.exec(s.text);
    if (o) {
      const lead = /^(?:第[一二三四五六七八九十百零〇0-9]+条)?[\s\u3000]*/.exec(o[1])![0].length;
      const at = s.start + o.index + lead;
      return { sentence: span(text, s.start, s.end), body: span(text, at, s.start + o.index + o[1].length) };
    }
  }
  return undefined;
}

const BASIS = /(?:根据|依据|依照|按照|贯彻落实|贯彻|落实|遵照)[^。]{0,400}?(?:《|法律|法规|规章|规定|精神|要求|部署|决策|意见|通知)/;

/** The 制定依据 clause: in the preamble or first article, 根据《…》…制定 (or the like). */
export function findBasisClause(text: string, sentences: Sentence[], bodyStart: number, firstArticleEnd: number): Span | undefined {
  for (const s of sentences) {
    if (s.start < bodyStart) continue;
    if (s.start >= firstArticleEnd) break;
    if (BASIS.test(s.text)) return span(text, s.start, s.end);
  }
  return undefined;
}
