// Measures document kind (what a text is) against labelled real texts: ../shared/real-pool (index.csv `kind`)
// and ../shared/corpus-real (each sample's json `kind`). Prints a confusion matrix, the accuracy, and every
// misclassified file with the reason the engine gives. Runs the engine in this process (no CLI per file).
// Usage: npm run kinds [-- DIR…]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { review } from '../../utils/engine';
import { normalizeNewlines } from '../../utils/io/decode';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const LABELS = ['published', 'draft', 'explanation', 'non-normative'] as const;
type Label = (typeof LABELS)[number];

// The engine's kinds, in the labels' terms: a 政策解读 and an 起草说明 are both texts that explain a document.
const asLabel = (kind: string): Label =>
  kind === 'normative' ? 'published' : kind === 'draft' ? 'draft' : kind === 'not-normative' ? 'non-normative' : 'explanation';

interface Sample { file: string; label: Label; title?: string }

function pool(dir: string): Sample[] {
  const index = path.join(dir, 'index.csv');
  if (!existsSync(index)) return [];
  const rows = Papa.parse<Record<string, string>>(readFileSync(index, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.filter((r) => r.file && LABELS.includes(r.kind as Label)).map((r) => ({ file: path.join(dir, r.file), label: r.kind as Label, title: r.title }));
}

function labelled(dir: string): Sample[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+.*\.json$/.test(f))
    .map((f) => ({ json: JSON.parse(readFileSync(path.join(dir, f), 'utf8')), stem: f.replace(/\.json$/, '') }))
    .filter(({ json }) => LABELS.includes(json.kind))
    .map(({ json, stem }) => ({ file: path.join(dir, `${stem}.txt`), label: json.kind as Label }))
    .filter((s) => existsSync(s.file));
}

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
const targets = dirs.length ? dirs.map((d) => path.resolve(d)) : [path.resolve(root, '../shared/real-pool'), path.resolve(root, '../shared/corpus-real')];
let right = 0;
let total = 0;
for (const dir of targets) {
  const samples = existsSync(path.join(dir, 'index.csv')) ? pool(dir) : labelled(dir);
  if (!samples.length) continue;
  const r = measure(path.relative(root, dir), samples);
  right += r.right;
  total += r.total;
}
if (total) console.log(`\nall: accuracy ${(right / total).toFixed(3)} (${right}/${total})`);
