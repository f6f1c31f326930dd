/**
 * The training page's data, built from the rules themselves: the gallery (rules grouped by family with their good
 * and bad examples), the step-through sequence, seeded quizzes and the page's URL state. Pure: no engine run, no
 * DOM, so it is unit-tested in Node. Where the engine marks an example is computed live by the page (engine.ts).
 */
import { DEFECT_CODES, FAMILIES, familyOf, isDefectCode, type DefectCode, type Family } from '../../utils/engine/codes';
import type { Finding, InvalidExample, Rule, RuleExample } from '../../utils/engine/types';

export type ExampleKind = 'bad' | 'good';

/** One example of one rule, with a stable id (rule id, kind and position among the rule's examples). */
export interface TrainingItem {
  id: string;
  rule: Rule;
  kind: ExampleKind;
  index: number;
  example: RuleExample | InvalidExample;
  /** The defect codes a correct quiz answer may name: empty for a good example. */
  answers: DefectCode[];
}

export interface GalleryRule {
  rule: Rule;
  bad: TrainingItem[];
  good: TrainingItem[];
}

export interface GalleryFamily {
  family: Family;
  rules: GalleryRule[];
}

export const exampleId = (ruleId: string, kind: ExampleKind, index: number) => `${ruleId}#${kind}-${index + 1}`;

function answersOf(rule: Rule, example: InvalidExample): DefectCode[] {
  const codes = example.errors.map((e) => e.code ?? rule.meta.code);
  return [...new Set(codes.length ? codes : [rule.meta.code])];
}

function itemsOf(rule: Rule): { bad: TrainingItem[]; good: TrainingItem[] } {
  return {
    bad: rule.examples.invalid.map((example, index) => ({
      id: exampleId(rule.meta.id, 'bad', index),
      rule,
      kind: 'bad' as const,
      index,
      example,
      answers: answersOf(rule, example),
    })),
    good: rule.examples.valid.map((example, index) => ({
      id: exampleId(rule.meta.id, 'good', index),
      rule,
      kind: 'good' as const,
      index,
      example,
      answers: [],
    })),
  };
}

/** Every rule grouped by family, in the order of FAMILIES and, within a family, of the rule list. */
export function buildGallery(rules: readonly Rule[]): GalleryFamily[] {
  const families = Object.keys(FAMILIES) as Family[];
  const byFamily = new Map<Family, GalleryRule[]>(families.map((f) => [f, []]));
  for (const rule of rules) {
    const family = familyOf(rule.meta.code);
    if (!byFamily.has(family)) byFamily.set(family, []);
    byFamily.get(family)!.push({ rule, ...itemsOf(rule) });
  }
  return [...byFamily].filter(([, rs]) => rs.length).map(([family, rs]) => ({ family, rules: rs }));
}

/** The examples in gallery order: per rule, its bad examples, then its good ones. */
export const galleryItems = (gallery: readonly GalleryFamily[]): TrainingItem[] =>
  gallery.flatMap((f) => f.rules.flatMap((r) => [...r.bad, ...r.good]));

export interface GalleryFilter {
  family?: Family;
  /** Keywords, separated by spaces; every one must occur. */
  query?: string;
}

const norm = (s: string) => s.toLowerCase();

function metaText(rule: Rule): string {
  const m = rule.meta;
  return norm([m.id, m.code, DEFECT_CODES[m.code], m.title, m.basis, m.explanation].join('\n'));
}

function itemText(item: TrainingItem): string {
  const e = item.example as InvalidExample;
  return norm([e.text, e.why, e.corrected ?? ''].join('\n'));
}

/**
 * The gallery restricted to a family and to keywords. A rule whose own text (title, code, basis, explanation)
 * matches keeps all its examples; otherwise it keeps only the examples that match, and drops out if none does.
 */
