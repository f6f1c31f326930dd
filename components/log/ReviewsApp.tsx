import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { csvBlob } from '../../utils/export/csv';
import { reviewToJson } from '../../utils/export/json';
import { datedName } from '../../utils/export/table';
import { getDb } from '../../utils/storage/db';
import { allMatching, countsByCode, listReviewers, PAGE_SIZE, queryReviews, type CodeCount, type ReviewFilter, type ReviewPage } from '../../utils/storage/query';
import { deleteReview, getReview } from '../../utils/storage/reviews';
import type { FullReview } from '../../utils/storage/types';
import { CodeChart } from './CodeChart';
import { showInvisible as inert } from '../../utils/text/untrusted';
import { DataPanel } from './DataPanel';
import { downloadBlob, errorText } from './download';
import { FilterForm } from './FilterForm';
import { ReviewDetail } from './ReviewDetail';
import { ReviewTable } from './ReviewTable';

const idFromHash = () => {
  const m = /^#review-(\d+)$/.exec(location.hash);
  return m ? Number(m[1]) : undefined;
};

type Notice = { kind: 'error' | 'ok'; text: string };

/** reviews.html: the local review log. */
export function ReviewsApp() {
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<ReviewPage>();
  const [ms, setMs] = useState<number>();
  const [counts, setCounts] = useState<CodeCount[]>([]);
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [selected, setSelected] = useState<number | undefined>(idFromHash);
  const [detail, setDetail] = useState<FullReview | null | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const onHash = () => setSelected(idFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // A review saved from the side panel while this page is open shows up without a reload.
  useEffect(() => {
    let first = true;
    const sub = liveQuery(async () => [await getDb().reviews.count(), await getDb().reviews.orderBy(':id').lastKey()]).subscribe({
      next: () => {
        if (first) first = false;
        else setVersion((v) => v + 1);
      },
      error: (e) => setNotice({ kind: 'error', text: errorText(e) }),
    });
    return () => sub.unsubscribe();
  }, []);

  useEffect(() => {
    let stale = false;
    const t0 = performance.now();
    queryReviews(filter, { offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (r) => {
        if (stale) return;
        setResult(r);
        setMs(performance.now() - t0);
      },
      (e) => !stale && setNotice({ kind: 'error', text: errorText(e) }),
    );
    return () => {
      stale = true;
    };
  }, [filter, page, version]);

  useEffect(() => {
    countsByCode(filter.from, filter.to).then(setCounts, (e) => setNotice({ kind: 'error', text: errorText(e) }));
  }, [filter.from, filter.to, version]);

  useEffect(() => {
    listReviewers().then(setReviewers, () => undefined);
  }, [version]);

  useEffect(() => {
    if (selected === undefined) {
      setDetail(undefined);
      return;
    }
    let stale = false;
    getReview(selected).then(
      (r) => !stale && setDetail(r ?? null),
      (e) => !stale && setNotice({ kind: 'error', text: errorText(e) }),
    );
    return () => {
      stale = true;
    };
  }, [selected, version]);

  useEffect(() => {
    document.title = detail ? `${inert(detail.title)} - 审查记录` : '审查记录 - 规范性文件审查助手';
  }, [detail]);

  const changeFilter = (f: ReviewFilter) => {
    setFilter(f);
    setPage(0);
  };
  const open = (id: number) => {
    location.hash = `review-${id}`;
    scrollTo(0, 0);
  };
  const back = () => {
    history.pushState(null, '', location.pathname + location.search);
    setSelected(undefined);
  };

  const exportList = async (kind: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const rows = await allMatching(filter);
      if (kind === 'csv') downloadBlob(csvBlob(rows), datedName('审查记录', 'csv'));
      else {
        const { reviewsToXlsx, XLSX_TYPE } = await import('../../utils/export/xlsx');
        const bytes = await reviewsToXlsx(rows, counts);
        downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), datedName('审查记录', 'xlsx'));
      }
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const total = result?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const period = filter.from || filter.to ? `${filter.from ?? '最早'} 至 ${filter.to ?? '今天'}` : '全部时间';

  return (
    <div class="log-page">
      <header class="log-header">
        <h1>审查记录</h1>
        <span class="muted small" data-total={total}>
          {result ? `共 ${total} 条` : '正在读取…'}
          {ms !== undefined && `，查询用时 ${Math.round(ms)} 毫秒`}
        </span>
        <span class="spacer" />
        {!detail && (
          <>
            <button type="button" class="btn small" disabled={busy || !total} onClick={() => exportList('csv')} data-action="export-csv">
              导出 CSV
            </button>
            <button type="button" class="btn small" disabled={busy || !total} onClick={() => exportList('xlsx')} data-action="export-xlsx">
              导出 Excel
            </button>
          </>
        )}
      </header>

      {notice && (
        <div class={`notice ${notice.kind === 'error' ? 'error' : 'ok'}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          <button type="button" class="btn link small" onClick={() => setNotice(undefined)}>
            关闭
          </button>
        </div>
      )}

      {selected !== undefined && detail === null && (
        <div class="notice warning" role="alert">
          没有编号为 {selected} 的审查记录（可能已删除）。{' '}
          <button type="button" class="btn link" onClick={back}>
            返回列表
          </button>
        </div>
      )}

      {detail ? (
        <ReviewDetail
          review={detail}
          onBack={back}
          onOpen={open}
          onExportJson={() =>
            downloadBlob(new Blob([reviewToJson(detail)], { type: 'application/json' }), `审查记录-${detail.id}.json`)
          }
          onDelete={async () => {
            if (!confirm(`删除记录 ${detail.id}“${inert(detail.title)}”？删除后无法恢复（除非从备份恢复）。`)) return;
            try {
              await deleteReview(detail.id);
              back();
              setNotice({ kind: 'ok', text: `已删除记录 ${detail.id}。` });
            } catch (e) {
              setNotice({ kind: 'error', text: errorText(e) });
            }
          }}
        />
      ) : (
        selected === undefined && (
          <>
            <FilterForm filter={filter} reviewers={reviewers} onChange={changeFilter} />
            <div class="log-main">
              <section class="log-list" aria-label="审查记录列表">
                {result && <ReviewTable rows={result.rows} onOpen={open} filtered={Object.values(filter).some((v) => v !== undefined && v !== '')} />}
                {total > PAGE_SIZE && (
                  <nav class="pager" aria-label="分页">
                    <button type="button" class="btn small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                      上一页
                    </button>
                    <span class="small">
                      第 {page + 1} / {pages} 页
                    </span>
                    <button type="button" class="btn small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                      下一页
                    </button>
                  </nav>
                )}
              </section>
              <aside class="log-side">
                <CodeChart counts={counts} period={period} selected={filter.code} onPick={(code) => changeFilter({ ...filter, code })} />
                <DataPanel
                  total={total}
                  onRestored={(text) => {
                    setNotice({ kind: 'ok', text });
                    setVersion((v) => v + 1);
                  }}
                  onError={(text) => setNotice({ kind: 'error', text })}
                />
              </aside>
            </div>
          </>
        )
      )}
    </div>
  );
}
