import { daysBetween, findDates, isValidDate } from '../text/dates';
import { parseNumeral } from '../text/numerals';
import type { CommentPeriod, Line, Sentence, Span } from './types';
import { span } from './structure';

const COMMENT_WORDS = /征求[^。]{0,30}意见|意见征集|反馈意见|意见建议|意见反馈|提出意见|征询意见/;
const PUBLIC = /向社会(?:各界)?(?:公开)?|社会公众|公开征求|公众意见|社会各界|门户网站|网上征求|网上公开|向全社会|听证/;
const N = '[0-9０-９〇零一二两三四五六七八九十]';
// 2021年9月1日至9月10日: the second date may leave out the year, or the year and month.
const RANGE_TAIL = new RegExp(`^\\s*(?:至|到|—|–|－|-|~|～)\\s*(?:(${N}{4})\\s*年)?\\s*(?:(${N}{1,2})\\s*月)?\\s*(${N}{1,2})\\s*日`);
// 请于…前, 截止为…, and a heading that names the deadline: 反馈时间2024年8月25日前 / 征求意见截止日期：….
const DEADLINE_LEAD = /(?:请于|请在|于|在|截至|截止(?:到|至|时间|日期)?(?:为|是)?|(?:反馈|征求意见|意见征集|提交意见|报送意见|意见反馈)(?:的)?(?:截止)?(?:时间|期限|日期)(?:为|是)?)[\s：:]*$/;
const DEADLINE_TAIL = /^\s*(?:前|之前|以前|止|24时前|17时前|下班前)/;
const pad = (n: number) => String(n).padStart(2, '0');
// 征求意见期限为15日 / 公开征求意见时间为10个工作日: a period stated as a length.
const DURATION = new RegExp(`(?:征求意见|意见征集|征求)(?:的)?(?:期限|时间|期)(?:为|是|共|：|:)?\\s*(${N}{1,3})\\s*(个工作日|日|天)`);
// 自即日起至2023年6月30日 / 自本公告发布之日起至…: the period starts with the notice.
const FROM_NOTICE = /(?:自|从)(?:即日|本?公告(?:发布)?之日|发布之日|公布之日|印发之日)起?\s*(?:至|到)\s*$/;
// Characters before a date that FROM_NOTICE and DEADLINE_LEAD may read (both are a few words and some spaces).
const LEAD_WINDOW = 40;

