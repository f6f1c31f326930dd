import { DB_NAME, DB_VERSION, storesAt, VERSIONS } from './db';
import { PRIMARY_KEYS, reviveTypes, ROW_CHECKS, type Row } from './backup-rows';
import { StorageError } from './errors';
import { JsonWalker, JsonWalkError, type JsonPath, type JsonValueEvent } from './json-walk';

/**
 * Reading a backup file (dexie-export-import's JSON format) piece by piece: the file is read in slices, decoded as
 * UTF-8 across slice boundaries, and walked down to the rows, each parsed and checked on its own. Memory holds one
 * slice, the rows waiting to be handed over, and the keys of the rows seen (for duplicates and for matching each
 * review with its body), never the file: a 0.7 GB backup of 100,000 reviews is read like a small one.
 *
 * The file's layout, as the exporter writes it:
 *   {"formatName":"dexie","formatVersion":1,"data":{"databaseName":…,"databaseVersion":…,
 *    "tables":[{"name":…,"schema":…,"rowCount":…},…],
 *    "data":[{"tableName":…,"inbound":true,"rows":[row,row,…]},…]}}
 */

export interface BackupInfo {
  databaseVersion: number;
  /** Rows per table, as the file declares and contains them. */
  tables: Record<string, number>;
  reviews: number;
}

export interface ReadBackupOptions {
  /** Called once the header has passed, before any row is handed over: the schema version of the file. */
  onHeader?(databaseVersion: number): Promise<void> | void;
  /** Checked rows, revived as the log will read them, in file order, a table at a time, at most `ROWS_PER_CALL`. */
  onRows?(table: string, rows: Row[]): Promise<void> | void;
  onProgress?(done: number, total: number): void;
}

/** Rows per hand-over and per progress report: small enough for the page to show progress, large enough to be fast. */
export const ROWS_PER_CALL = 2000;
/** Bytes read at a time. */
const SLICE_BYTES = 4 * 1024 * 1024;
/**
 * Longest row, in characters. One row is one review's text with its findings; a normative document is rarely more
 * than a few hundred thousand characters. Far below V8's string limit (~536 million), so a row never hits it.
 */
export const MAX_ROW_CHARS = 64 * 1024 * 1024;

export const invalid = (why: string) => new StorageError('backup-invalid', `无法恢复：${why}。当前的审查记录没有任何改动。`);

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';
const normSchema = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean).join(',');

// The containers walked into; everything else (header fields, the table list, each row) is read whole.
const walkPlan = (p: JsonPath): 'object' | 'array' | undefined => {
  if (p.length === 0) return 'object';
  if (p[0] !== 'data') return undefined;
  if (p.length === 1) return 'object';
  if (p[1] !== 'data') return undefined;
  if (p.length === 2) return 'array';
  if (p.length === 3) return 'object';
  if (p.length === 4 && p[3] === 'rows') return 'array';
  return undefined;
};

const breathe = () => new Promise<void>((ok) => setTimeout(ok, 0));

interface TableState {
  name: string;
  declared: number;
  rows: number;
  keys: Set<unknown>;
}

/** Reads and checks the whole file; throws StorageError saying what is wrong (and which row), else says what it holds. */
export async function readBackup(file: Blob, opts: ReadBackupOptions = {}): Promise<BackupInfo> {
  const reader = new BackupReader(opts);
  const walker = new JsonWalker(walkPlan, MAX_ROW_CHARS);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const events: JsonValueEvent[] = [];
  const where = (e: unknown) => (e instanceof JsonWalkError ? reader.walkError(e) : e);
  try {
    for (let at = 0; at < file.size; at += SLICE_BYTES) {
      const bytes = new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw invalid(`文件不是 UTF-8 文本（在第 ${(at / 1024 / 1024).toFixed(0)} MB 之后），可能已损坏`);
      }
      events.length = 0;
      try {
        walker.push(text, events);
      } catch (e) {
        await reader.take(events);
        throw where(e);
      }
      await reader.take(events);
    }
    try {
      decoder.decode();
    } catch {
      // The file ends inside a character: cut short.
      throw reader.walkError(new JsonWalkError('incomplete', walker.path()));
    }
    events.length = 0;
    try {
      walker.end(events);
    } catch (e) {
      await reader.take(events);
      throw where(e);
    }
    await reader.take(events);
    return await reader.finish();
  } catch (e) {
    // V8 refuses a string or buffer it cannot allocate with a RangeError: say so, not that the file is damaged.
    if (e instanceof RangeError) {
      throw new StorageError('backup-invalid', `无法恢复：读取备份文件时浏览器内存不足（${e.message}）。请关闭其他标签页后重试。当前的审查记录没有任何改动。`, e);
    }
    throw e;
  }
}

