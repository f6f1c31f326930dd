#!/usr/bin/env node
// Checks the hold-out corpus labels, not the engine: every NN-slug.json parses, uses only known fields and
// defect codes, never lists a code as both expected and absent, and quotes text that a reader of the document
// actually sees (for .html: inside one element, never across element boundaries, never in <head>).
// Usage (from the project root): node test/corpus/holdout/check-labels.mjs [--table]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

const dir = path.dirname(fileURLToPath(import.meta.url));
const showTable = process.argv.includes('--table');

// The contract (../../../../shared/DEFECTS.md). Kept here as well so the checker runs where the shared
// folder is absent; when it is present, the two lists must agree.
const CODES = [
  'comment.missing', 'comment.period-short', 'review.materials-missing',
  'effective.no-grace', 'effective.retroactive', 'effective.missing',
  'validity.missing', 'validity.too-long', 'validity.expired',
  'basis.missing', 'basis.informal-name', 'basis.repealed', 'basis.citation-format',
  'filing.unregistered', 'filing.late', 'filing.internal-issuer',
  'content.license', 'content.penalty', 'content.coercion', 'content.fee', 'content.competition',
  'content.interpretation',
  'drafting.numbering', 'drafting.wording', 'drafting.punctuation',
];
const KINDS = ['draft', 'published', 'editor', 'explanation'];
const PROFILES = ['national', 'strict'];
const FIELDS = ['kind', 'profile', 'today', 'register', 'expect', 'absent'];
const REGISTER_COLUMNS = ['文号', '登记号', '制定机关', '公布日期', '报送备案日期', '备案机关'];
// Inline elements: a quote may run across them (<p>…<font>…</font>…</p>) but not across blocks.
const INLINE = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'FONT', 'SPAN', 'U', 'SMALL', 'BIG', 'SUB', 'SUP', 'LABEL']);
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

const errors = [];
const notes = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);

const defectsMd = path.resolve(dir, '../../../../shared/DEFECTS.md');
if (existsSync(defectsMd)) {
  const listed = [...readFileSync(defectsMd, 'utf8').matchAll(/^\| `([a-z]+\.[a-z-]+)` \|/gm)].map((m) => m[1]);
  const missing = CODES.filter((c) => !listed.includes(c));
  const extra = listed.filter((c) => !CODES.includes(c));
  if (missing.length || extra.length) fail('DEFECTS.md', `code list differs from the checker: -${missing} +${extra}`);
}

const isDate = (s) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s)
  && !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s);

// Visible text of a document, and the pieces a quote may fall within.
function readDocument(file) {
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.txt')) return { text: raw, flat: raw, pieces: raw.split('\n') };
  const { document } = parseHTML(raw);
  const pieces = [];
  const visible = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) { visible.push(child.data); pieces.push(child.data); continue; }
      if (child.nodeType !== 1 || HIDDEN.has(child.tagName)) continue;
      // An element whose descendants are all inline is one piece: its whole text can hold a quote.
      const inlineOnly = [...child.querySelectorAll('*')].every((e) => INLINE.has(e.tagName));
      if (inlineOnly && child.querySelector('*')) pieces.push(child.textContent);
      walk(child);
    }
  };
  walk(document.documentElement ?? document);
  // flat: the text as it reads across elements, to tell a quote that crosses a boundary from one that is absent
  return { text: visible.join(''), flat: visible.map((t) => t.trim()).join(''), pieces };
}

function checkRegister() {
  const file = path.join(dir, 'register.csv');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const header = lines.shift().split(',');
  if (header.join(',') !== REGISTER_COLUMNS.join(',')) fail('register.csv', `columns must be ${REGISTER_COLUMNS.join(',')}`);
  const seen = new Set();
  lines.forEach((line, i) => {
    const cells = line.split(',');
    const where = `register.csv line ${i + 2}`;
    if (cells.length !== REGISTER_COLUMNS.length) { fail(where, `${cells.length} fields, want ${REGISTER_COLUMNS.length}`); return; }
    const [no, , , published, filed] = cells;
    if (seen.has(no)) fail(where, `文号 ${no} listed twice`);
    seen.add(no);
    if (!isDate(published) || !isDate(filed)) fail(where, 'dates must be YYYY-MM-DD');
    else if (filed < published) fail(where, 'filed before it was published');
  });
  return seen;
}

const register = checkRegister();
const files = readdirSync(dir);
const labels = files.filter((f) => /^\d{2}-[a-z0-9-]+\.json$/.test(f)).sort();
for (const f of files) {
  const m = /^(\d{2}-[a-z0-9-]+)\.(txt|html)$/.exec(f);
  if (m && !labels.includes(m[1] + '.json')) fail(f, 'document without a label file');
}

