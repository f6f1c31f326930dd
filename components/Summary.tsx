import type { DocSummary } from '../utils/engine';
import type { PageMetadata } from '../utils/capture/types';
import { Fragment } from 'preact';
import { t, num, type MessageKey } from './i18n';

export interface SummaryProps {
  summary: DocSummary;
  metadata?: PageMetadata;
  /** What was read: 页面正文, 文本框, 选中内容… */
  scope?: string;
  profileName?: string;
  url?: string;
  notice?: string;
}

/** The document as the engine understood it: what a reviewer checks first when findings look odd. */
export function Summary({ summary, metadata, scope, profileName, url, notice }: SummaryProps) {
  const rows: [MessageKey, string | undefined][] = [
    ['fieldTitle', summary.title ?? summary.headline ?? metadata?.title],
    ['fieldDocNumber', summary.docNumber],
    ['fieldIssuer', summary.issuer],
    ['fieldWritten', summary.writtenDate],
    ['fieldPublished', summary.publishedDate],
    ['fieldEffective', summary.effectiveDate],
    ['fieldValidity', summary.validity],
    ['fieldRegNumber', summary.regNumber],
    ['fieldValidityStatus', metadata?.validityStatus],
  ];
  const missing = rows.filter(([, v]) => !v).map(([k]) => k);
  const kind = t(`kind_${summary.kind}` as MessageKey);
  return (
    <section class="summary card" aria-labelledby="summary-heading">
      <details open>
        <summary>
          <h2 id="summary-heading" class="summary-heading">
            {t('summaryTitle')}
          </h2>
          <span class="muted small">
            {kind} · {t('charsCount', num(summary.chars))}
            {summary.articles ? ` · ${t('articlesCount', summary.articles)}` : ''}
          </span>
        </summary>
        <dl class="kv">
          {rows
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <Fragment key={k}>
                <dt>{t(k)}</dt>
                <dd data-field={k}>{v}</dd>
              </Fragment>
            ))}
          {missing.length ? (
            <>
              <dt>{t('notFound')}</dt>
              <dd class="muted" data-field="missing">
                {missing.map((k) => t(k)).join(t('listSeparator'))}
              </dd>
            </>
          ) : null}
          <dt>{t('fieldKind')}</dt>
          <dd>
            {kind}
            {summary.kindReason ? <span class="muted">（{summary.kindReason}）</span> : null}
          </dd>
          {scope ? (
            <>
              <dt>{t('fieldScope')}</dt>
              <dd>{scope}</dd>
            </>
          ) : null}
          {url ? (
            <>
              <dt>{t('fieldSource')}</dt>
              <dd class="small mono" title={url}>
                {url}
              </dd>
            </>
          ) : null}
          {profileName ? (
            <>
              <dt>{t('fieldProfile')}</dt>
              <dd>{profileName}</dd>
            </>
          ) : null}
        </dl>
      </details>
      {notice ? (
        <p class="notice warning" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
