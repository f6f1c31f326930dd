// What a piece of legal text sets: the kinds of administrative penalty (行政处罚法 第九条), the fines with their
// amounts or multiples, and the powers it grants (licence, coercion, fee). The same parser reads a statute's article
// when the facts are derived and a document's restated penalty when it is reviewed, so both sides are read alike.
import { asciiDigits } from '../../text/numerals';

/**
 * Penalty kinds, one letter each (the facts file stores them as letters):
 * W 警告, B 通报批评, F 罚款, C 没收违法所得/非法财物, S 暂扣许可证/执照, R 吊销许可证/执照, T 责令停产停业/停业整顿/关闭,
 * D 行政拘留.
 */
export const PENALTY_KINDS = {
  W: '警告',
  B: '通报批评',
  F: '罚款',
  C: '没收',
  S: '暂扣许可证件',
  R: '吊销许可证件',
  T: '责令停产停业',
  D: '行政拘留',
} as const;
export type PenaltyKind = keyof typeof PENALTY_KINDS;

/** Powers an article grants: L 行政许可, K 行政强制措施, Q 收费. */
export const POWERS = { L: '行政许可', K: '行政强制措施', Q: '收费' } as const;
export type Power = keyof typeof POWERS;

/**
 * A fine: fixed amounts in yuan, or a multiple of a base (违法所得, 货值金额…). `lo` absent means no floor
 * (…以下), `hi` absent means no ceiling (…以上). A base of `每…` is a rate per unit (每日, 每平方米).
 */
export interface Fine {
  base?: string;
  lo?: number;
  hi?: number;
}

export interface PenaltyFacts {
  kinds: PenaltyKind[];
  fines: Fine[];
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 五千 → 5000, 十二 → 12, 2.5 → 2.5; a run below 万. */
function smallNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const c of s) {
    if (c in CN_DIGIT) {
      digit = CN_DIGIT[c];
      seen = true;
    } else if (c in CN_UNIT) {
      total += (seen ? digit : 1) * CN_UNIT[c];
      digit = 0;
      seen = false;
    } else return undefined;
  }
  return total + digit;
}

/** 一百五十万 → 1500000, 1.5万 → 15000, 二亿 → 200000000, 五千 → 5000. */
export function parseAmount(raw: string): number | undefined {
  const s = asciiDigits(raw).replace(/[,，]/g, '');
  let rest = s;
  let total = 0;
  for (const [unit, value] of [['亿', 1e8], ['万', 1e4]] as const) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const head = at === 0 ? 1 : smallNumber(rest.slice(0, at));
    if (head === undefined) return undefined;
    total += head * value;
    rest = rest.slice(at + 1);
  }
  if (!rest) return total || undefined;
  // 一万五 = 15000: a bare digit after 万 counts thousands.
  if (total && /^[一二三四五六七八九]$/.test(rest)) return total + CN_DIGIT[rest] * (s.includes('亿') && !s.includes('万') ? 1e7 : 1e3);
  const tail = smallNumber(rest);
  return tail === undefined ? undefined : total + tail;
}

const NUM = '[0-9０-９.．〇零一二两三四五六七八九十百千万亿]+';
/** A money amount (五千元, 1万元) or a relative one (三倍, 百分之十, 10%, 五分之一, 千分之五, 等值). */
const AMOUNT = new RegExp(
  `(${NUM})(?:元|(?=以上|以下|至|到|、))|(${NUM})倍|百分之(${NUM})|(${NUM})[%％]|(${NUM})分之(${NUM})|千分之(${NUM})|(${NUM})‰|(等值)`,
  'g',
);

interface Amount {
  value: number;
  relative: boolean;
  start: number;
  end: number;
}

