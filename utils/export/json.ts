import { CONCLUSION_LABELS, DECISION_LABELS, type FullReview } from '../storage/types';
import { escapeInvisibleJson } from '../text/untrusted';

export const REVIEW_JSON_FORMAT = 'normlint-review';

/**
 * One review as a self-describing JSON document: every stored field, plus Chinese labels for the conclusion and
 * decisions so the file reads without the extension.
 */
export function reviewToJson(review: FullReview): string {
  const doc = {
    format: REVIEW_JSON_FORMAT,
    formatVersion: 1,
    review: {
      ...review,
      conclusionLabel: CONCLUSION_LABELS[review.conclusion],
      body: {
        ...review.body,
        findings: review.body.findings.map((f) => ({ ...f, decisionLabel: DECISION_LABELS[f.decision] })),
      },
    },
  };
  // Invisible characters as \uXXXX escapes: the data is unchanged, and no viewer shows it reordered or hidden.
  return escapeInvisibleJson(JSON.stringify(doc, null, 2));
}
