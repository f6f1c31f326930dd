// A large restore: N saved reviews (100,000 by default) backed up to one file, then restored over a wiped log and
// merged into a log holding them already. Prints the time of each step, the file size and the peak memory of the
// process (resident and JS heap, sampled). fake-indexeddb keeps the database itself in this process's heap, so the
// peak includes the database: a browser keeps it on disk. Figures only; nothing is asserted.
import 'fake-indexeddb/auto';
import '../storage/node-polyfills';
import Dexie from 'dexie';
import { exportBackup, inspectBackup, restoreBackup, type RestoreProgress } from '../../utils/storage/backup';
import { DB_NAME, getDb, setDb } from '../../utils/storage/db';
import { fillReviews } from '../storage/fixtures';

const N = Number(process.env.N ?? 100_000);
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
  peakRss = peakHeap = 0;
  sample();
  const t0 = performance.now();
  const out = await fn();
  sample();
  console.log(`${label.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s   峰值 RSS ${mb(peakRss).padStart(8)}   峰值堆 ${mb(peakHeap).padStart(8)}`);
  return out;
}

let lastShown = '';
const showProgress = (p: RestoreProgress) => {
  const pct = p.total ? Math.floor((p.done / p.total) * 10) * 10 : 0;
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
console.log(`恢复备份基准：${N.toLocaleString('zh-CN')} 条审查记录（含正文与问题），fake-indexeddb，Node ${process.version}\n`);
await step(`填充 ${N} 条记录`, () => fillReviews(db, N));
const file = await step('备份（导出整个数据库）', () => exportBackup());
console.log(`备份文件 ${mb(file.size)}`);
const info = await step('检查备份文件', () => inspectBackup(file, showProgress));
console.log(`  检查通过：${info.reviews} 条记录，${Object.values(info.tables).reduce((a, b) => a + b, 0)} 行`);
await db.transaction('rw', db.tables, async () => {
  for (const t of db.tables) await t.clear();
});
const replaced = await step('恢复（替换，含检查）', () => restoreBackup(file, { onProgress: showProgress }));
console.log(`  已恢复 ${replaced.reviews} 条；库中 ${await db.reviews.count()} 条`);
const merged = await step('合并（全部已存在，含检查）', () => restoreBackup(file, { mode: 'merge', onProgress: showProgress }));
console.log(`  新增 ${merged.added} 条，已存在 ${merged.skipped} 条`);
clearInterval(sampler);
