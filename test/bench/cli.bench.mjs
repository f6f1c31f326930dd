// The CLI as a user runs it: whole-process wall time (node start, bundle load, reading, review, output), median of
// several runs, beside a bare `node -e 0` and a bare jieba cut of the same text in a fresh process (what any
// segmenting linter pays). Files: a 10k-character .txt where no word rule has a candidate (jieba never loads),
// the same with candidates (jieba loads and cuts those lines), and a batch of 500 mixed .txt/.html files.
// Targets (issue 11): 10k .txt ≤ 0.35 s without candidates, ≤ 0.8 s with; batch ≥ 300 files/s. Prints figures;
// asserts nothing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/normlint.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CORPORA = ['../shared/corpus', '../shared/corpus-real', 'test/corpus/extra', 'test/corpus/holdout', 'test/corpus/holdout2']
  .map((d) => join(ROOT, d))
  .filter((d) => { try { return readdirSync(d).length > 0; } catch { return false; } });

const WORDS = JSON.parse(readFileSync(join(ROOT, 'rules/data/wording.json'), 'utf8')).map((e) => e.word);
const CANDIDATE = new RegExp(WORDS.join('|'));

import { buildDocument } from '../e2e/long-document.ts';

const docs = CORPORA.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|html)$/.test(f)).sort().map((f) => join(d, f)));

/** A 10k-character normative document; without candidates, every listed word is taken out of it. */
function tenK(withCandidates) {
  const text = buildDocument(10_000).join('\n') + '\n';
  return withCandidates ? text : text.replace(new RegExp(CANDIDATE.source, 'g'), '');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wall(args, runs = RUNS) {
  const ms = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
    const took = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    if (i > 0) ms.push(took); // the first run fills the OS file cache
  }
  return median(ms);
}

const dir = mkdtempSync(join(tmpdir(), 'normlint-bench-'));
try {
  // A stale bundle is rebuilt by the first run; build it before timing anything.
  spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const clean = join(dir, 'clean-10k.txt');
  const worded = join(dir, 'words-10k.txt');
  writeFileSync(clean, tenK(false));
  writeFileSync(worded, tenK(true));
  const batch = [];
  for (let i = 0; batch.length < 500; i++) {
    const src = docs[i % docs.length];
    const dest = join(dir, `b${String(i).padStart(3, '0')}-${src.split('/').pop()}`);
    copyFileSync(src, dest);
    batch.push(dest);
  }
  const cutScript = (file) => `require('jieba-wasm').cut(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), true)`;

  const rows = [
    ['node -e 0', wall(['-e', '0'])],
    ['bare jieba cut, 10k (fresh process)', wall(['-e', cutScript(worded)])],
    ['normlint 10k .txt, no word candidate', wall([BIN, clean])],
    ['normlint 10k .txt, word candidates', wall([BIN, worded])],
  ];
  const batchMs = wall([BIN, '--format', 'json', ...batch], Math.max(1, Math.min(RUNS, 3)));
  const kinds = batch.reduce((n, f) => (n[f.endsWith('.html') ? 'html' : 'txt']++, n), { txt: 0, html: 0 });

  console.log(`NormLint CLI benchmark (whole process, median of ${RUNS} runs; machine load ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(40)} ${(ms / 1000).toFixed(3).padStart(7)} s`);
  console.log(`  ${`normlint batch of 500 (${kinds.txt} .txt, ${kinds.html} .html)`.padEnd(40)} ${(batchMs / 1000).toFixed(3).padStart(7)} s   ${(500 / (batchMs / 1000)).toFixed(0)} files/s`);
  console.log('  targets: 10k ≤ 0.35 s without candidates, ≤ 0.8 s with; batch ≥ 300 files/s');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
