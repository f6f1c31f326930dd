import type { CapturedDocument, PageMetadata } from '../capture/types';
import type { DocModel } from '../model/types';
import { normalizeText, toOriginalRange, type NormalizedText } from '../model/normalize';
import { parseDocument } from '../model/parse';
import { BUILTIN_PROFILES, getProfile, type Profile } from '../profiles';
import type { RegisterEntry } from '../register';
import type { Segmenter } from '../segment';
import { statutes as defaultStatutes } from '../statutes';
import type { StatuteTable } from '../statutes/types';
import { RULES } from '../../rules';
import { articleFacts } from '../statutes/articles';
import { citedArticleNotes, type CitedArticleNote } from '../statutes/articles/cited';
import { referenceDate } from './helpers';
import { mergeGroups } from './group';
import { SEVERITY_RANK, type Finding, type Rule, type RuleContext } from './types';
import { locator } from './where';

export interface ReviewOptions {
  /** A profile or its id; default `national`. */
  profile?: Profile | string;
  customProfiles?: Profile[];
  /** YYYY-MM-DD; default the local date. */
  today?: string;
  register?: RegisterEntry[];
  /** Rule ids switched off. */
  disabledRules?: readonly string[];
  segmenter?: Segmenter;
  statutes?: StatuteTable;
  /**
   * `fast`: skip rules that need jieba words, so the first results show before segmentation is ready;
   * `words`: only those rules; `all` (default): every rule.
   */
  phase?: 'all' | 'fast' | 'words';
  rules?: readonly Rule[];
  /**
   * Milliseconds a review may take. Past it the engine runs no further rule and returns the findings so far with
   * `truncated` and a notice saying so: a hostile page or file cannot hold the panel or the CLI. Unset: no limit.
   */
  budgetMs?: number;
  /** `performance.now()` when the budget started (the CLI counts reading the file in); default: when review() starts. */
  budgetFrom?: number;
}

/** The budget the panel and the CLI give one document (see ReviewOptions.budgetMs). */
export const REVIEW_BUDGET_MS = 10_000;

/** The one line shown when a review stopped at its time budget. */
export const budgetNotice = (budgetMs: number, skipped: number) =>
  `审查用时超过 ${+(budgetMs / 1000).toFixed(2)} 秒，已停止：以下只是已完成部分的结果${skipped ? `，其余 ${skipped} 项检查未运行` : ''}。文本可能过长或含有大量异常字符。`;

/**
 * The most places one rule reports in one document. A text that repeats one slip thousands of times (a half-width
 * comma after every word) has one defect: its first places are listed and the rest counted, so that building,
 * grouping and showing findings stays bounded whatever the page holds.
 */
export const MAX_REPORTS_PER_RULE = 1000;

/** The one line shown when rules found more places than are listed. */
export const cappedNotice = (capped: { title: string; dropped: number }[]) =>
  `以下检查发现的问题过多，只列出每项的前 ${MAX_REPORTS_PER_RULE} 处：${capped.map((c) => `${c.title}（另有 ${c.dropped} 处未列出）`).join('、')}。`;

/** The document as understood, for the side panel's summary and the review log. */
export interface DocSummary {
  kind: DocModel['kind'];
  kindReason: string;
  /** What a text that is not a normative document is instead. */
  genre?: DocModel['genre'];
  /** A selection or a fragment of clauses: not checked for clauses it does not hold. */
  fragment?: boolean;
  title?: string;
  headline?: string;
  docNumber?: string;
  regNumber?: string;
  issuer?: string;
  writtenDate?: string;
  publishedDate?: string;
  effectiveDate?: string;
  validity?: string;
  chars: number;
  articles: number;
}

export interface ReviewResult {
  summary: DocSummary;
  findings: Finding[];
  /**
   * Shown instead of a list of missing clauses when the text is not a normative document, when the review stopped at
   * its budget, or when a rule found more places than are listed (MAX_REPORTS_PER_RULE).
   */
  notice?: string;
  /** True when the review stopped at its time budget: `findings` are those of the rules that ran. */
  truncated?: boolean;
  profile: Profile;
  today: string;
  ms: number;
  /** The articles the document cites and what the statute texts say of them, once the article facts are loaded. */
  citedArticles?: { source: string; notes: CitedArticleNote[] };
}

export const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export class ReviewError extends Error {}

export function resolveProfile(profile: Profile | string | undefined, custom: Profile[] = []): Profile {
  if (profile && typeof profile === 'object') return profile;
  const p = getProfile(profile, custom);
  if (!p) throw new ReviewError(`未知的地区配置“${profile}”（可用：${[...custom, ...BUILTIN_PROFILES].map((x) => x.id).join('、')}）`);
  return p;
}

export function summarize(doc: DocModel): DocSummary {
  return {
    kind: doc.kind,
    kindReason: doc.kindReason,
    genre: doc.genre,
    fragment: doc.fragment || undefined,
    title: doc.title?.text,
    headline: doc.headline?.text,
    docNumber: doc.docNumber?.text,
    regNumber: doc.regNumber?.text,
    issuer: doc.issuer?.name,
    writtenDate: doc.dates.written?.iso,
    publishedDate: doc.dates.published?.iso,
    effectiveDate: doc.effective?.span.text,
    validity: doc.validity?.span.text,
    chars: doc.text.length,
    articles: doc.articles.length,
  };
}

/**
 * Runs the rules over a parsed document. Rules never read settings or storage: all of it is in `ctx`. Every finding
 * gets its location (`where`); findings of one kind are merged into one finding with `places` (see ./group.ts).
 */
