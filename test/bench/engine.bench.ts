// Engine speed on documents of 10k and 200k characters: median time of a full review (parse + every rule,
// jieba included) against a bare jieba tokenize of the same text. Prints figures; asserts nothing.
// Targets (issue 2): 10k ≤ 20 ms warm; engine/tokenize ≤ 2; 200k/10k ≤ 25.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { review } from '../../utils/engine';
import { readDocumentFile } from '../../utils/io';
import { createRequire } from 'node:module';
import { nodeSegmenter } from '../../utils/segment/node';

// The yardstick is jieba's own tokenize (words with offsets) on the same text, as the issue defines it.
const jieba = createRequire(import.meta.url)('jieba-wasm') as { tokenize(t: string, mode: string, hmm: boolean): unknown[] };

const corpusDir = path.resolve(import.meta.dirname, '../../../shared/corpus');
const own = path.resolve(import.meta.dirname, '../corpus/extra');
const dirs = [corpusDir, own].filter((d) => { try { return readdirSync(d).length > 0; } catch { return false; } });

async function sampleTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).sort()) {
      texts.push((await readDocumentFile(path.join(dir, f))).text);
    }
  }
  return texts;
}

/** A long document made of the sample documents' articles, renumbered so it reads as one text. */
function buildDocument(texts: string[], chars: number): string {
  let out = '清河市行政规范性文件汇编（基准测试用）\n';
  let i = 0;
  while (out.length < chars) {
    out += texts[i % texts.length] + '\n';
    i++;
  }
  return out.slice(0, chars);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(fn: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm the JIT and jieba's dictionary
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const texts = await sampleTexts();
const rows: { size: string; engine: number; tokenize: number }[] = [];
for (const [label, chars, runs] of [['10k', 10_000, 41], ['200k', 200_000, 11]] as const) {
  const text = buildDocument(texts, chars);
  const engine = time(() => review({ text }, { segmenter: nodeSegmenter, today: '2024-01-01' }), runs);
  const tokenize = time(() => jieba.tokenize(text, 'default', true), runs);
  rows.push({ size: label, engine, tokenize });
}
const [small, large] = rows;
console.log('NormLint engine benchmark (median of warm runs)');
for (const r of rows) {
  console.log(`  ${r.size.padEnd(5)} engine ${r.engine.toFixed(2).padStart(8)} ms   jieba tokenize ${r.tokenize.toFixed(2).padStart(8)} ms   engine/tokenize ${(r.engine / r.tokenize).toFixed(2)}`);
}
console.log(`  200k/10k engine time ratio ${(large.engine / small.engine).toFixed(1)} (linear would be 20)`);
console.log(`  targets: 10k ≤ 20 ms; engine/tokenize ≤ 2; 200k/10k ≤ 25`);
