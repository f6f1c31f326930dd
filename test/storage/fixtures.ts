// Synthetic saved reviews, many and varied, for the query tests and the review-log benchmark.
import { DEFECT_CODES, type DefectCode } from '../../utils/engine/codes';
import type { Finding, Severity } from '../../utils/engine/types';
import type { NormLintDB } from '../../utils/storage/db';
import { buildReview, searchRowOf, statDeltas } from '../../utils/storage/derive';
import type { Conclusion, ReviewBody, ReviewSummary, StatRow } from '../../utils/storage/types';

export const CODES = Object.keys(DEFECT_CODES) as DefectCode[];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const CONCLUSIONS: Conclusion[] = ['approve', 'approve-with-changes', 'return', 'pending'];
export const REVIEWERS = ['张三', '李四', '王五', '赵六', '钱七', '孙八'];
const ISSUERS = ['某市人民政府', '某市人民政府办公室', '某市市场监督管理局', '某区教育局', '某县农业农村局', '某市住房和城乡建设局'];
const SUBJECTS = ['农贸市场管理', '校外培训机构监管', '住房租赁', '农村宅基地审批', '政府投资项目', '城市道路挖掘', '生活垃圾分类', '中小企业融资'];

let seed = 42;
export const reseed = (s: number) => {
  seed = s;
};
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

export function makeReview(i: number, now: number) {
  const subject = pick(SUBJECTS);
  const issuer = pick(ISSUERS);
  const year = 2023 + (i % 3);
  const docNumber = `某政发〔${year}〕${(i % 400) + 1}号`;
  const paragraphs = Array.from({ length: 40 }, (_, k) => `第${k + 1}条 关于${subject}的规定，有关部门应当依法履行职责，原则上按照本办法执行。`);
  const text = [`关于印发《某市${subject}办法》的通知`, docNumber, ...paragraphs].join('\n');
  const nFindings = 1 + Math.floor(rand() * 8);
  const findings: Finding[] = [];
  for (let k = 0; k < nFindings; k++) {
    const code = pick(CODES);
    const start = Math.floor(rand() * (text.length - 10));
    findings.push({ code, rule: code.replace('.', '/'), severity: pick(SEVERITIES), start, end: start + 6, excerpt: text.slice(start, start + 6), message: DEFECT_CODES[code], basis: '依据' });
  }
  return buildReview(
    {
      text,
      title: `某市${subject}办法（第${i}稿）`,
      docNumber,
      issuer,
      url: `https://www.example.gov.cn/zwgk/gfxwj/${year}/${i}.html`,
      fingerprint: `fp${i}`,
      source: pick(['portal', 'editor', 'selection'] as const),
      profileId: 'national',
      engineVersion: '0.1.0',
      rulesVersion: '0.1.0',
      reviewer: pick(REVIEWERS),
      conclusion: pick(CONCLUSIONS),
      // Spread over the last two years.
      createdAt: now - Math.floor(rand() * 730 * 86400000),
      findings: findings.map((f) => ({ ...f, decision: pick(['confirmed', 'dismissed', 'undecided'] as const), reason: '理由' })),
    },
    { carry: false },
  );
}

/** Adds `n` synthetic reviews dated over the two years before `now`, with their bodies and chart counts. */
export async function fillReviews(db: NormLintDB, n: number, now = Date.now()) {
  const stats = new Map<string, StatRow>();
  const CHUNK = 1000;
  for (let i = 0; i < n; i += CHUNK) {
    const summaries: ReviewSummary[] = [];
    const bodies: ReviewBody[] = [];
    for (let j = i; j < Math.min(n, i + CHUNK); j++) {
      const b = makeReview(j, now);
      summaries.push({ ...b.summary, id: j + 1 });
      bodies.push({ ...b.body, reviewId: j + 1 });
      for (const s of statDeltas(b.summary, b.body.findings)) {
        const k = `${s.day}|${s.code}`;
        const had = stats.get(k);
        if (had) {
          had.findings += s.findings;
          had.reviews += s.reviews;
        } else stats.set(k, { ...s });
      }
    }
    await db.transaction('rw', db.reviews, db.reviewBodies, db.searchText, async () => {
      await db.reviews.bulkAdd(summaries);
      await db.reviewBodies.bulkAdd(bodies);
      await db.searchText.bulkAdd(summaries.map((s) => searchRowOf({ ...s, id: s.id! })));
    });
  }
  await db.stats.bulkAdd([...stats.values()]);
}

