import Dexie from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, VERSIONS, type ReviewRowV1, type SettingsRowV1 } from '../../utils/storage/db';
import { fingerprint } from '../../utils/storage/reviews';
import { saveReview } from '../../utils/storage/reviews';
import { loadRegister, loadSettings, saveSettings } from '../../utils/storage/settings';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { DOC_V1, findingAt, freshDb, newFactory } from './helpers';

const DAY = 86400000;
const T0 = new Date(2023, 10, 20, 9, 30).getTime();

async function v1Rows(): Promise<ReviewRowV1[]> {
  const text2 = DOC_V1.replace('第二条 市场经营者必须办理市场登记证，方可经营。\n', '');
  const other = '关于做好春节期间市场供应的通知\n各区：\n请原则上于1月20日前报送情况。';
  return [
    {
      id: 1,
      createdAt: T0,
      fingerprint: await fingerprint(DOC_V1),
      url: 'https://oa.example.gov.cn/edit?id=7',
      title: '某市农贸市场管理办法',
      docNumber: '某政办发〔2024〕12号',
      issuer: '某市人民政府办公室',
      writtenDate: '2023-11-18',
      source: 'editor',
      profileId: 'national',
      engineVersion: '0.0.9',
      reviewer: '张三',
      conclusion: 'return',
      remarks: '删除第二条',
      text: DOC_V1,
      findings: [
        { ...findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info' }), decision: 'dismissed', reason: '引用上位法原文' },
        { ...findingAt(DOC_V1, '必须办理市场登记证', 'content.license', { severity: 'error' }), decision: 'confirmed' },
        { ...findingAt(DOC_V1, '处以5000元罚款', 'content.penalty', { severity: 'error' }), decision: 'dismissed' },
      ],
    },
    {
      id: 2,
      createdAt: T0 + DAY,
      fingerprint: await fingerprint(other),
      title: '关于做好春节期间市场供应的通知',
      source: 'selection',
      profileId: 'strict',
      engineVersion: '0.0.9',
      text: other,
      findings: [{ ...findingAt(other, '原则上', 'drafting.wording', { severity: 'info' }), decision: 'undecided' }],
    },
    {
      // A re-review of review 1, same 文号, the licence removed.
      id: 3,
      createdAt: T0 + 2 * DAY,
      fingerprint: await fingerprint(text2),
      url: 'https://oa.example.gov.cn/edit?id=9',
      title: '某市农贸市场管理办法',
      docNumber: '某政办发[2024]12号',
      source: 'editor',
      profileId: 'national',
      engineVersion: '0.1.0',
      reviewer: '张三',
      conclusion: 'approve-with-changes',
      text: text2,
      findings: [
        { ...findingAt(text2, '原则上', 'drafting.wording', { severity: 'info' }), decision: 'dismissed', reason: '引用上位法原文' },
        { ...findingAt(text2, '处以5000元罚款', 'content.penalty', { severity: 'error' }), decision: 'confirmed' },
        { ...findingAt(text2, '自印发之日起施行', 'effective.no-grace', { severity: 'warning' }) },
      ],
    },
  ];
}

describe('schema', () => {
  it('declares versions in order, the current one last, every table of the log present', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(DB_VERSION).toBe(3);
    const db = freshDb();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['auditItems', 'audits', 'dismissals', 'register', 'registerMeta', 'reviewBodies', 'reviews', 'searchText', 'settings', 'stats']);
    expect(db.reviews.schema.indexes.map((i) => i.src).sort()).toEqual(
      ['*codes', '*docKeys', '*severities', 'conclusion', 'createdAt', 'docNumber', 'fingerprint', 'reviewer', 'url'],
    );
    expect(db.stats.schema.primKey.src).toBe('[day+code]');
  });
});