const CHANNELS: RegExp[] = [
  // Starts only where a run of address characters starts, with bounded parts: a 200k run of letters is one try, not 200k.
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g,
  /(?:通信地址|通讯地址|邮寄地址|邮寄至|信函)[：:]?[^\n]{2,60}/g,
  /(?:联系电话|电话|传真)[：:]\s*[0-9０-９\-－()（）]{6,20}/g,
  /(?:网上留言|在线提交|意见征集[”"]?栏目|门户网站[^。\n]{0,20}(?:栏目|专栏|留言))/g,
];

/**
 * Comment periods: a date range or a deadline near words about comments (the same sentence, or the heading
 * line just above it, as in 一、征求意见时间\n2021年10月20日至…). `noticeDate` starts a period given only
 * by its deadline (请于6月15日前反馈).
 */
export function findComments(text: string, lines: Line[], sentences: Sentence[], givenNoticeDate?: string): CommentPeriod[] {
  const out: CommentPeriod[] = [];
  let noticeDate = givenNoticeDate;
  let lookedForSignature = false;
  const channels = findChannels(text);
  const publicHit = PUBLIC.exec(text);
  const publicScope = publicHit ? span(text, publicHit.index, publicHit.index + publicHit[0].length) : undefined;
  let lineIx = 0;
  for (const s of sentences) {
    while (lineIx < lines.length - 1 && lines[lineIx].end < s.start) lineIx++;
    const context = COMMENT_WORDS.test(s.text) || [1, 2].some((k) => COMMENT_WORDS.test(lines[lineIx - k]?.text ?? '') && (lines[lineIx - k]?.text.length ?? 99) <= 20);
    if (!context) continue;
    // Looked for once, from the first sentence about comments: a signature closes the notice after it.
    if (!lookedForSignature) {
      lookedForSignature = true;
      noticeDate ??= signedAfter(text, s.end);
    }
    for (const d of findDates(s.text)) {
      if (d.partial) continue;
      const after = s.text.slice(d.index + d.length);
      const tail = RANGE_TAIL.exec(after);
      if (tail) {
        const y = tail[1] ? parseNumeral(tail[1])! : +d.iso.slice(0, 4);
        const mo = tail[2] ? parseNumeral(tail[2])! : +d.iso.slice(5, 7);
        const day = parseNumeral(tail[3])!;
        if (!isValidDate(y, mo, day)) continue;
        const to = `${y}-${pad(mo)}-${pad(day)}`;
        const at = s.start + d.index;
        out.push({ span: span(text, at, at + d.length + tail[0].length), from: d.iso, to, days: daysBetween(d.iso, to) + 1, channels, publicScope });
        break;
      }
      // The words before a date are read from a short window: a long sentence of dates is not re-read from its start.
      const leadFrom = Math.max(0, d.index - LEAD_WINDOW);
      const before = s.text.slice(leadFrom, d.index);
      const start = FROM_NOTICE.exec(before);
      if (start && noticeDate && noticeDate <= d.iso) {
        const at = s.start + leadFrom + start.index;
        out.push({ span: span(text, at, s.start + d.index + d.length), from: noticeDate, to: d.iso, days: daysBetween(noticeDate, d.iso) + 1, channels, publicScope });
        break;
      }
      const lead = DEADLINE_LEAD.exec(before);
      const closes = DEADLINE_TAIL.exec(after);
      // 请于…前 needs its 前; 截止时间为… says it already.
      if (lead && (closes || /截[止至]/.test(lead[0]))) {
        const at = s.start + leadFrom + lead.index;
        const end = s.start + d.index + d.length + (closes?.[0].length ?? 0);
        const from = noticeDate && noticeDate <= d.iso ? noticeDate : undefined;
        // Sentence-level span, so the reviewer sees 请于…前将意见反馈至…
        out.push({
          span: span(text, at, Math.max(end, s.end)),
          from,
          to: d.iso,
          days: from ? daysBetween(from, d.iso) + 1 : undefined,
          channels,
          publicScope,
        });
        break;
      }
    }
    const dur = DURATION.exec(s.text);
    // Periods are found in sentence order: only the last can belong to this sentence.
    const last = out[out.length - 1];
    if (dur && !(last && last.span.start >= s.start && last.span.start < s.end)) {
      const n = parseNumeral(dur[1])!;
      // Working days: five in every seven calendar days.
      const days = dur[2] === '个工作日' ? Math.floor((n * 7) / 5) : n;
      out.push({ span: span(text, s.start + dur.index, s.start + dur.index + dur[0].length), days, channels, publicScope });
    }
  }
  return out;
}

// 平潭综合实验区行政审批局　2024年1月9日: an organ's name right before a full date signs the notice, also where a
// copy ran the signature into the text.
const SIGNED = /(?:局|厅|委|办|政府|委员会|管委会|办公室|中心)[\s\u3000]{0,4}([0-9０-９〇零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)/;

/** The date of the first signature within 3,000 characters after `from` (the notice's own date, when no line break sets it apart). */
function signedAfter(text: string, from: number): string | undefined {
  const m = SIGNED.exec(text.slice(from, from + 3000));
  const d = m && findDates(m[1])[0];
  return d && !d.partial ? d.iso : undefined;
}

function findChannels(text: string): Span[] {
  const out: Span[] = [];
  for (const re of CHANNELS) for (const m of text.matchAll(re)) out.push(span(text, m.index!, m.index! + m[0].length));
  return out.sort((a, b) => a.start - b.start);
}

const CONSULT = /征求(?:了)?[^。]{0,80}?意见|会签|听取[^。]{0,40}?意见|征询[^。]{0,40}?意见/;
const NOT_A_REPORT = /(?:应当|须|要|请|拟)[^。]{0,6}征求|征求意见(?:的)?(?:时间|期间|期限|截止|起止)|意见反馈|反馈至|公开征求意见的公告/;
// Titles are names, not reports: 《…（征求意见稿）》 says nothing about who was consulted. [^《》]: an unclosed 《
// ends the try at the next 《, so a run of them is not scanned to its end from each one.
const maskTitles = (s: string) => s.replace(/《[^《》]*》/g, (t) => '《' + '　'.repeat(t.length - 2) + '》');

/**
 * Sentences that report how a draft was consulted on (书面征求了…部门的意见; 在门户网站公开征求社会公众意见),
 * and whether the consultation reached the public. A norm that orders consultation (应当征求居民意见) is not a report.
 */
const DEPARTMENTS = /部门|单位|局|委员会|厅|办公室|人民政府|乡镇|乡（镇）|街道|县区|区县|成员单位|处室|科室|司法|财政|会签/;

// Parties outside the administration: a consultation that names them (企业、专家、群众) did not ask departments only.
const OUTSIDERS = /企业|专家|学者|群众|公众|社会|协会|商会|律师|代表|委员(?!会)|人员|师生|家长|居民|村民|市场主体|经营者/;

/**
 * Whether the parties consulted are departments and units alone. The parties are those named in the consulting
 * phrase (征求县财政局等部门的意见) and in the clause just before it (向县财政局、县司法局征求了意见), not the
 * whole sentence: in 省教育厅根据…，经深入调研、广泛征求意见 the 厅 is the drafter, not whom it asked.
 */
function departmentsOnly(t: string, m: RegExpExecArray): boolean {
  const before = t.slice(0, m.index);
  // 经深入调研、广泛征求意见: a bare 征求意见 after 广泛/充分 names no party at all.
  if (/(?:广泛|充分|多方|反复)$/.test(before)) return DEPARTMENTS.test(m[0]) && !OUTSIDERS.test(m[0]);
  const parties = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('；'), before.lastIndexOf(',')) + 1) + m[0];
  return DEPARTMENTS.test(parties) && !OUTSIDERS.test(parties);
}

export function findConsultations(text: string, sentences: Sentence[]): { span: Span; public: boolean; departments: boolean }[] {
  const out: { span: Span; public: boolean; departments: boolean }[] = [];
  for (const s of sentences) {
    const t = maskTitles(s.text);
    const m = CONSULT.exec(t);
    if (!m || (NOT_A_REPORT.test(t) && !/已于|已经|于\d{4}年/.test(t))) continue;
    out.push({ span: span(text, s.start, s.end), public: PUBLIC.test(t), departments: departmentsOnly(t, m) });
  }
  return out;
}

