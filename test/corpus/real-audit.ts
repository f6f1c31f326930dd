// Writes the generated parts of test/corpus/real-audit.md (issue 7): the engine run over every labelled real text
// (../shared/real-pool and ../shared/corpus-real) with every rule, the kind it gave each beside its label, its
// error/warning/info counts, and every error finding on the hand-judged documents beside its judgement
// (test/corpus/real-audit-judged.csv: keep/drop and a one-line reason). Only the blocks between
// `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` are rewritten; the prose around them is written by hand.
// Usage: npm run audit:real            rewrites the blocks
//        npm run audit:real -- --dump  also prints each judged document's error findings with their messages
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { review } from '../../utils/engine';
import type { Finding } from '../../utils/engine/types';
import { normalizeNewlines } from '../../utils/io/decode';
import { loadArticleFactsSync } from '../../utils/statutes/articles/node';
import { nodeSegmenter } from '../../utils/segment/node';
import { LABELS, REAL_DIRS, asLabel, root, samplesOf, type Sample } from './real-samples';

const DOC = path.join(root, 'test/corpus/real-audit.md');
const JUDGED = path.join(root, 'test/corpus/real-audit-judged.csv');
/** Characters of a finding's excerpt shown: enough to find the place, not a copy of the text. */
const QUOTE = 10;

loadArticleFactsSync();

// The review date: the labeller's (corpus-real), else the end of the year the document is dated (the pool gives
// its date), as a reviewer reading it that year would; a fixed date when neither is known.
const reviewDate = (s: Sample) => s.today ?? (s.date ? `${s.date.slice(0, 4)}-12-31` : '2024-12-31');

interface Run {
  sample: Sample;
  corpus: string;
  name: string;
  kind: string;
  kindReason: string;
  findings: Finding[];
  text: string;
}

const runs: Run[] = REAL_DIRS.flatMap((dir) =>
  samplesOf(dir).map((sample) => {
    const text = normalizeNewlines(readFileSync(sample.file, 'utf8'));
    const r = review({ text }, { today: reviewDate(sample), profile: sample.profile ?? 'national', segmenter: nodeSegmenter });
    return { sample, corpus: path.basename(dir), name: path.basename(sample.file), kind: r.summary.kind, kindReason: r.summary.kindReason, findings: r.findings, text };
  }),
);

const quote = (f: { excerpt: string }) => {
  const one = f.excerpt.replace(/\s+/g, ' ').trim();
  return one.length > QUOTE ? `${one.slice(0, QUOTE)}…` : one;
};
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const count = (r: Run, severity: string) => r.findings.filter((f) => f.severity === severity).length;

// ---- kinds ----
function kindsBlock(): string {
  const out: string[] = [];
  let right = 0;
  for (const corpus of [...new Set(runs.map((r) => r.corpus))]) {
    const rs = runs.filter((r) => r.corpus === corpus);
    const ok = rs.filter((r) => asLabel(r.kind) === r.sample.label).length;
    right += ok;
    out.push(`**${corpus}**: ${rs.length} texts, kind accuracy ${(ok / rs.length).toFixed(3)} (${ok}/${rs.length})`, '');
    out.push(`| label \\ engine | ${LABELS.join(' | ')} |`, `| --- | ${LABELS.map(() => '---:').join(' | ')} |`);
    for (const l of LABELS) {
      out.push(`| ${l} | ${LABELS.map((g) => rs.filter((r) => r.sample.label === l && asLabel(r.kind) === g).length).join(' | ')} |`);
    }
    out.push('');
  }
  out.push(`**All**: ${runs.length} texts, kind accuracy ${(right / runs.length).toFixed(3)} (${right}/${runs.length}).`, '');
  const normative = runs.filter((r) => r.kind !== 'not-normative');
  const errs = normative.map((r) => count(r, 'error'));
  out.push(
    `Reviewed as documents (every kind but not-normative): ${normative.length}; with no error finding: ${errs.filter((n) => n === 0).length}; ` +
      `error findings in all: ${errs.reduce((a, b) => a + b, 0)}; most on one text: ${Math.max(0, ...errs)}; ` +
      `most error+warning on one text: ${Math.max(0, ...normative.map((r) => count(r, 'error') + count(r, 'warning')))}.`,
    '',
  );
  out.push('| file | corpus | label | engine kind | | errors | warnings | info |', '| --- | --- | --- | --- | --- | ---: | ---: | ---: |');
  for (const r of runs) {
    const ok = asLabel(r.kind) === r.sample.label;
    out.push(
      `| ${r.name} | ${r.corpus} | ${r.sample.label} | ${r.kind} | ${ok ? '✓' : `✗ ${cell(r.kindReason)}`} | ${count(r, 'error')} | ${count(r, 'warning')} | ${count(r, 'info')} |`,
    );
  }
  return out.join('\n');
}

