// Restore runs here as it does in the extension: the live database opened by getDb() without options, on the
// global IndexedDB (fake-indexeddb installed as the global, as the browser's is), nothing injected.
import 'fake-indexeddb/auto';
import './node-polyfills';
import { describe, expect, it } from 'vitest';
import { exportDB } from 'dexie-export-import';
import { exportBackup, inspectBackup, restoreBackup, type RestoreProgress } from '../../utils/storage/backup';
import { StorageError } from '../../utils/storage/errors';
import { getReview, listDismissals, saveReview } from '../../utils/storage/reviews';
import { loadRegister, saveRegister } from '../../utils/storage/register';
import { loadSettings, saveSettings } from '../../utils/storage/settings';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DOC_V1, extensionDb, findingAt } from './helpers';
import { fillReviews } from './fixtures';
import { DB_VERSION, getDb, NormLintDB } from '../../utils/storage/db';

async function populate() {
  await saveSettings({ reviewer: '张三', profileId: 'strict', disabledRules: ['drafting/wording'] });
  // undefined fields, as parseRegister produces them, must survive the round trip too.
  await saveRegister([{ docNumber: '某政发〔2024〕1号', regNumber: undefined, filedDate: '2024-01-20' }, { docNumber: '某政发〔2024〕2号' }], '登记簿.csv');
  const a = await saveReview({
    text: DOC_V1,
    title: '某市农贸市场管理办法',
    docNumber: '某政办发〔2024〕12号',
    url: 'https://oa.example.gov.cn/edit?id=1',
    source: 'editor',
    profileId: 'strict',
    reviewer: '张三',
    conclusion: 'return',
    remarks: '第二条设定许可，应删除。',
    metadata: { title: '某市农贸市场管理办法', raw: { 索引号: '000-2024-1' } },
    createdAt: Date.UTC(2024, 2, 1),
    findings: [
      { ...findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info' }), decision: 'dismissed', reason: '引用原文' },
      { ...findingAt(DOC_V1, '必须办理市场登记证', 'content.license', { severity: 'error' }), decision: 'confirmed' },
      findingAt(DOC_V1, '处以5000元罚款', 'content.penalty', { severity: 'error', fix: { start: 0, end: 1, replacement: 'x', label: '改' } }),
    ],
  });
  await saveReview({ text: DOC_V1, docNumber: '某政办发〔2024〕12号', source: 'editor', profileId: 'strict', findings: [], conclusion: 'approve', createdAt: Date.UTC(2024, 2, 5) });
  return a;
}

async function snapshot(db: NormLintDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

async function backupJson(): Promise<Record<string, any>> {
  return JSON.parse(await (await exportBackup()).text());
}
/** The backup JSON with row `i` of `table` replaced by `edit(row)`. */
function editRow(j: Record<string, any>, table: string, i: number, edit: (row: any) => any) {
  const data = j.data.data.map((t: any) => (t.tableName === table ? { ...t, rows: t.rows.map((r: any, k: number) => (k === i ? edit(r) : r)) } : t));
  return { ...j, data: { ...j.data, data } };
}
const blobOf = (o: unknown) => new Blob([typeof o === 'string' ? o : JSON.stringify(o)], { type: 'application/json' });

describe('backup and restore', () => {
  it('round-trips byte for byte: export → wipe → import → export', async () => {
    let db = await extensionDb();
    expect(db.deps).toEqual({});
    const a = await populate();
    const first = await (await exportBackup()).text();
    const before = await snapshot(db);
    expect(JSON.parse(first).data.tables.find((t: { name: string }) => t.name === 'reviews').rowCount).toBe(2);

    db = await extensionDb();
    expect(await db.reviews.count()).toBe(0);

    const info = await restoreBackup(blobOf(first));
    expect(info).toMatchObject({ databaseVersion: DB_VERSION, reviews: 2 });
    expect(info.tables.reviewBodies).toBe(2);
    const second = await (await exportBackup()).text();
    expect(second).toBe(first);
    expect(await snapshot(db)).toEqual(before);
    // And the restored log works: settings, register, the review, the remembered dismissal.
    expect((await loadSettings()).reviewer).toBe('张三');
    expect((await loadRegister()).name).toBe('登记簿.csv');
    expect((await getReview(a.id))!.body.remarks).toBe('第二条设定许可，应删除。');
    expect(await listDismissals('no:某政办发〔2024〕12号')).toHaveLength(1);
    // The scratch database is gone.
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['normlint']);
    expect(getDb()).toBe(db);
  });

  it('restores a backup made by version 1 through the upgrade', async () => {
    // Made by the first release on another machine.
    const v1 = new NormLintDB('normlint', { indexedDB: new IDBFactory(), IDBKeyRange, upTo: 1 });
    await v1.table('reviews').add({
      createdAt: Date.UTC(2023, 5, 1),
      fingerprint: 'abc',
      title: '旧版记录',
      docNumber: '某政发〔2023〕9号',
      source: 'portal',
      profileId: 'national',
      engineVersion: '0.0.9',
      text: DOC_V1,
      findings: [{ ...findingAt(DOC_V1, '原则上', 'drafting.wording'), decision: 'dismissed', reason: '原文' }],
    });
    await v1.table('settings').bulkAdd([
      { key: 'settings', value: { reviewer: '旧' } },
      { key: 'register', value: { entries: [{ docNumber: '某政发〔2023〕9号' }], name: 'r.csv', loadedAt: 1 } },
    ]);
    const file = await exportDB(v1);
    v1.close();
    expect((await inspectBackup(file)).databaseVersion).toBe(1);

    const db = await extensionDb();
    await saveSettings({ reviewer: '将被替换' });
    await restoreBackup(file);
    expect(db.verno).toBe(DB_VERSION);
    const [r] = await db.reviews.toArray();
    expect(r).toMatchObject({ title: '旧版记录', docKeys: ['no:某政发〔2023〕9号', 'fp:abc'], codes: ['drafting.wording'] });
    expect((await db.reviewBodies.get(r.id!))!.text).toBe(DOC_V1);
    expect(await db.dismissals.count()).toBe(1);
    expect((await loadSettings()).reviewer).toBe('旧');
    expect(await loadRegister()).toEqual({ entries: [{ docNumber: '某政发〔2023〕9号' }], name: 'r.csv', loadedAt: 1 });
  });

  describe('refuses a damaged or foreign file and writes nothing', () => {
    const cases: [string, (good: string, json: Record<string, any>) => Blob, RegExp][] = [
      ['truncated', (good) => blobOf(good.slice(0, Math.floor(good.length * 0.6))), /不完整或已损坏/],
      ['not JSON at all', () => blobOf('PK\u0003\u0004 this is a zip'), /不完整或已损坏/],
      ['invalid UTF-8', () => new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]), /UTF-8/],
      ['another format', (_g, j) => blobOf({ ...j, formatName: 'other' }), /不是 NormLint 的备份/],
      ['another database', (_g, j) => blobOf({ ...j, data: { ...j.data, databaseName: 'someapp' } }), /另一个数据库/],
      ['a newer version', (_g, j) => blobOf({ ...j, data: { ...j.data, databaseVersion: DB_VERSION + 1 } }), /更新版本.*请先升级/],
      ['an unknown version', (_g, j) => blobOf({ ...j, data: { ...j.data, databaseVersion: 0 } }), /无法识别/],
      ['an unknown table', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: [...j.data.tables, { name: 'x', schema: 'id', rowCount: 0 }] } }), /未知的数据表“x”/],
      ['a missing table', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: j.data.tables.filter((t: any) => t.name !== 'stats'), data: j.data.data.filter((t: any) => t.tableName !== 'stats') } }), /缺少数据表“stats”/],
      ['a changed schema', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: j.data.tables.map((t: any) => (t.name === 'reviews' ? { ...t, schema: '++id,createdAt' } : t)) } }), new RegExp(`结构与版本 ${DB_VERSION} 不符`)],
      ['a row count that does not match', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: j.data.tables.map((t: any) => (t.name === 'reviews' ? { ...t, rowCount: 3 } : t)) } }), /应有 3 行，实际只有 2 行/],
      ['a broken row', (_g, j) => blobOf({ ...j, data: { ...j.data, data: j.data.data.map((t: any) => (t.tableName === 'reviewBodies' ? { ...t, rows: [t.rows[0], { reviewId: 2 }] } : t)) } }), /“reviewBodies”第 2 行已损坏（缺少正文）/],
      ['a review without its search row', (_g, j) => {
        const data = j.data.data.map((t: any) => (t.tableName === 'searchText' ? { ...t, rows: t.rows.slice(1) } : t));
        const tables = j.data.tables.map((t: any) => (t.name === 'searchText' ? { ...t, rowCount: 1 } : t));
        return blobOf({ ...j, data: { ...j.data, tables, data } });
      }, /不对应/],
      ['a review without its body', (_g, j) => {
        const data = j.data.data.map((t: any) => (t.tableName === 'reviewBodies' ? { ...t, rows: t.rows.slice(0, 1) } : t));
        const tables = j.data.tables.map((t: any) => (t.name === 'reviewBodies' ? { ...t, rowCount: 1 } : t));
        return blobOf({ ...j, data: { ...j.data, tables, data } });
      }, /不对应/],
      // Every row as the log will read it, after its typeson markers are revived.
      ['findings that are not objects', (_g, j) => blobOf(editRow(j, 'reviewBodies', 0, (r) => ({ ...r, findings: [r.findings[0], 'x'] }))), /“reviewBodies”第 1 行已损坏（第 2 个问题不是对象）/],
      ['a finding without its place', (_g, j) => blobOf(editRow(j, 'reviewBodies', 0, (r) => ({ ...r, findings: [{ ...r.findings[0], end: r.text.length + 5 }] }))), /“reviewBodies”第 1 行已损坏（第 1 个问题的位置超出正文）/],
      ['a finding without its decision', (_g, j) => blobOf(editRow(j, 'reviewBodies', 0, (r) => ({ ...r, findings: r.findings.map(({ decision: _d, ...f }: any) => f) }))), /“reviewBodies”第 1 行已损坏（第 1 个问题的处理结果无效）/],
      ['a fixed finding whose change is not text', (_g, j) => blobOf(editRow(j, 'reviewBodies', 0, (r) => ({ ...r, findings: [{ ...r.findings[0], decision: 'fixed', edit: { before: '原则上' } }] }))), /“reviewBodies”第 1 行已损坏（第 1 个问题的修改前后文字不完整）/],
      ['an undefined marker on the findings', (_g, j) => blobOf(editRow(j, 'reviewBodies', 1, (r) => ({ ...r, $types: { ...r.$types, findings: 'undef' } }))), /“reviewBodies”第 2 行已损坏（缺少问题列表）/],
      ['an undefined marker on the text', (_g, j) => blobOf(editRow(j, 'reviewBodies', 0, (r) => ({ ...r, $types: { ...r.$types, text: 'undef' } }))), /“reviewBodies”第 1 行已损坏（缺少正文）/],
      ['a set marker', (_g, j) => blobOf(editRow(j, 'reviews', 0, (r) => ({ ...r, $types: { ...r.$types, codes: 'set' } }))), /“reviews”第 1 行已损坏（含有不支持的类型标记（set））/],
      ['a date marker on a number', (_g, j) => blobOf(editRow(j, 'reviews', 1, (r) => ({ ...r, $types: { createdAt: 'date' } }))), /“reviews”第 2 行已损坏（含有不支持的类型标记（date））/],
      ['an array marker on nothing', (_g, j) => blobOf(editRow(j, 'reviews', 0, (r) => ({ ...r, title: null, $types: { title: 'arrayNonindexKeys' } }))), /“reviews”第 1 行已损坏（类型标记与字段不符（title））/],
      ['an array marker that turns a title into a list', (_g, j) => blobOf(editRow(j, 'reviews', 0, (r) => ({ ...r, $types: { ...r.$types, title: 'arrayNonindexKeys' } }))), /“reviews”第 1 行已损坏（缺少标题）/],
      ['a marker on a field that is not there', (_g, j) => blobOf(editRow(j, 'searchText', 0, (r) => ({ ...r, $types: { 'a.b': 'undef' } }))), /“searchText”第 1 行已损坏（类型标记指向不存在的字段（a.b））/],
      ['a summary row without its counts', (_g, j) => blobOf(editRow(j, 'reviews', 1, ({ counts: _c, ...r }) => r)), /“reviews”第 2 行已损坏（缺少各严重程度的问题数）/],
      ['a summary row with counts that are not numbers', (_g, j) => blobOf(editRow(j, 'reviews', 0, (r) => ({ ...r, decisions: { ...r.decisions, confirmed: '1' } }))), /“reviews”第 1 行已损坏（缺少各处理结果的问题数）/],
      ['a summary row with an unknown conclusion', (_g, j) => blobOf(editRow(j, 'reviews', 0, (r) => ({ ...r, conclusion: 'maybe' }))), /“reviews”第 1 行已损坏（审查结论无效）/],
      ['settings whose custom profiles are not a list', (_g, j) => blobOf(editRow(j, 'settings', 0, (r) => ({ ...r, value: { ...r.value, customProfiles: { id: 'x' } } }))), /“settings”第 1 行已损坏（自定义地区配置不是列表）/],
      ['settings with a broken custom profile', (_g, j) => blobOf(editRow(j, 'settings', 0, (r) => ({ ...r, value: { ...r.value, customProfiles: [{ id: 'mine', name: '' }] } }))), /“settings”第 1 行已损坏（第 1 个自定义地区配置无效：name（名称）不能为空）/],
      ['settings whose disabled rules are not a list', (_g, j) => blobOf(editRow(j, 'settings', 0, (r) => ({ key: r.key, value: { ...r.value, disabledRules: 'drafting/wording' } }))), /“settings”第 1 行已损坏（停用规则不是文字列表）/],
      ['a dismissal without its context', (_g, j) => blobOf(editRow(j, 'dismissals', 0, ({ anchor: _a, ...r }) => r)), /“dismissals”第 1 行已损坏（缺少上下文）/],
      ['a register row without its number', (_g, j) => blobOf(editRow(j, 'register', 1, (r) => ({ ...r, docNumber: 12 }))), /“register”第 2 行已损坏（缺少文号）/],
      ['register meta without its count', (_g, j) => blobOf(editRow(j, 'registerMeta', 0, ({ count: _c, ...r }) => r)), /“registerMeta”第 1 行已损坏（缺少登记条数）/],
      ['a stats row without its review count', (_g, j) => blobOf(editRow(j, 'stats', 2, ({ reviews: _r, ...r }) => r)), /“stats”第 3 行已损坏（统计行不完整）/],
      ['two rows with one key', (_g, j) => blobOf(editRow(j, 'register', 1, (r) => ({ ...r, id: 1 }))), /“register”第 2 行与前面的行编号重复/],
    ];
    for (const [what, make, message] of cases) {
      it(what, async () => {
        const db = await extensionDb();
        await populate();
        const good = await (await exportBackup()).text();
        const json = JSON.parse(good);
        // Something different in the live database, to see it untouched.
        await saveSettings({ reviewer: '当前用户' });
        const before = await snapshot(db);
        const err = await restoreBackup(make(good, json)).catch((e) => e);
        expect(err).toBeInstanceOf(StorageError);
        expect(err.kind).toBe('backup-invalid');
        expect(err.message).toMatch(message);
        expect(err.message).toContain('当前的审查记录没有任何改动');
        expect(await snapshot(db)).toEqual(before);
        expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['normlint']);
      });
    }

    it('a version-1 review whose findings are not objects', async () => {
      const v1 = new NormLintDB('normlint', { indexedDB: new IDBFactory(), IDBKeyRange, upTo: 1 });
      await v1.table('reviews').add({ createdAt: 1, fingerprint: 'a', source: 'text', profileId: 'national', engineVersion: '0.0.9', text: DOC_V1, findings: [findingAt(DOC_V1, '原则上', 'drafting.wording'), 7] });
      const file = await exportDB(v1);
      v1.close();
      const db = await extensionDb();
      await populate();
      const before = await snapshot(db);
      await expect(restoreBackup(file)).rejects.toThrow(/“reviews”第 1 行已损坏（第 2 个问题不是对象）.*当前的审查记录没有任何改动/);
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it('leaves the live database as it was when the final copy fails', async () => {
    const db = await extensionDb();
    let fail = false;
    db.use({
      stack: 'dbcore',
      name: 'quota-simulation',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return { ...t, mutate: (req) => (fail && name === 'dismissals' && req.type === 'add' ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : t.mutate(req)) };
        },
      }),
    });
    await populate();
    const file = await exportBackup();
    await saveSettings({ reviewer: '当前用户' });
    await saveReview({ text: '另一份文件', source: 'text', profileId: 'national', findings: [] });
    const before = await snapshot(db);
    fail = true;
    await expect(restoreBackup(file)).rejects.toMatchObject({ kind: 'quota' });
    fail = false;
    expect(await snapshot(db)).toEqual(before);
  });

  it('inspects a good file without writing', async () => {
    const db = await extensionDb();
    await populate();
    const json = await backupJson();
    const info = await inspectBackup(blobOf(json));
    expect(info).toEqual({
      databaseVersion: DB_VERSION,
      reviews: 2,
      tables: { reviews: 2, reviewBodies: 2, searchText: 2, dismissals: 1, register: 2, registerMeta: 1, stats: 3, settings: 1, audits: 0, auditItems: 0 },
    });
    expect(await db.reviews.count()).toBe(2);
  });
});

