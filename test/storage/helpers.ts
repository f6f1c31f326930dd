import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Finding } from '../../utils/engine/types';
import { DB_NAME, getDb, NormLintDB, setDb } from '../../utils/storage/db';

/** A fresh, isolated in-memory IndexedDB for one test; the storage functions use it until the next call. */
export function freshDb(upTo?: number, factory = new IDBFactory()): NormLintDB {
  // liveQuery stays silent unless Dexie's global dependencies name an IndexedDB, as they do in a browser.
  Dexie.dependencies.indexedDB ??= factory;
  Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
  const db = new NormLintDB('normlint', { indexedDB: factory, IDBKeyRange, upTo });
  setDb(db);
  return db;
}

export const newFactory = () => new IDBFactory();

/**
 * The database exactly as the extension opens it: getDb() with no options, on the global IndexedDB. The test file
 * must import 'fake-indexeddb/auto' before anything else, so that Dexie finds it as it finds the browser's.
 * Deletes the previous one, so each test starts empty.
 */
export async function extensionDb(): Promise<NormLintDB> {
  if (!(globalThis as { indexedDB?: unknown }).indexedDB) throw new Error("import 'fake-indexeddb/auto' first");
  setDb(undefined)?.close();
  await Dexie.delete(DB_NAME);
  return getDb();
}

/** A finding at the first occurrence of `excerpt` in `text`. */
export function findingAt(text: string, excerpt: string, code: Finding['code'], extra: Partial<Finding> = {}): Finding {
  const start = text.indexOf(excerpt);
  if (start < 0) throw new Error(`excerpt not in text: ${excerpt}`);
  return {
    code,
    rule: extra.rule ?? code.replace('.', '/'),
    severity: extra.severity ?? 'warning',
    start,
    end: start + excerpt.length,
    excerpt,
    message: extra.message ?? `问题：${excerpt}`,
    basis: extra.basis ?? '依据',
    ...extra,
  };
}

export const DOC_V1 = [
  '某市人民政府办公室关于印发《某市农贸市场管理办法》的通知',
  '某政办发〔2024〕12号',
  '第一条 为加强农贸市场管理，原则上由各区负责，制定本办法。',
  '第二条 市场经营者必须办理市场登记证，方可经营。',
  '第三条 违反本办法的，处以5000元罚款。',
  '第四条 本办法由市市场监管局负责解释。',
  '第五条 本办法自印发之日起施行。',
].join('\n');
