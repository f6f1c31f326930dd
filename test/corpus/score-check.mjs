#!/usr/bin/env node
// Scores the CLI against the shared labelled corpus and our own independent ones (test/corpus/*/), with
// ../shared/tools/score.mjs, and fails unless each meets the bar of issue 2: recall ≥ 0.90, precision ≥ 0.90,
// no trap fired, no failed run. Prints each corpus's summary line and its misses.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const scorer = path.resolve(root, '../shared/tools/score.mjs');
// The shared sample, then every labelled corpus of our own under test/corpus/ (extra, holdout, …).
const ours = readdirSync(path.join(root, 'test/corpus'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => path.join(root, 'test/corpus', e.name));
const corpora = [path.resolve(root, '../shared/corpus'), ...ours].filter(
  (d) => existsSync(d) && readdirSync(d).some((f) => /^\d+.*\.json$/.test(f)),
);
if (!existsSync(scorer)) {
  console.error(`score-check: 找不到评分脚本 ${scorer}（shared/ 应与项目目录并列）`);
  process.exit(2);
}

let failed = false;
for (const dir of corpora) {
  const run = spawnSync(process.execPath, [scorer, dir, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    console.error(`score-check: ${dir}: scorer exited ${run.status}\n${run.stderr}`);
    failed = true;
    continue;
  }
  const { summary, rows } = JSON.parse(run.stdout);
  const ok = summary.recall >= 0.9 && summary.precision >= 0.9 && summary.trapsFired === 0 && summary.failedRuns === 0;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${path.relative(root, dir)}: ${summary.samples} samples, recall ${summary.recall} (${summary.found}/${summary.expected}), ` +
      `precision ${summary.precision} (${summary.correct}/${summary.reported}), traps fired ${summary.trapsFired}, failed runs ${summary.failedRuns}`,
  );
  for (const r of rows) {
    const bits = [r.error && `RUN FAILED ${r.error}`, r.missed?.length && `missed ${r.missed.join(', ')}`, r.spurious?.length && `spurious ${r.spurious.join(', ')}`, r.traps?.length && `TRAP ${r.traps.join(', ')}`].filter(Boolean);
    if (bits.length) console.log(`       ${r.sample}: ${bits.join('; ')}`);
  }
  failed ||= !ok;
}
process.exit(failed ? 1 : 0);
