import Dexie, { type Table } from 'dexie';
import { DB_NAME, DB_VERSION, getDb, NormLintDB, storesAt, VERSIONS } from './db';
import { PRIMARY_KEYS, reviveTypes, ROW_CHECKS, type Row } from './backup-rows';
import { StorageError, toStorageError } from './errors';
import { planMerge, type MergeSource } from './merge';

/**
 * Backup and restore of the whole database as one JSON file in dexie-export-import's format.
 *
 * A restore never writes into the live database until the file has passed every check: format, database name,
 * a schema version this release knows, the tables and schema of that version, declared row counts equal to the
 * rows present, and the rows themselves. It is then loaded into a scratch database at the file's own version
 * (so an older backup goes through the same tested upgrades as an older installation), and only then copied over
 * the live tables in one transaction. A damaged file, or one from an unknown version, leaves everything as it was.
 */

// dexie-export-import is needed only when backing up or restoring: load it then.
const lib = () => import('dexie-export-import');

export interface BackupInfo {
  databaseVersion: number;
  /** Rows per table, as the file declares and contains them. */
  tables: Record<string, number>;
  reviews: number;
}

export const BACKUP_MIME = 'application/json';

/** Replace the whole log with the backup, or add the backup's reviews to the log's own (see merge.ts). */
export type RestoreMode = 'replace' | 'merge';

/** How far a restore has gone, in rows: checking the file, loading it into the scratch database, writing the log. */
export interface RestoreProgress {
  phase: 'check' | 'load' | 'write';
  done: number;
  total: number;
}

export interface RestoreOptions {
  mode?: RestoreMode;
  onProgress?: (p: RestoreProgress) => void;
}

export interface RestoreResult extends BackupInfo {
  /** Reviews written: all of them on replace; on merge, those the log did not have yet. */
  added: number;
  /** Merge only: reviews the log already had. */
  skipped: number;
}

// Rows per write and per progress report: small enough for the page to show progress, large enough to be fast.
const CHUNK = 2000;
/** Lets the page paint the progress between chunks of synchronous checking. */
const breathe = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** The whole database as one file (JSON). */
export async function exportBackup(): Promise<Blob> {
  const { exportDB } = await lib();
  try {
    const db = getDb();
    await db.open();
    return await exportDB(db, { prettyJson: false });
  } catch (e) {
    throw toStorageError(e, '备份审查记录');
  }
}

const invalid = (why: string) =>
  new StorageError('backup-invalid', `无法恢复：${why}。当前的审查记录没有任何改动。`);

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';

interface ExportFile {
  formatName?: unknown;
  formatVersion?: unknown;
  data?: {
    databaseName?: unknown;
    databaseVersion?: unknown;
    tables?: { name?: unknown; schema?: unknown; rowCount?: unknown }[];
    data?: { tableName?: unknown; inbound?: unknown; rows?: unknown }[];
  };
}

