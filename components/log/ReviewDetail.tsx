import { useEffect, useMemo, useState } from 'preact/hooks';
import { listDismissals, restoreDismissal } from '../../utils/storage/reviews';
import { formatTime } from '../../utils/export/table';
import { CONCLUSION_LABELS, DECISION_LABELS, type FullReview, type StoredFinding } from '../../utils/storage/types';
import { httpHref, showInvisible as inert } from '../../utils/text/untrusted';
import { segmentText } from './marks';
import { codeLabel, SEVERITY_LABELS, SOURCE_LABELS } from './labels';
import { Counts } from './ReviewTable';

export interface ReviewDetailProps {
  review: FullReview;
  onBack(): void;
  onOpen(id: number): void;
  onExportJson(): void;
  onDelete(): void;
}

/** One saved review: its metadata, the document text with every finding marked, and the decisions. */
export function ReviewDetail({ review, onBack, onOpen, onExportJson, onDelete }: ReviewDetailProps) {
  const [active, setActive] = useState<number | undefined>();
  // Remembered dismissals of this document still in force (a later review may have overturned one).
  const [remembered, setRemembered] = useState<Set<number>>(new Set());
  const refreshRemembered = () =>
    listDismissals(review.docKeys).then((ds) => setRemembered(new Set(ds.map((d) => d.id!))), () => setRemembered(new Set()));
  useEffect(() => {
    void refreshRemembered();
  }, [review]);
  const findings = review.body.findings;
  const segments = useMemo(() => segmentText(review.body.text, findings), [review]);
  const firstSegment = useMemo(() => {
    const m = new Map<number, number>();
    segments.forEach((s, i) => s.findings.forEach((k) => m.has(k) || m.set(k, i)));
    return m;
  }, [segments]);

  const focus = (k: number) => {
    setActive(k);
    const seg = firstSegment.get(k);
    if (seg !== undefined) document.getElementById(`seg-${seg}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <article class="log-detail" data-review-id={review.id} aria-labelledby="detail-title">
      <div class="detail-actions">
        <button type="button" class="btn small" onClick={onBack}>
          ← 返回列表
        </button>
        <span class="spacer" />
        <a class="btn small primary" href={`/opinion.html?id=${review.id}`} target="_blank" rel="noopener" data-action="open-opinion">
          打印审查意见书
        </a>
        <button type="button" class="btn small" onClick={onExportJson} data-action="export-json">
          导出 JSON
        </button>
        <button type="button" class="btn small danger" onClick={onDelete} data-action="delete-review">
          删除此记录
        </button>
      </div>

      <header class="detail-head card">
        <h1 id="detail-title">{inert(review.title)}</h1>
        <dl class="kv">
          <dt>记录编号</dt>
          <dd>{review.id}</dd>
          <dt>审查时间</dt>
          <dd>{formatTime(review.createdAt)}</dd>
          {review.docNumber && (
            <>
              <dt>文号</dt>
              <dd>{inert(review.docNumber)}</dd>
            </>
          )}
          {review.issuer && (
            <>
              <dt>制定机关</dt>
              <dd>{inert(review.issuer)}</dd>
            </>
          )}
          {(review.writtenDate || review.publishedDate) && (
            <>
              <dt>成文 / 发布日期</dt>
              <dd>
                {review.writtenDate ?? '—'} / {review.publishedDate ?? '—'}
              </dd>
            </>
          )}
          {review.url && (
            <>
              <dt>网址</dt>
              <dd>
                {httpHref(review.url) ? (
                  <a href={httpHref(review.url)} target="_blank" rel="noopener noreferrer" data-url>
                    {inert(review.url)}
                  </a>
                ) : (
                  // Not http(s) (javascript:, data:, file:…): shown, never opened.
                  <span class="mono" data-url title="此网址不是 http(s) 地址，不提供链接">
                    {inert(review.url)}
                  </span>
                )}
              </dd>
            </>
          )}
          <dt>审查结论</dt>
          <dd>
            <span class={`conclusion conclusion-${review.conclusion}`}>{CONCLUSION_LABELS[review.conclusion]}</span>
          </dd>
          <dt>审查人</dt>
          <dd>{inert(review.reviewer) || '—'}</dd>
          <dt>问题</dt>
          <dd>
            <Counts counts={review.counts} />{' '}
            <span class="muted small">
              确认 {review.decisions.confirmed} · 不予采纳 {review.decisions.dismissed} · 已修改 {review.decisions.fixed} · 未处理{' '}
              {review.decisions.undecided}
            </span>
          </dd>
          <dt>来源与版本</dt>
          <dd class="small">
            {SOURCE_LABELS[review.source] ?? review.source} · 地区配置 {review.profileId} · 引擎 {review.engineVersion} · 指纹{' '}
            <span class="mono" title={review.fingerprint}>
              {review.fingerprint.slice(0, 12)}
            </span>
          </dd>
        </dl>
        {review.previousId !== undefined && review.diff && (
          <p class="detail-diff">
            较上次审查（
            <a
              href={`#review-${review.previousId}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen(review.previousId!);
              }}
            >
              记录 {review.previousId}
            </a>
            ）：已修正 <b class="diff-fixed">{review.diff.fixed}</b> 处，新增 <b class="diff-new">{review.diff.new}</b> 处，仍存在{' '}
            <b>{review.diff.remains}</b> 处。
          </p>
        )}
        {review.body.remarks && (
          <p class="detail-remarks">
            <span class="muted">审查意见补充：</span>
            {inert(review.body.remarks)}
          </p>
        )}
      </header>

      <div class="detail-body">
        <section class="doc-text card" aria-label="文件正文（已标出问题）">
          <pre class="doc">
            {segments.map((s, i) =>
              s.findings.length ? (
                <mark
                  key={i}
                  id={`seg-${i}`}
                  class={`nl-mark sev-${s.severity}${active !== undefined && s.findings.includes(active) ? ' active' : ''}`}
                  data-findings={s.findings.join(' ')}
                  title={s.findings.map((k) => `${codeLabel(findings[k].code)}：${inert(findings[k].message)}`).join('\n')}
                  onClick={() => setActive(s.findings[0])}
                >
                  {inert(s.text)}
                </mark>
              ) : (
                <span key={i}>{inert(s.text)}</span>
              ),
            )}
          </pre>
        </section>

        <section class="detail-findings" aria-label="问题与处理">
          <h2 class="small">问题与处理（{findings.length}）</h2>
          {!findings.length && <p class="muted small">本次审查未发现问题。</p>}
          <ol class="finding-list">
            {findings.map((f, k) => (
              <FindingItem
                key={k}
                f={f}
                active={active === k}
                onFocus={() => focus(k)}
                remembered={f.dismissalId !== undefined && remembered.has(f.dismissalId)}
                onRestore={async () => {
                  await restoreDismissal(f.dismissalId!);
                  await refreshRemembered();
                }}
              />
            ))}
          </ol>
          {review.body.fixedSincePrevious.length > 0 && (
            <>
              <h2 class="small">较上次已修正（{review.body.fixedSincePrevious.length}）</h2>
              <ul class="finding-list fixed-list">
                {review.body.fixedSincePrevious.map((f, i) => (
                  <li key={i} data-code={f.code} data-severity={f.severity}>
                    <span class={`sev sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> {codeLabel(f.code)}
                    <div class="small muted">“{inert(f.excerpt)}” — {inert(f.message)}</div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </article>
  );
}

interface FindingItemProps {
  f: StoredFinding;
  active: boolean;
  onFocus(): void;
  /** The dismissal is still remembered for this document. */
  remembered: boolean;
  onRestore(): Promise<void>;
}

function FindingItem({ f, active, onFocus, remembered, onRestore }: FindingItemProps) {
  return (
    <li class={`finding${active ? ' active' : ''} decision-${f.decision}`} data-code={f.code} data-severity={f.severity} data-decision={f.decision}>
      <button type="button" class="finding-head" onClick={onFocus}>
        <span class={`sev sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
        <span class="finding-code">{codeLabel(f.code)}</span>
        {f.where && <span class="where" data-where={f.where}>{inert(f.where)}</span>}
        {f.places?.length ? <span class="tag" data-count={f.places.length}>共 {f.places.length} 处</span> : null}
        {f.change === 'new' && <span class="tag tag-new">新增</span>}
        {f.change === 'remains' && <span class="tag">仍存在</span>}
        <span class={`tag decision decision-${f.decision}`}>{DECISION_LABELS[f.decision]}</span>
      </button>
      <div class="finding-message">{inert(f.message)}</div>
      {f.places?.length ? (
        <ol class="small muted places" data-places={f.places.length}>
          {f.places.map((p) => (
            <li key={p.start}>
              {inert(p.where)} “{inert(p.excerpt)}”
            </li>
          ))}
        </ol>
      ) : (
        !f.documentLevel && f.excerpt && <div class="small muted excerpt">“{inert(f.excerpt)}”</div>
      )}
      {f.reason && (
        <div class="small">
          <span class="muted">理由：</span>
          {inert(f.reason)}
          {f.carriedFrom !== undefined && <span class="muted">（沿用记录 {f.carriedFrom} 的处理）</span>}
        </div>
      )}
      {f.dismissalId !== undefined && (
        <div class="small muted" data-dismissal={f.dismissalId}>
          {remembered ? (
            <>
              已记住：以后审查同一文件时此问题仍显示为不予采纳。{' '}
              <button type="button" class="btn link small" data-action="restore-dismissal" onClick={() => void onRestore()}>
                恢复提示
              </button>
            </>
          ) : (
            '此“不予采纳”已不再记住（已恢复提示或在后续审查中改变了处理）。'
          )}
        </div>
      )}
      {!f.reason && f.carriedFrom !== undefined && <div class="small muted">沿用记录 {f.carriedFrom} 的处理</div>}
      <div class="small basis">
        <span class="muted">依据：</span>
        {inert(f.basis)}
      </div>
      {f.fix && (
        <div class="small">
          <span class="muted">修改建议：</span>
          {inert(f.fix.label)}
        </div>
      )}
    </li>
  );
}
