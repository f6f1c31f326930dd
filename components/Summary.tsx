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
  /** What the filing register says about this document, in one line (published documents only). */
  register?: string;
}

/** The document as the engine understood it: what a reviewer checks first when findings look odd. */
export function Summary({ summary, metadata, scope, profileName, url, notice, register }: SummaryProps) {
  // [label, value, listed as not found when absent]: portal-only fields (登记号, 有效性, 来源) are not missing from a draft.
  const rows: [MessageKey, string | undefined, boolean][] = [
    ['fieldTitle', summary.title ?? summary.headline ?? metadata?.title, true],
    ['fieldDocNumber', summary.docNumber, true],
    ['fieldIssuer', summary.issuer, true],
    ['fieldWritten', summary.writtenDate, true],
    ['fieldPublished', summary.publishedDate, false],
    ['fieldEffective', summary.effectiveDate, true],
    ['fieldValidity', summary.validity, true],
    ['fieldRegNumber', summary.regNumber, false],
    ['fieldValidityStatus', metadata?.validityStatus, false],
    ['fieldOrigin', metadata?.source, false],
  ];
  const missing = rows.filter(([, v, core]) => !v && core).map(([k]) => k);
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
          {register ? (
            <>
              <dt>备案登记簿</dt>
              <dd data-field="register">{register}</dd>
            </>
          ) : null}
          {scope ? (
            <>
              <dt>{t('fieldScope')}</dt>
              <dd>{scope}</dd>
            </>
          ) : null}
          {url ? (
            <>
              <dt>{t('fieldUrl')}</dt>
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
