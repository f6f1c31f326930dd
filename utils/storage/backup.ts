import Dexie, { type IndexableType, type Table } from 'dexie';
import { DB_NAME, getDb, NormLintDB } from './db';
import type { Row } from './backup-rows';
import { invalid, readBackup, ROWS_PER_CALL, type BackupInfo } from './backup-read';
import { toStorageError } from './errors';
import { planMerge, type MergeSource } from './merge';

/**
 * Backup and restore of the whole database as one JSON file in dexie-export-import's format.
 *
 * A restore never writes into the live database until the file has passed every check: format, database name,
 * a schema version this release knows, the tables and schema of that version, declared row counts equal to the
 * rows present, and the rows themselves (backup-read.ts reads the file a slice at a time, so its size is bounded by
 * the disk, not by the longest string V8 can hold). It is loaded into a scratch database at the file's own version
 * as it is checked, and only then copied over the live tables in one transaction. A damaged file, or one from an
 * unknown version, leaves everything as it was.
 */

export type { BackupInfo } from './backup-read';

// dexie-export-import is needed only when backing up: load it then.
const lib = () => import('dexie-export-import');

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

/** Reads and checks a backup file completely, a slice at a time; throws StorageError('backup-invalid') saying what is wrong. */
export function inspectBackup(file: Blob, onProgress?: (p: RestoreProgress) => void): Promise<BackupInfo> {
  return readBackup(file, { onProgress: (done, total) => onProgress?.({ phase: 'check', done, total }) });
}

/**
 * Restores a backup: replaces the whole database with it, or merges its reviews into the log's own. Returns what
 * was restored. On any failure (a damaged row anywhere in the file included) nothing in the live database has changed.
 *
 * 1. The file is read once, a slice at a time; every row is checked as it is read and loaded into a scratch database
 *    created at the file's own version (so an older backup goes through the same tested upgrades as an older
 *    installation). A row that fails stops the restore there; the scratch database is dropped.
 * 2. The scratch database is reopened at the current version (the upgrades run).
 * 3. Its rows are copied into the live tables in one transaction, a page of rows at a time (the transaction is kept
 *    open across the reads of the scratch database by Dexie.waitFor), so memory holds one page, not the backup.
 */
export async function restoreBackup(file: Blob, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const { mode = 'replace', onProgress } = opts;
  const live = getDb();
  const stagingName = `${DB_NAME}-restore-${Date.now()}`;
  const deps = live.deps;
  let staging: NormLintDB | undefined;
  try {
    const info = await readBackup(file, {
      onHeader: async (version) => {
        staging = new NormLintDB(stagingName, { ...deps, upTo: version });
        await staging.open();
      },
      onRows: async (table, rows) => {
        await staging!.table(table).bulkAdd(rows);
      },
      onProgress: (done, total) => onProgress?.({ phase: 'load', done, total }),
    });
    staging!.close();
    staging = new NormLintDB(stagingName, deps);
    await staging.open();
    if ((await staging.reviews.count()) !== info.reviews) throw invalid('导入后的记录数与备份不符');
    await live.open();
    const written = mode === 'merge' ? await mergeInto(live, staging, onProgress) : await replaceWith(live, staging, onProgress);
    return { ...info, ...written };
  } catch (e) {
    throw toStorageError(e, mode === 'merge' ? '合并备份' : '恢复备份');
  } finally {
    staging?.close();
    await deleteDatabase(stagingName, deps.indexedDB as IDBFactory | undefined);
  }
}

/** A read of the scratch database from inside a live transaction: outside it, and keeping it open meanwhile. */
const aside = <T>(read: () => Promise<T>): Promise<T> => Dexie.waitFor(Dexie.ignoreTransaction(read));

/** Hands `write` the rows of `source` in primary-key order, a page at a time, reporting progress after each. */
async function copyPaged(source: Table, write: (rows: Row[]) => Promise<unknown>, progress: Progress) {
  const keyPath = source.schema.primKey.keyPath!;
  let last: IndexableType | undefined;
  for (;;) {
    const after = last;
    const rows = (await aside(() => (after === undefined ? source.limit(ROWS_PER_CALL) : source.where(':id').above(after).limit(ROWS_PER_CALL)).toArray())) as Row[];
    if (!rows.length) return;
    await write(rows);
    progress.add(rows.length);
    if (rows.length < ROWS_PER_CALL) return;
    last = Dexie.getByKeyPath(rows[rows.length - 1], keyPath as string) as IndexableType;
  }
}

interface Progress {
  add(n: number): void;
}

const progressOf = (total: number, onProgress?: (p: RestoreProgress) => void): Progress => {
  let done = 0;
  return {
    add(n) {
      done += n;
      onProgress?.({ phase: 'write', done, total });
    },
  };
};

async function countAll(db: NormLintDB) {
  let n = 0;
  for (const t of db.tables) n += await t.count();
  return n;
}

async function replaceWith(live: NormLintDB, staging: NormLintDB, onProgress?: (p: RestoreProgress) => void) {
  const progress = progressOf(await countAll(staging), onProgress);
  await live.transaction('rw', live.tables, async () => {
    for (const t of live.tables) await t.clear();
    for (const t of live.tables) await copyPaged(staging.table(t.name), (rows) => t.bulkAdd(rows), progress);
  });
  return { added: await staging.reviews.count(), skipped: 0 };
}

async function mergeInto(live: NormLintDB, staging: NormLintDB, onProgress?: (p: RestoreProgress) => void) {
  // The backup's light tables whole (ids and identities decide what is added); bodies and search rows by the page.
  const source: MergeSource = {
    reviews: await staging.reviews.toArray(),
    dismissals: await staging.dismissals.toArray(),
    register: await staging.register.toArray(),
    registerMeta: await staging.registerMeta.toArray(),
  };
  return live.transaction('rw', live.tables, async () => {
    const lastId = async (t: Table) => ((await t.orderBy(':id').lastKey()) as number | undefined) ?? 0;
    const registerMeta = await live.registerMeta.get('register');
    const plan = planMerge(source, {
      reviews: await live.reviews.toArray(),
      dismissals: await live.dismissals.toArray(),
      registerNumbers: new Set((await live.register.toArray()).map((e) => e.docNumber)),
      registerMeta,
      stats: await live.stats.toArray(),
      nextReviewId: (await lastId(live.reviews)) + 1,
      nextDismissalId: (await lastId(live.dismissals)) + 1,
      nextRegisterId: (await lastId(live.register)) + 1,
    });
    const progress = progressOf(plan.reviews.length * 3 + plan.dismissals.length + plan.register.length, onProgress);
    const addAll = async (table: Table, rows: unknown[]) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_CALL) {
        const chunk = rows.slice(i, i + ROWS_PER_CALL);
        await table.bulkAdd(chunk);
        progress.add(chunk.length);
      }
    };
    await addAll(live.reviews, plan.reviews);
    const mapped = <T>(rows: Row[], map: (r: T) => T | undefined) => rows.map((r) => map(r as T)).filter((r): r is T => r !== undefined);
    await copyPaged(staging.reviewBodies, (rows) => live.reviewBodies.bulkAdd(mapped(rows, plan.body)), { add: () => undefined });
    progress.add(plan.reviews.length);
    await copyPaged(staging.searchText, (rows) => live.searchText.bulkAdd(mapped(rows, plan.search)), { add: () => undefined });
    progress.add(plan.reviews.length);
    await addAll(live.dismissals, plan.dismissals);
    await addAll(live.register, plan.register);
    await live.stats.bulkPut(plan.stats());
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
