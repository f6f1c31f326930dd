import { describe, expect, it } from 'vitest';
import type { ReviewSummary } from '../../utils/storage/types';
import { allMatching, countsByCode, dayBound, listReviewers, matchesSearch, queryReviews, type ReviewFilter } from '../../utils/storage/query';
import { saveReview } from '../../utils/storage/reviews';
import { fillReviews, reseed, REVIEWERS } from './fixtures';
import { DOC_V1, findingAt, freshDb } from './helpers';

const NOW = new Date(2025, 5, 15, 12).getTime();

/** The filter applied the slow, obvious way, to check the indexed one against. */
function brute(all: ReviewSummary[], f: ReviewFilter): ReviewSummary[] {
  const lo = f.from ? dayBound(f.from) : -Infinity;
  const hi = f.to ? dayBound(f.to, true) : Infinity;
  const terms = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter((r) => r.createdAt >= lo && r.createdAt <= hi)
    .filter((r) => !f.code || r.codes.includes(f.code))
    .filter((r) => !f.severity || r.severities.includes(f.severity))
    .filter((r) => !f.conclusion || r.conclusion === f.conclusion)
    .filter((r) => !f.reviewer || r.reviewer === f.reviewer)
    .filter((r) => matchesSearch(r, terms))
    .sort((a, b) => b.createdAt - a.createdAt || b.id! - a.id!);
}

describe('queryReviews', () => {
  it('agrees with a brute-force filter on 2,600 reviews, every path and deep pages', async () => {
    const db = freshDb();
    reseed(7);
    await fillReviews(db, 2600, NOW);
    const all = await db.reviews.toArray();
    const filters: ReviewFilter[] = [
      {},
      { from: '2024-09-01', to: '2024-12-31' },
      { code: 'content.penalty' },
      { severity: 'error' }, // > 2000 matches: the ordered-keys path
      { severity: 'info', conclusion: 'return' },
      { reviewer: REVIEWERS[1] },
      { code: 'drafting.wording', from: '2025-01-01' },
      { q: '住房租赁' },
      { q: '某政发[2024]12号' }, // 文号 written with [ ] finds 〔〕
      { q: '某市 租赁', reviewer: REVIEWERS[2] },
      { q: 'www.example.gov.cn/zwgk/gfxwj/2025' },
      { q: '没有这样的标题' },
      { code: 'filing.late', severity: 'warning', conclusion: 'approve', reviewer: REVIEWERS[0], from: '2024-01-01', to: '2025-06-15' },
    ];
    for (const f of filters) {
      const want = brute(all, f);
      for (const offset of [0, 50, 1200]) {
        const page = await queryReviews(f, { offset, limit: 50 });
        expect(page.total, JSON.stringify(f)).toBe(want.length);
        expect(page.rows.map((r) => r.id), `${JSON.stringify(f)} @${offset}`).toEqual(want.slice(offset, offset + 50).map((r) => r.id));
      }
    }
    expect((await allMatching({ code: 'content.fee' })).map((r) => r.id)).toEqual(brute(all, { code: 'content.fee' }).map((r) => r.id));
    expect(await listReviewers()).toEqual([...REVIEWERS].sort());
  });

  it('counts findings by code over a period from the stats table', async () => {
    freshDb();
    const base = {
      text: DOC_V1,
      source: 'editor' as const,
      profileId: 'national',
      findings: [
        findingAt(DOC_V1, '原则上', 'drafting.wording'),
        findingAt(DOC_V1, '必须', 'drafting.wording'),
        findingAt(DOC_V1, '处以5000元罚款', 'content.penalty'),
      ],
    };
    await saveReview({ ...base, createdAt: new Date(2024, 0, 10, 9).getTime() });
    await saveReview({ ...base, findings: base.findings.slice(0, 1), url: 'https://x.example/2', createdAt: new Date(2024, 1, 10, 9).getTime() });
    expect(await countsByCode()).toEqual([
      { code: 'drafting.wording', label: '表述不规范', findings: 3, reviews: 2 },
      { code: 'content.penalty', label: '违法设定处罚', findings: 1, reviews: 1 },
    ]);
    expect(await countsByCode('2024-02-01', '2024-02-29')).toEqual([{ code: 'drafting.wording', label: '表述不规范', findings: 1, reviews: 1 }]);
    expect(await countsByCode('2024-03-01')).toEqual([]);
  });

  it('rejects a malformed date', async () => {
    freshDb();
    await expect(queryReviews({ from: '2024/1/1' })).rejects.toThrow('YYYY-MM-DD');
  });
});
