import type { PageMetadata } from '../capture/types';

/** A run of the reviewed text: `text` is text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface DateValue {
  /** YYYY-MM-DD; a date given only to the month (2022年6月　日) has day 1 and `partial` set. */
  iso: string;
  partial?: boolean;
  span?: Span;
  source: 'metadata' | 'signature' | 'text';
}

/**
 * What the text is. A normative document may come alone, behind a cover notice (关于印发《…》的通知),
 * or as the attachment of a public-comment notice; an 起草说明 or 政策解读 describes one.
 */
export type DocKind =
  | 'normative' // the document itself (possibly behind a cover notice)
  | 'draft' // a draft: 送审稿, 征求意见稿, 讨论稿, 修改稿
  | 'explanation' // 起草说明 / 制定说明
  | 'interpretation' // 政策解读
  | 'not-normative'; // a news item, work report, speech…

export type PartKind = 'cover' | 'notice' | 'body' | 'explanation' | 'interpretation' | 'other';

export interface Part {
  kind: PartKind;
  start: number;
  end: number;
  title?: Span;
}

/** 第X章 or 第X节: a heading line. 节 numbers restart in each chapter. */
export interface Heading {
  kind: 'chapter' | 'section';
  number: number;
  label: Span;
}

export interface Article {
  /** 1-based number as written (第十二条 → 12). */
  number: number;
  /** The label as written: 第十二条. */
  label: Span;
  /** From the label to the start of the next article (or the end of the body). */
  start: number;
  end: number;
  chapter?: number;
}

/** 一、 (level 1), （一） (2), 1. or 1、 (3), （1） (4). */
export interface Item {
  level: 1 | 2 | 3 | 4;
  number: number;
  label: Span;
  start: number;
  end: number;
  /** The article that contains it, if any. */
  article?: number;
}

export interface Citation {
  /** The title between the outer 《》, as written. */
  title: string;
  /** The whole citation including 《》. */
  span: Span;
  /** A 文号 in brackets right after the title: （国办发〔2018〕37号）. */
  docNumber?: Span;
  /** Whether this is the first mention of this title in the text. */
  first: boolean;
  /** Inside the 制定依据 clause (根据/依据《…》…制定). */
  inBasis: boolean;
}

export interface EffectiveClause {
  sentence: Span;
  /** on-issue: 自印发/发布/公布/公告之日起施行; date: 自2022年1月1日起施行; after-days: 自公布之日起30日后施行. */
  mode: 'on-issue' | 'date' | 'after-days';
  /** The span that states the effective moment (自印发之日起施行). */
  span: Span;
  date?: string;
  days?: number;
  /** A stated statutory exception (国家安全, 重大公共利益, 不立即施行将有碍施行). */
  exception?: Span;
}

export interface ValidityClause {
  sentence: Span;
  span: Span;
  years?: number;
  months?: number;
  /** 有效期至2022年12月31日 */
  until?: string;
}

export interface InterpretationClause {
  sentence: Span;
  /** The interpreting body as written: 区教育局. */
  body: Span;
}

export interface CommentPeriod {
  /** The sentence or line that states the period or the deadline. */
  span: Span;
  from?: string;
  to?: string;
  /** Inclusive count of days from `from` to `to`, when both are known. */
  days?: number;
  /** Feedback channels found: e-mail, address, phone, web. */
  channels: Span[];
  /** Where the notice says the public (社会公众/向社会) is consulted. */
  publicScope?: Span;
}

export interface Signature {
  organ?: Span;
  date?: DateValue;
  /** The part the signature closes. */
  part: PartKind;
}

export interface Line {
  start: number;
  end: number;
  /** The line without leading and trailing white space (full-width included). */
  text: string;
  /** Offset of `text` in the document. */
  textStart: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

export interface DocModel {
  text: string;
  kind: DocKind;
  /** Why `kind` was chosen, for the side panel's summary (Chinese). */
  kindReason: string;
  /** What a text that is not a normative document is instead (a report, a news item, an internal assessment…). */
  genre?: import('./kind').Genre;
  /**
   * The reviewer's selection, or clauses without their document (no title, starting at 第九条): reviewed for what
   * they hold, never for clauses (施行日期, 有效期, 制定依据) they were not chosen to hold.
   */
  fragment: boolean;
  parts: Part[];
  /** The title of the normative document itself (not of the cover notice), when found. */
  title?: Span;
  /** The title of the whole text as it begins (cover notice, comment notice…). */
  headline?: Span;
  docNumber?: { text: string; year?: number; span?: Span };
  regNumber?: { text: string; span?: Span };
  issuer?: { name: string; span?: Span; source: 'metadata' | 'signature' | 'title' };
  dates: { written?: DateValue; published?: DateValue };
  /** 暂行 or 试行 in the title. */
  provisional: boolean;
  chapters: Heading[];
  articles: Article[];
  items: Item[];
  citations: Citation[];
  /** The 制定依据 clause (为…，根据《…》…，制定本办法). */
  basisClause?: Span;
  effective?: EffectiveClause;
  validity?: ValidityClause;
  interpretation?: InterpretationClause;
  /** Public-comment periods the text states (a notice's own period, or one an 起草说明/解读 reports). */
  comments: CommentPeriod[];
  /**
   * Sentences that describe how the draft was consulted on: whether that reached the public, and whether it names
   * departments or units (广泛征求意见 says neither).
   */
  consultations: { span: Span; public: boolean; departments: boolean }[];
  /** The body that will issue the document when a draft says so: 拟提请区人民政府印发 → 区人民政府. */
  proposedIssuer?: Span;
  /** Every issuing organ the text or page names: joint issuers above or in the headline, the metadata, signatures. */
  issuers: string[];
  /** A drafter's or reviewer's bracketed remarks (【起草人注：…】): not part of the document's text. */
  remarks: Span[];
  /** Signature blocks (organ + date) closing a part. */
  signatures: Signature[];
  lines: Line[];
  sentences: Sentence[];
  metadata: PageMetadata;
  /** jieba words of the whole text (line breaks are not words), each run between punctuation cut once on first need. */
  words(): Token[];
  /**
   * jieba words of the runs between punctuation or spaces that overlap [start, end). Word-based rules ask only where
   * a cheap test of their word list found a candidate, so jieba cuts those clauses alone, and nothing when there is none.
   */
  wordsIn(start: number, end: number): Token[];
  /** Sentences (or other spans) inside a part of the given kinds. */
  inParts(kinds: PartKind[], start: number, end?: number): boolean;
}
