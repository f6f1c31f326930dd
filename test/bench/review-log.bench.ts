// Fills a fake-indexeddb database with 10,000 saved reviews and prints median times of what the review log page
// does: open the list (first page, total, chart counts, reviewer choices) and the usual filters and searches.
// Target: under 200 ms each. Figures only; nothing is asserted.
import 'fake-indexeddb/auto';
import { NormLintDB, setDb } from '../../utils/storage/db';
import { countsByCode, listReviewers, queryReviews, type ReviewFilter } from '../../utils/storage/query';
import { getReview, saveReview } from '../../utils/storage/reviews';
import { fillReviews } from '../storage/fixtures';

const N = Number(process.env.N ?? 10_000);
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const day = (msAgo: number) => {
  const d = new Date(Date.now() - msAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function time(label: string, fn: () => Promise<string>) {
  const ts: number[] = [];
  let note = '';
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    note = await fn();
    ts.push(performance.now() - t0);
  }
  const m = median(ts);
  console.log(`${label.padEnd(34)} ${m.toFixed(1).padStart(8)} ms  ${m < 200 ? '   ' : ' ! '} ${note}`);
  return m;
}

const db = new NormLintDB('normlint-bench');
setDb(db);
await db.delete();
await db.open();
const t0 = performance.now();
await fillReviews(db, N);
console.log(`填充 ${N} 条审查记录（含正文）用时 ${((performance.now() - t0) / 1000).toFixed(1)} s；fake-indexeddb，中位数，${RUNS} 次\n`);

const list = (f: ReviewFilter, offset = 0) => async () => {
  const p = await queryReviews(f, { offset, limit: 50 });
  return `${p.total} 条，本页 ${p.rows.length}`;
};
const results: number[] = [];
results.push(await time('打开列表（首页+总数+图表+审查人）', async () => {
  const [p, c, r] = await Promise.all([queryReviews({}, { limit: 50 }), countsByCode(day(90 * 86400000), day(0)), listReviewers()]);
  return `${p.total} 条，首页 ${p.rows.length}，${c.length} 类，${r.length} 人`;
}));
results.push(await time('翻到第 100 页', list({}, 99 * 50)));
results.push(await time('按日期（近 30 天）', list({ from: day(30 * 86400000), to: day(0) })));
results.push(await time('按问题类型 content.penalty', list({ code: 'content.penalty' })));
results.push(await time('按严重程度 error', list({ severity: 'error' })));
results.push(await time('按结论 退回', list({ conclusion: 'return' })));
results.push(await time('按审查人 李四', list({ reviewer: '李四' })));
results.push(await time('类型+日期（近 90 天）', list({ code: 'filing.late', from: day(90 * 86400000) })));
results.push(await time('搜索标题“住房租赁”', list({ q: '住房租赁' })));
results.push(await time('搜索文号“某政发[2024]12号”', list({ q: '某政发[2024]12号' })));
results.push(await time('搜索+审查人+结论', list({ q: '某市', reviewer: '王五', conclusion: 'approve' })));
results.push(await time('图表：近一年按问题类型计数', async () => `${(await countsByCode(day(365 * 86400000), day(0))).length} 类`));
results.push(await time('打开一条记录（正文+问题）', async () => `${(await getReview(4321))!.body.findings.length} 个问题`));
let k = 0;
results.push(await time('保存一条审查记录（含关联上次）', async () => {
  const r = await saveReview({
    text: `关于印发《某市住房租赁办法》的通知\n某政发〔2024〕7号\n第一条 原则上按本办法执行。${k++}`,
    docNumber: '某政发〔2024〕7号',
    title: '某市住房租赁办法',
    source: 'editor',
    profileId: 'national',
    findings: [],
  });
  return r.previousId ? `关联记录 ${r.previousId}` : '首次';
}));
console.log(`\n最慢 ${Math.max(...results).toFixed(1)} ms（目标 < 200 ms）`);
db.close();
