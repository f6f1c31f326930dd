import { useState } from 'preact/hooks';
import type { Severity } from '../utils/engine/types';
import type { Conclusion } from '../utils/storage/types';
import { t, type MessageKey } from './i18n';

const CONCLUSIONS: Conclusion[] = ['pending', 'approve', 'approve-with-changes', 'return'];

export interface SaveBarProps {
  saved?: { id: number };
  disabled?: boolean;
  counts: Record<Severity, number>;
  onSave(conclusion: Conclusion, remarks: string): Promise<number | undefined>;
}

/** Extension page URL (the review log and the 审查意见书 pages live beside the panel). */
const pageUrl = (path: string) => new URL(path, location.origin).href;

/** Saves the review to the local log, with a conclusion and remarks, and links to the log and the printable opinion. */
export function SaveBar({ saved, disabled, counts, onSave }: SaveBarProps) {
  const [conclusion, setConclusion] = useState<Conclusion>('pending');
  const [remarks, setRemarks] = useState('');
  const [saving, setSaving] = useState(false);
  const suggested: Conclusion = counts.error ? 'return' : counts.warning ? 'approve-with-changes' : 'approve';

  const save = async () => {
    setSaving(true);
    try {
      await onSave(conclusion, remarks);
    } finally {
      setSaving(false);
    }
  };

  return (
    <footer class="save-bar" aria-label={t('saveHeading')}>
      <div class="save-row">
        <label>
          <span class="muted small">{t('conclusion')}</span>{' '}
          <select value={conclusion} onChange={(e) => setConclusion((e.target as HTMLSelectElement).value as Conclusion)}>
            {CONCLUSIONS.map((c) => (
              <option key={c} value={c}>
                {t(`conclusion_${c}` as MessageKey)}
                {c === suggested ? ` ${t('suggested')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <span class="spacer" />
        <button type="button" class="btn primary" data-action="save-review" disabled={disabled || saving} onClick={save}>
          {saving ? t('saving') : t('saveReview')}
        </button>
      </div>
      <details class="remarks">
        <summary class="small">{t('remarks')}</summary>
        <textarea
          rows={3}
          value={remarks}
          aria-label={t('remarks')}
          placeholder={t('remarksPlaceholder')}
          onInput={(e) => setRemarks((e.target as HTMLTextAreaElement).value)}
        />
      </details>
      {saved ? (
        <p class="notice ok small" role="status" data-saved-id={saved.id}>
          {t('savedAs', saved.id)}{' '}
          <a href={pageUrl(`/reviews.html#review-${saved.id}`)} target="_blank" rel="noopener">
            {t('openLog')}
          </a>{' '}
          ·{' '}
          <a href={pageUrl(`/opinion.html?id=${saved.id}`)} target="_blank" rel="noopener">
            {t('printOpinion')}
          </a>
        </p>
      ) : null}
    </footer>
  );
}
