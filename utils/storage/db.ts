import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { DefectCode } from '../engine/codes';
import type { RegisterEntry } from '../register';
import { assignDismissalIds, buildReview, docKeysOf, pickPrevious, searchRowOf, statDeltas } from './derive';
import { StorageError } from './errors';
import type { AuditItemRow, AuditRow } from '../audit/types';
import type {
  Conclusion,
  DecidedFinding,
  Dismissal,
  RegisterMeta,
  RegisterRow,
  ReviewBody,
  ReviewSummary,
  SearchRow,
  SettingsRow,
  StatRow,
  StoredFinding,
} from './types';

/**
 * The review log lives in IndexedDB in the extension's own origin (chrome-extension://<id>), database
 * `normlint`. It survives extension updates; it is removed only when the extension is uninstalled.
 *
 * Every schema the extension ever shipped is declared below, oldest first, and never edited once released:
 * Dexie upgrades an older database step by step through each `.upgrade()`. To change the schema, append a
 * version (with its upgrade and a test that creates data at the previous version and opens it at the new one).
 */
export const DB_NAME = 'normlint';

/** Shape of a review row as version 1 stored it: one row per review, text and findings inline. */
export interface ReviewRowV1 {
  id?: number;
  createdAt: number;
  fingerprint: string;
  url?: string;
  title?: string;
  docNumber?: string;
  issuer?: string;
  writtenDate?: string;
  publishedDate?: string;
  source: ReviewSummary['source'];
  profileId: string;
  engineVersion: string;
  reviewer?: string;
  conclusion?: Exclude<Conclusion, 'pending'>;
  remarks?: string;
  text: string;
  findings: DecidedFinding[];
}

/** Version 1 kept settings and the filing register as two rows of `settings`. */
export type SettingsRowV1 =
  | { key: 'settings'; value: SettingsRow['value'] }
  | { key: 'register'; value: { entries: RegisterEntry[]; name?: string; loadedAt?: number } };

interface VersionSpec {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const VERSIONS: readonly VersionSpec[] = [
  {
    // 0.1 as first released: the log could list and reopen reviews; no remembered dismissals, no re-review links.
    version: 1,
    stores: {
      reviews: '++id, createdAt, fingerprint, url, docNumber',
      settings: 'key',
    },
  },
  {
    // What the review log needs at 10,000 reviews: a light summary row per review (with indexes to filter on),
    // the text and findings in `reviewBodies`, a slim row per review for free-text search; remembered dismissals; the filing register one row per
    // entry; per-day counts by code for the chart.
    version: 2,
    stores: {
      reviews: '++id, createdAt, fingerprint, url, docNumber, *docKeys, conclusion, reviewer, *codes, *severities',
      reviewBodies: 'reviewId',
      searchText: 'id',
      dismissals: '++id, *docKeys, code, createdAt',
      register: '++id, docNumber',
      registerMeta: 'key',
      stats: '[day+code], day',
      settings: 'key',
    },
    upgrade: upgradeV1toV2,
  },
  {
    // Column audits (栏目审查): one row per audit of a portal column, one per document link it found, with the
    // document's result once reviewed; the review itself goes to `reviews` like any other.
    version: 3,
    stores: {
      audits: '++id, createdAt',
      auditItems: '++id, auditId, [auditId+seq]',
    },
  },
];

export const DB_VERSION = VERSIONS[VERSIONS.length - 1].version;

/** Table names of the current schema, for backup checks. */
/**
 * The tables of a schema version and their schema. Dexie carries a table into later versions until one declares
 * it null, so a version's tables are the union of every version up to it.
 */
export function storesAt(version: number): Record<string, string> {
  const acc: Record<string, string> = {};
  for (const v of VERSIONS) {
    if (v.version > version) break;
    for (const [name, schema] of Object.entries(v.stores)) {
      if (schema === null) delete acc[name];
      else acc[name] = schema;
    }
  }
  return acc;
}

export const CURRENT_TABLES = Object.keys(storesAt(DB_VERSION)).sort();

export interface OpenOptions extends DexieOptions {
  /** Declare versions only up to this one: tests create databases exactly as an older release did. */
  upTo?: number;
}

export class NormLintDB extends Dexie {
  reviews!: EntityTable<ReviewSummary, 'id'>;
  reviewBodies!: Table<ReviewBody, number>;
  searchText!: Table<SearchRow, number>;
  dismissals!: EntityTable<Dismissal, 'id'>;
  register!: EntityTable<RegisterRow, 'id'>;
  registerMeta!: Table<RegisterMeta, string>;
  stats!: Table<StatRow, [string, DefectCode]>;
  settings!: Table<SettingsRow, string>;
  audits!: EntityTable<AuditRow, 'id'>;
  auditItems!: EntityTable<AuditItemRow, 'id'>;
  /**
   * The IndexedDB it was opened with when one was injected (a benchmark), so that scratch databases (restore) use
   * the same. Only keys actually given are present: Dexie treats an explicit `indexedDB: undefined` as "no
   * IndexedDB" (MissingAPIError) instead of falling back to the browser's, which broke restore in the extension.
   */
  readonly deps: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

