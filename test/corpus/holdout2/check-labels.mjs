#!/usr/bin/env node
// Checks the labels of the holdout2 corpus, without running the engine:
// every sample has a label file that parses, uses only known codes and fields, never lists a code both as
// expected and absent, and quotes text that really is on the page (for .html: inside one text node of the
// visible body, so a quote never spans two elements). Exit code 1 on any error.
// Usage: node test/corpus/holdout2/check-labels.mjs
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

const dir = dirname(fileURLToPath(import.meta.url));

// The contract of /work/shared/DEFECTS.md: a label may use no other code.
const CODES = new Set([
  'comment.missing', 'comment.period-short', 'review.materials-missing',
  'effective.no-grace', 'effective.retroactive', 'effective.missing',
  'validity.missing', 'validity.too-long', 'validity.expired',
  'basis.missing', 'basis.informal-name', 'basis.repealed', 'basis.citation-format',
  'filing.unregistered', 'filing.late', 'filing.internal-issuer',
  'content.license', 'content.penalty', 'content.coercion', 'content.fee', 'content.competition',
  'content.interpretation',
  'drafting.numbering', 'drafting.wording', 'drafting.punctuation',
]);
const FIELDS = new Set(['kind', 'profile', 'today', 'register', 'expect', 'absent']);
const KINDS = new Set(['draft', 'published', 'editor', 'explanation']);
const PROFILES = new Set(['national', 'strict']);
const REGISTER_COLUMNS = ['文号', '登记号', '制定机关', '公布日期', '报送备案日期', '备案机关'];

const errors = [];
const err = (file, msg) => errors.push(`${file}: ${msg}`);

// Text nodes a reader sees: the body without scripts, styles and hidden elements.
function visibleTextNodes(html) {
  const { document } = parseHTML(html);
  const out = [];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        out.push(child.textContent);
      } else if (child.nodeType === 1) {
        if (SKIP.has(child.tagName)) continue;
        if (child.hasAttribute('hidden')) continue;
        const style = (child.getAttribute('style') || '').replace(/\s+/g, '');
        if (/display:none|visibility:hidden/.test(style)) continue;
        walk(child);
      }
    }
  };
  walk(document.body || document.documentElement);
  return out;
}

