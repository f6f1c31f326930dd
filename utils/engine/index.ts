import type { CapturedDocument, PageMetadata } from '../capture/types';
import type { DocModel } from '../model/types';
import { parseDocument } from '../model/parse';
import { BUILTIN_PROFILES, getProfile, type Profile } from '../profiles';
import type { RegisterEntry } from '../register';
import type { Segmenter } from '../segment';
import { statutes as defaultStatutes } from '../statutes';
import type { StatuteTable } from '../statutes/types';
import { RULES } from '../../rules';
import { SEVERITY_RANK, type Finding, type Rule, type RuleContext } from './types';

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
}

/** The document as understood, for the side panel's summary and the review log. */
export interface DocSummary {
  kind: DocModel['kind'];
  kindReason: string;
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
  /** Shown instead of a list of missing clauses when the text is not a normative document. */
  notice?: string;
  profile: Profile;
  today: string;
  ms: number;
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

/** Runs the rules over a parsed document. Rules never read settings or storage: all of it is in `ctx`. */
export function runRules(doc: DocModel, ctx: RuleContext, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check(doc, ctx, (f) => {
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
  }
  return sortFindings(dedupe(findings));
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

export const sortFindings = (fs: Finding[]) =>
  fs.sort((a, b) => a.start - b.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.code.localeCompare(b.code));

/** Parses and reviews one document. */
export function review(input: Pick<CapturedDocument, 'text'> & { metadata?: PageMetadata }, options: ReviewOptions = {}): ReviewResult {
  const t0 = performance.now();
  const profile = resolveProfile(options.profile, options.customProfiles);
  const today = options.today ?? localToday();
  const doc = parseDocument(input.text, input.metadata ?? {}, options.segmenter);
  const ctx: RuleContext = { profile, today, register: options.register, statutes: options.statutes ?? defaultStatutes };
  const disabled = new Set(options.disabledRules ?? []);
  const phase = options.phase ?? 'all';
  const rules = (options.rules ?? RULES).filter(
    (r) => !disabled.has(r.meta.id) && (phase === 'all' || (phase === 'words') === !!r.meta.needsWords),
  );
  const findings = doc.kind === 'not-normative' ? [] : runRules(doc, ctx, rules);
  return {
    summary: summarize(doc),
    findings,
    notice: doc.kind === 'not-normative' ? `这段文字看起来不是规范性文件：${doc.kindReason}。未逐项检查缺失条款。` : undefined,
    profile,
    today,
    ms: performance.now() - t0,
  };
}
