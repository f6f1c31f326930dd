import type { CitedArticleNote } from '../utils/statutes/articles/cited';
import { t } from './i18n';

/**
 * 引用条文: for each article the document cites, what the statute texts say of it (chapter, penalty kinds and range),
 * so the reviewer compares the sentence with its higher law without opening the statute.
 */
export function CitedArticles({ notes, source }: { notes: CitedArticleNote[]; source?: string }) {
  if (!notes.length) return null;
  return (
    <section class="summary card cited-articles" aria-labelledby="cited-articles-heading" data-cited-articles>
      <details>
        <summary>
          <h2 id="cited-articles-heading" class="summary-heading">
            {t('citedArticlesTitle')}
          </h2>
          <span class="muted small">{notes.length}</span>
        </summary>
        <ul class="cited-list">
          {notes.map((n) => (
            <li key={`${n.start}-${n.cited}`} data-cited={n.cited} data-status={n.status}>
              <strong>{n.cited}</strong>
              <span class={n.status === 'known' ? '' : n.status === 'missing' ? 'cited-missing' : 'muted'}> {n.facts.replace(/^第[^（：]+条(?:之[^（：]+)?/, '')}</span>
              {n.edition ? <span class="muted small"> · {n.edition}</span> : null}
            </li>
          ))}
        </ul>
        <p class="muted small">{t('citedArticlesSource', source ?? '')}</p>
      </details>
    </section>
  );
}
