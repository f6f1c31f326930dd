import { createRequire } from 'node:module';
import type { Segmenter } from './index';

// In Node the package's CommonJS build instantiates the WASM synchronously on require.
const require = createRequire(import.meta.url);
let jieba: { tokenize(text: string, mode: string, hmm: boolean): { word: string; start: number; end: number }[] } | undefined;

export const nodeSegmenter: Segmenter = {
  tokenize(text) {
    jieba ??= require('jieba-wasm');
    return jieba!.tokenize(text, 'default', true);
  },
};
