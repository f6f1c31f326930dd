const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, O: 0, o: 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Full-width digits to ASCII. */
export const asciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Parses a number written in Arabic or Chinese numerals: 12, １２, 十二, 一百零三, 二〇二一 (digit by digit).
 * Returns undefined when the string is not a number.
 */
export function parseNumeral(raw: string): number | undefined {
  const s = asciiDigits(raw.trim());
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  if (![...s].every((c) => c in DIGITS || c in UNITS)) return undefined;
  // Digit by digit (二〇二一) when there is no unit character.
  if (![...s].some((c) => c in UNITS)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c];
    else {
      total += (digit || 1) * UNITS[c];
      digit = 0;
    }
  }
  return total + digit;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 12 → 十二, 103 → 一百零三: the numerals of 第X条 and 一、 labels. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return SMALL[n];
  if (n < 20) return '十' + (n % 10 ? SMALL[n % 10] : '');
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (parts.length) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(SMALL[d] + units[i]);
  });
  return parts.join('');
}

/** The character class of numerals used in labels and dates (Chinese and Arabic, full and half width). */
export const NUMERAL_CLASS = '〇零OoＯ一二两三四五六七八九十百千0-9０-９';
