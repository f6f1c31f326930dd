import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokensFromCut, tokensFromLengths } from '../../utils/segment';
import { cachedLengths } from '../../utils/segment/lines';
import { nodeSegmenter } from '../../utils/segment/node';
import { parseDocument } from '../../utils/model/parse';
import { review } from '../../utils/engine';
import type { Segmenter } from '../../utils/segment';

const jieba: { cut(text: string, hmm: boolean): string[] } = createRequire(import.meta.url)('jieba-wasm');
const cut = (text: string) => jieba.cut(text, true);
const lengthsOf = (words: string[]) => Int32Array.from(words, (w) => w.length);

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
const texts = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));

describe('tokensFromLengths', () => {
  it('gives the tokens of tokensFromCut, outside the BMP too', () => {
    const text = '第一条　为规范𠀋字与emoji😀的处理，制定本办法。\n第二条　本办法自2024年1月1日起施行。';
    const words = cut(text);
    expect(tokensFromLengths(text, lengthsOf(words))).toEqual(tokensFromCut(text, words));
  });
  it('refuses lengths that do not add up to the text', () => {
    expect(() => tokensFromLengths('规范性文件', Int32Array.of(2, 2))).toThrow(/lost text/);
  });
});

describe('words run by run', () => {
  it('are the words jieba cuts from the whole text, line breaks aside (corpus)', () => {
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      const whole = tokensFromCut(text, cut(text)).filter((w) => w.word !== '\n');
      expect(parseDocument(text, {}, nodeSegmenter).words()).toEqual(whole);
    }
  });
  it('cut only the clause around what is asked for, once each, and nothing when nothing is asked for', () => {
    const calls: string[] = [];
    const segmenter: Segmenter = { tokenize: (t) => (calls.push(t), tokensFromCut(t, cut(t))) };
    const text = '第一条　为了规范管理，制定本办法。\n第二条　有关部门应当酌情处理。\n第三条　本办法自发布之日起施行。';
    const doc = parseDocument(text, {}, segmenter);
    expect(calls).toEqual([]);
    const at = text.indexOf('酌情');
    const words = doc.wordsIn(at, at + 2);
    expect(calls).toEqual(['有关部门应当酌情处理']);
    expect(words.find((w) => w.start === at)?.word).toMatch(/^酌情/);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.word);
    doc.wordsIn(at + 2, at + 4);
    expect(calls).toHaveLength(1);
  });
  it('skip jieba entirely when no word rule has a candidate', () => {
    let cuts = 0;
    const segmenter: Segmenter = { tokenize: (t) => (cuts++, tokensFromCut(t, cut(t))) };
    const text = '关于印发清河市停车管理办法的通知\n第一条　为了规范停车管理，制定本办法。\n第二条　本办法自2024年3月1日起施行，有效期5年。';
    review({ text }, { segmenter, today: '2024-03-01' });
    expect(cuts).toBe(0);
    review({ text: text.replace('规范停车管理', '酌情规范停车管理') }, { segmenter, today: '2024-03-01' });
    expect(cuts).toBe(1);
  });
});

describe('cachedLengths', () => {
  it('gives the lengths of jieba\'s words and cuts a line again only after it left the cache', () => {
    const calls: string[] = [];
    const lengths = cachedLengths((s) => (calls.push(s), cut(s)), 2);
    const [a, b, c] = ['第一条　为了规范管理，制定本办法。', '第二条　本办法适用于本市。', '第三条　本办法自发布之日起施行。'];
    expect(Array.from(lengths(a))).toEqual(Array.from(lengthsOf(cut(a))));
    lengths(b);
    lengths(a);
    expect(calls).toEqual([a, b]);
    lengths(c); // evicts b, the least recently used
    lengths(a);
    lengths(b);
    expect(calls).toEqual([a, b, c, b]);
  });
});