const coverage = Object.fromEntries(CODES.map((c) => [c, { expected: 0, absent: 0 }]));
const rows = [];
for (const label of labels) {
  const stem = label.replace(/\.json$/, '');
  let meta;
  try { meta = JSON.parse(readFileSync(path.join(dir, label), 'utf8')); } catch (e) { fail(label, `invalid JSON: ${e.message}`); continue; }
  const docs = ['.txt', '.html'].map((e) => stem + e).filter((f) => existsSync(path.join(dir, f)));
  if (docs.length !== 1) { fail(label, `needs exactly one document (.txt or .html), found ${docs.length}`); continue; }
  const { text, flat, pieces } = readDocument(path.join(dir, docs[0]));

  for (const k of Object.keys(meta)) if (!FIELDS.includes(k)) fail(label, `unknown field "${k}"`);
  if (!KINDS.includes(meta.kind)) fail(label, `kind must be one of ${KINDS.join('|')}`);
  if (!PROFILES.includes(meta.profile)) fail(label, `profile must be one of ${PROFILES.join('|')}`);
  if ('today' in meta && !isDate(meta.today)) fail(label, 'today must be a real YYYY-MM-DD date');
  if ('register' in meta && typeof meta.register !== 'boolean') fail(label, 'register must be true or false');
  if (meta.register && !register) fail(label, 'register is true but register.csv is missing');
  if (!Array.isArray(meta.expect)) { fail(label, 'expect must be an array'); meta.expect = []; }
  if (!Array.isArray(meta.absent)) { fail(label, 'absent must be an array'); meta.absent = []; }

  meta.expect.forEach((x, i) => {
    const where = `${label} expect[${i}]`;
    if (typeof x !== 'object' || x === null) { fail(where, 'must be an object'); return; }
    for (const k of Object.keys(x)) if (k !== 'code' && k !== 'quote') fail(where, `unknown field "${k}"`);
    if (!CODES.includes(x.code)) { fail(where, `unknown code "${x.code}"`); return; }
    coverage[x.code].expected++;
    if (!('quote' in x)) return;
    if (typeof x.quote !== 'string' || !x.quote.trim()) { fail(where, 'quote must be a non-empty string'); return; }
    if (/\n/.test(x.quote)) fail(where, 'quote spans lines');
    if (pieces.some((p) => p.includes(x.quote))) {
      if (text.split(x.quote).length > 2) notes.push(`${where}: quote occurs more than once 「${x.quote}」`);
    } else if (text.includes(x.quote) || flat.includes(x.quote)) fail(where, `quote crosses an element boundary: 「${x.quote}」`);
    else fail(where, `quote not in the visible text: 「${x.quote}」`);
  });
  const absent = new Set();
  for (const c of meta.absent) {
    if (!CODES.includes(c)) fail(label, `unknown absent code "${c}"`);
    else if (absent.has(c)) fail(label, `absent lists "${c}" twice`);
    else { absent.add(c); coverage[c].absent++; }
  }
  for (const c of new Set(meta.expect.map((x) => x.code))) if (absent.has(c)) fail(label, `"${c}" is both expected and absent`);
  rows.push({ stem, ext: path.extname(docs[0]).slice(1), kind: meta.kind, profile: meta.profile, chars: text.replace(/\s/g, '').length,
    expect: [...new Set(meta.expect.map((x) => x.code))], absent: meta.absent.length });
}

// The corpus must exercise every code at least once, and hold clean documents too.
for (const [code, n] of Object.entries(coverage)) if (!n.expected) fail('corpus', `no sample expects ${code}`);
const clean = rows.filter((r) => !r.expect.length).length;

if (showTable) {
  console.log('| sample | form | kind | profile | chars | expected codes | absent |');
  console.log('| --- | --- | --- | --- | ---: | --- | ---: |');
  for (const r of rows) console.log(`| ${r.stem} | .${r.ext} | ${r.kind} | ${r.profile} | ${r.chars} | ${r.expect.join(', ') || '—'} | ${r.absent} |`);
  console.log('\n| code | expected in | absent in |\n| --- | ---: | ---: |');
  for (const [c, n] of Object.entries(coverage)) console.log(`| ${c} | ${n.expected} | ${n.absent} |`);
}
for (const n of notes) console.log('note: ' + n);
console.log(`${rows.length} samples, ${rows.reduce((s, r) => s + r.expect.length, 0)} expected codes, ${clean} with nothing expected, ${errors.length} problems`);
for (const e of errors) console.error('ERROR ' + e);
process.exit(errors.length ? 1 : 0);
