import type { CaptureSource, PageMetadata } from '../capture/types';
import type { ReviewResult } from '../engine';
import type { DecidedFinding, SaveReviewInput } from './types';

/** The reviewed document as every page holds it. */
export interface ReviewedDoc {
  text: string;
  url?: string;
  source: CaptureSource;
  metadata?: PageMetadata;
}

/** What differs between the pages that save: the decided findings, the title to fall back on, the verdict. */
export interface ReviewDecisions {
  findings: DecidedFinding[];
  /** Used when the engine found neither a title nor a headline (the page's title, the file's name…). */
  fallbackTitle?: string;
  conclusion?: SaveReviewInput['conclusion'];
  reviewer?: string;
  remarks?: string;
}

/**
 * The review log's entry for a reviewed document: its identity (title, 文号, issuer, dates) as the engine read it,
 * so that the side panel, the file page and the column audit log the same document the same way.
 */
export function reviewInputOf(doc: ReviewedDoc, result: Pick<ReviewResult, 'summary' | 'profile'>, decisions: ReviewDecisions): SaveReviewInput {
  const s = result.summary;
  return {
    text: doc.text,
    url: doc.url,
    title: s.title ?? s.headline ?? decisions.fallbackTitle,
    docNumber: s.docNumber,
    issuer: s.issuer,
    dates: { written: s.writtenDate, published: s.publishedDate, effective: s.effectiveDate },
    source: doc.source,
    profileId: result.profile.id,
    findings: decisions.findings,
    conclusion: decisions.conclusion,
    reviewer: decisions.reviewer,
    remarks: decisions.remarks,
    metadata: doc.metadata,
  };
}
