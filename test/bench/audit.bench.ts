// A column audit of 500 documents served from a local portal (the fixture's list and detail layouts, one document in
// ten from a .docx and one in ten from a .pdf), run in Node by the audit's own job code with fake-indexeddb: every
// list page read, then every document fetched, captured (linkedom), reviewed and saved to the review log, with no
// politeness pause. Prints pages per second (target ≥ 10) and memory at the end. Figures only; nothing is asserted.
import 'fake-indexeddb/auto';
import { collectPage, runPending } from '../../utils/audit/job';
import type { AuditEnv } from '../../utils/audit/run';
import { review } from '../../utils/engine';
import { docxToHtml } from '../../utils/io/docx';
import { normalizeHtmlSkeleton } from '../../utils/io/html';
import { pdfLines } from '../../utils/io/pdf';
import { nodeSegmenter } from '../../utils/segment/node';
import { auditItems, createAudit, getAudit } from '../../utils/storage/audits';
import { NormLintDB, getDb, setDb } from '../../utils/storage/db';
import { reviewInputOf } from '../../utils/storage/review-input';
import { saveReview } from '../../utils/storage/reviews';
import { buildBenchColumn, servePortal } from '../e2e/portal-column';
import { loadNodePdfjs } from '../node-pdfjs';

const N = Number(process.env.N ?? 500);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

const [{ parseHTML }, pdfjs] = await Promise.all([import('linkedom'), loadNodePdfjs()]);
const { site, first } = await buildBenchColumn(N);
const server = await servePortal(site);
const db = new NormLintDB('normlint-audit-bench');
setDb(db);
await db.delete();
await db.open();

let auditId = 0;
const env: AuditEnv = {
  fetch: (url, signal) => fetch(url, { signal }),
  parseHtml: (html) => parseHTML(normalizeHtmlSkeleton(html)).document as unknown as Document,
  review: (doc) => review(doc, { today: '2024-12-31', segmenter: nodeSegmenter }),
  async save(doc, result) {
    const saved = await saveReview(
      reviewInputOf(doc, result, { findings: result.findings, fallbackTitle: doc.metadata.title ?? doc.url ?? '', reviewer: '', remarks: `栏目审查 #${auditId}` }),
    );
    await getDb().reviews.update(saved.id, { auditId });
    return saved.id;
  },
  docxToHtml: (bytes) => docxToHtml('附件', bytes),
  pdfLines: (bytes) => pdfLines(pdfjs, '附件', bytes),
  register: [],
  deadlineDays: 30,
  today: '2024-12-31',
};

// Warm-up outside the timing: jieba's dictionary and the engine's first run.
review({ text: '第一条　为规范管理，制定本办法。', metadata: {}, source: 'portal' }, { segmenter: nodeSegmenter });

const listUrl = server.url(first);
auditId = await createAudit({ createdAt: Date.now(), listUrl, listPages: [], status: 'paused', pauseMs: 0, profileId: 'national', today: '2024-12-31' });
const signal = new AbortController().signal;
const t0 = performance.now();
let url: string | undefined = listUrl;
let listPages = 0;
while (url) {
  await collectPage(auditId, env, url, signal);
  listPages++;
  url = (await getAudit(auditId))!.nextPage;
}
const t1 = performance.now();
await runPending(auditId, env, signal, () => {});
const t2 = performance.now();
const items = await auditItems(auditId);
const done = items.filter((i) => i.status === 'done').length;
const failed = items.filter((i) => i.status === 'failed');
const m = process.memoryUsage();
console.log(`栏目审查基准：${N} 份文件，${listPages} 页列表，本地服务器，无礼貌停顿（fake-indexeddb，linkedom，Node ${process.version}）`);
console.log(`读取列表    ${(t1 - t0).toFixed(0).padStart(7)} ms`);
console.log(`审查文件    ${(t2 - t1).toFixed(0).padStart(7)} ms  ${done} 份完成，${failed.length} 份失败${failed.length ? `（${failed[0].error}）` : ''}`);
console.log(`速度        ${((done / (t2 - t1)) * 1000).toFixed(1).padStart(7)} 页/秒（目标 ≥ 10），含列表 ${(((done + listPages) / (t2 - t0)) * 1000).toFixed(1)} 页/秒`);
console.log(`内存（结束时）  RSS ${mb(m.rss)}，堆 ${mb(m.heapUsed)} / ${mb(m.heapTotal)}，外部 ${mb(m.external)}`);
await server.close();
db.close();
