// Restore runs here as it does in the extension: the live database opened by getDb() without options, on the
// global IndexedDB (fake-indexeddb installed as the global, as the browser's is), nothing injected.
import 'fake-indexeddb/auto';
import './node-polyfills';
import { describe, expect, it } from 'vitest';
import { exportDB } from 'dexie-export-import';
import { exportBackup, inspectBackup, restoreBackup } from '../../utils/storage/backup';
import { StorageError } from '../../utils/storage/errors';
import { getReview, listDismissals, saveReview } from '../../utils/storage/reviews';
import { loadRegister, loadSettings, saveRegister, saveSettings } from '../../utils/storage/settings';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DOC_V1, extensionDb, findingAt } from './helpers';
import { getDb, NormLintDB } from '../../utils/storage/db';

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
    expect(info).toMatchObject({ databaseVersion: 2, reviews: 2 });
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
    expect(db.verno).toBe(2);
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
      ['a newer version', (_g, j) => blobOf({ ...j, data: { ...j.data, databaseVersion: 3 } }), /更新版本.*请先升级/],
      ['an unknown version', (_g, j) => blobOf({ ...j, data: { ...j.data, databaseVersion: 0 } }), /无法识别/],
      ['an unknown table', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: [...j.data.tables, { name: 'x', schema: 'id', rowCount: 0 }] } }), /未知的数据表“x”/],
      ['a missing table', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: j.data.tables.filter((t: any) => t.name !== 'stats'), data: j.data.data.filter((t: any) => t.tableName !== 'stats') } }), /缺少数据表“stats”/],
      ['a changed schema', (_g, j) => blobOf({ ...j, data: { ...j.data, tables: j.data.tables.map((t: any) => (t.name === 'reviews' ? { ...t, schema: '++id,createdAt' } : t)) } }), /结构与版本 2 不符/],
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
      });
    }
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
      databaseVersion: 2,
      reviews: 2,
      tables: { reviews: 2, reviewBodies: 2, searchText: 2, dismissals: 1, register: 2, registerMeta: 1, stats: 3, settings: 1 },
    });
    expect(await db.reviews.count()).toBe(2);
  });
});
