import { describe, expect, it } from 'vitest';
import { isQuotaError, QUOTA_MESSAGE, StorageError } from '../../utils/storage/errors';
import { saveReview } from '../../utils/storage/reviews';
import { saveRegister, loadRegister } from '../../utils/storage/settings';
import { DOC_V1, findingAt, freshDb } from './helpers';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const input = (createdAt: number) => ({
  text: DOC_V1,
  docNumber: '某政办发〔2024〕12号',
  title: '某市农贸市场管理办法',
  source: 'editor' as const,
  profileId: 'national',
  reviewer: '张三',
  createdAt,
  findings: [
    { ...findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info' }), decision: 'dismissed' as const, reason: '引用原文' },
    findingAt(DOC_V1, '处以5000元罚款', 'content.penalty', { severity: 'error' }),
  ],
});

async function snapshot(db: ReturnType<typeof freshDb>) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('quota exceeded', () => {
  it('recognises the error however Dexie wraps it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota() } })).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new Error('ConstraintError'))).toBe(false);
  });

  for (const table of ['reviewBodies', 'searchText', 'dismissals', 'stats'] as const) {
    it(`leaves no partial review when writing ${table} fails`, async () => {
      const db = freshDb();
      // Below Dexie, where IndexedDB itself would refuse the write: every add/put/delete on the table fails.
      const failing = new Set<string>();
      db.use({
        stack: 'dbcore',
        name: 'quota-simulation',
        create: (down) => ({
          ...down,
          table: (name) => {
            const t = down.table(name);
            return { ...t, mutate: (req) => (failing.has(name) ? Promise.reject(quota()) : t.mutate(req)) };
          },
        }),
      });
      const first = await saveReview(input(Date.UTC(2024, 0, 1)));
      const before = await snapshot(db);
      failing.add(table);
      // A changed reason makes saveReview replace the remembered dismissal, so every table is written.
      const second = input(Date.UTC(2024, 0, 2));
      second.findings[0] = { ...second.findings[0], reason: '引用上位法原文' };
      const err = await saveReview(second).catch((e) => e);
      failing.clear();
      expect(err).toBeInstanceOf(StorageError);
      expect(err.kind).toBe('quota');
      expect(err.message).toBe(QUOTA_MESSAGE);
      expect(err.message).toContain('存储空间不足');
      expect(await snapshot(db)).toEqual(before);
      expect(await db.reviews.count()).toBe(1);
      // And the next save works and links to the first.
      const ok = await saveReview(input(Date.UTC(2024, 0, 3)));
      expect(ok.previousId).toBe(first.id);
    });
  }

  it('keeps the old register when replacing it runs out of space', async () => {
    const db = freshDb();
    await saveRegister([{ docNumber: '某政发〔2024〕1号' }], 'old.csv');
    const orig = db.registerMeta.put;
    db.registerMeta.put = (() => { throw quota(); }) as never;
    await expect(saveRegister([{ docNumber: '某政发〔2024〕2号' }, { docNumber: '某政发〔2024〕3号' }], 'new.csv')).rejects.toMatchObject({ kind: 'quota' });
    db.registerMeta.put = orig;
    const reg = await loadRegister();
    expect(reg.entries.map((e) => e.docNumber)).toEqual(['某政发〔2024〕1号']);
    expect(reg.name).toBe('old.csv');
  });
});