// ---- judged error findings ----
interface Judgement { file: string; code: string; where: string; quote: string; verdict: 'keep' | 'drop'; reason: string; fixed?: string }
const judgements: Judgement[] = Papa.parse<Judgement>(readFileSync(JUDGED, 'utf8'), { header: true, skipEmptyLines: true }).data;
const keyOf = (file: string, code: string, where: string, q: string) => `${file}\u0000${code}\u0000${where}\u0000${q}`;

function judgedBlock(): string {
  const files = [...new Set(judgements.map((j) => j.file))];
  const byKey = new Map(judgements.map((j) => [keyOf(j.file, j.code, j.where, j.quote), j]));
  const out: string[] = [];
  const tally = { judged: judgements.length, keep: judgements.filter((j) => j.verdict === 'keep').length, reported: 0, keptNow: 0, droppedNow: 0, gone: 0, goneKeep: 0, unjudged: 0 };
  const rows: string[] = ['| file | code | where | quote | judged | reason | now |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const file of files) {
    const run = runs.find((r) => r.name === file);
    const current = (run?.findings ?? []).filter((f) => f.severity === 'error');
    const seen = new Set<string>();
    for (const f of current) {
      const k = keyOf(file, f.code, f.where ?? '', quote(f));
      seen.add(k);
      const j = byKey.get(k);
      tally.reported++;
      if (!j) tally.unjudged++;
      else if (j.verdict === 'keep') tally.keptNow++;
      else tally.droppedNow++;
      rows.push(`| ${file} | ${f.code} | ${cell(f.where ?? '')} | ${cell(quote(f))} | ${j?.verdict ?? '—'} | ${cell(j?.reason ?? 'not judged yet (new since the audit)')} | reported |`);
    }
    for (const j of judgements.filter((x) => x.file === file && !seen.has(keyOf(x.file, x.code, x.where, x.quote)))) {
      tally.gone++;
      if (j.verdict === 'keep') tally.goneKeep++;
      rows.push(`| ${file} | ${j.code} | ${cell(j.where)} | ${cell(j.quote)} | ${j.verdict} | ${cell(j.reason)} | no longer reported${j.fixed ? ` (${cell(j.fixed)})` : ''} |`);
    }
  }
  const share = (a: number, b: number) => (b ? `${(a / b).toFixed(2)} (${a}/${b})` : '—');
  out.push(
    `Documents judged: ${files.length}. Error findings judged at the audit: ${tally.judged}; a reviewer would keep ${share(tally.keep, tally.judged)}.`,
    '',
    `Now: ${tally.reported} error findings reported on these documents: ${tally.keptNow} judged keep, ${tally.droppedNow} judged drop, ${tally.unjudged} not judged; ` +
      `${tally.gone} judged findings no longer reported (${tally.goneKeep} of them judged keep). Share kept among the judged findings still reported: ${share(tally.keptNow, tally.keptNow + tally.droppedNow)}.`,
    '',
    ...rows,
  );
  return out.join('\n');
}

function replaceBlock(doc: string, name: string, body: string): string {
  const open = `<!-- generated:${name} -->`;
  const close = `<!-- /generated:${name} -->`;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) throw new Error(`real-audit.md: block ${name} not found`);
  return `${doc.slice(0, a + open.length)}\n${body}\n${doc.slice(b)}`;
}

let doc = readFileSync(DOC, 'utf8');
doc = replaceBlock(doc, 'kinds', kindsBlock());
doc = replaceBlock(doc, 'judged', judgedBlock());
writeFileSync(DOC, doc);
console.log(`wrote ${path.relative(process.cwd(), DOC)}: ${runs.length} texts`);

if (process.argv.includes('--dump')) {
  for (const file of process.argv.slice(process.argv.indexOf('--dump') + 1).length ? process.argv.slice(process.argv.indexOf('--dump') + 1) : runs.map((r) => r.name)) {
    const r = runs.find((x) => x.name === file);
    if (!r) continue;
    const errs = r.findings.filter((f) => f.severity === 'error');
    console.log(`\n== ${r.name} [${r.sample.label} → ${r.kind}] errors ${errs.length}`);
    for (const f of errs) {
      console.log(`  ${f.code} | ${f.where} | ${quote(f)} | ${f.message}${f.places ? ` (${f.places.length} places)` : ''}`);
      // The surroundings, to judge by (printed only, never written to the audit).
      console.log(`      …${r.text.slice(Math.max(0, f.start - 80), f.end + 60).replace(/\s+/g, ' ')}…`);
    }
  }
}
