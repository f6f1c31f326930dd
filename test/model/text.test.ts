import { describe, expect, it } from 'vitest';
import { addYears, daysBetween, findDates, parseDate } from '../../utils/text/dates';
import { normalizeDocNumber } from '../../utils/text/docnumber';
import { parseNumeral, toChineseNumeral } from '../../utils/text/numerals';
import { nodeSegmenter } from '../../utils/segment/node';

describe('numerals', () => {
  it.each([
    ['十二', 12], ['二十', 20], ['一百零三', 103], ['一百一十', 110], ['二〇二一', 2021], ['１２', 12], ['两', 2], ['十', 10],
  ])('%s → %d', (s, n) => expect(parseNumeral(s)).toBe(n));
  it('rejects non-numerals', () => expect(parseNumeral('第十')).toBeUndefined());
  it.each([[1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [103, '一百零三'], [110, '一百一十']])('%d → %s', (n, s) =>
    expect(toChineseNumeral(n)).toBe(s));
});

describe('dates', () => {
  it('reads Arabic, Chinese and ISO forms', () => {
    expect(parseDate('2021年3月5日')?.iso).toBe('2021-03-05');
    expect(parseDate('二〇二一年三月五日')?.iso).toBe('2021-03-05');
    expect(parseDate('二〇二一年十二月三十一日')?.iso).toBe('2021-12-31');
    expect(parseDate('2021-03-05')?.iso).toBe('2021-03-05');
    expect(parseDate('2021.3.5')?.iso).toBe('2021-03-05');
  });
  it('marks a signature date whose day is left blank as partial', () => {
    expect(parseDate('2022年6月　日')).toMatchObject({ iso: '2022-06-01', partial: true });
  });
  it('refuses impossible dates', () => {
    expect(parseDate('2021年2月30日')).toBeUndefined();
    expect(parseDate('2021年13月1日')).toBeUndefined();
  });
  it('finds every date with its place', () => {
    const s = '自2021年10月20日至2021年11月3日';
    expect(findDates(s).map((d) => [d.iso, s.slice(d.index, d.index + d.length)])).toEqual([
      ['2021-10-20', '2021年10月20日'],
      ['2021-11-03', '2021年11月3日'],
    ]);
  });
  it('counts days and adds years', () => {
    expect(daysBetween('2022-07-01', '2022-07-31')).toBe(30);
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2021-04-01', 2)).toBe('2023-04-01');
  });
});

describe('文号', () => {
  it('normalises brackets and spacing', () => {
    expect(normalizeDocNumber('清政办发[2019]31号')).toBe('清政办发〔2019〕31号');
    expect(normalizeDocNumber('财金【2020】21号')).toBe('财金〔2020〕21号');
    expect(normalizeDocNumber('清政发（2019） 15号')).toBe('清政发〔2019〕15号');
  });
});

describe('segmenter', () => {
  it('gives offsets in UTF-16 units that slice back to each word, also after a character outside the BMP', () => {
    const text = '申请人𠮷某应当自印发之日起施行。';
    const words = nodeSegmenter.tokenize(text);
    expect(words.map((w) => w.word).join('')).toBe(text);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.word);
    expect(words.some((w) => w.word === '印发')).toBe(true);
  });
});