function isDate(s) {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const files = readdirSync(dir).sort();
const samples = files.filter((f) => /^\d{2}-[a-z0-9-]+\.(txt|html)$/.test(f));
const labels = files.filter((f) => /^\d{2}-[a-z0-9-]+\.json$/.test(f));

// Pairs and unique numbers.
const seenNumbers = new Map();
for (const s of samples) {
  const nn = s.slice(0, 2);
  if (seenNumbers.has(nn)) err(s, `number ${nn} also used by ${seenNumbers.get(nn)}`);
  seenNumbers.set(nn, s);
  const label = s.replace(/\.(txt|html)$/, '.json');
  if (!labels.includes(label)) err(s, `no label file ${label}`);
}
for (const l of labels) {
  const base = l.replace(/\.json$/, '');
  if (!samples.includes(`${base}.txt`) && !samples.includes(`${base}.html`)) err(l, 'label without a sample');
}

// Register.
const registerPath = join(dir, 'register.csv');
let registerRows = [];
if (existsSync(registerPath)) {
  const lines = readFileSync(registerPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  if (header.join(',') !== REGISTER_COLUMNS.join(',')) err('register.csv', `header is ${lines[0]}`);
  registerRows = lines.slice(1).map((l) => l.split(','));
  registerRows.forEach((row, i) => {
    if (row.length !== REGISTER_COLUMNS.length) err('register.csv', `row ${i + 2} has ${row.length} columns`);
    if (!isDate(row[3]) || !isDate(row[4])) err('register.csv', `row ${i + 2} has a bad date`);
  });
}

const codeCount = new Map([...CODES].map((c) => [c, 0]));
const absentCount = new Map([...CODES].map((c) => [c, 0]));
const summary = [];

for (const s of samples) {
  const labelFile = s.replace(/\.(txt|html)$/, '.json');
  if (!labels.includes(labelFile)) continue;
  const raw = readFileSync(join(dir, s), 'utf8');
  const isHtml = s.endsWith('.html');
  const nodes = isHtml ? visibleTextNodes(raw) : [raw];
  const visible = nodes.join('');
  let label;
  try {
    label = JSON.parse(readFileSync(join(dir, labelFile), 'utf8'));
  } catch (e) {
    err(labelFile, `does not parse: ${e.message}`);
    continue;
  }
  for (const k of Object.keys(label)) if (!FIELDS.has(k)) err(labelFile, `unknown field ${k}`);
  if (!KINDS.has(label.kind)) err(labelFile, `unknown kind ${label.kind}`);
  if (!PROFILES.has(label.profile)) err(labelFile, `unknown profile ${label.profile}`);
  if ('today' in label && !isDate(label.today)) err(labelFile, `today is not YYYY-MM-DD: ${label.today}`);
  if ('register' in label && typeof label.register !== 'boolean') err(labelFile, 'register must be true or false');
  if (label.register === true && registerRows.length === 0) err(labelFile, 'register: true but register.csv is empty or missing');
  if (!Array.isArray(label.expect)) err(labelFile, 'expect must be an array');
  if (!Array.isArray(label.absent) || label.absent.length === 0) err(labelFile, 'absent must be a non-empty array');
  const expectCodes = new Set();
  for (const e of label.expect || []) {
    for (const k of Object.keys(e)) if (k !== 'code' && k !== 'quote') err(labelFile, `unknown expect field ${k}`);
    if (!CODES.has(e.code)) { err(labelFile, `unknown code ${e.code}`); continue; }
    expectCodes.add(e.code);
    codeCount.set(e.code, codeCount.get(e.code) + 1);
    if ('quote' in e) {
      if (typeof e.quote !== 'string' || e.quote.length === 0) err(labelFile, `${e.code}: empty quote`);
      else if (!nodes.some((t) => t.includes(e.quote))) {
        const spans = isHtml && visible.replace(/\s+/g, '').includes(e.quote.replace(/\s+/g, ''));
        err(labelFile, `${e.code}: quote not found${spans ? ' inside one element (it spans several)' : ''}: ${e.quote}`);
      }
    }
  }
  const absentSeen = new Set();
  for (const a of label.absent || []) {
    if (!CODES.has(a)) err(labelFile, `unknown absent code ${a}`);
    else absentCount.set(a, absentCount.get(a) + 1);
    if (absentSeen.has(a)) err(labelFile, `absent lists ${a} twice`);
    absentSeen.add(a);
    if (expectCodes.has(a)) err(labelFile, `${a} is both expected and absent`);
  }
  summary.push({ sample: s, chars: visible.replace(/\s+/g, '').length, expect: label.expect.length, absent: label.absent.length });
}

// README must list every sample.
const readmePath = join(dir, 'README.md');
if (!existsSync(readmePath)) err('README.md', 'missing');
else {
  const readme = readFileSync(readmePath, 'utf8');
  for (const s of samples) if (!readme.includes(s)) err('README.md', `does not list ${s}`);
}

for (const row of summary) {
  console.log(`${row.sample.padEnd(38)} ${String(row.chars).padStart(5)} chars  expect ${row.expect}  absent ${row.absent}`);
}
const clean = summary.filter((r) => r.expect === 0).length;
console.log(`\n${summary.length} samples, ${clean} with nothing expected`);
const never = [...codeCount].filter(([, n]) => n === 0).map(([c]) => c);
console.log('expected per code:', [...codeCount].map(([c, n]) => `${c}=${n}`).join(' '));
console.log('absent per code:  ', [...absentCount].map(([c, n]) => `${c}=${n}`).join(' '));
if (never.length) err('corpus', `codes never expected: ${never.join(', ')}`);

if (errors.length) {
  console.error(`\n${errors.length} error(s):`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
console.log('\nlabels OK');
