#!/usr/bin/env node
// Checks the labels of this corpus before anyone scores against them: every .json parses, uses only known
// fields and codes, has a document beside it, and every quote is an exact substring of the document's text
// (for .html, of the visible text, and never across an element boundary). Exit 1 on any problem.
// Usage: node test/corpus/extra/check-labels.mjs [DIR]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? path.dirname(new URL(import.meta.url).pathname));

// The codes of shared/DEFECTS.md; kept here too so the check runs without shared/ beside the project.
const CODES = new Set([
  'comment.missing', 'comment.period-short', 'review.materials-missing',
  'effective.no-grace', 'effective.retroactive', 'effective.missing',
  'validity.missing', 'validity.too-long', 'validity.expired',
  'basis.missing', 'basis.informal-name', 'basis.repealed', 'basis.article-invalid', 'basis.citation-format',
  'filing.unregistered', 'filing.late', 'filing.internal-issuer',
  'content.license', 'content.penalty', 'content.penalty-range', 'content.coercion', 'content.fee', 'content.competition',
  'content.interpretation', 'drafting.numbering', 'drafting.wording', 'drafting.punctuation',
]);
const KINDS = new Set(['draft', 'published', 'editor', 'explanation']);
const PROFILES = new Set(['national', 'strict']);
const FIELDS = new Set(['kind', 'profile', 'today', 'register', 'expect', 'absent']);
const REGISTER_HEADER = '文号,登记号,制定机关,公布日期,报送备案日期,备案机关';

// If shared/DEFECTS.md is beside the project, the table there is the contract: warn when it moved on.
const defects = path.resolve(dir, '../../../../shared/DEFECTS.md');
if (existsSync(defects)) {
  const listed = new Set([...readFileSync(defects, 'utf8').matchAll(/^\| `([a-z]+\.[a-z-]+)` \|/gm)].map((m) => m[1]));
  for (const c of CODES) if (!listed.has(c)) console.warn(`warning: ${c} is no longer in DEFECTS.md`);
  for (const c of listed) if (!CODES.has(c)) console.warn(`warning: DEFECTS.md has a new code ${c}`);
}

const SEP = '\u0001';
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ldquo: '“', rdquo: '”', middot: '·', hellip: '…', mdash: '—' };
// Rough visible text: drop head, scripts, styles and comments, then every tag becomes a separator that no
// quote can contain, so a quote spanning two elements fails here as it would in a highlighter.
export function visibleText(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head[\s\S]*?<\/head>/i, '')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, SEP)
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

const errors = [];
const err = (f, msg) => errors.push(`${f}: ${msg}`);
const files = readdirSync(dir);
const labels = files.filter((f) => /^\d+-.*\.json$/.test(f)).sort();
const docs = files.filter((f) => /^\d+-.*\.(txt|html?)$/.test(f));
const stats = { samples: 0, expects: 0, clean: 0, byKind: {} };

for (const d of docs) if (!labels.includes(d.replace(/\.[^.]+$/, '.json'))) err(d, 'document without a label file');

let usesRegister = false;
for (const f of labels) {
  let meta;
  try { meta = JSON.parse(readFileSync(path.join(dir, f), 'utf8')); } catch (e) { err(f, `does not parse: ${e.message}`); continue; }
  const stem = f.replace(/\.json$/, '');
  const doc = ['.txt', '.html', '.htm'].map((e) => stem + e).find((n) => files.includes(n));
  if (!doc) { err(f, 'no .txt or .html beside it'); continue; }
  stats.samples++;
  for (const k of Object.keys(meta)) if (!FIELDS.has(k)) err(f, `unknown field "${k}"`);
  if (!KINDS.has(meta.kind)) err(f, `kind "${meta.kind}" is not one of ${[...KINDS].join('/')}`);
  if (!PROFILES.has(meta.profile)) err(f, `profile "${meta.profile}" is not one of ${[...PROFILES].join('/')}`);
  if (meta.today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(meta.today) && !Number.isNaN(Date.parse(meta.today)))) err(f, `today "${meta.today}" is not YYYY-MM-DD`);
  if (meta.register !== undefined && typeof meta.register !== 'boolean') err(f, 'register must be true or false');
  if (meta.register) usesRegister = true;
  if (!Array.isArray(meta.expect)) err(f, 'expect must be an array');
  if (meta.absent !== undefined && !Array.isArray(meta.absent)) err(f, 'absent must be an array');
  stats.byKind[meta.kind] = (stats.byKind[meta.kind] ?? 0) + 1;

  const raw = readFileSync(path.join(dir, doc), 'utf8');
  const text = /\.html?$/.test(doc) ? visibleText(raw) : raw;
  const expectCodes = new Set();
  for (const [i, x] of (meta.expect ?? []).entries()) {
    stats.expects++;
    if (!CODES.has(x.code)) err(f, `expect[${i}] unknown code "${x.code}"`);
    expectCodes.add(x.code);
    for (const k of Object.keys(x)) if (k !== 'code' && k !== 'quote') err(f, `expect[${i}] unknown field "${k}"`);
    if (x.quote === undefined) continue;
    if (typeof x.quote !== 'string' || x.quote.length < 2) { err(f, `expect[${i}] quote too short`); continue; }
    if (!text.includes(x.quote)) {
      err(f, `expect[${i}] ${x.code} quote not in ${doc}: 「${x.quote}」` + (raw.includes(x.quote) ? ' (found in markup only, or across tags)' : ''));
    }
  }
  if ((meta.expect ?? []).length === 0) stats.clean++;
  const seen = new Set();
  for (const c of meta.absent ?? []) {
    if (!CODES.has(c)) err(f, `absent has unknown code "${c}"`);
    if (expectCodes.has(c)) err(f, `${c} is both expected and absent`);
    if (seen.has(c)) err(f, `${c} listed twice in absent`);
    seen.add(c);
  }
}

if (usesRegister) {
  const reg = path.join(dir, 'register.csv');
  if (!existsSync(reg)) err('register.csv', 'missing, but samples say "register": true');
  else {
    const lines = readFileSync(reg, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    if (lines[0] !== REGISTER_HEADER) err('register.csv', `header is not ${REGISTER_HEADER}`);
    for (const [i, l] of lines.slice(1).entries()) {
      const cells = l.split(',');
      if (cells.length !== 6) err('register.csv', `row ${i + 2} has ${cells.length} cells`);
      for (const c of [cells[3], cells[4]]) if (c && !/^\d{4}-\d{2}-\d{2}$/.test(c)) err('register.csv', `row ${i + 2} date "${c}"`);
      if (cells[3] && cells[4] && cells[4] < cells[3]) err('register.csv', `row ${i + 2} filed before it was published`);
    }
  }
}

if (errors.length) {
  for (const e of errors) console.error(e);
  console.error(`\n${errors.length} problem(s) in ${dir}`);
  process.exit(1);
}
console.log(`ok: ${stats.samples} samples, ${stats.expects} expected findings, ${stats.clean} with no expected finding; by kind ${JSON.stringify(stats.byKind)}`);
