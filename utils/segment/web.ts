import init, { cut } from 'jieba-wasm';
// The .wasm subpath is not exported by the package, so it is imported by relative path; Vite emits it as an asset.
import wasmUrl from '../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm?url';
import { tokensFromCut, type Segmenter } from './index';

let ready: Promise<Segmenter> | undefined;

/** Loads jieba-wasm once per extension page (about 100–200 ms) and resolves to a segmenter. */
export function loadWebSegmenter(): Promise<Segmenter> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => ({
    tokenize: (text: string) => tokensFromCut(text, cut(text, true)),
  }));
  return ready;
}
