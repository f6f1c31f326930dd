// The labelled real texts (issue 7): ../shared/real-pool (index.csv `kind`) and ../shared/corpus-real (each
// sample's json `kind`), as one list of samples for the kind measure (kinds.ts) and the written audit (real-audit.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const REAL_DIRS = [path.resolve(root, '../shared/real-pool'), path.resolve(root, '../shared/corpus-real')];

export const LABELS = ['published', 'draft', 'explanation', 'non-normative'] as const;
export type Label = (typeof LABELS)[number];

// The engine's kinds, in the labels' terms: a 政策解读 and an 起草说明 are both texts that explain a document.
export const asLabel = (kind: string): Label =>
  kind === 'normative' ? 'published' : kind === 'draft' ? 'draft' : kind === 'not-normative' ? 'non-normative' : 'explanation';

export interface Sample {
  file: string;
  label: Label;
  title?: string;
  /** The document's date as labelled (real-pool index.csv), YYYY-MM-DD. */
  date?: string;
  /** The review date and profile the labeller gave (corpus-real json). */
  today?: string;
  profile?: string;
}

function pool(dir: string): Sample[] {
  const index = path.join(dir, 'index.csv');
  const rows = Papa.parse<Record<string, string>>(readFileSync(index, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows
    .filter((r) => r.file && LABELS.includes(r.kind as Label))
    .map((r) => ({ file: path.join(dir, r.file), label: r.kind as Label, title: r.title, date: r.date || undefined }));
}

function labelled(dir: string): Sample[] {
  return readdirSync(dir)
    .filter((f) => /^\d+.*\.json$/.test(f))
    .map((f) => ({ json: JSON.parse(readFileSync(path.join(dir, f), 'utf8')), stem: f.replace(/\.json$/, '') }))
    .filter(({ json }) => LABELS.includes(json.kind))
    .map(({ json, stem }) => ({ file: path.join(dir, `${stem}.txt`), label: json.kind as Label, today: json.today, profile: json.profile }))
    .filter((s) => existsSync(s.file));
}

/** The samples of one directory: a pool with index.csv, or a labelled corpus of NN-name.txt/.json pairs. */
export function samplesOf(dir: string): Sample[] {
  if (!existsSync(dir)) return [];
  return existsSync(path.join(dir, 'index.csv')) ? pool(dir) : labelled(dir);
}
