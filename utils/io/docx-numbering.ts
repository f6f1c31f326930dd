/**
 * Word's automatic numbering (自动编号: 第%1条, %1、, （%1）) lives in numbering.xml, not in the text, and mammoth does
 * not render it. Drafts often number their articles that way, so before mammoth reads the document this writes each
 * numbered paragraph's label into the paragraph as ordinary text, counting as Word does (per list, per level,
 * restarting deeper levels). Not covered: numbering inherited through style chains (basedOn) or numStyleLink,
 * lvlRestart, and legal-style (isLgl) mixing; such paragraphs keep mammoth's behaviour (no label).
 */
import { toChineseNumeral } from '../text/numerals';
import { attr, attrValue, between, elements, forwardSearch } from './xml-scan';

interface Level {
  start: number;
  fmt: string;
  text: string;
  suffix: 'tab' | 'space' | 'nothing';
}

type Levels = Map<number, Level>;

// Word has nine list levels (0–8) and starts a list at most at 32767: larger values in a file are forged, and a
// counter from 10^15 in upperRoman would write a million M's for each paragraph.
const MAX_LEVEL = 8;
const MAX_START = 32767;
const level = (v: string | undefined): number | undefined => (v !== undefined && /^\d$/.test(v) && +v <= MAX_LEVEL ? +v : undefined);
const startValue = (v: string | undefined): number => {
  const n = v !== undefined && /^\d{1,6}$/.test(v) ? +v : 1;
  return Math.min(n, MAX_START);
};

function parseLevels(xml: string): Levels {
  const levels: Levels = new Map();
  for (const el of elements(xml, 'w:lvl')) {
    const ilvl = level(attrValue(el.attrs, 'w:ilvl'));
    if (ilvl === undefined) continue;
    const body = el.body;
    levels.set(ilvl, {
      start: startValue(attr(body, 'w:start')),
      fmt: attr(body, 'w:numFmt') ?? 'decimal',
      text: attr(body, 'w:lvlText') ?? '',
      suffix: (attr(body, 'w:suff') as Level['suffix'] | undefined) ?? 'tab',
    });
  }
  return levels;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** List definitions: numId → its levels (with start overrides applied). */
export function parseNumbering(xml: string): Map<string, Levels> {
  const abstracts = new Map<string, Levels>();
  for (const el of elements(xml, 'w:abstractNum')) {
    const id = attrValue(el.attrs, 'w:abstractNumId');
    if (id) abstracts.set(id, parseLevels(el.body));
  }
  const nums = new Map<string, Levels>();
  for (const el of elements(xml, 'w:num')) {
    const numId = attrValue(el.attrs, 'w:numId');
    const abs = numId ? abstracts.get(attr(el.body, 'w:abstractNumId') ?? '') : undefined;
    if (!numId || !abs) continue;
    const levels: Levels = new Map([...abs].map(([k, v]) => [k, { ...v }]));
    for (const o of elements(el.body, 'w:lvlOverride')) {
      const ilvl = level(attrValue(o.attrs, 'w:ilvl'));
      if (ilvl === undefined) continue;
      const start = attr(o.body, 'w:startOverride');
      const lvl = levels.get(ilvl);
      if (start && lvl) lvl.start = startValue(start);
      const redefined = parseLevels(o.body).get(ilvl);
      if (redefined) levels.set(ilvl, redefined);
    }
    nums.set(numId, levels);
  }
  return nums;
}

/** Paragraph styles that carry numbering themselves: styleId → { numId, ilvl }. */
export function parseStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const el of elements(xml, 'w:style')) {
    const styleId = attrValue(el.attrs, 'w:styleId');
    const numPr = between(el.body, '<w:numPr>', '</w:numPr>');
    const numId = numPr && attr(numPr, 'w:numId');
    const ilvl = numPr ? level(attr(numPr, 'w:ilvl') ?? '0') : undefined;
    if (styleId && numId && ilvl !== undefined) out.set(styleId, { numId, ilvl });
  }
  return out;
}