class BackupReader {
  private header: Record<string, unknown> = {};
  private version = 0;
  private checked = false;
  private tables = new Map<string, TableState>();
  /** Tables of the data part by their place in it. */
  private byIndex: TableState[] = [];
  private total = 0;
  private done = 0;
  private pending: { table: string; rows: Row[] } | undefined;

  constructor(private readonly opts: ReadBackupOptions) {}

  /** A walk error as the reviewer should read it, naming the row when it is in one. */
  walkError(e: JsonWalkError): StorageError {
    const [d, dd, i, rows, j] = e.path;
    const table = d === 'data' && dd === 'data' && typeof i === 'number' ? this.byIndex[i]?.name : undefined;
    const row = table && rows === 'rows' && typeof j === 'number' ? `数据表“${table}”第 ${j + 1} 行` : undefined;
    switch (e.kind) {
      case 'too-large':
        return invalid(
          `${row ?? '文件中的一项数据'}超过 ${MAX_ROW_CHARS / 1024 / 1024} M 个字符，超出本扩展一次能读取的大小（这样大的记录不是 NormLint 写出的）`,
        );
      case 'incomplete':
        return invalid(`文件内容不完整或已损坏（${row ? `在${row}处中断` : '在末尾中断'}，文件可能被截断）`);
      case 'syntax':
        return invalid(row ? `${row}不是有效的 JSON，文件已损坏` : '文件内容不完整或已损坏（不是有效的 JSON）');
      case 'shape':
        return invalid(e.path.length <= 1 ? '这不是 NormLint 的备份文件' : '备份的数据部分有误（结构不符）');
    }
  }

  async take(events: JsonValueEvent[]) {
    for (const { path, value } of events) {
      if (path[0] !== 'data' || path.length === 1) {
        if (path.length === 1) this.header[path[0] as string] = value;
        continue;
      }
      if (path.length === 2) {
        if (path[1] !== 'data') this.header[`data.${path[1]}`] = value;
        continue;
      }
      // The data part: the header must be complete and right before a row is looked at.
      this.checkHeader();
      const i = path[2] as number;
      if (path.length === 4) this.tableField(i, path[3] as string, value);
      else await this.row(i, path[4] as number, value);
    }
    await this.flush(false);
  }

  private checkHeader() {
    if (this.checked) return;
    this.checked = true;
    const h = this.header;
    if (h.formatName !== 'dexie' || h.formatVersion !== 1) throw invalid('这不是 NormLint 的备份文件');
    if (h['data.databaseName'] !== DB_NAME) throw invalid(`备份来自另一个数据库（${String(h['data.databaseName'])}），不是 NormLint 审查记录`);
    const version = h['data.databaseVersion'];
    const spec = VERSIONS.find((v) => v.version === version);
    if (typeof version !== 'number' || !spec) {
      const newer = typeof version === 'number' && version > DB_VERSION;
      throw invalid(
        newer
          ? `备份来自更新版本的扩展（数据库版本 ${version}，本扩展支持到 ${DB_VERSION}），请先升级扩展`
          : `备份的数据库版本（${String(version)}）无法识别`,
      );
    }
    this.version = version;
    // The tables and their schema must be exactly those of that version.
    const expected = new Map(Object.entries(storesAt(version)));
    const list = h['data.tables'];
    if (!Array.isArray(list)) throw invalid('备份缺少数据表');
    for (const t of list as { name?: unknown; schema?: unknown; rowCount?: unknown }[]) {
      if (!isStr(t?.name) || !isNum(t?.rowCount) || (t.rowCount as number) < 0) throw invalid('备份的数据表说明不完整');
      const name = t.name as string;
      const want = expected.get(name);
      if (want === undefined) throw invalid(`备份含有未知的数据表“${name}”`);
      if (normSchema(String(t.schema)) !== normSchema(want)) throw invalid(`数据表“${name}”的结构与版本 ${version} 不符`);
      if (this.tables.has(name)) throw invalid(`备份重复声明了数据表“${name}”`);
      this.tables.set(name, { name, declared: t.rowCount as number, rows: -1, keys: new Set() });
      this.total += t.rowCount as number;
    }
    for (const name of expected.keys()) if (!this.tables.has(name)) throw invalid(`备份缺少数据表“${name}”`);
  }

