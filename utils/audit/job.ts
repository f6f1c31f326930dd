import { addAuditLinks, auditItems, failItem, finishItem, getAudit, updateAudit } from '../storage/audits';
import { AuditFetchError, pause, readColumn, reviewItem, type AuditEnv } from './run';

const message = (e: unknown) =>
  e instanceof AuditFetchError ? e.message : `审查失败：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;

/** Reads one more page of the column (the first, or the next the last one linked to) into the audit's queue. */
export async function collectPage(auditId: number, env: AuditEnv, url: string, signal: AbortSignal): Promise<number> {
  const audit = await getAudit(auditId);
  if (!audit) throw new Error(`栏目审查 ${auditId} 不存在`);
  const page = await readColumn(env, url, signal);
  const added = await addAuditLinks(auditId, page.links);
  await updateAudit(auditId, { listPages: [...audit.listPages, url], nextPage: page.next && !audit.listPages.includes(page.next) ? page.next : undefined });
  return added;
}

/**
 * Reviews the audit's pending documents one by one, a pause between two fetches. Stops at once when the signal
 * aborts; the item being read stays pending, so the audit resumes with it.
 */
export async function runPending(auditId: number, env: AuditEnv, signal: AbortSignal, onProgress: () => void): Promise<void> {
  const audit = await getAudit(auditId);
  if (!audit) throw new Error(`栏目审查 ${auditId} 不存在`);
  await updateAudit(auditId, { status: 'running' });
  let first = true;
  try {
    for (const item of await auditItems(auditId)) {
      if (item.status !== 'pending') continue;
      if (!first) await pause(audit.pauseMs, signal);
      first = false;
      try {
        await finishItem(item.id!, await reviewItem(env, item, signal));
      } catch (e) {
        if (signal.aborted) throw e;
        await failItem(item.id!, message(e));
      }
      onProgress();
    }
    await updateAudit(auditId, { status: 'done' });
  } catch (e) {
    await updateAudit(auditId, { status: 'paused' });
    if (!signal.aborted) throw e;
  } finally {
    onProgress();
  }
}