export function filterGallery(gallery: readonly GalleryFamily[], filter: GalleryFilter): GalleryFamily[] {
  const terms = norm(filter.query ?? '').split(/\s+/).filter(Boolean);
  const matches = (text: string) => terms.every((t) => text.includes(t));
  const out: GalleryFamily[] = [];
  for (const fam of gallery) {
    if (filter.family && fam.family !== filter.family) continue;
    const rules: GalleryRule[] = [];
    for (const gr of fam.rules) {
      if (!terms.length) {
        rules.push(gr);
        continue;
      }
      const meta = metaText(gr.rule);
      // A term may match the rule's metadata and another the example: judge each example on both together.
      const keep = (it: TrainingItem) => matches(`${meta}\n${itemText(it)}`);
      const bad = gr.bad.filter(keep);
      const good = gr.good.filter(keep);
      if (matches(meta)) rules.push(gr);
      else if (bad.length || good.length) rules.push({ rule: gr.rule, bad, good });
    }
    if (rules.length) out.push({ family: fam.family, rules });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness: the same seed gives the same quiz in every browser, so a class can share one.

/** A 32-bit hash of the seed text (FNV-1a, then avalanche), so any word or number works as a seed. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: small, fast, and the same sequence in every JavaScript engine. Returns numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A fresh seed for a new quiz: short enough to read out to a class or write on the board. */
export function newSeed(random: () => number = Math.random): string {
  return String(Math.floor(random() * 900000) + 100000);
}

export const DEFAULT_QUIZ_SIZE = 10;
/** About this share of a quiz is correct drafting that looks wrong: the traps are half of the lesson. */
const GOOD_SHARE = 0.4;

export interface QuizSpec {
  seed: string;
  n: number;
  family?: Family;
}

/**
 * Draws a quiz: `n` examples from the (family's) pool, mixed good and bad (at least one of each when n ≥ 2 and
 * the pool has both), in an order fixed by the seed.
 */
export function drawQuiz(items: readonly TrainingItem[], spec: QuizSpec): TrainingItem[] {
  const random = seededRandom(`${spec.seed}|${spec.family ?? ''}`);
  const pool = spec.family ? items.filter((it) => familyOf(it.rule.meta.code) === spec.family) : [...items];
  const bad = shuffle(pool.filter((it) => it.kind === 'bad'), random);
  const good = shuffle(pool.filter((it) => it.kind === 'good'), random);
  const n = Math.max(0, Math.min(Math.floor(spec.n) || 0, pool.length));
  let nGood = n >= 2 ? Math.min(n - 1, Math.max(1, Math.round(n * GOOD_SHARE))) : random() < GOOD_SHARE ? n : 0;
  nGood = Math.min(nGood, good.length);
  let nBad = Math.min(n - nGood, bad.length);
  nGood = Math.min(n - nBad, good.length);
  nBad = n - nGood;
  return shuffle([...bad.slice(0, nBad), ...good.slice(0, nGood)], random);
}

/** An answer to "有无缺陷？是哪一类？": a defect code, or none. */
export type Choice = DefectCode | 'none';

export interface ChoiceOption {
  value: Choice;
  /** The key that picks it: 0 for 无缺陷, then A, B, C… in the order of DEFECT_CODES. */
  key: string;
  family?: Family;
}

export const CHOICES: readonly ChoiceOption[] = [
  { value: 'none', key: '0' },
  ...(Object.keys(DEFECT_CODES) as DefectCode[]).map((code, i) => ({
    value: code,
    key: i < 26 ? String.fromCharCode(65 + i) : '',
    family: familyOf(code),
  })),
];

export const choiceByKey = (key: string): ChoiceOption | undefined =>
  key.length === 1 ? CHOICES.find((c) => c.key && c.key === key.toUpperCase()) : undefined;

/**
 * A quiz question's answers: what the whole engine reports on the example (reviewExample), so the quiz never
 * rejects an answer the engine itself gives on the same text. Counted: every finding of the example's own rule
 * of a bad example (what it teaches, a missing clause included), and every error or warning other rules mark in
 * the text.
 * Not counted: other rules' missing-clause findings (an example is a passage, not a whole document: the engine's
 * own rule for a selection) and their info hints (not defects).
 */
export function quizAnswers(item: TrainingItem, engineFindings: readonly Finding[]): DefectCode[] {
  const codes = new Set<DefectCode>();
  for (const f of engineFindings) {
    // A bad example's own findings are its lesson, an info-level one included; a good example may carry an info hint.
    const own = f.rule === item.rule.meta.id && item.kind === 'bad';
    if (own || (f.severity !== 'info' && (!f.documentLevel || f.rule === item.rule.meta.id))) codes.add(f.code);
  }
  return (Object.keys(DEFECT_CODES) as DefectCode[]).filter((c) => codes.has(c));
}

/** Right when the choice is one of the answers (by default the example's own), or 无缺陷 when there is none. */
export const isCorrect = (item: TrainingItem, choice: Choice, answers: readonly DefectCode[] = item.answers) =>
  choice === 'none' ? answers.length === 0 : answers.includes(choice);

export const isChoice = (s: string): s is Choice => s === 'none' || isDefectCode(s);

export interface QuizResult {
  score: number;
  total: number;
  wrong: { item: TrainingItem; choice: Choice; position: number }[];
}

export function scoreQuiz(
  questions: readonly TrainingItem[],
  choices: readonly (Choice | undefined)[],
  answersOf: (item: TrainingItem) => readonly DefectCode[] = (item) => item.answers,
): QuizResult {
  const wrong: QuizResult['wrong'] = [];
  let score = 0;
  questions.forEach((item, i) => {
    const c = choices[i];
    if (c !== undefined && isCorrect(item, c, answersOf(item))) score++;
    else wrong.push({ item, choice: c ?? 'none', position: i });
  });
  return { score, total: questions.length, wrong };
}

// ---------------------------------------------------------------------------------------------------------------
// The page's state in its URL: a trainer copies the link (a quiz's seed, a step's position) and the class opens it.

export type Mode = 'gallery' | 'steps' | 'quiz';

export interface PageState {
  mode: Mode;
  family?: Family;
  query?: string;
  /** Step-through: the position, 0-based (shown 1-based; the URL holds it 1-based too). */
  step?: number;
  seed?: string;
  n?: number;
}

const isFamily = (s: string | null): s is Family => !!s && Object.hasOwn(FAMILIES, s);

export function parseState(search: string): PageState {
  const p = new URLSearchParams(search);
  const modeParam = p.get('mode');
  const mode: Mode = modeParam === 'steps' || modeParam === 'quiz' ? modeParam : 'gallery';
  const state: PageState = { mode };
  const family = p.get('family');
  if (isFamily(family)) state.family = family;
  const q = p.get('q')?.trim();
  if (q) state.query = q;
  const step = Number(p.get('i'));
  if (Number.isInteger(step) && step >= 1) state.step = step - 1;
  const seed = p.get('seed')?.trim();
  if (seed) state.seed = seed.slice(0, 40);
  const n = Number(p.get('n'));
  if (Number.isInteger(n) && n >= 1) state.n = Math.min(n, 200);
  return state;
}

export function stateToSearch(state: PageState): string {
  const p = new URLSearchParams();
  if (state.mode !== 'gallery') p.set('mode', state.mode);
  if (state.family) p.set('family', state.family);
  if (state.query) p.set('q', state.query);
  if (state.mode === 'steps' && state.step !== undefined) p.set('i', String(state.step + 1));
  if (state.mode === 'quiz' && state.seed) {
    p.set('seed', state.seed);
    p.set('n', String(state.n ?? DEFAULT_QUIZ_SIZE));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