const ENCLOSED_CIRCLE = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ENCLOSED_PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const ENCLOSED_STOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** One number in a Word number format. */
export function formatNumber(n: number, fmt: string): string {
  // Past what a format can write (Roman numerals end at 3999, letters would repeat without end), Word writes digits.
  if (((fmt === 'lowerRoman' || fmt === 'upperRoman') && n > 3999) || ((fmt === 'lowerLetter' || fmt === 'upperLetter') && n > 780)) {
    return String(n);
  }
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumeral(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return ENCLOSED_CIRCLE[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return ENCLOSED_PAREN[n - 1] ?? `(${n})`;
    case 'decimalEnclosedFullstop':
      return ENCLOSED_STOP[n - 1] ?? `${n}.`;
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10];
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12];
    case 'lowerLetter':
    case 'upperLetter': {
      const c = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? c.toUpperCase() : c;
    }
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Each paragraph's opening tag (<w:p> or <w:p …>, not <w:p/>) and, when <w:pPr> follows it, the properties' text.
 * As the regular expression <w:p(?:\s[^>]*)?>(\s*<w:pPr>([\s\S]*?)<\/w:pPr>)? did, but in one pass: a paragraph whose
 * <w:pPr> never closes has no properties, and the search for the close is not repeated for the next one.
 */
function* paragraphOpeners(xml: string): Generator<{ tag: { start: number; end: number }; props?: string }> {
  let noPropsCloseFrom = Infinity;
  const nextGt = forwardSearch(xml, '>');
  const nextLt = forwardSearch(xml, '<');
  for (let at = xml.indexOf('<w:p'); at >= 0; at = xml.indexOf('<w:p', at + 4)) {
    const c = xml[at + 4];
    if (c !== '>' && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') continue;
    const gt = nextGt(at + 4);
    const lt = nextLt(at + 4);
    if (gt < 0) return;
    if (lt >= 0 && lt < gt) continue; // an opener that never closed its tag
    if (xml[gt - 1] === '/') continue; // <w:p/>: an empty paragraph
    let p = gt + 1;
    while (p < xml.length && /\s/.test(xml[p])) p++;
    let props: string | undefined;
    let end = gt + 1;
    if (xml.startsWith('<w:pPr>', p) && p + 7 < noPropsCloseFrom) {
      const close = xml.indexOf('</w:pPr>', p + 7);
      if (close < 0) noPropsCloseFrom = p + 7;
      else {
        props = xml.slice(p + 7, close);
        end = close + 8;
      }
    }
    yield { tag: { start: at, end }, props };
    at = end - 4;
  }
}

/**
 * document.xml with the label of every automatically numbered paragraph written in front of its text.
 * Returns the input unchanged when nothing is numbered.
 */
export function renderNumbering(documentXml: string, numberingXml: string, stylesXml = ''): string {
  const nums = parseNumbering(numberingXml);
  if (!nums.size) return documentXml;
  const styleNum = parseStyleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  let changed = false;

  // Paragraph open tags in document order; a paragraph's properties follow its open tag.
  const out: string[] = [];
  let copied = 0;
  for (const { tag, props } of paragraphOpeners(documentXml)) {
    const label = labelOf(props ?? '');
    if (!label) continue;
    // The label is now text: the paragraph's own <w:numPr> goes, so mammoth does not build a list of it as well
    // (its list handling doubled the time of a 20,000-item list).
    const opener = documentXml.slice(tag.start, tag.end);
    const numPrAt = opener.indexOf('<w:numPr>');
    const numPrEnd = numPrAt < 0 ? -1 : opener.indexOf('</w:numPr>', numPrAt);
    const kept = numPrEnd < 0 ? opener : opener.slice(0, numPrAt) + opener.slice(numPrEnd + '</w:numPr>'.length);
    out.push(documentXml.slice(copied, tag.start), kept, `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`);
    copied = tag.end;
    changed = true;
  }
  out.push(documentXml.slice(copied));

  /** The label (with its suffix) a paragraph with these properties gets, counting it. */
  function labelOf(props: string): string | undefined {
    const numPr = between(props, '<w:numPr>', '</w:numPr>');
    let numId = numPr ? attr(numPr, 'w:numId') : undefined;
    let ilvl: number | undefined = numPr ? level(attr(numPr, 'w:ilvl') ?? '0') : 0;
    if (!numPr) {
      const style = attr(props, 'w:pStyle');
      const sn = style ? styleNum.get(style) : undefined;
      if (sn) ({ numId, ilvl } = sn);
    } else if (!attr(numPr, 'w:ilvl')) {
      const style = attr(props, 'w:pStyle');
      ilvl = (style && styleNum.get(style)?.ilvl) || 0;
    }
    if (!numId || numId === '0' || ilvl === undefined) return undefined;
    const levels = nums.get(numId);
    const lvl = levels?.get(ilvl);
    if (!levels || !lvl || lvl.fmt === 'bullet') return undefined;

    const count = counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) count[l] ??= (levels.get(l)?.start ?? 1);
    count[ilvl] = count[ilvl] === undefined ? lvl.start : count[ilvl] + 1;
    count.length = ilvl + 1; // deeper levels restart
    counters.set(numId, count);

    const label = unescapeXml(lvl.text).replace(/%([1-9])/g, (_, k: string) => {
      const l = +k - 1;
      return formatNumber(count[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.fmt ?? 'decimal');
    });
    if (!label) return undefined;
    // Word puts a tab after the number by default; Chinese drafts type a full-width space there.
    return label + (lvl.suffix === 'nothing' ? '' : HAN.test(label) ? '\u3000' : ' ');
  }
  return changed ? out.join('') : documentXml;
}
