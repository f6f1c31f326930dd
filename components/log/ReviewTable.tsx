import { formatTime } from '../../utils/export/table';
import { CONCLUSION_LABELS, type ReviewSummary } from '../../utils/storage/types';
import { codeLabel } from './labels';
import { showInvisible as inert } from '../../utils/text/untrusted';

export interface ReviewTableProps {
  rows: ReviewSummary[];
  onOpen(id: number): void;
  /** Whether a filter is active (changes what an empty list says). */
  filtered?: boolean;
}

/** One page of the log, newest first. Each row carries data-review-id for browser tests and scripts. */
export function ReviewTable({ rows, onOpen, filtered }: ReviewTableProps) {
  if (!rows.length) {
    return (
      <p class="log-empty muted">
        {filtered ? '没有符合条件的审查记录。' : '还没有审查记录。在侧边栏审查文件后点击“保存审查记录”，记录会出现在这里。'}
      </p>
    );
  }
  return (
    <table class="log-table">
      <thead>
        <tr>
          <th scope="col">审查时间</th>
          <th scope="col">文件标题</th>
          <th scope="col">文号</th>
          <th scope="col">制定机关</th>
          <th scope="col">问题</th>
          <th scope="col">结论</th>
          <th scope="col">审查人</th>
          <th scope="col">较上次</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-review-id={r.id} data-conclusion={r.conclusion}>
            <td class="nowrap small">{formatTime(r.createdAt)}</td>
            <td class="title-cell">
              <a
                href={`#review-${r.id}`}
                class="log-title"
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(r.id!);
                }}
              >
                {inert(r.title)}
              </a>
              {r.codes.length > 0 && (
                <div class="muted small log-codes" title={r.codes.map(codeLabel).join('、')}>
                  {r.codes.map(codeLabel).join('、')}
                </div>
              )}
            </td>
            <td class="nowrap">{inert(r.docNumber) ?? <span class="muted">—</span>}</td>
            <td class="issuer">{inert(r.issuer) ?? <span class="muted">—</span>}</td>
            <td class="nowrap">
              <Counts counts={r.counts} />
            </td>
            <td class="nowrap">
              <span class={`conclusion conclusion-${r.conclusion}`}>{CONCLUSION_LABELS[r.conclusion]}</span>
            </td>
            <td class="nowrap">{inert(r.reviewer) || <span class="muted">—</span>}</td>
            <td class="nowrap small">
              {r.diff ? (
                <span title={`较记录 ${r.previousId}：已修正 ${r.diff.fixed}，新增 ${r.diff.new}，仍存在 ${r.diff.remains}`}>
                  <span class="diff-fixed">−{r.diff.fixed}</span> <span class="diff-new">+{r.diff.new}</span>{' '}
                  <span class="muted">={r.diff.remains}</span>
                </span>
              ) : (
                <span class="muted">首次</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Counts({ counts }: { counts: ReviewSummary['counts'] }) {
  const total = counts.error + counts.warning + counts.info;
  if (!total) return <span class="muted small">无</span>;
  return (
    <span class="counts">
      {counts.error > 0 && <span class="sev sev-error" title="错误">{counts.error}</span>}
      {counts.warning > 0 && <span class="sev sev-warning" title="警告">{counts.warning}</span>}
      {counts.info > 0 && <span class="sev sev-info" title="提示">{counts.info}</span>}
    </span>
  );
}
