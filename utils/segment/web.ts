import init, { cut } from 'jieba-wasm';
// The .wasm subpath is not exported by the package, so it is imported by relative path; Vite emits it as an asset.
import wasmUrl from '../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm?url';
import { tokensFromLengths, type Segmenter } from './index';
import { cachedLengths } from './lines';

let ready: Promise<Segmenter> | undefined;

/**
 * Loads jieba-wasm once per extension page or worker (about 100–200 ms) and resolves to a segmenter. It remembers
 * the lines it cut: a re-check after an edit cuts only the lines that changed.
 */
export function loadWebSegmenter(): Promise<Segmenter> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => {
    const lengthsOf = cachedLengths((text) => cut(text, true));
    return { tokenize: (text: string) => tokensFromLengths(text, lengthsOf(text)) };
  });
  return ready;
}