  private tableField(i: number, field: string, value: unknown) {
    if (field === 'tableName') {
      const t = this.tables.get(value as string);
      if (!isStr(value) || !t || t.rows >= 0 || this.byIndex[i]) throw invalid(`备份的数据部分有误（数据表“${String(value)}”）`);
      t.rows = 0;
      this.byIndex[i] = t;
    } else if (field === 'inbound') {
      // Every NormLint table keeps its key in the row; rows of another kind would be stored under no key.
      if (value !== true) throw invalid(`数据表“${this.byIndex[i]?.name ?? i + 1}”的格式不受支持`);
    }
  }

  private async row(i: number, j: number, value: unknown) {
    const t = this.byIndex[i];
    if (!t) throw invalid(`备份的数据部分有误（第 ${i + 1} 个数据表缺少表名）`);
    const at = `数据表“${t.name}”第 ${j + 1} 行`;
    if (j >= t.declared) throw invalid(`数据表“${t.name}”应有 ${t.declared} 行，实际多于 ${t.declared} 行`);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(`${at}已损坏`);
    const row = value as Row;
    // Revived first, as the importer would: the checks see the row as the log will read it.
    const why = reviveTypes(row) ?? ROW_CHECKS[this.version]?.[t.name]?.(row);
    if (why) throw invalid(`${at}已损坏（${why}）`);
    const key = PRIMARY_KEYS[t.name]?.(row);
    if (t.keys.has(key)) throw invalid(`${at}与前面的行编号重复`);
    t.keys.add(key);
    t.rows++;
    if (this.pending && this.pending.table !== t.name) await this.flush(true);
    (this.pending ??= { table: t.name, rows: [] }).rows.push(row);
    if (this.pending.rows.length >= ROWS_PER_CALL) await this.flush(true);
  }

  /** Hands the waiting rows over (all of them, or only a full batch), reporting progress. */
  private async flush(all: boolean) {
    const p = this.pending;
    if (!p || (!all && p.rows.length < ROWS_PER_CALL)) return;
    this.pending = undefined;
    await this.announce();
    await this.opts.onRows?.(p.table, p.rows);
    this.done += p.rows.length;
    this.opts.onProgress?.(this.done, this.total);
    // Lets the page paint the progress between batches of synchronous checking.
    await breathe();
  }

  private announced = false;
  /** Tells the caller the header passed, once, before the first rows. */
  private async announce() {
    if (this.announced) return;
    this.announced = true;
    await this.opts.onHeader?.(this.version);
  }

  async finish(): Promise<BackupInfo> {
    this.checkHeader();
    await this.announce();
    await this.flush(true);
    const counts: Record<string, number> = {};
    for (const t of this.tables.values()) {
      if (t.rows < 0) throw invalid(`备份缺少数据表“${t.name}”的数据`);
      if (t.rows !== t.declared) throw invalid(`数据表“${t.name}”应有 ${t.declared} 行，实际只有 ${t.rows} 行，文件可能被截断`);
      counts[t.name] = t.rows;
    }
    if (this.version >= 2) {
      // Every review has its body and its search row: otherwise the log would show holes.
      const reviews = this.tables.get('reviews')!.keys;
      const same = (other: Set<unknown>) => other.size === reviews.size && [...reviews].every((id) => other.has(id));
      if (!same(this.tables.get('reviewBodies')!.keys) || !same(this.tables.get('searchText')!.keys)) {
        throw invalid('审查记录与其正文不对应，文件可能已损坏');
      }
    }
    return { databaseVersion: this.version, tables: counts, reviews: counts.reviews ?? 0 };
  }
}
