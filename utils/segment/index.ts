import type { Token } from '../model/types';

/** Word segmentation. jieba-wasm loads differently in Node and in extension pages; both give this. */
export interface Segmenter {
  tokenize(text: string): Token[];
}
