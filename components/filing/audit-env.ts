import { localToday, review } from '../../utils/engine';
import { getProfile } from '../../utils/profiles';
import { readPdfLines } from '../../utils/io/browser';
import { docxToHtml } from '../../utils/io/docx';
import { loadWebSegmenter } from '../../utils/segment/web';
import type { AuditEnv } from '../../utils/audit/run';
import { getDb } from '../../utils/storage/db';
import { loadRegister } from '../../utils/storage/register';
import { reviewInputOf } from '../../utils/storage/review-input';
import { saveReview } from '../../utils/storage/reviews';
import { loadSettings } from '../../utils/storage/settings';

/**
 * The audit's surroundings in an extension page: fetch with the host permission the officer granted (no cookies
 * sent), the browser's HTML parser (nothing runs: DOMParser documents execute no script), the engine with the
 * reviewer's settings, and the review log (each review tagged with its audit).
 */
export async function browserAuditEnv(auditId: number): Promise<AuditEnv> {
  const [settings, register, segmenter] = await Promise.all([loadSettings(), loadRegister(), loadWebSegmenter().catch(() => undefined)]);
  const profile = getProfile(settings.profileId, settings.customProfiles) ?? getProfile(undefined, [])!;
  const today = settings.reviewDate || localToday();
  return {
    fetch: (url, signal) => fetch(url, { signal, credentials: 'omit', redirect: 'follow', cache: 'no-store' }),
    parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
    review: (doc) =>
      review(doc, {
        profile,
        customProfiles: settings.customProfiles,
        disabledRules: settings.disabledRules,
        register: register.entries.length ? register.entries : undefined,
        today,
        segmenter,
      }),
    async save(doc, result) {
      const saved = await saveReview(
        reviewInputOf(doc, result, {
          findings: result.findings,
          fallbackTitle: doc.metadata.title ?? doc.url ?? '',
          reviewer: settings.reviewer,
          remarks: `栏目审查 #${auditId}`,
        }),
      );
      await getDb().reviews.update(saved.id, { auditId });
      return saved.id;
    },
    docxToHtml: (bytes) => docxToHtml('附件', bytes),
    pdfLines: (bytes) => readPdfLines('附件', bytes),
    register: register.entries,
    deadlineDays: profile.filingDeadlineDays,
    today,
  };
}