  constructor(name: string = DB_NAME, options: OpenOptions = {}) {
    const { upTo, ...dexieOptions } = options;
    super(name, dexieOptions);
    const deps: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {};
    if (options.indexedDB) deps.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) deps.IDBKeyRange = options.IDBKeyRange;
    this.deps = deps;
    for (const v of VERSIONS) {
      if (upTo !== undefined && v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // Dexie 4 opens a database a newer release has upgraded; writing to it with this release's assumptions could
    // corrupt what the newer one stored, so refuse (only after a downgrade of the extension).
    const known = upTo ?? DB_VERSION;
    this.on('ready', () => {
      // Dexie's native version is ten times the declared one (plus any step it adds itself).
      const found = Math.floor(this.backendDB().version / 10);
      if (found > known) {
        throw new StorageError(
          'newer-version',
          `审查记录数据库的版本（${found}）比当前扩展支持的版本（${known}）新，可能安装过更新的版本后又降级。为避免数据丢失，未做任何读写。请安装最新版本的扩展。`,
        );
      }
    });
  }
}

async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const reviews = tx.table('reviews');
  // Chronological, so that each review links to the one before it exactly as saveReview() would have.
  const old: ReviewRowV1[] = await reviews.orderBy('createdAt').toArray();
  old.sort((a, b) => a.createdAt - b.createdAt || (a.id ?? 0) - (b.id ?? 0));

  const summaries: ReviewSummary[] = [];
  const bodies: ReviewBody[] = [];
  const stored = new Map<number, StoredFinding[]>();
  let dismissals: Dismissal[] = [];
  let nextDismissalId = 1;
  const stats = new Map<string, StatRow>();

  for (const r of old) {
    const keys = docKeysOf(r);
    const prev = pickPrevious(keys, summaries);
    const built = buildReview(
      {
        text: r.text ?? '',
        title: r.title,
        docNumber: r.docNumber,
        issuer: r.issuer,
        url: r.url,
        writtenDate: r.writtenDate,
        publishedDate: r.publishedDate,
        fingerprint: r.fingerprint,
        source: r.source,
        profileId: r.profileId,
        engineVersion: r.engineVersion,
        rulesVersion: r.engineVersion,
        reviewer: r.reviewer ?? '',
        conclusion: r.conclusion ?? 'pending',
        createdAt: r.createdAt,
        findings: r.findings ?? [],
      },
      // History stays as it was decided: nothing carried, only links, diffs and dismissals derived.
      { previous: prev ? { id: prev.id!, findings: stored.get(prev.id!)! } : undefined, dismissals, carry: false },
    );
    const id = r.id!;
    summaries.push({ ...built.summary, id });
    bodies.push({ ...built.body, reviewId: id, ...(r.remarks ? { remarks: r.remarks } : {}) });
    stored.set(id, built.body.findings);
    dismissals = dismissals.filter((d) => !built.deleteDismissals.includes(d.id!));
    const ids = built.addDismissals.map((d) => {
      dismissals.push({ ...d, id: nextDismissalId, reviewId: id });
      return nextDismissalId++;
    });
    assignDismissalIds(built.body.findings, ids);
    for (const s of statDeltas(built.summary, built.body.findings)) {
      const k = `${s.day}|${s.code}`;
      const had = stats.get(k);
      if (had) {
        had.findings += s.findings;
        had.reviews += s.reviews;
      } else stats.set(k, { ...s });
    }
  }

  // bulkPut replaces each row whole: the text and findings leave the summary table.
  await reviews.bulkPut(summaries);
  await tx.table('reviewBodies').bulkAdd(bodies);
  await tx.table('searchText').bulkAdd(summaries.map((s) => searchRowOf({ ...s, id: s.id! })));
  await tx.table('dismissals').bulkAdd(dismissals);
  await tx.table('stats').bulkAdd([...stats.values()]);

  const settings = tx.table('settings');
  const reg = (await settings.get('register')) as Extract<SettingsRowV1, { key: 'register' }> | undefined;
  if (reg) {
    const entries = reg.value?.entries ?? [];
    await tx.table('register').bulkAdd(entries.map((e) => ({ ...e })));
    const meta: RegisterMeta = { key: 'register', count: entries.length };
    if (reg.value?.name) meta.name = reg.value.name;
    if (reg.value?.loadedAt) meta.loadedAt = reg.value.loadedAt;
    await tx.table('registerMeta').put(meta);
    await settings.delete('register');
  }
}

let shared: NormLintDB | undefined;
let persistAsked = false;

/** The database of this extension page (or of the Node process, in tests and the benchmark). */
export function getDb(): NormLintDB {
  if (!shared) shared = new NormLintDB();
  if (!persistAsked) {
    persistAsked = true;
    void requestPersistence();
  }
  return shared;
}

/** Points every storage function at another database (tests, benchmark); returns the previous one. */
export function setDb(db: NormLintDB | undefined): NormLintDB | undefined {
  const had = shared;
  shared = db;
  return had;
}

/**
 * Asks the browser not to evict the log under storage pressure. Chrome grants it silently to installed
 * extensions with enough engagement; elsewhere it may be refused, which changes nothing else.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  const storage = (globalThis as { navigator?: Navigator }).navigator?.storage;
  if (!storage?.persist) return undefined;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