/** Reads and checks a backup file completely; throws StorageError('backup-invalid') saying what is wrong. */
export async function inspectBackup(file: Blob, onProgress?: (p: RestoreProgress) => void): Promise<BackupInfo> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw invalid('文件不是 UTF-8 文本，可能已损坏');
  }
  let parsed: ExportFile;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('文件内容不完整或已损坏（不是有效的 JSON）');
  }
  if (!parsed || typeof parsed !== 'object' || parsed.formatName !== 'dexie' || parsed.formatVersion !== 1 || !parsed.data) {
    throw invalid('这不是 NormLint 的备份文件');
  }
  const d = parsed.data;
  if (d.databaseName !== DB_NAME) throw invalid(`备份来自另一个数据库（${String(d.databaseName)}），不是 NormLint 审查记录`);
  const version = d.databaseVersion;
  const spec = VERSIONS.find((v) => v.version === version);
  if (typeof version !== 'number' || !spec) {
    const newer = typeof version === 'number' && version > DB_VERSION;
    throw invalid(
      newer
        ? `备份来自更新版本的扩展（数据库版本 ${version}，本扩展支持到 ${DB_VERSION}），请先升级扩展`
        : `备份的数据库版本（${String(version)}）无法识别`,
    );
  }
  // The tables and their schema must be exactly those of that version.
  const expected = new Map(Object.entries(storesAt(spec.version)));
  if (!Array.isArray(d.tables) || !Array.isArray(d.data)) throw invalid('备份缺少数据表');
  const declared = new Map<string, number>();
  for (const t of d.tables) {
    if (!isStr(t?.name) || !isNum(t?.rowCount)) throw invalid('备份的数据表说明不完整');
    const want = expected.get(t.name as string);
    if (want === undefined) throw invalid(`备份含有未知的数据表“${String(t.name)}”`);
    if (normSchema(String(t.schema)) !== normSchema(want)) throw invalid(`数据表“${String(t.name)}”的结构与版本 ${version} 不符`);
    declared.set(t.name as string, t.rowCount as number);
  }
  for (const name of expected.keys()) if (!declared.has(name)) throw invalid(`备份缺少数据表“${name}”`);
  const checks = ROW_CHECKS[version] ?? {};
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  const total = [...declared.values()].reduce((a, b) => a + b, 0);
  let checked = 0;
  for (const t of d.data) {
    const name = t?.tableName as string;
    if (!declared.has(name) || seen.has(name)) throw invalid(`备份的数据部分有误（数据表“${String(name)}”）`);
    seen.add(name);
    if (!Array.isArray(t.rows)) throw invalid(`数据表“${name}”的数据不完整`);
    if (t.rows.length !== declared.get(name)) {
      throw invalid(`数据表“${name}”应有 ${declared.get(name)} 行，实际只有 ${t.rows.length} 行，文件可能被截断`);
    }
    const check = checks[name];
    const keyOf = PRIMARY_KEYS[name];
    const keys = new Set<unknown>();
    for (let i = 0; i < t.rows.length; i++) {
      const row: unknown = t.rows[i];
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw invalid(`数据表“${name}”第 ${i + 1} 行已损坏`);
      // Revived first, as the importer will: the checks see the row as the log will read it.
      const why = reviveTypes(row as Row) ?? check?.(row as Row);
      if (why) throw invalid(`数据表“${name}”第 ${i + 1} 行已损坏（${why}）`);
      const key = keyOf?.(row as Row);
      if (keys.has(key)) throw invalid(`数据表“${name}”第 ${i + 1} 行与前面的行编号重复`);
      keys.add(key);
      if (onProgress && ++checked % CHUNK === 0) {
        onProgress({ phase: 'check', done: checked, total });
        await breathe();
      }
    }
    counts[name] = t.rows.length;
  }
  for (const name of declared.keys()) if (!seen.has(name)) throw invalid(`备份缺少数据表“${name}”的数据`);
  if (version >= 2) {
    // Every review has its body and every body its review: otherwise the log would show holes.
    const ids = (name: string, key: string) =>
      new Set((d.data!.find((t) => t.tableName === name)!.rows as Row[]).map((r) => r[key] as number));
    const reviews = ids('reviews', 'id');
    const same = (other: Set<number>) => other.size === reviews.size && [...reviews].every((id) => other.has(id));
    if (!same(ids('reviewBodies', 'reviewId')) || !same(ids('searchText', 'id'))) {
      throw invalid('审查记录与其正文不对应，文件可能已损坏');
    }
  }
  return { databaseVersion: version, tables: counts, reviews: counts.reviews ?? 0 };
}

const normSchema = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean).join(',');

/**
 * Restores the backup after inspectBackup() has passed it: replaces the whole database with it, or merges its
 * reviews into the log's own. Returns what was restored. On any failure nothing in the live database has changed.
 */
