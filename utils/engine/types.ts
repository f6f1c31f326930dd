import type { DefectCode } from './codes';
import type { DocModel } from '../model/types';
import type { Profile } from '../profiles';
import type { RegisterEntry } from '../register';
import type { StatuteTable } from '../statutes';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A text replacement the reviewer may apply on request; offsets are in the reviewed text. */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
  /** Short Chinese label for the button, e.g. 改为「自公布之日起30日后施行」. */
  label: string;
}

/** One place of a grouped finding. */
export interface Place {
  start: number;
  end: number;
  excerpt: string;
  where: string;
  fix?: Fix;
}

/**
 * One defect at one place, or one systematic defect at many (`places`). `start`/`end` are offsets into the reviewed
 * text; `excerpt` is text[start, end). Findings saved before `where` and `places` existed have neither.
 */
export interface Finding {
  code: DefectCode;
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  excerpt: string;
  message: string;
  basis: string;
  fix?: Fix;
  /** True when the defect belongs to the document as a whole (a missing clause): start/end then only anchor it. */
  documentLevel?: boolean;
  /** Where it is in the document's own terms: 第八条第二款, 一、（二）3., 通知正文, 全文 (set by the engine). */
  where?: string;
  /**
   * A systematic defect (the same half-width mark, the same vague word throughout): every place, in text order,
   * the first being start/end/excerpt/fix. Only set when there are two or more.
   */
  places?: Place[];
  /**
   * Rules set this when they report: findings of one rule with the same code and group are the same kind of defect
   * and the engine merges them into one finding with `places`. Not kept in the merged finding.
   */
  group?: string;
}

/** What a rule may read besides the document: everything that comes from settings or storage. */
export interface RuleContext {
  profile: Profile;
  /** Review date, YYYY-MM-DD. */
  today: string;
  /** The filing register (备案登记簿), when the reviewer has loaded one. */
  register?: RegisterEntry[];
  statutes: StatuteTable;
}

/** One good or bad example. It is a rule's test case, its explanation to the reviewer and a training item at once. */
export interface RuleExample {
  /** The document text (a fragment is fine when the rule reads only a clause). */
  text: string;
  /** One line, Chinese: why this is correct or wrong. Shown in explanations and the training gallery. */
  why: string;
  /** Page metadata, as a portal page would give it. */
  metadata?: import('../capture/types').PageMetadata;
  /** Context overrides: profile id (or changes to it), review date, a register. */
  context?: { profile?: string; profilePatch?: Partial<Profile>; today?: string; register?: RegisterEntry[] };
}

export interface InvalidExample extends RuleExample {
  /** Each expected finding of this rule: the exact excerpt (or a part of it), and optionally its severity. */
  errors: { excerpt?: string; severity?: Severity; code?: DefectCode }[];
  /** The corrected text, when one sentence shows it best. */
  corrected?: string;
}

export interface RuleMeta {
  /** Stable id, e.g. 'effective/no-grace'. */
  id: string;
  code: DefectCode;
  severity: Severity;
  /** Chinese title shown in lists. */
  title: string;
  /** Legal basis, Chinese, as a reviewer would cite it. */
  basis: string;
  /** Two or three sentences in Chinese: what the defect is and why it matters. */
  explanation: string;
  /** True when the rule reads jieba words: the engine may run it in a second pass. */
  needsWords?: boolean;
}

export type Report = (f: Omit<Finding, 'rule' | 'code' | 'severity' | 'basis' | 'excerpt' | 'where' | 'places'> &
  Partial<Pick<Finding, 'code' | 'severity' | 'basis'>>) => void;

export interface Rule {
  meta: RuleMeta;
  examples: { valid: RuleExample[]; invalid: InvalidExample[] };
  check(doc: DocModel, ctx: RuleContext, report: Report): void;
}
