import { NUMERAL_CLASS, parseNumeral } from '../text/numerals';
import { titlesNamedAtTop } from './titles';

/**
 * The text as the rules read it, and the way back to the text as it came. Pages arrive with zero-width and
 * bidi characters inside words, labels spaced out (第 十 条), and whole documents on one line (cover notice,
 * signature, date, chapters and articles run together). The view drops the invisible characters and the spaces
 * inside labels and puts line breaks where the text itself shows a boundary; it never changes any other
 * character, so every span of the view maps back onto the same words of the original.
 */
export interface NormalizedText {
  /** The text the document model is built on. */
  text: string;
  /**
   * For each view offset (and one past the end), the original offset; a line break the view inserted holds
   * -(original offset + 1) of the character it stands before. Undefined when the view equals the original.
   */
  map?: Int32Array;
}

// Zero-width space/joiners, word joiner, BOM, soft hyphen, bidi embeddings/overrides and isolates.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g;
const HS = '[ \\t\\u3000\\u00a0]';
const N = `[${NUMERAL_CLASS}]`;
// A 第X条/章/节 label that may hold spaces (第 十 条, 第十 条); a line or sentence may end before it.
const LABEL = new RegExp(`第(?:${HS}*${N}){1,7}${HS}*([条章节])`, 'g');
// After 第X条 a reference goes on (第九条规定的, 第九条第二款, 第九条、第十条); a label starts the article's words.
// (第五条项目鉴定内容包括 and 第九条中小企业… are articles: 项目 and 中小 are words of their own).
const REFERENCE_AFTER = /^(?:规定|所称|所列|所述|所指|中(?!小|央|国|外|介|华|心)|的|之|第|款|项(?!目)|和|与|、|至|或|及|有关|以外|以内|，|。|）|\))/;
const BREAK_BEFORE_LABEL = /[。；;！!？?：:]/;
const SENTENCE_END = /[。；;！!？?]/;
// 二〇二一年十月十一日 or 2021年10月11日 (a signature's date).
const SIGN_DATE = new RegExp(`${N}{4}${HS}*年${HS}*${N}{1,2}${HS}*月${HS}*${N}{1,3}${HS}*日`, 'g');
const ORGAN_END = /(?:政府|委员会|管委会|委|局|厅|办公室|办公厅|办|部|院|署|中心|公司|会|处|所|室)$/;
// What follows a date inside a sentence: 2022年3月10日起施行, …日前, …日至, …日印发.
const DATE_IN_SENTENCE = /^(?:起|前|后|至|到|以|之|止|的|开始|印发|发布|公布|施行|实施|执行|生效|为|，|,|。|、|）|\)|—|-|－|期间|当日|当天|零时|24时)/;
// 文号 on the cover line: 闽岚综实管综〔2014〕68号.
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔［\[（(【]\d{4}[〕］\]）)】]\d{1,4}号/g;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';

