import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { collectPage, runPending } from '../../utils/audit/job';
import { documentSheet, findingSheet, registerText } from '../../utils/audit/table';
import type { AuditItemRow, AuditRow } from '../../utils/audit/types';
import { sheetsToXlsx, sheetToCsv, XLSX_MIME } from '../../utils/export/sheet';
import { auditItems, getAudit, retryFailed, updateAudit } from '../../utils/storage/audits';
import { downloadBlob } from '../log/download';
import { browserAuditEnv } from './audit-env';

type SortKey = 'seq' | 'title' | 'docNumber' | 'date' | 'error' | 'warning';
type Show = 'all' | 'error' | 'warning' | 'clean' | 'failed' | 'pending';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const sortValue = (i: AuditItemRow, k: SortKey): string | number => {
  const r = i.result;
  switch (k) {
    case 'seq':
      return i.seq;
    case 'title':
      return r?.title || i.listTitle;
    case 'docNumber':
      return r?.docNumber ?? '';
    case 'date':
      return r?.publishedDate ?? r?.writtenDate ?? i.listDate ?? '';
    case 'error':
      return r?.counts.error ?? -1;
    case 'warning':
      return r?.counts.warning ?? -1;
  }
};

const shows = (i: AuditItemRow, show: Show, code: string) => {
  if (code && !i.result?.codes[code]) return false;
  switch (show) {
    case 'all':
      return true;
    case 'error':
      return !!i.result?.counts.error;
    case 'warning':
      return !!i.result?.counts.warning;
    case 'clean':
      return i.status === 'done' && !i.result?.counts.error && !i.result?.counts.warning;
    case 'failed':
      return i.status === 'failed';
    case 'pending':
      return i.status === 'pending';
  }
};

