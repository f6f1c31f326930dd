import { createRequire } from 'node:module';
import { tokensFromCut, type Segmenter } from './index';

// In Node the package's CommonJS build instantiates the WASM synchronously on require.
const require = createRequire(import.meta.url);
let jieba: { cut(text: string, hmm: boolean): string[] } | undefined;

export const nodeSegmenter: Segmenter = {
  tokenize(text) {
    jieba ??= require('jieba-wasm');
    return tokensFromCut(text, jieba!.cut(text, true));
  },
};
