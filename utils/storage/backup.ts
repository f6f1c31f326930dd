import Dexie from 'dexie';
import { DB_NAME, DB_VERSION, getDb, NormLintDB, VERSIONS } from './db';
import { StorageError, toStorageError } from './errors';

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

type Row = Record<string, unknown>;
type Check = (row: Row) => string | undefined;

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';

// What a row of each table must have to be usable, per schema version. Rows may carry typeson `$types` markers
// for values JSON cannot hold (undefined): those are left to the importer.
const ROW_CHECKS: Record<number, Record<string, Check>> = {
  1: {
    reviews: (r) =>
      !isNum(r.id) ? '缺少编号' : !isNum(r.createdAt) ? '缺少审查时间' : !isStr(r.text) ? '缺少正文' : !Array.isArray(r.findings) ? '缺少问题列表' : undefined,
    settings: (r) => (!isStr(r.key) ? '缺少键' : undefined),
  },
  2: {
    reviews: (r) =>
      !isNum(r.id) ? '缺少编号' : !isNum(r.createdAt) ? '缺少审查时间' : !isStr(r.title) ? '缺少标题' : !Array.isArray(r.docKeys) || !Array.isArray(r.codes) ? '缺少索引字段' : undefined,
    reviewBodies: (r) => (!isNum(r.reviewId) ? '缺少记录编号' : !isStr(r.text) ? '缺少正文' : !Array.isArray(r.findings) ? '缺少问题列表' : undefined),
    searchText: (r) => (!isNum(r.id) || !isNum(r.createdAt) || !isStr(r.text) ? '检索行不完整' : undefined),
    dismissals: (r) => (!isNum(r.id) ? '缺少编号' : !isStr(r.code) || !isStr(r.reason) ? '缺少问题代码或理由' : undefined),
    register: (r) => (!isNum(r.id) ? '缺少编号' : !isStr(r.docNumber) ? '缺少文号' : undefined),
    registerMeta: (r) => (!isStr(r.key) ? '缺少键' : undefined),
    stats: (r) => (!isStr(r.day) || !isStr(r.code) || !isNum(r.findings) ? '统计行不完整' : undefined),
    settings: (r) => (!isStr(r.key) ? '缺少键' : undefined),
  },
};

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
export async function inspectBackup(file: Blob): Promise<BackupInfo> {
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
  const expected = new Map(Object.entries(spec.stores).filter((e): e is [string, string] => e[1] !== null));
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
  for (const t of d.data) {
    const name = t?.tableName as string;
    if (!declared.has(name) || seen.has(name)) throw invalid(`备份的数据部分有误（数据表“${String(name)}”）`);
    seen.add(name);
    if (!Array.isArray(t.rows)) throw invalid(`数据表“${name}”的数据不完整`);
    if (t.rows.length !== declared.get(name)) {
      throw invalid(`数据表“${name}”应有 ${declared.get(name)} 行，实际只有 ${t.rows.length} 行，文件可能被截断`);
    }
    const check = checks[name];
    t.rows.forEach((row, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw invalid(`数据表“${name}”第 ${i + 1} 行已损坏`);
      const why = check?.(row as Row);
      if (why) throw invalid(`数据表“${name}”第 ${i + 1} 行已损坏（${why}）`);
    });
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
 * Replaces the whole database with the backup's content, after inspectBackup() has passed it. Returns what was
 * restored. On any failure nothing in the live database has changed.
 */
export async function restoreBackup(file: Blob): Promise<BackupInfo> {
  const info = await inspectBackup(file);
  const { importInto } = await lib();
  const live = getDb();
  const stagingName = `${DB_NAME}-restore-${Date.now()}`;
  const deps = live.deps;
  let staging: NormLintDB | undefined;
  try {
    // 1. Load the file into a scratch database created at the file's version.
    staging = new NormLintDB(stagingName, { ...deps, upTo: info.databaseVersion });
    await staging.open();
    await importInto(staging, file, { acceptNameDiff: true, clearTablesBeforeImport: true });
    staging.close();
    // 2. Reopen it at the current version: older backups go through the upgrades.
    staging = new NormLintDB(stagingName, deps);
    await staging.open();
    const data: Record<string, unknown[]> = {};
    for (const t of staging.tables) data[t.name] = await t.toArray();
    if ((data.reviews?.length ?? 0) !== info.reviews) throw invalid('导入后的记录数与备份不符');
    // 3. Replace the live tables in one transaction.
    await live.open();
    await live.transaction('rw', live.tables, async () => {
      for (const t of live.tables) {
        await t.clear();
        const rows = data[t.name] ?? [];
        if (rows.length) await t.bulkAdd(rows);
      }
    });
    return info;
  } catch (e) {
    throw toStorageError(e, '恢复备份');
  } finally {
    staging?.close();
    await deleteDatabase(stagingName, deps.indexedDB as IDBFactory | undefined);
  }
}

/** Deletes a database through the IndexedDB the live one was given (a benchmark injects one), else the browser's. */
function deleteDatabase(name: string, idb?: IDBFactory): Promise<void> {
  if (!idb) return Dexie.delete(name).catch(() => undefined);
  return new Promise<void>((resolve) => {
    const req = idb.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