describe('merge into a log holding other reviews', () => {
  it('adds the backup’s reviews under new ids with their links, keeps the log’s own, counts the chart, adds nothing twice', async () => {
    await extensionDb();
    await populate();
    const file = await exportBackup();
    const backup = JSON.parse(await file.text());

    // Another profile: its own settings, register and reviews (one of the same document).
    const db = await extensionDb();
    await saveSettings({ reviewer: '李四' });
    await saveRegister([{ docNumber: '某政发〔2024〕2号', regNumber: 'R2' }, { docNumber: '某政发〔2025〕7号' }], '本地登记簿.csv');
    const own = await saveReview({ text: '另一份文件的正文，原则上如此。', title: '另一份文件', source: 'text', profileId: 'national', findings: [findingAt('另一份文件的正文，原则上如此。', '原则上', 'drafting.wording')], createdAt: Date.UTC(2024, 5, 1) });
    const before = await snapshot(db);

    const progress: RestoreProgress[] = [];
    const done = await restoreBackup(file, { mode: 'merge', onProgress: (p) => progress.push(p) });
    expect(done).toMatchObject({ added: 2, skipped: 0, reviews: 2 });
    const after = await snapshot(db);
    for (const t of Object.keys(before).filter((t) => t !== 'stats' && t !== 'registerMeta')) {
      for (const row of before[t]) expect(after[t], t).toContainEqual(row);
    }
    expect(after.reviews).toHaveLength(3);
    expect(after.settings).toEqual(before.settings);
    // The backup's reviews, with ids after the log's own, linked to each other and to their dismissal.
    const [first, second] = (after.reviews as any[]).filter((r) => r.id !== own.id).sort((a, b) => a.createdAt - b.createdAt);
    expect([first.id, second.id]).toEqual([own.id + 1, own.id + 2]);
    const src = backup.data.data.find((t: any) => t.tableName === 'reviews').rows;
    expect({ ...first, id: src[0].id }).toEqual(Object.fromEntries(Object.entries(src[0]).filter(([k]) => k !== '$types')));
    expect(second.previousId).toBe(first.id);
    const full = (await getReview(first.id))!;
    expect(full.body.remarks).toBe('第二条设定许可，应删除。');
    const dismissal = (after.dismissals as any[]).find((d) => d.reviewId === first.id);
    expect(full.body.findings.find((f) => f.decision === 'dismissed')!.dismissalId).toBe(dismissal.id);
    expect(await listDismissals('no:某政办发〔2024〕12号')).toHaveLength(1);
    // Chart counts: the log's own plus the backup's.
    const count = (rows: any[], code: string) => rows.filter((s) => s.code === code).reduce((n, s) => n + s.reviews, 0);
    expect(count(after.stats, 'drafting.wording')).toBe(count(before.stats, 'drafting.wording') + 1);
    expect(count(after.stats, 'content.penalty')).toBe(1);
    // The register: the log's entries plus the backup's 文号 it lacked.
    expect((await loadRegister()).entries.map((e) => e.docNumber).sort()).toEqual(['某政发〔2024〕1号', '某政发〔2024〕2号', '某政发〔2025〕7号']);
    expect((await loadRegister()).name).toBe('本地登记簿.csv');
    // Progress: checking, loading, writing, each counting up to its total.
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['load', 'write']);
    const last = progress.filter((p) => p.phase === 'write').at(-1)!;
    expect(last.done).toBe(last.total);

    // Merging the same file again adds nothing.
    expect(await restoreBackup(file, { mode: 'merge' })).toMatchObject({ added: 0, skipped: 2 });
    expect(await snapshot(db)).toEqual(after);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['normlint']);
  });

  it('a refused file merges nothing', async () => {
    await extensionDb();
    await populate();
    const json = await backupJson();
    const db = await extensionDb();
    await saveReview({ text: '另一份文件', source: 'text', profileId: 'national', findings: [] });
    const before = await snapshot(db);
    const bad = blobOf(editRow(json, 'reviewBodies', 0, (r) => ({ ...r, findings: [null] })));
    await expect(restoreBackup(bad, { mode: 'merge' })).rejects.toThrow(/第 1 个问题不是对象/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports checking progress on a large file', async () => {
    const db = await extensionDb();
    await fillReviews(db, 1500);
    const file = await exportBackup();
    const progress: RestoreProgress[] = [];
    const info = await inspectBackup(file, (p) => progress.push(p));
    expect(info.reviews).toBe(1500);
    // Reviews, bodies and search rows: 4,500 rows and more, reported every 2,000.
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.phase === 'check' && p.done <= p.total)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  }, 60_000);
});