export function normalizeText(original: string): NormalizedText {
  // Step 1: drop invisible characters.
  INVISIBLE.lastIndex = 0;
  let text = original;
  let map: Int32Array | undefined;
  if (INVISIBLE.test(original)) {
    const keep: number[] = [];
    let out = '';
    for (let i = 0; i < original.length; i++) {
      const c = original[i];
      if (/[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/.test(c)) continue;
      keep.push(i);
      out += c;
    }
    keep.push(original.length);
    text = out;
    map = Int32Array.from(keep);
  }
  // Step 2: spaces inside labels and recovered line breaks, on the visible text.
  const drop = new Set<number>();
  const breaks = new Set<number>();
  labelEdits(text, drop, breaks);
  namedTitleEdits(text, breaks);
  signatureEdits(text, breaks);
  coverEdits(text, breaks);
  paragraphEdits(text, breaks);
  for (const b of [...breaks]) if (b <= 0 || text[b - 1] === '\n' || text[b] === '\n') breaks.delete(b);
  if (!drop.size && !breaks.size) return { text, map };

  // Build the view from slices between edits, and its map in one typed array.
  const edits = [...new Set([...drop, ...breaks])].sort((x, y) => x - y);
  const size = text.length - drop.size + breaks.size;
  const back = new Int32Array(size + 1);
  const pieces: string[] = [];
  const orig = (i: number) => (map ? map[i] : i);
  let from = 0;
  let w = 0;
  const copy = (to: number) => {
    if (to <= from) return;
    pieces.push(text.slice(from, to));
    for (let i = from; i < to; i++) back[w++] = orig(i);
  };
  for (const e of edits) {
    copy(e);
    from = e;
    if (breaks.has(e)) {
      pieces.push('\n');
      back[w++] = -(orig(e) + 1);
    }
    if (drop.has(e)) from = e + 1;
  }
  copy(text.length);
  back[w] = original.length;
  return { text: pieces.join(''), map: back };
}

/** A view range [start, end) → the original range that holds the same characters. */
export function toOriginalRange(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const m = n.map;
  if (!m) return { start, end };
  const at = (i: number) => {
    const v = m[Math.max(0, Math.min(i, m.length - 1))];
    return v < 0 ? -v - 1 : v;
  };
  const s = at(start);
  if (end <= start) return { start: s, end: s };
  // The end is one past the last view character; an inserted break maps to the character after it.
  const lastRaw = m[Math.min(end - 1, m.length - 1)];
  const e = lastRaw < 0 ? -lastRaw - 1 : lastRaw + 1;
  return { start: s, end: Math.max(s, e) };
}

/**
 * 第 十 条 → 第十条; a run-on 第X条, 第X章 or 第X节 that starts a sentence, follows spaces or a heading, and
 * continues the numbering gets a line of its own.
 */
function labelEdits(text: string, drop: Set<number>, breaks: Set<number>) {
  let prevArticle: number | undefined;
  let prevChapter: number | undefined;
  for (const m of text.matchAll(LABEL)) {
    const at = m.index!;
    const end = at + m[0].length;
    const kind = m[1];
    const digits = m[0].slice(1, -1).replace(new RegExp(HS, 'g'), '');
    const n = parseNumeral(digits);
    if (n === undefined) continue;
    // 第 十 条 → 第十条: drop the spaces inside the label, a reference's too.
    for (let i = at + 1; i < end - 1; i++) if (isSpace(text[i])) drop.add(i);
    const after = text.slice(end, end + 4);
    if (kind === '条' && REFERENCE_AFTER.test(after)) continue;
    // Where the label sits: at a line start, or after a sentence end, spaces, or a chapter heading.
    let j = at - 1;
    while (j >= 0 && isSpace(text[j])) j--;
    const lineStart = j < 0 || text[j] === '\n';
    const spaced = j < at - 1;
    const afterStop = j >= 0 && BREAK_BEFORE_LABEL.test(text[j]);
    const afterHeading = kind === '条' && /第\s*[〇零一二两三四五六七八九十百0-9]+\s*[章节][\u4e00-\u9fa5、\s]{0,16}$/.test(text.slice(Math.max(0, at - 24), at));
    if (kind === '条') {
      const fits = prevArticle === undefined ? n <= 2 : n === prevArticle || (n > prevArticle && n <= prevArticle + 3) || (n === 1 && lineStart);
      if (lineStart) {
        prevArticle = n;
      } else if ((spaced || afterStop || afterHeading) && fits) {
        prevArticle = n;
        breaks.add(at);
      } else continue;
    } else {
      // 第X章 总则 / 第X节 一般规定: a heading, not a reference (依照本办法第三章).
      const title = new RegExp(`^${HS}*[\\u4e00-\\u9fa5、]{1,16}?(?=${HS}|第|$|\\n)`).exec(text.slice(end, end + 24));
      if (!title) continue;
      if (kind === '章') {
        const fits = prevChapter === undefined ? n <= 2 : n > prevChapter && n <= prevChapter + 2;
        if (!lineStart && !((spaced || afterStop) && fits)) continue;
        prevChapter = n;
      } else if (!lineStart && !(spaced || afterStop)) continue;
      if (!lineStart) breaks.add(at);
      // The heading's own line ends after its title when the text runs on.
      const headEnd = end + title[0].length;
      if (text[headEnd] !== '\n' && headEnd < text.length) {
        let k = headEnd;
        while (k < text.length && isSpace(text[k])) k++;
        if (/^第/.test(text.slice(k, k + 1))) breaks.add(k);
      }
    }
  }
}

/**
 * A signature run into the text: …贯彻执行。 平潭综合实验区管委会 2014年6月18日平潭…规定 第一条… The organ and the
 * date each get a line, and what follows the date (the attached document's title) starts a new one.
 */
function signatureEdits(text: string, breaks: Set<number>) {
  for (const m of text.matchAll(SIGN_DATE)) {
    const at = m.index!;
    const end = at + m[0].length;
    const follow = text.slice(end, end + 4);
    if (DATE_IN_SENTENCE.test(follow.replace(new RegExp(`^${HS}+`), ''))) continue;
    // Organ names back from the date, each after spaces: 河北省教育厅 河北省财政厅 2018年6月7日.
    let j = at;
    let organStart = -1;
    for (let guard = 0; guard < 6; guard++) {
      let k = j - 1;
      while (k >= 0 && isSpace(text[k])) k--;
      if (k < 0 || text[k] === '\n') break;
      let s = k;
      // A line start another edit found (…附件：甲办法（征求意见稿）| 平潭…局 2024年1月9日) ends the name too.
      while (s > 0 && !breaks.has(s) && /[\u4e00-\u9fa5（）()]/.test(text[s - 1]) && k - s < 30) s--;
      const name = text.slice(s, k + 1);
      const before = text[s - 1];
      if (name.length < 3 || !ORGAN_END.test(name) || !(before === undefined || before === '\n' || breaks.has(s) || isSpace(before) || SENTENCE_END.test(before))) break;
      organStart = s;
      j = s;
    }
    let b = at - 1;
    while (b >= 0 && isSpace(text[b])) b--;
    const dateAlone = b < 0 || text[b] === '\n' || SENTENCE_END.test(text[b]);
    if (organStart < 0 && !dateAlone) organStart = jointOrgans(text, at, end, breaks);
    if (organStart < 0 && !dateAlone) continue;
    if (organStart >= 0) breaks.add(organStart);
    if (organStart >= 0 || b >= 0) breaks.add(at);
    let k = end;
    while (k < text.length && isSpace(text[k])) k++;
    if (k < text.length && text[k] !== '\n') breaks.add(k);
  }
}

// What closes a signed notice after its date: the 公开 remark (（此件主动公开）), a contact line, or nothing.
const AFTER_SIGNATURE = new RegExp(`^(?:${HS}|\\n|$|[（(](?:此件|联系|主动公开|此页))`);

/**
 * Joint issuers whose names a crawl ran together before the date, after the notice's last sentence:
 * …及时报告。甲省人力资源和社会保障厅甲省住房和城乡建设厅…监管局2022年3月4日（此件主动公开）. The run must split
 * wholly into organ names, and the date must close the notice, or it is a sentence (…报市政府办公室2022年…前).
 * Returns where the names start, or -1.
 */
function jointOrgans(text: string, at: number, end: number, breaks: Set<number>): number {
  if (!AFTER_SIGNATURE.test(text.slice(end, end + 4))) return -1;
  let s = at;
  while (s > 0 && at - s < 160 && !breaks.has(s) && /[\u4e00-\u9fa5（）()]/.test(text[s - 1])) s--;
  const before = text[s - 1];
  if (!(s === 0 || before === '\n' || breaks.has(s) || isSpace(before) || SENTENCE_END.test(before))) return -1;
  const run = text.slice(s, at);
  // reach[i]: the run's first i characters are whole organ names (each 3–30 characters).
  const reach = new Uint8Array(run.length + 1);
  reach[0] = 1;
  for (let i = 0; i < run.length; i++) {
    if (!reach[i]) continue;
    for (let n = 3; n <= 30 && i + n <= run.length; n++) if (ORGAN_END.test(run.slice(i, i + n))) reach[i + n] = 1;
  }
  return run.length >= 3 && reach[run.length] ? s : -1;
}

/**
 * The title of the document a notice at the top issues or puts out for comment (关于印发《X》的通知), where the page
 * ran it into its neighbours: …监察局）X第一章总则, 2022年5月6日 X 依照《…》…, 附件：X为深入贯彻… The title gets a
 * line of its own. A mention inside 《》 or inside a sentence (…。X已经审议通过) is left alone.
 */
function namedTitleEdits(text: string, breaks: Set<number>) {
  for (const title of titlesNamedAtTop(text.slice(0, 400))) {
    const chars = [...title].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = new RegExp(`${chars.join(`${HS}*`)}(?:${HS}*[（(][^（）()\\n]{0,10}(?:稿|草案)[）)])?`, 'g');
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      const end = at + m[0].length;
      const before = text[at - 1];
      // 附件：甲办法.pdf is the name of a file to download, not the document on the page.
      if (before === '《' || text[end] === '》' || /^[.．](?:pdf|docx?|wps|xlsx?|ofd|zip|rar)/i.test(text.slice(end, end + 5))) continue;
      if (!(at === 0 || before === '\n' || isSpace(before) || /[。；：:）)]/.test(before) || breaks.has(at))) continue;
      let k = end;
      while (k < text.length && isSpace(text[k])) k++;
      // An item of the notice's 附件 list, or a title followed by the body's first words.
      const listed = /附件[0-9０-９]*[：:]$/.test(text.slice(Math.max(0, at - 6), at));
      const opens = k > end || listed || /^(?:第[一1１][章条节]|为了?|根据|依据|按照|依照|一、|[（(]一[）)]|总则)/.test(text.slice(k, k + 4));
      if (k < text.length && text[k] !== '\n' && !opens) continue;
      breaks.add(at);
      if (k < text.length && text[k] !== '\n') breaks.add(k);
    }
  }
}