function amounts(seg: string): Amount[] {
  const out: Amount[] = [];
  for (const m of seg.matchAll(AMOUNT)) {
    let value: number | undefined;
    let relative = true;
    if (m[1] !== undefined) {
      value = parseAmount(m[1]);
      relative = false;
    } else if (m[2] !== undefined) value = parseAmount(m[2]);
    else if (m[3] !== undefined) value = (parseAmount(m[3]) ?? NaN) / 100;
    else if (m[4] !== undefined) value = (parseAmount(m[4]) ?? NaN) / 100;
    else if (m[5] !== undefined) value = (parseAmount(m[6]) ?? NaN) / (parseAmount(m[5]) ?? NaN);
    else if (m[7] !== undefined) value = (parseAmount(m[7]) ?? NaN) / 1000;
    else if (m[8] !== undefined) value = (parseAmount(m[8]) ?? NaN) / 1000;
    else if (m[9] !== undefined) value = 1;
    if (value === undefined || !Number.isFinite(value)) continue;
    out.push({ value: Math.round(value * 1e6) / 1e6, relative, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Bases fines are multiples of, as statutes name them; a base named otherwise keeps its last words. */
const BASES = ['违法所得', '货值金额', '违法经营额', '非法经营额', '违法收入', '销售额', '营业额', '税款', '费用', '价款', '收入', '金额', '价值', '投资额', '报酬'];

function baseName(before: string): string {
  const words = before.replace(BASE_NOISE, '').replace(BASE_NOISE, '');
  if (!words) return '违法所得';
  for (const b of BASES) if (words.includes(b)) return b === '货值金额' || !words.includes('货值') ? b : '货值金额';
  return words.split(/或者|、|和|及/).pop()!.slice(-8) || '其他';
}

/** Words before a multiple that only join it to 处: 处以违法所得 → 违法所得. */
const BASE_NOISE = /^(?:处以|并处|处|以|或者|可以|对其|对|其)+|(?:的)$/g;

/**
 * The fine one 处…罚款 clause sets: 处一万元以上十万元以下的罚款 → {lo: 10000, hi: 100000};
 * 处违法所得一倍以上五倍以下的罚款 → {base: 违法所得, lo: 1, hi: 5}. `seg` runs from the 处 to just before 罚款.
 */
function fineOf(seg: string, before = ''): Fine | undefined {
  const found = amounts(seg);
  if (!found.length) return {};
  const first = found[0];
  let base: string | undefined;
  if (first.relative) {
    base = baseName(seg.slice(0, first.start));
  }
  // A rate per unit (每日处一千元, 处每平方米五十元) is no sum a range can be compared with.
  const perUnit = /每([\u4e00-\u9fa5]{1,3}?)(?:处|以|$)/.exec(before + seg.slice(0, first.start));
  if (perUnit) base = `每${perUnit[1]}`;
  const after = (a: Amount) => seg.slice(a.end, a.end + 3);
  const second = found[1];
  if (second && /^\s*(?:以上)?\s*(?:、|至|到|—|-|－)?/.test(seg.slice(first.end, second.start)) && second.start - first.end <= 4) {
    // 处所获收入百分之五十以上十万元以下: a multiple and a sum in one range cannot be compared; the base says so.
    if (second.relative !== first.relative) return { base: base ?? '其他' };
    return base ? { base, lo: first.value, hi: second.value } : { lo: first.value, hi: second.value };
  }
  if (/^以下/.test(after(first))) return base ? { base, hi: first.value } : { hi: first.value };
  if (/^以上/.test(after(first))) return base ? { base, lo: first.value } : { lo: first.value };
  return base ? { base, lo: first.value, hi: first.value } : { lo: first.value, hi: first.value };
}

/** Clause boundaries: a fine never spans them. */
const CLAUSE_END = /[，,。；;：:\n]/;

/** Every fine in a text: each 罚款 read back to the 处 that opens its clause. */
function finesOf(raw: string): Fine[] {
  // A bracketed gloss (（包括已售出和未售出的产品，下同）) holds commas that would cut the clause.
  const text = raw.replace(/（[^（）\n]*）/g, '');
  const fines: Fine[] = [];
  for (const m of text.matchAll(/罚款/g)) {
    let from = m.index!;
    while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--;
    const clause = text.slice(from, m.index);
    // 处 opens the amount (处、并处、处以、可以处); 罚款 without one (给予罚款) sets no amount. Several 处 in one
    // clause set several fines: 对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款.
    const starts = [...clause.matchAll(/处(?![罚分理置所])/g)].map((x) => x.index!);
    if (!starts.length) {
      fines.push({});
      continue;
    }
    starts.forEach((at, i) => {
      const fine = fineOf(clause.slice(at + 1, starts[i + 1] ?? clause.length), clause.slice(0, at + 1));
      if (fine) fines.push(fine);
    });
  }
  return fines;
}

/** Kind patterns. 没收 of anything (违法所得, 非法财物, 工具) is one kind; 拘留 only as an administrative one. */
const KIND_PATTERNS: [PenaltyKind, RegExp][] = [
  ['W', /警告/],
  ['B', /通报批评/],
  ['F', /罚款/],
  ['C', /没收/],
  ['S', /暂扣/],
  ['R', /吊销/],
  ['T', /责令(?:停产停业|停业整顿|停止生产|停止营业|停产整顿|关闭)|停产停业/],
  ['D', /(?:行政)?拘留(?!所)/],
];

/** Penalty kinds and fines a text sets. */
export function penaltiesOf(text: string): PenaltyFacts {
  const kinds = KIND_PATTERNS.filter(([k, re]) => re.test(text) && !(k === 'D' && /刑事拘留/.test(text) && !/行政拘留|日以下拘留/.test(text))).map(([k]) => k);
  return { kinds, fines: kinds.includes('F') ? finesOf(text) : [] };
}

/** Whether a text speaks of a penalty at all (依法给予行政处罚, 依照…的规定处罚): a referral, not a kind. */
export const mentionsPenalty = (text: string) => /处罚|罚款|处分|罚则/.test(text);

const POWER_PATTERNS: [Power, RegExp][] = [
  ['L', /(?:应当|须|需|必须)(?:依法)?(?:取得|申请|领取|办理|持有)[^，。；]{0,16}(?:许可|批准|审批|核准|执照|许可证)|(?:应当|须|需|必须)?经[^，。；]{0,24}(?:批准|许可|审批|核准)(?:后|，)/],
  ['K', /查封|扣押|冻结|强制措施|强制执行|强制隔离|强制检定/],
  ['Q', /收取[^，。；]{0,12}费|缴纳[^，。；]{0,12}费|收费/],
];

/** Powers a text grants. */
export const powersOf = (text: string): Power[] => POWER_PATTERNS.filter(([, re]) => re.test(text)).map(([p]) => p);

/** 10000 → 1万元, 5000 → 5000元; a multiple of a base: 2.5 → 2.5倍, 0.5 → 50%. */
export function formatAmount(n: number, base?: string): string {
  if (base && !base.startsWith('每')) return n < 1 ? `${Math.round(n * 1000) / 10}%` : `${n}倍`;
  return n >= 1e8 && n % 1e7 === 0 ? `${n / 1e8}亿元` : n >= 1e4 && n % 1000 === 0 ? `${n / 1e4}万元` : `${n}元`;
}

/** 1万元以上10万元以下罚款, 违法所得5倍以下罚款, 每日500元罚款. */
export function formatFine(f: Fine): string {
  const fmt = (n: number) => formatAmount(n, f.base);
  const prefix = f.base ?? '';
  if (f.lo === undefined && f.hi === undefined) return '罚款';
  if (f.lo !== undefined && f.hi !== undefined) {
    return f.lo === f.hi ? `${prefix}${fmt(f.lo)}罚款` : `${prefix}${fmt(f.lo)}以上${fmt(f.hi)}以下罚款`;
  }
  return f.hi !== undefined ? `${prefix}${fmt(f.hi)}以下罚款` : `${prefix}${fmt(f.lo!)}以上罚款`;
}
