import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokensFromCut, tokensFromLengths } from '../../utils/segment';
import { lineCachedLengths } from '../../utils/segment/lines';

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

describe('lineCachedLengths', () => {
  it('cuts line by line exactly as jieba cuts the whole text (corpus, LF and CRLF)', () => {
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) {
      for (const text of [t, t.replace(/\n/g, '\r\n')]) {
        expect(Array.from(lineCachedLengths(cut)(text))).toEqual(Array.from(lengthsOf(cut(text))));
      }
    }
  });
  it('re-cuts only the lines an edit changed', () => {
    const calls: string[] = [];
    const lengths = lineCachedLengths((s) => (calls.push(s), cut(s)));
    const text = '第一条　为了规范管理，制定本办法。\n第二条　本办法适用于本市。\n第三条　本办法自发布之日起施行。';
    lengths(text);
    expect(calls).toHaveLength(3);
    calls.length = 0;
    const edited = text.replace('适用于本市', '适用于本市行政区域');
    expect(Array.from(lengths(edited))).toEqual(Array.from(lengthsOf(cut(edited))));
    expect(calls).toEqual(['第二条　本办法适用于本市行政区域。\n']);
  });
});
