// Measures document kind (what a text is) against labelled real texts: ../shared/real-pool (index.csv `kind`)
// and ../shared/corpus-real (each sample's json `kind`). Prints a confusion matrix, the accuracy, and every
// misclassified file with the reason the engine gives. Runs the engine in this process (no CLI per file).
// Usage: npm run kinds [-- DIR…]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { review } from '../../utils/engine';
import { normalizeNewlines } from '../../utils/io/decode';
import { LABELS, REAL_DIRS, asLabel, root, samplesOf, type Sample } from './real-samples';

function measure(name: string, samples: Sample[]) {
  const matrix = new Map<string, number>();
  const wrong: string[] = [];
  let right = 0;
  for (const s of samples) {
    const text = normalizeNewlines(readFileSync(s.file, 'utf8'));
    const { summary } = review({ text }, { rules: [], today: '2024-12-31' });
    const got = asLabel(summary.kind);
    matrix.set(`${s.label}>${got}`, (matrix.get(`${s.label}>${got}`) ?? 0) + 1);
    if (got === s.label) right++;
    else wrong.push(`  ${path.basename(s.file)}  ${s.label} → ${summary.kind}：${summary.kindReason}${s.title ? `  〔${s.title.slice(0, 40)}〕` : ''}`);
  }
  const w = 14;
  console.log(`\n${name}: ${samples.length} texts, accuracy ${(right / samples.length).toFixed(3)} (${right}/${samples.length})`);
  console.log(`${'label \\ engine'.padEnd(w)}${LABELS.map((l) => l.padStart(w)).join('')}`);
  for (const l of LABELS) console.log(`${l.padEnd(w)}${LABELS.map((g) => String(matrix.get(`${l}>${g}`) ?? 0).padStart(w)).join('')}`);
  if (wrong.length) console.log(`misclassified:\n${wrong.join('\n')}`);
  return { right, total: samples.length };
}

const dirs = process.argv.slice(2);
const targets = dirs.length ? dirs.map((d) => path.resolve(d)) : REAL_DIRS;
let right = 0;
let total = 0;
for (const dir of targets) {
  const samples = samplesOf(dir);
  if (!samples.length) continue;
  const r = measure(path.relative(root, dir), samples);
  right += r.right;
  total += r.total;
}
if (total) console.log(`\nall: accuracy ${(right / total).toFixed(3)} (${right}/${total})`);