/** A cover notice on one line: 关于印发《…》的通知 X发〔2021〕1号 各区人民政府：… — the 文号 gets its own line. */
function coverEdits(text: string, breaks: Set<number>) {
  for (const m of text.slice(0, 600).matchAll(DOC_NUMBER)) {
    const at = m.index!;
    const end = at + m[0].length;
    if (at > 400) break;
    // Only a 文号 standing between spaces (or after the headline) is a line; one inside a sentence is a citation.
    if (!(at === 0 || text[at - 1] === '\n' || isSpace(text[at - 1]))) continue;
    let k = end;
    while (k < text.length && isSpace(text[k])) k++;
    // Run into the addressees (冀科资〔2017〕9号各市科技局，…：) it still stands alone.
    if (k === end && k < text.length && text[k] !== '\n' && !/^(?:各|有关)[^。\n]{1,120}?[：:]/.test(text.slice(k, k + 130))) continue;
    breaks.add(at);
    if (k < text.length && text[k] !== '\n') breaks.add(k);
  }
  // A title run into its first sentence: 关于…的实施意见为认真贯彻…, …工作方案根据…
  const head = /^[\s\u3000]{0,8}[^。，；：\n]{4,80}?(?:的通知|的意见|实施意见|指导意见|若干意见|的决定|办法|方案|措施|细则|规定)(?=为了?|根据|按照|依据|为进一步|近年来|各[^。\n]{1,80}?[：:])/.exec(text.slice(0, 200));
  if (head) breaks.add(head[0].length);
  // …的通知各市（含定州、辛集市）科技局：— the addressees start a line of their own.
  for (const m of text.slice(0, 600).matchAll(/(?:的通知|的决定|的意见|的公告|的通告|的函)(?=各[^。\n]{1,120}?[：:])/g)) {
    breaks.add(m.index! + m[0].length);
  }
}

/**
 * Crawled pages that lost their line breaks keep the paragraph indent: …执行。　　企业开展… A run of full-width
 * spaces after a sentence, or a long run anywhere, starts a paragraph; spaces inside a title (《…加计扣除　　　　
 * 项目鉴定办法》) do not. One pass over the text.
 */
function paragraphEdits(text: string, breaks: Set<number>) {
  let depth = 0; // open 《 on this line
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') depth = 0;
    else if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    else if (c === '\u3000' || c === ' ' || c === '\u00a0') {
      let j = i;
      let wide = 0;
      while (j < text.length && (text[j] === '\u3000' || text[j] === ' ' || text[j] === '\u00a0')) wide += text[j++] === '\u3000' ? 1 : 0;
      const prev = text[i - 1];
      if (wide >= 2 && depth === 0 && i > 0 && prev !== '\n' && j < text.length && text[j] !== '\n' && (wide >= 4 || /[。；;：:！？!?”）)]/.test(prev))) breaks.add(j);
      i = j - 1;
    }
  }
}
