// Hostile input, timed (issues 12 and 13). Prints; asserts nothing.
// 1. The engine on each pathological pattern at 50k and 200k characters (best of two runs each): time, ratio to ordinary text of the same
//    length (target ≤ 3) and 200k/50k (target ≤ 5, linear is 4).
// 2. The CLI on each hostile file, generated on the fly into a temporary directory, each run in a child process:
//    wall time and peak memory (max RSS, from /usr/bin/time when present, else the child's resource usage).
//    Targets: under 5 s and 1 GB, ending with a one-line message or a normal review.
// `npm run bench:adversarial -- --engine` or `-- --files` runs one half.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { review } from '../../utils/engine';
import { nodeSegmenter } from '../../utils/segment/node';
import { hostileFiles } from '../hostile/files';
import { ordinaryText, pathologicalText, PATTERNS } from '../hostile/patterns';

const only = process.argv[2];
const options = { segmenter: nodeSegmenter, today: '2024-01-01' };
const time = (text: string) => {
  const t = performance.now();
  review({ text }, options);
  return performance.now() - t;
};
const best = (text: string) => Math.min(time(text), time(text));

if (only !== '--files') {
  time(ordinaryText(20_000)); // load jieba and the statute table
  const base = { 50: best(ordinaryText(50_000)), 200: best(ordinaryText(200_000)) };
  console.log('Engine on pathological text (ms; ratio to ordinary text of the same length; 200k/50k)');
  console.log(`  ${'ordinary text'.padEnd(34)} ${base[50].toFixed(0).padStart(7)} ${base[200].toFixed(0).padStart(7)}`);
  let worst = 0;
  let worstGrowth = 0;
  for (const p of PATTERNS) {
    const t50 = best(pathologicalText(p.unit, 50_000));
    const t200 = best(pathologicalText(p.unit, 200_000));
    const r50 = t50 / base[50];
    const r200 = t200 / base[200];
    const growth = t200 / t50;
    worst = Math.max(worst, r50, r200);
    worstGrowth = Math.max(worstGrowth, growth);
    const flag = r200 > 3 || r50 > 3 || growth > 5 ? '  <<' : '';
    console.log(`  ${p.label.padEnd(34)} ${t50.toFixed(0).padStart(7)} ${t200.toFixed(0).padStart(7)}   ×${r50.toFixed(2)} ×${r200.toFixed(2)}   200k/50k ${growth.toFixed(1)}${flag}`);
  }
  console.log(`  ${PATTERNS.length} patterns; worst ratio to ordinary ×${worst.toFixed(2)} (target ≤ 3), worst 200k/50k ${worstGrowth.toFixed(1)} (target ≤ 5)`);
}

if (only !== '--engine') {
  const dir = mkdtempSync(join(tmpdir(), 'normlint-adversarial-'));
  const bin = join(import.meta.dirname, '../../bin/normlint.mjs');
  const gnuTime = existsSync('/usr/bin/time');
  console.log('\nCLI on hostile files (each in a child process: wall time, peak memory, last line)');
  try {
    for (const f of hostileFiles(1)) {
      const path = join(dir, f.name);
      writeFileSync(path, await f.bytes());
      const args = [process.execPath, bin, '--format', 'text', path];
      const t = performance.now();
      const r = gnuTime
        ? spawnSync('/usr/bin/time', ['-f', '%M', ...args], { encoding: 'utf8', timeout: 180_000 })
        : spawnSync(args[0], args.slice(1), { encoding: 'utf8', timeout: 180_000 });
      const ms = performance.now() - t;
      const errLines = r.stderr.trim().split('\n');
      const rssKb = gnuTime ? Number(errLines.pop()) : NaN;
      const said = (errLines.find((l) => l.startsWith('normlint：')) ?? r.stdout.trim().split('\n')[0] ?? '').replace(dir, '…');
      const mem = Number.isFinite(rssKb) ? `${(rssKb / 1024).toFixed(0)} MB` : '?';
      const flag = ms > 5000 || rssKb > 1024 * 1024 ? '  <<' : '';
      console.log(`  ${f.label.padEnd(46)} ${(ms / 1000).toFixed(1).padStart(5)} s ${mem.padStart(7)}${flag}\n      ${said.slice(0, 110)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
