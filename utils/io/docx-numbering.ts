/**
 * Word's automatic numbering (自动编号: 第%1条, %1、, （%1）) lives in numbering.xml, not in the text, and mammoth does
 * not render it. Drafts often number their articles that way, so before mammoth reads the document this writes each
 * numbered paragraph's label into the paragraph as ordinary text, counting as Word does (per list, per level,
 * restarting deeper levels). Not covered: numbering inherited through style chains (basedOn) or numStyleLink,
 * lvlRestart, and legal-style (isLgl) mixing; such paragraphs keep mammoth's behaviour (no label).
 */
import { toChineseNumeral } from '../text/numerals';

interface Level {
  start: number;
  fmt: string;
  text: string;
  suffix: 'tab' | 'space' | 'nothing';
}

type Levels = Map<number, Level>;

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined =>
  xml.match(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`))?.[1];

function parseLevels(xml: string): Levels {
  const levels: Levels = new Map();
  for (const m of xml.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = m[2];
    levels.set(+m[1], {
      start: +(attr(body, 'w:start') ?? '1'),
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
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstracts.set(m[1], parseLevels(m[2]));
  }
  const nums = new Map<string, Levels>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = abstracts.get(attr(m[2], 'w:abstractNumId') ?? '');
    if (!abs) continue;
    const levels: Levels = new Map([...abs].map(([k, v]) => [k, { ...v }]));
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2], 'w:startOverride');
      const lvl = levels.get(+o[1]);
      if (start && lvl) lvl.start = +start;
      const redefined = parseLevels(o[2]).get(+o[1]);
      if (redefined) levels.set(+o[1], redefined);
    }
    nums.set(m[1], levels);
  }
  return nums;
}

/** Paragraph styles that carry numbering themselves: styleId → { numId, ilvl }. */
export function parseStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = m[2].match(/<w:numPr>([\s\S]*?)<\/w:numPr>/)?.[1];
    const numId = numPr && attr(numPr, 'w:numId');
    if (numId) out.set(m[1], { numId, ilvl: +(attr(numPr, 'w:ilvl') ?? '0') });
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
  const out = documentXml.replace(/<w:p(?:\s[^>]*)?>(\s*<w:pPr>([\s\S]*?)<\/w:pPr>)?/g, (whole, _pPrWhole, pPr: string | undefined) => {
    if (whole.endsWith('/>')) return whole; // <w:p/>: an empty paragraph
    const props = pPr ?? '';
    const numPr = props.match(/<w:numPr>([\s\S]*?)<\/w:numPr>/)?.[1];
    let numId = numPr ? attr(numPr, 'w:numId') : undefined;
    let ilvl = numPr ? +(attr(numPr, 'w:ilvl') ?? '0') : 0;
    if (!numPr) {
      const style = attr(props, 'w:pStyle');
      const sn = style ? styleNum.get(style) : undefined;
      if (sn) ({ numId, ilvl } = sn);
    } else if (!attr(numPr, 'w:ilvl')) {
      const style = attr(props, 'w:pStyle');
      ilvl = (style && styleNum.get(style)?.ilvl) || 0;
    }
    if (!numId || numId === '0') return whole;
    const levels = nums.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.fmt === 'bullet') return whole;

    const count = counters.get(numId) ?? [];
    for (let l = 0; l < ilvl; l++) count[l] ??= (levels.get(l)?.start ?? 1);
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl] + 1;
    count.length = ilvl + 1; // deeper levels restart
    counters.set(numId, count);

    const label = unescapeXml(level.text).replace(/%([1-9])/g, (_, k: string) => {
      const l = +k - 1;
      return formatNumber(count[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.fmt ?? 'decimal');
    });
    if (!label) return whole;
    // Word puts a tab after the number by default; Chinese drafts type a full-width space there.
    const suffix = level.suffix === 'nothing' ? '' : HAN.test(label) ? '\u3000' : ' ';
    changed = true;
    return `${whole}<w:r><w:t xml:space="preserve">${escapeXml(label + suffix)}</w:t></w:r>`;
  });
  return changed ? out : documentXml;
}