/** One column audit: progress, start/cancel/resume, the next page on request, the table, exports. */
export function AuditView({ auditId, autostart }: { auditId: number; autostart?: boolean }) {
  const [audit, setAudit] = useState<AuditRow>();
  const [items, setItems] = useState<AuditItemRow[]>([]);
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'seq', desc: false });
  const [show, setShow] = useState<Show>('all');
  const [code, setCode] = useState('');
  const abort = useRef<AbortController | undefined>(undefined);

  const refresh = async () => {
    const [a, list] = await Promise.all([getAudit(auditId), auditItems(auditId)]);
    setAudit(a);
    setItems(list);
    return a;
  };

  const run = async (first?: string) => {
    if (abort.current) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setRunning(true);
    setError(undefined);
    try {
      const env = await browserAuditEnv(auditId);
      if (first) await collectPage(auditId, env, first, ctrl.signal);
      await refresh();
      await runPending(auditId, env, ctrl.signal, () => void refresh());
    } catch (e) {
      if (!ctrl.signal.aborted) setError(message(e));
    } finally {
      abort.current = undefined;
      setRunning(false);
      await refresh();
    }
  };

  const nextPage = async () => {
    if (!audit?.nextPage) return;
    await run(audit.nextPage);
  };

  useEffect(() => {
    void refresh().then((a) => {
      // A new audit (opened from the panel) starts at once; one stopped earlier waits for 继续.
      if (a && autostart && !a.listPages.length) void run(a.listUrl);
      else if (a?.status === 'running') void updateAudit(auditId, { status: 'paused' }).then(refresh);
    });
    // Closing the page stops the audit where it is: the item being read stays pending.
    const stop = () => abort.current?.abort();
    addEventListener('pagehide', stop);
    return () => {
      removeEventListener('pagehide', stop);
      stop();
    };
  }, [auditId]);

  const codes = useMemo(() => [...new Set(items.flatMap((i) => Object.keys(i.result?.codes ?? {})))].sort(), [items]);
  const shown = useMemo(() => {
    const list = items.filter((i) => shows(i, show, code));
    const dir = sort.desc ? -1 : 1;
    return list.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir || a.seq - b.seq;
    });
  }, [items, show, code, sort]);

  if (!audit) return <p class="muted">{error ?? '正在读取…'}</p>;
  const done = items.filter((i) => i.status === 'done').length;
  const failed = items.filter((i) => i.status === 'failed').length;
  const pending = items.length - done - failed;

  const header = (key: SortKey, label: string) => (
    <th>
      <button class="linklike" data-sort={key} onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  const exportAs = async (kind: 'csv-docs' | 'csv-findings' | 'xlsx') => {
    const name = `栏目审查-${auditId}`;
    if (kind === 'xlsx') downloadBlob(new Blob([(await sheetsToXlsx([documentSheet(shown), findingSheet(shown)])) as BlobPart], { type: XLSX_MIME }), `${name}.xlsx`);
    else {
      const sheet = kind === 'csv-docs' ? documentSheet(shown) : findingSheet(shown);
      downloadBlob(new Blob([sheetToCsv(sheet)], { type: 'text/csv;charset=utf-8' }), `${name}-${kind === 'csv-docs' ? '文件' : '问题'}.csv`);
    }
  };

  return (
    <div class="audit-view" data-audit={auditId} data-audit-status={running ? 'running' : audit.status} data-done={done} data-failed={failed} data-total={items.length}>
      <div class="row">
        <strong>栏目：</strong>
        <span class="mono small">{audit.listUrl}</span>
      </div>
      <div class="row">
        <span data-progress>
          已审查 {done} / {items.length}
          {failed ? `，失败 ${failed}` : ''}
          {pending ? `，待审查 ${pending}` : ''}（读取了 {audit.listPages.length} 页列表，每页之间停 {Math.round(audit.pauseMs / 100) / 10} 秒）
        </span>
        {running ? (
          <button class="btn" data-action="audit-cancel" onClick={() => abort.current?.abort()}>
            取消
          </button>
        ) : (
          <>
            {pending ? (
              <button class="btn primary" data-action="audit-resume" onClick={() => void run()}>
                继续审查
              </button>
            ) : null}
            {failed ? (
              <button class="btn" data-action="audit-retry" onClick={() => void retryFailed(auditId).then(() => run())}>
                重试失败的 {failed} 个
              </button>
            ) : null}
            {audit.nextPage ? (
              <button class="btn" data-action="audit-next-page" onClick={() => void nextPage()}>
                读取下一页列表并审查
              </button>
            ) : null}
          </>
        )}
        <span class="spacer" />
        <button class="btn small" data-action="audit-export-docs" disabled={!shown.length} onClick={() => void exportAs('csv-docs')}>
          导出 CSV（每个文件一行）
        </button>
        <button class="btn small" data-action="audit-export-findings" disabled={!shown.length} onClick={() => void exportAs('csv-findings')}>
          导出 CSV（每个问题一行）
        </button>
        <button class="btn small" data-action="audit-export-xlsx" disabled={!shown.length} onClick={() => void exportAs('xlsx')}>
          导出 Excel
        </button>
      </div>
      {error ? (
        <p class="notice error" role="alert" data-audit-error>
          {error}
        </p>
      ) : null}
      <div class="row">
        <label>
          显示{' '}
          <select data-audit-show value={show} onChange={(e) => setShow((e.target as HTMLSelectElement).value as Show)}>
            <option value="all">全部</option>
            <option value="error">有错误</option>
            <option value="warning">有警告</option>
            <option value="clean">未发现问题</option>
            <option value="failed">失败</option>
            <option value="pending">待审查</option>
          </select>
        </label>
        <label>
          问题代码{' '}
          <select data-audit-code value={code} onChange={(e) => setCode((e.target as HTMLSelectElement).value)}>
            <option value="">（全部）</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <span class="muted" data-audit-shown={shown.length}>
          显示 {shown.length} 个
        </span>
      </div>
      <table class="register-table audit-table">
        <thead>
          <tr>
            {header('seq', '序号')}
            {header('title', '标题')}
            {header('docNumber', '文号')}
            {header('date', '发布日期')}
            <th>登记号</th>
            <th>有效性</th>
            <th>备案</th>
            {header('error', '错误')}
            {header('warning', '警告')}
            <th>问题代码</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => {
            const r = i.result;
            return (
              <tr key={i.id} data-item={i.seq} data-status={i.status}>
                <td>{i.seq + 1}</td>
                <td>
                  {r?.reviewId !== undefined ? (
                    <a href={`/reviews.html#review-${r.reviewId}`} target="_blank" rel="noopener">
                      {r.title || i.listTitle}
                    </a>
                  ) : (
                    i.listTitle
                  )}
                  {r?.fromAttachment ? <span class="muted small">（据附件审查）</span> : null}
                  {i.status === 'failed' ? <div class="error small">{i.error}</div> : null}
                  {r && r.kind !== 'normative' ? <div class="muted small">不是规范性文件（{r.kind}）</div> : null}
                </td>
                <td data-col="docNumber">{r?.docNumber ?? ''}</td>
                <td>{r?.publishedDate ?? r?.writtenDate ?? i.listDate ?? ''}</td>
                <td>{r?.regNumber ?? r?.register?.regNumber ?? ''}</td>
                <td>{r?.validityStatus ?? ''}</td>
                <td>{i.result ? registerText(i) : ''}</td>
                <td data-col="error">{r ? r.counts.error : ''}</td>
                <td data-col="warning">{r ? r.counts.warning : ''}</td>
                <td class="small">{r ? Object.keys(r.codes).sort().join(' ') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
