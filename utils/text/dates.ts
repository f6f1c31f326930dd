import { NUMERAL_CLASS, parseNumeral } from './numerals';

export interface ParsedDate {
  iso: string;
  /** Only the year and month were given (2022年6月　日). */
  partial?: boolean;
  /** Offset and length of the match within the string searched. */
  index: number;
  length: number;
}

const N = `[${NUMERAL_CLASS}]`;
/**
 * 2021年3月5日, 二〇二一年三月五日, 2021-03-05, 2021.3.5, 2021/3/5, and a signature's 2022年6月　日 (day left blank).
 * Years are four digits or four Chinese numerals; the blank day allows the full-width space drafts leave.
 */
export const DATE_PATTERN = new RegExp(
  `(${N}{4})\\s*年\\s*(${N}{1,3})\\s*月\\s*(?:(${N}{1,3})\\s*日|([\\s\\u3000]*)日)` +
    `|(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)`,
  'g',
);

const pad = (n: number) => String(n).padStart(2, '0');

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromMatch(m: RegExpExecArray): ParsedDate | undefined {
  const [, cy, cm, cd, blank, ay, am, ad] = m;
  const y = parseNumeral(cy ?? ay);
  const mo = parseNumeral(cm ?? am);
  const partial = cy !== undefined && cd === undefined && blank !== undefined;
  const d = partial ? 1 : parseNumeral(cd ?? ad);
  if (y === undefined || mo === undefined || d === undefined || !isValidDate(y, mo, d)) return undefined;
  return { iso: `${y}-${pad(mo)}-${pad(d)}`, partial: partial || undefined, index: m.index, length: m[0].length };
}

/** The first date in `s`, or undefined. */
export function parseDate(s: string): ParsedDate | undefined {
  for (const m of s.matchAll(DATE_PATTERN)) {
    const d = fromMatch(m as RegExpExecArray);
    if (d) return d;
  }
  return undefined;
}

/** Every date in `s`, in order. */
export function findDates(s: string): ParsedDate[] {
  const out: ParsedDate[] = [];
  for (const m of s.matchAll(DATE_PATTERN)) {
    const d = fromMatch(m as RegExpExecArray);
    if (d) out.push(d);
  }
  return out;
}

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((toUtc(b) - toUtc(a)) / DAY);

export function addDays(iso: string, days: number): string {
  const d = new Date(toUtc(iso) + days * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The same day `years` later (29 Feb → 28 Feb). */
export function addYears(iso: string, years: number, months = 0): string {
  const y = +iso.slice(0, 4) + years;
  const total = (+iso.slice(5, 7) - 1) + months;
  const yy = y + Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${pad(mm)}-${pad(Math.min(+iso.slice(8, 10), last))}`;
}

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));

/** 2021年3月5日 for messages. */
export const formatDate = (iso: string) => `${+iso.slice(0, 4)}年${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日`;
