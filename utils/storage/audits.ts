import type { AuditItemRow, AuditResult, AuditRow } from '../audit/types';
import type { ListedLink } from '../audit/links';
import { getDb } from './db';
import { toStorageError } from './errors';

const guard = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    throw toStorageError(e, what);
  }
};

export const createAudit = (audit: Omit<AuditRow, 'id'>) => guard('保存栏目审查', async () => (await getDb().audits.add(audit as AuditRow)) as number);

export const getAudit = (id: number) => guard('读取栏目审查', () => getDb().audits.get(id));

export const listAudits = () => guard('读取栏目审查', () => getDb().audits.orderBy('createdAt').reverse().toArray());

export const updateAudit = (id: number, patch: Partial<AuditRow>) => guard('保存栏目审查', async () => void (await getDb().audits.update(id, patch)));

/** Adds the links of one more column page, skipping any the audit already holds; returns how many were new. */
export function addAuditLinks(auditId: number, links: readonly ListedLink[]): Promise<number> {
  const db = getDb();
  return guard('保存栏目审查', () =>
    db.transaction('rw', db.auditItems, async () => {
      const had = await db.auditItems.where('auditId').equals(auditId).toArray();
      const urls = new Set(had.map((i) => i.url));
      let seq = had.reduce((m, i) => Math.max(m, i.seq), -1);
      const fresh = links.filter((l) => !urls.has(l.url) && (urls.add(l.url), true));
      await db.auditItems.bulkAdd(
        fresh.map((l) => ({ auditId, seq: ++seq, url: l.url, listTitle: l.title, ...(l.date ? { listDate: l.date } : {}), status: 'pending' as const })),
      );
      return fresh.length;
    }),
  );
}

export const auditItems = (auditId: number) =>
  guard('读取栏目审查', () => getDb().auditItems.where('[auditId+seq]').between([auditId, -Infinity], [auditId, Infinity]).toArray());

export const finishItem = (id: number, result: AuditResult) =>
  guard('保存栏目审查', async () => void (await getDb().auditItems.update(id, { status: 'done', result, error: undefined })));

export const failItem = (id: number, error: string) => guard('保存栏目审查', async () => void (await getDb().auditItems.update(id, { status: 'failed', error })));

/** Puts failed items back in the queue (the officer retries them). */
export const retryFailed = (auditId: number) =>
  guard('保存栏目审查', async () => void (await getDb().auditItems.where('auditId').equals(auditId).filter((i) => i.status === 'failed').modify({ status: 'pending', error: undefined })));

export async function deleteAudit(id: number): Promise<void> {
  const db = getDb();
  await guard('删除栏目审查', () =>
    db.transaction('rw', db.audits, db.auditItems, async () => {
      await db.auditItems.where('auditId').equals(id).delete();
      await db.audits.delete(id);
    }),
  );
}

export type { AuditItemRow, AuditRow };