describe('a backup larger than one read (streamed a slice at a time)', () => {
  const N = 1200;
  let good = '';
  let before: Record<string, unknown[]> = {};
  const bigBackup = async () => {
    if (good) return;
    const db = await extensionDb();
    await fillReviews(db, N);
    await saveSettings({ reviewer: '张三' });
    good = await (await exportBackup()).text();
    before = await snapshot(db);
  };
  const sizeOf = (s: string) => new TextEncoder().encode(s).length;
  /** The file with row `i` of `table` edited. */
  const withRow = (table: string, i: number, edit: (row: any) => any) => JSON.stringify(editRow(JSON.parse(good), table, i, edit));

  it('restores it whole, every row equal, and the file checks with progress', async () => {
    await bigBackup();
    // Several reads of 4 MB, multi-byte characters cut between them.
    expect(sizeOf(good)).toBeGreaterThan(2 * 4 * 1024 * 1024);
    const db = await extensionDb();
    await saveReview({ text: '将被替换的记录', source: 'text', profileId: 'national', findings: [] });
    const progress: RestoreProgress[] = [];
    const done = await restoreBackup(blobOf(good), { onProgress: (p) => progress.push(p) });
    expect(done).toMatchObject({ reviews: N, added: N });
    expect(await snapshot(db)).toEqual(before);
    expect(await (await exportBackup()).text()).toBe(good);
    const phases = progress.map((p) => p.phase);
    expect([...new Set(phases)]).toEqual(['load', 'write']);
    for (const phase of ['load', 'write'] as const) {
      const seen = progress.filter((p) => p.phase === phase);
      expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
      expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    }
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['normlint']);
  }, 120_000);

  for (const mode of ['replace', 'merge'] as const) {
    it(`${mode}: a row far into the file that fails its check is refused by name, nothing written`, async () => {
      await bigBackup();
      const at = N - 3;
      const file = withRow('reviewBodies', at, (r) => ({ ...r, findings: [...r.findings, { code: 'content.penalty' }] }));
      const db = await extensionDb();
      await saveReview({ text: '当前的记录', source: 'text', profileId: 'national', findings: [] });
      const mine = await snapshot(db);
      const progress: RestoreProgress[] = [];
      const err = await restoreBackup(blobOf(file), { mode, onProgress: (p) => progress.push(p) }).catch((e) => e);
      expect(err).toBeInstanceOf(StorageError);
      expect(err.message).toMatch(new RegExp(`数据表“reviewBodies”第 ${at + 1} 行已损坏（第 \\d+ 个问题的问题代码无效）。当前的审查记录没有任何改动`));
      // It was read and loaded a slice at a time up to that row, then dropped.
      expect(progress.filter((p) => p.phase === 'load').at(-1)!.done).toBeGreaterThan(N);
      expect(progress.some((p) => p.phase === 'write')).toBe(false);
      expect(await snapshot(db)).toEqual(mine);
      expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['normlint']);
    }, 120_000);
  }

  it('a row far into the file that is not JSON is refused by name, nothing written', async () => {
    await bigBackup();
    const at = N - 2;
    const file = withRow('searchText', at, (r) => ({ ...r, text: '@@BROKEN@@' })).replace('"text":"@@BROKEN@@"', '"text":@@BROKEN@@');
    expect(sizeOf(file.slice(0, file.indexOf('@@BROKEN@@')))).toBeGreaterThan(2 * 4 * 1024 * 1024);
    const db = await extensionDb();
    await saveSettings({ reviewer: '当前用户' });
    const mine = await snapshot(db);
    await expect(inspectBackup(blobOf(file))).rejects.toThrow(`数据表“searchText”第 ${at + 1} 行不是有效的 JSON，文件已损坏`);
    await expect(restoreBackup(blobOf(file))).rejects.toThrow(`数据表“searchText”第 ${at + 1} 行不是有效的 JSON，文件已损坏`);
    expect(await snapshot(db)).toEqual(mine);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['normlint']);
  }, 120_000);

  it('a file cut short says where it ends', async () => {
    await bigBackup();
    const bytes = new TextEncoder().encode(good);
    const cut = new Blob([bytes.slice(0, Math.floor(bytes.length * 0.7))]);
    await expect(inspectBackup(cut)).rejects.toThrow(/文件内容不完整或已损坏（在数据表“\w+”第 \d+ 行处中断，文件可能被截断）/);
  }, 60_000);
});