export async function restoreBackup(file: Blob, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const { mode = 'replace', onProgress } = opts;
  const info = await inspectBackup(file, onProgress);
  const { importInto } = await lib();
  const live = getDb();
  const stagingName = `${DB_NAME}-restore-${Date.now()}`;
  const deps = live.deps;
  let staging: NormLintDB | undefined;
  try {
    // 1. Load the file into a scratch database created at the file's version.
    staging = new NormLintDB(stagingName, { ...deps, upTo: info.databaseVersion });
    await staging.open();
    await importInto(staging, file, {
      acceptNameDiff: true,
      clearTablesBeforeImport: true,
      progressCallback: (p) => {
        onProgress?.({ phase: 'load', done: p.completedRows, total: p.totalRows ?? 0 });
        return true;
      },
    });
    staging.close();
    // 2. Reopen it at the current version: older backups go through the upgrades.
    staging = new NormLintDB(stagingName, deps);
    await staging.open();
    const data: Record<string, unknown[]> = {};
    for (const t of staging.tables) data[t.name] = await t.toArray();
    staging.close();
    if ((data.reviews?.length ?? 0) !== info.reviews) throw invalid('导入后的记录数与备份不符');
    // 3. Write the live tables in one transaction.
    await live.open();
    const written = mode === 'merge' ? await mergeInto(live, data, onProgress) : await replaceWith(live, data, onProgress);
    return { ...info, ...written };
  } catch (e) {
    throw toStorageError(e, mode === 'merge' ? '合并备份' : '恢复备份');
  } finally {
    staging?.close();
    await deleteDatabase(stagingName, deps.indexedDB as IDBFactory | undefined);
  }
}

/** Adds rows in chunks, reporting progress after each. */
async function addChunked(table: Table, rows: unknown[], progress: { done: number; total: number; report(): void }, put = false) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await (put ? table.bulkPut(chunk) : table.bulkAdd(chunk));
    progress.done += chunk.length;
    progress.report();
  }
}

const progressOf = (total: number, onProgress?: (p: RestoreProgress) => void) => {
  const p = {
    done: 0,
    total,
    report: () => onProgress?.({ phase: 'write', done: p.done, total: p.total }),
  };
  return p;
};

async function replaceWith(live: NormLintDB, data: Record<string, unknown[]>, onProgress?: (p: RestoreProgress) => void) {
  const progress = progressOf(live.tables.reduce((n, t) => n + (data[t.name]?.length ?? 0), 0), onProgress);
  await live.transaction('rw', live.tables, async () => {
    for (const t of live.tables) await t.clear();
    for (const t of live.tables) await addChunked(t, data[t.name] ?? [], progress);
  });
  return { added: data.reviews?.length ?? 0, skipped: 0 };
}

async function mergeInto(live: NormLintDB, data: Record<string, unknown[]>, onProgress?: (p: RestoreProgress) => void) {
  return live.transaction('rw', live.tables, async () => {
    const lastId = async (t: Table) => ((await t.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    const registerMeta = await live.registerMeta.get('register');
    const plan = planMerge(data as unknown as MergeSource, {
      reviews: await live.reviews.toArray(),
      dismissals: await live.dismissals.toArray(),
      registerNumbers: new Set((await live.register.toArray()).map((e) => e.docNumber)),
      registerMeta,
      stats: await live.stats.toArray(),
      nextReviewId: (await lastId(live.reviews)) + 1,
      nextDismissalId: (await lastId(live.dismissals)) + 1,
      nextRegisterId: (await lastId(live.register)) + 1,
    });
    const adds: [Table, unknown[]][] = [
      [live.reviews, plan.reviews],
      [live.reviewBodies, plan.reviewBodies],
      [live.searchText, plan.searchText],
      [live.dismissals, plan.dismissals],
      [live.register, plan.register],
    ];
    const progress = progressOf(adds.reduce((n, [, rows]) => n + rows.length, 0) + plan.stats.length, onProgress);
    for (const [table, rows] of adds) await addChunked(table, rows, progress);
    await addChunked(live.stats, plan.stats, progress, true);
    if (plan.registerMeta) await live.registerMeta.put(plan.registerMeta);
    return { added: plan.added, skipped: plan.skipped };
  });
}

/** Deletes a database through the IndexedDB the live one was given (a benchmark injects one), else the browser's. */
function deleteDatabase(name: string, idb?: IDBFactory): Promise<void> {
  if (!idb) return Dexie.delete(name).catch(() => undefined);
  return new Promise<void>((resolve) => {
    const req = idb.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
