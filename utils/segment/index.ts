import type { Token } from '../model/types';

/** Word segmentation. jieba-wasm loads differently in Node and in extension pages; both give this. */
export interface Segmenter {
  tokenize(text: string): Token[];
}

/**
 * Words with offsets from jieba's `cut`: its words concatenate back to the text, so offsets are running sums of
 * JavaScript string lengths. That keeps them in UTF-16 units like every other offset here (jieba's own
 * `tokenize` counts code points, which drift after a character outside the BMP), and `cut` is the faster call.
 */
export function tokensFromCut(text: string, words: string[]): Token[] {
  const out: Token[] = new Array(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    out[i] = { word: w, start: at, end: at + w.length };
    at += w.length;
  }
  if (at !== text.length) throw new Error(`jieba cut lost text: ${at} of ${text.length} characters`);
  return out;
}

/**
 * Tokens from the UTF-16 lengths of jieba's words (what `cachedLengths` keeps: a compact typed array per line
 * instead of thousands of small strings), with the same running offsets as `tokensFromCut`.
 */
export function tokensFromLengths(text: string, lengths: ArrayLike<number>): Token[] {
  const out: Token[] = new Array(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = at + lengths[i];
    out[i] = { word: text.slice(at, end), start: at, end };
    at = end;
  }
  if (at !== text.length) throw new Error(`jieba cut lost text: ${at} of ${text.length} characters`);
  return out;
}
