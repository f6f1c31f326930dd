/** Grouping, filtering and keys of findings for lists (side panel; reusable by the review log). Pure functions. */
import { DEFECT_CODES, FAMILIES, familyOf, type DefectCode, type Family } from '../utils/engine/codes';
import { SEVERITY_RANK, type Finding, type Rule, type Severity } from '../utils/engine/types';
import { RULES } from '../rules';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Keys that stay with a finding while the text around it is edited: the rule, the excerpt and which occurrence
 * of that pair it is. (Offsets move with every keystroke; these do not.)
 */
export function findingKeys(findings: readonly Pick<Finding, 'rule' | 'code' | 'excerpt' | 'start'>[]): string[] {
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].start - findings[b].start || a - b);
  const seen = new Map<string, number>();
  const keys: string[] = new Array(findings.length);
  for (const i of order) {
    const f = findings[i];
    const base = `${f.rule}|${f.code}|${f.excerpt}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys[i] = `${base}#${n}`;
  }
  return keys;
}

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  /** Empty: every family. */
  families: ReadonlySet<Family>;
  /** Show findings the reviewer (or a remembered dismissal) set aside. */
  showDismissed: boolean;
}

export const defaultFilter = (): FindingFilter => ({ severities: new Set(SEVERITIES), families: new Set(), showDismissed: false });

type Decided = Finding & { decision?: string };

export function passes(f: Decided, filter: FindingFilter): boolean {
  if (!filter.severities.has(f.severity)) return false;
  if (filter.families.size && !filter.families.has(familyOf(f.code))) return false;
  if (!filter.showDismissed && f.decision === 'dismissed') return false;
  return true;
}

export interface FamilyGroup<F> {
  family: Family;
  label: string;
  findings: F[];
}

export interface SeverityGroup<F> {
  severity: Severity;
  families: FamilyGroup<F>[];
  count: number;
}

/** Severity, then family (in the order of DEFECTS.md), then place in the text. */
export function groupFindings<F extends Finding>(findings: readonly F[]): SeverityGroup<F>[] {
  const familyOrder = Object.keys(FAMILIES) as Family[];
  const out: SeverityGroup<F>[] = [];
  for (const severity of SEVERITIES) {
    const mine = findings.filter((f) => f.severity === severity);
    if (!mine.length) continue;
    const families: FamilyGroup<F>[] = [];
    for (const family of familyOrder) {
      // Codes are ASCII: compared by code unit, not localeCompare, whose first call loads ICU data on the main thread.
      const fs = mine.filter((f) => familyOf(f.code) === family).sort((a, b) => a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      if (fs.length) families.push({ family, label: FAMILIES[family], findings: fs });
    }
    out.push({ severity, families, count: mine.length });
  }
  return out;
}

/** Counts per severity and per family, for the filter bar. */
export function countFindings(findings: readonly Decided[], showDismissed: boolean) {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byFamily = new Map<Family, number>();
  for (const f of findings) {
    if (!showDismissed && f.decision === 'dismissed') continue;
    bySeverity[f.severity]++;
    byFamily.set(familyOf(f.code), (byFamily.get(familyOf(f.code)) ?? 0) + 1);
  }
  return { bySeverity, byFamily };
}

/** The findings in list order (what j/k walks through). */
export function listOrder<F extends Finding>(groups: readonly SeverityGroup<F>[]): F[] {
  return groups.flatMap((g) => g.families.flatMap((fam) => fam.findings));
}

const RULE_BY_ID = new Map<string, Rule>();
/** The rule that reported a finding: its title, explanation and examples are the finding's explanation. */
export function ruleOf(id: string, rules: readonly Rule[] = RULES): Rule | undefined {
  if (rules !== RULES) return rules.find((r) => r.meta.id === id);
  if (RULE_BY_ID.size !== RULES.length) {
    RULE_BY_ID.clear();
    for (const r of RULES) RULE_BY_ID.set(r.meta.id, r);
  }
  return RULE_BY_ID.get(id);
}

export const codeLabel = (code: DefectCode) => DEFECT_CODES[code];

export const severityRank = (s: Severity) => SEVERITY_RANK[s];

/** A span marked in the reviewed text: the finding's key (or its place's key) and its severity. */
export interface MarkedSpan {
  key: string;
  start: number;
  end: number;
  severity: Severity;
}

/** The mark key of one place of a grouped finding. */
export const placeKey = (key: string, place: number) => `${key}@${place}`;

type Markable = Finding & { key: string; decision?: string };

/**
 * What the page marks: every finding the list shows (`visible`, all when absent) except document-level and dismissed
 * ones, every place of a grouped finding, and always the active finding; `active` is the key of the active mark
 * (the selected place of a grouped finding, else its first).
 */
export function pageMarks(
  findings: readonly Markable[],
  sel: { active?: string; activePlace?: number; visible?: ReadonlySet<string> },
): { marks: MarkedSpan[]; active?: string } {
  const marks: MarkedSpan[] = [];
  let active: string | undefined;
  for (const f of findings) {
    const isActive = f.key === sel.active;
    const shown = !sel.visible || sel.visible.has(f.key);
    if (isActive) active = f.places?.length ? placeKey(f.key, sel.activePlace ?? 0) : f.key;
    if (!isActive && (!shown || f.documentLevel || f.decision === 'dismissed')) continue;
    if (f.places?.length) f.places.forEach((p, i) => marks.push({ key: placeKey(f.key, i), start: p.start, end: p.end, severity: f.severity }));
    else marks.push({ key: f.key, start: f.start, end: f.end, severity: f.severity });
  }
  return { marks, active };
}