export function runRules(
  doc: DocModel,
  ctx: RuleContext,
  rules: readonly Rule[],
  deadline = Infinity,
): {
  findings: Finding[];
  /** Rules not run because the deadline passed. */
  skipped: number;
  /** Rules that reported more than MAX_REPORTS_PER_RULE places, with how many were left out. */
  capped: { title: string; dropped: number }[];
} {
  const findings: Finding[] = [];
  const capped: { title: string; dropped: number }[] = [];
  let skipped = 0;
  for (const [i, rule] of rules.entries()) {
    // Checked between rules: a rule is linear in the text, so one never overruns the budget by much.
    if (performance.now() > deadline) {
      skipped = rules.length - i;
      break;
    }
    let reported = 0;
    rule.check(doc, ctx, (f) => {
      if (++reported > MAX_REPORTS_PER_RULE) return;
      const start = Math.max(0, Math.min(f.start, doc.text.length));
      const end = Math.max(start, Math.min(f.end, doc.text.length));
      findings.push({
        ...f,
        code: f.code ?? rule.meta.code,
        rule: rule.meta.id,
        severity: f.severity ?? rule.meta.severity,
        basis: f.basis ?? rule.meta.basis,
        start,
        end,
        excerpt: doc.text.slice(start, end),
      });
    });
    if (reported > MAX_REPORTS_PER_RULE) capped.push({ title: rule.meta.title, dropped: reported - MAX_REPORTS_PER_RULE });
  }
  const where = locator(doc);
  for (const f of findings) f.where = where(f.start, f.documentLevel);
  return { findings: sortFindings(mergeGroups(dedupe(findings))), skipped, capped };
}

// One defect, one finding: two rules (or one rule twice) reporting the same code at the same place keep the graver.
function dedupe(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.code}@${f.start}-${f.end}`;
    const had = best.get(key);
    if (!had || SEVERITY_RANK[f.severity] < SEVERITY_RANK[had.severity]) best.set(key, f);
  }
  return [...best.values()];
}

// Codes are ASCII: compared by code unit, not localeCompare, which costs microseconds a call on 100k findings.
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const sortFindings = (fs: Finding[]) =>
  fs.sort((a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || byCode(a.code, b.code));

// Findings come in view offsets; the page, the CLI and the log read the original text. Every offset a finding
// carries (its range, its fix, any further places) is mapped here.
function toOriginal(findings: Finding[], view: NormalizedText, original: string): Finding[] {
  if (!view.map) return findings;
  // Every offset a finding carries is mapped: its own, its fix's, and each of its places' (a grouped finding).
  const mapped = <T extends { start: number; end: number; excerpt?: string; fix?: { start: number; end: number } }>(f: T): T => {
    const r = toOriginalRange(view, f.start, f.end);
    const fix = f.fix && { ...f.fix, ...toOriginalRange(view, f.fix.start, f.fix.end) };
    return { ...f, ...r, ...(f.excerpt !== undefined ? { excerpt: original.slice(r.start, r.end) } : {}), ...(fix ? { fix } : {}) };
  };
  return findings.map((f) => {
    const m = mapped(f);
    return { ...m, excerpt: original.slice(m.start, m.end), ...(f.places ? { places: f.places.map(mapped) } : {}) };
  });
}

/** Parses and reviews one document. */
export function review(
  input: Pick<CapturedDocument, 'text'> & { metadata?: PageMetadata; source?: CapturedDocument['source'] },
  options: ReviewOptions = {},
): ReviewResult {
  const t0 = performance.now();
  const profile = resolveProfile(options.profile, options.customProfiles);
  const today = options.today ?? localToday();
  // Rules read a view without invisible characters and with the structure's line breaks recovered; findings
  // are mapped back onto the text as it came, which is what the page and the reviewer see.
  const view = normalizeText(input.text);
  const doc = parseDocument(view.text, input.metadata ?? {}, options.segmenter, input.source);
  const ctx: RuleContext = { profile, today, register: options.register, statutes: options.statutes ?? defaultStatutes };
  const disabled = new Set(options.disabledRules ?? []);
  const phase = options.phase ?? 'all';
  const rules = (options.rules ?? RULES).filter(
    (r) => !disabled.has(r.meta.id) && (phase === 'all' || (phase === 'words') === !!r.meta.needsWords),
  );
  const deadline = options.budgetMs !== undefined ? (options.budgetFrom ?? t0) + options.budgetMs : Infinity;
  // Parsing counts against the budget too: a parse that used it all leaves every rule unrun.
  const { findings: found, skipped, capped } =
    doc.kind === 'not-normative' ? { findings: [], skipped: 0, capped: [] } : runRules(doc, ctx, rules, deadline);
  const findings = toOriginal(found, view, input.text);
  const truncated = skipped > 0;
  const facts = articleFacts();
  const citedArticles =
    facts && doc.kind !== 'not-normative'
      ? { source: facts.source, notes: citedArticleNotes(doc, ctx.statutes, facts, referenceDate(doc)?.iso ?? today) }
      : undefined;
  return {
    summary: { ...summarize(doc), chars: input.text.length },
    findings,
    notice:
      [
        truncated ? budgetNotice(options.budgetMs!, skipped) : undefined,
        doc.kind === 'not-normative' ? `这段文字看起来不是规范性文件：${doc.kindReason}。未逐项检查缺失条款。` : undefined,
        capped.length ? cappedNotice(capped) : undefined,
      ]
        .filter(Boolean)
        .join('') || undefined,
    ...(truncated ? { truncated } : {}),
    profile,
    today,
    ms: performance.now() - t0,
    citedArticles,
  };
}
