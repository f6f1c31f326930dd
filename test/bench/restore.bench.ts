// A large restore: N saved reviews backed up to one file, the file checked, then restored over a wiped log and
// merged into a log holding them already. Without N, runs 10,000 and 100,000, each in a fresh process. Prints the
// time of each step, the file size, and the memory of the process: the JS heap before the step (after a GC) and at
// its peak, and the peak resident size. fake-indexeddb keeps the databases themselves in this process's heap (the
// log and, while restoring, the scratch copy), so the heap grows by them; a browser keeps them on disk. The check
// holds no database: its peak over its baseline is what reading the file costs. Figures only; nothing is asserted.
import 'fake-indexeddb/auto';
import '../storage/node-polyfills';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { exportBackup, inspectBackup, restoreBackup, type RestoreProgress } from '../../utils/storage/backup';
import { DB_NAME, getDb, setDb } from '../../utils/storage/db';
import { fillReviews, makeReview } from '../storage/fixtures';
import { searchRowOf } from '../../utils/storage/derive';

const sizes = process.env.N ? [Number(process.env.N)] : [10_000, 100_000];
if (!process.env.N) {
  for (const n of sizes) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, N: String(n) }, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

const N = sizes[0];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 50);

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  peakRss = peakHeap = 0;
  sample();
  const t0 = performance.now();
  const out = await fn();
  sample();
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${label.padEnd(22)} ${s.padStart(7)} s   堆：之前 ${mb(base).padStart(7)}，峰值 ${mb(peakHeap).padStart(7)}（+${mb(peakHeap - base)}）   峰值 RSS ${mb(peakRss).padStart(8)}`);
  return out;
}

let lastShown = '';
const showProgress = (p: RestoreProgress) => {
  const pct = p.total ? Math.floor((p.done / p.total) * 4) * 25 : 0;
  const line = `${p.phase} ${pct}%`;
  if (line !== lastShown) {
    lastShown = line;
    process.stderr.write(`  … ${line}\n`);
  }
};

setDb(undefined);
await Dexie.delete(DB_NAME);
const db = getDb();
await db.open();

/**
 * The backup file of N reviews written directly, without a database: the exporter's own header (from the empty
 * log) and the rows the exporter would write, in Blob parts of 1,000 rows. Filling and exporting 100,000 reviews
 * through fake-indexeddb takes over an hour on this machine; the check does not need the database.
 */
async function syntheticBackup(n: number): Promise<Blob> {
  const empty = JSON.parse(await (await exportBackup()).text());
  const counts: Record<string, number> = { reviews: n, reviewBodies: n, searchText: n };
  for (const t of empty.data.tables) t.rowCount = counts[t.name] ?? 0;
  const now = Date.now();
  const rows: Record<string, Blob[]> = { reviews: [], reviewBodies: [], searchText: [] };
  for (let i = 0; i < n; i += 1000) {
    const part: Record<string, string[]> = { reviews: [], reviewBodies: [], searchText: [] };
    for (let j = i; j < Math.min(n, i + 1000); j++) {
      const b = makeReview(j, now);
      const summary = { ...b.summary, id: j + 1 };
      part.reviews.push(JSON.stringify(summary));
      part.reviewBodies.push(JSON.stringify({ ...b.body, reviewId: j + 1 }));
      part.searchText.push(JSON.stringify(searchRowOf(summary)));
    }
    for (const t of Object.keys(part)) rows[t].push(new Blob([(i ? ',' : '') + part[t].join(',')]));
  }
  const head = JSON.stringify({ ...empty, data: { ...empty.data, data: [] } });
  const parts: (Blob | string)[] = [head.slice(0, head.lastIndexOf('[') + 1)];
  empty.data.data.forEach((t: { tableName: string }, k: number) => {
    parts.push(`${k ? ',' : ''}{"tableName":${JSON.stringify(t.tableName)},"inbound":true,"rows":[`, ...(rows[t.tableName] ?? []), ']}');
  });
  parts.push(']}}');
  return new Blob(parts, { type: 'application/json' });
}

if (N > 20_000 && !process.env.FULL) {
  console.log(`\n检查备份文件基准：${N.toLocaleString('zh-CN')} 条审查记录（文件直接生成，不经数据库；FULL=1 则完整填充、备份、恢复），Node ${process.version}`);
  const big = await step('生成备份文件', () => syntheticBackup(N));
  console.log(`备份文件 ${mb(big.size)}`);
  const checked = await step('检查备份文件', () => inspectBackup(big, showProgress));
  console.log(`  检查通过：${checked.reviews} 条记录，${Object.values(checked.tables).reduce((a, b) => a + b, 0)} 行`);
  clearInterval(sampler);
  process.exit(0);
}
console.log(`\n恢复备份基准：${N.toLocaleString('zh-CN')} 条审查记录（含正文与问题），fake-indexeddb，Node ${process.version}`);
await step(`填充 ${N} 条记录`, () => fillReviews(db, N));
const file = await step('备份（导出）', () => exportBackup());
console.log(`备份文件 ${mb(file.size)}`);
const info = await step('检查备份文件', () => inspectBackup(file, showProgress));
console.log(`  检查通过：${info.reviews} 条记录，${Object.values(info.tables).reduce((a, b) => a + b, 0)} 行`);
await db.transaction('rw', db.tables, async () => {
  for (const t of db.tables) await t.clear();
});
const replaced = await step('恢复（替换，含检查）', () => restoreBackup(file, { onProgress: showProgress }));
console.log(`  已恢复 ${replaced.reviews} 条；库中 ${await db.reviews.count()} 条`);
const merged = await step('合并（全部已存在）', () => restoreBackup(file, { mode: 'merge', onProgress: showProgress }));
console.log(`  新增 ${merged.added} 条，已存在 ${merged.skipped} 条`);
clearInterval(sampler);