describe('upgrade v1 → v2', () => {
  it('keeps every record and derives what the log needs', async () => {
    const factory = newFactory();
    const rows = await v1Rows();
    const v1 = freshDb(1, factory);
    await v1.table('reviews').bulkAdd(rows);
    const settingsV1: SettingsRowV1[] = [
      { key: 'settings', value: { reviewer: '张三', profileId: 'strict' } },
      {
        key: 'register',
        value: {
          name: '登记簿.csv',
          loadedAt: T0 - DAY,
          entries: [
            { docNumber: '某政办发〔2024〕12号', regNumber: 'MSR-2024-0012', publishedDate: '2024-01-02', filedDate: '2024-01-20' },
            { docNumber: '某政发〔2023〕5号' },
          ],
        },
      },
    ];
    await v1.table('settings').bulkAdd(settingsV1);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = freshDb(undefined, factory);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    // reviews: one light summary per v1 review, same ids, no text or findings left in it.
    const summaries = await db.reviews.orderBy('id').toArray();
    expect(summaries.map((s) => s.id)).toEqual([1, 2, 3]);
    for (const s of summaries) {
      expect(s).not.toHaveProperty('text');
      expect(s).not.toHaveProperty('findings');
    }
    const [s1, s2, s3] = summaries;
    expect(s1).toEqual({
      id: 1,
      createdAt: T0,
      day: '2023-11-20',
      title: '某市农贸市场管理办法',
      docNumber: '某政办发〔2024〕12号',
      issuer: '某市人民政府办公室',
      url: 'https://oa.example.gov.cn/edit?id=7',
      writtenDate: '2023-11-18',
      fingerprint: rows[0].fingerprint,
      docKeys: ['no:某政办发〔2024〕12号', 'url:https://oa.example.gov.cn/edit?id=7', `fp:${rows[0].fingerprint}`],
      source: 'editor',
      profileId: 'national',
      engineVersion: '0.0.9',
      rulesVersion: '0.0.9',
      reviewer: '张三',
      conclusion: 'return',
      counts: { error: 2, warning: 0, info: 1 },
      decisions: { confirmed: 1, dismissed: 2, fixed: 0, undecided: 0 },
      codes: ['content.license', 'content.penalty', 'drafting.wording'],
      severities: ['error', 'info'],
      chars: DOC_V1.length,
    });
    expect(s2).toMatchObject({ id: 2, reviewer: '', conclusion: 'pending', profileId: 'strict', source: 'selection', codes: ['drafting.wording'], day: '2023-11-21' });
    expect(s2.previousId).toBeUndefined();
    // The 文号 written with [ ] still links review 3 to review 1.
    expect(s3).toMatchObject({ id: 3, previousId: 1, diff: { fixed: 1, new: 1, remains: 2 }, conclusion: 'approve-with-changes', engineVersion: '0.1.0' });
    expect(s3.docKeys[0]).toBe('no:某政办发〔2024〕12号');

    // bodies: text and findings moved over unchanged, decisions as the reviewer made them (nothing carried).
    const bodies = await db.reviewBodies.orderBy('reviewId').toArray();
    expect(bodies.map((b) => b.reviewId)).toEqual([1, 2, 3]);
    rows.forEach((r, i) => {
      const b = bodies[i];
      expect(b.text).toBe(r.text);
      expect(b.findings).toHaveLength(r.findings.length);
      b.findings.forEach((f, j) => {
        const { decision, reason, ...orig } = r.findings[j];
        expect(f).toMatchObject(orig);
        expect(f.decision).toBe(decision ?? 'undecided');
        expect(f.reason).toBe(reason);
        expect(f.anchor.before.length + f.anchor.after.length).toBeGreaterThan(0);
      });
    });
    expect(bodies[0].remarks).toBe('删除第二条');
    expect(bodies[2].findings.map((f) => f.change)).toEqual(['remains', 'remains', 'new']);
    expect(bodies[2].fixedSincePrevious.map((f) => f.code)).toEqual(['content.license']);
    expect(bodies[2].findings[1].carriedFrom).toBeUndefined();

    // search rows: one per review, lower-case, the 文号 also in its canonical form.
    const search = await db.searchText.orderBy('id').toArray();
    expect(search.map((r) => [r.id, r.createdAt])).toEqual(rows.map((r) => [r.id, r.createdAt]));
    expect(search[0].text).toBe('某市农贸市场管理办法\n某政办发〔2024〕12号\n某政办发〔2024〕12号\n某市人民政府办公室\nhttps://oa.example.gov.cn/edit?id=7');
    expect(search[2].text).toContain('某政办发[2024]12号\n某政办发〔2024〕12号');

    // dismissals: only the one with a reason, once, though it was dismissed in two reviews.
    const dismissals = await db.dismissals.toArray();
    expect(dismissals).toHaveLength(1);
    expect(dismissals[0]).toMatchObject({ code: 'drafting.wording', excerpt: '原则上', reason: '引用上位法原文', reviewer: '张三', reviewId: 1, createdAt: T0 });
    expect(bodies[0].findings[0].dismissalId).toBe(dismissals[0].id);

    // stats: per day and code.
    const stats = await db.stats.orderBy('[day+code]').toArray();
    expect(stats).toEqual([
      { day: '2023-11-20', code: 'content.license', findings: 1, reviews: 1 },
      { day: '2023-11-20', code: 'content.penalty', findings: 1, reviews: 1 },
      { day: '2023-11-20', code: 'drafting.wording', findings: 1, reviews: 1 },
      { day: '2023-11-21', code: 'drafting.wording', findings: 1, reviews: 1 },
      { day: '2023-11-22', code: 'content.penalty', findings: 1, reviews: 1 },
      { day: '2023-11-22', code: 'drafting.wording', findings: 1, reviews: 1 },
      { day: '2023-11-22', code: 'effective.no-grace', findings: 1, reviews: 1 },
    ]);

    // settings stay; the register moved to its own tables.
    expect(await db.settings.toArray()).toEqual([{ key: 'settings', value: { reviewer: '张三', profileId: 'strict' } }]);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, reviewer: '张三', profileId: 'strict' });
    const reg = await loadRegister();
    expect(reg).toEqual({ entries: (settingsV1[1].value as { entries: unknown[] }).entries, name: '登记簿.csv', loadedAt: T0 - DAY });

    // And the upgraded log works as a v2 log: a new review links to review 3 and keeps the dismissal.
    const text2 = rows[2].text;
    const next = await saveReview({
      text: text2,
      docNumber: '某政办发〔2024〕12号',
      source: 'editor',
      profileId: 'national',
      findings: [findingAt(text2, '原则上', 'drafting.wording', { severity: 'info' })],
      createdAt: T0 + 3 * DAY,
    });
    expect(next.previousId).toBe(3);
    expect(next.body.findings[0]).toMatchObject({ decision: 'dismissed', reason: '引用上位法原文', dismissalId: dismissals[0].id });
    db.close();
  });

  it('upgrades an empty v1 database, and one without a register', async () => {
    const factory = newFactory();
    const v1 = freshDb(1, factory);
    await v1.table('settings').put({ key: 'settings', value: { reviewer: '王五' } });
    v1.close();
    const db = freshDb(undefined, factory);
    await db.open();
    expect(await db.reviews.count()).toBe(0);
    expect(await db.registerMeta.count()).toBe(0);
    expect((await loadSettings()).reviewer).toBe('王五');
    db.close();
  });

  it('refuses a database from a newer version with a clear message, changing nothing', async () => {
    const factory = newFactory();
    // A later release's schema, as a plain Dexie: what this release would find after a downgrade.
    const future = new Dexie('normlint', { indexedDB: factory, IDBKeyRange });
    for (const v of VERSIONS) future.version(v.version).stores(v.stores);
    future.version(DB_VERSION + 1).stores({ extra: 'key' });
    await future.table('extra').put({ key: 'x', v: 1 });
    future.close();
    freshDb(undefined, factory);
    await expect(loadSettings()).rejects.toMatchObject({ kind: 'newer-version', message: expect.stringContaining(`比当前扩展支持的版本（${DB_VERSION}）新`) });
    await expect(saveSettings({ reviewer: 'x' })).rejects.toMatchObject({ kind: 'newer-version' });
    const check = new Dexie('normlint', { indexedDB: factory, IDBKeyRange });
    await check.open();
    expect(check.verno).toBe(DB_VERSION + 1);
    expect(await check.table('settings').count()).toBe(0);
    expect(await check.table('extra').get('x')).toEqual({ key: 'x', v: 1 });
    check.close();
  });
});
