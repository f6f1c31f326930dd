import { useEffect, useState } from 'preact/hooks';
import type { DefectCode } from '../../utils/engine/codes';
import type { Severity } from '../../utils/engine/types';
import type { ReviewFilter } from '../../utils/storage/query';
import { CONCLUSION_LABELS, type Conclusion } from '../../utils/storage/types';
import { CODE_GROUPS, codeLabel, SEVERITY_LABELS } from './labels';
import { showInvisible as inert } from '../../utils/text/untrusted';

export interface FilterFormProps {
  filter: ReviewFilter;
  reviewers: string[];
  onChange(next: ReviewFilter): void;
}

const CONCLUSIONS = Object.keys(CONCLUSION_LABELS) as Conclusion[];

/** Search box and filters of the review log; the search waits for a pause in typing. */
export function FilterForm({ filter, reviewers, onChange }: FilterFormProps) {
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  useEffect(() => {
    if ((filter.q ?? '') === q) return;
    const id = setTimeout(() => onChange({ ...filter, q: q || undefined }), 200);
    return () => clearTimeout(id);
  }, [q]);

  const set = <K extends keyof ReviewFilter>(key: K, value: ReviewFilter[K] | '') =>
    onChange({ ...filter, [key]: value === '' ? undefined : value });
  const active = Object.values(filter).some((v) => v !== undefined && v !== '');

  return (
    <form class="log-filters card" role="search" onSubmit={(e) => e.preventDefault()}>
      <label class="grow">
        <span class="visually-hidden">搜索</span>
        <input
          type="search"
          name="q"
          placeholder="搜索标题、文号、制定机关或网址"
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        <span class="muted small">自</span>
        <input type="date" name="from" value={filter.from ?? ''} onChange={(e) => set('from', (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        <span class="muted small">至</span>
        <input type="date" name="to" value={filter.to ?? ''} onChange={(e) => set('to', (e.target as HTMLInputElement).value)} />
      </label>
      <select name="severity" aria-label="严重程度" value={filter.severity ?? ''} onChange={(e) => set('severity', (e.target as HTMLSelectElement).value as Severity)}>
        <option value="">全部严重程度</option>
        {(Object.keys(SEVERITY_LABELS) as Severity[]).map((s) => (
          <option key={s} value={s}>
            含{SEVERITY_LABELS[s]}
          </option>
        ))}
      </select>
      <select name="code" aria-label="问题类型" value={filter.code ?? ''} onChange={(e) => set('code', (e.target as HTMLSelectElement).value as DefectCode)}>
        <option value="">全部问题类型</option>
        {CODE_GROUPS.map((g) => (
          <optgroup key={g.family} label={g.label}>
            {g.codes.map((c) => (
              <option key={c} value={c}>
                {codeLabel(c)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select name="conclusion" aria-label="审查结论" value={filter.conclusion ?? ''} onChange={(e) => set('conclusion', (e.target as HTMLSelectElement).value as Conclusion)}>
        <option value="">全部结论</option>
        {CONCLUSIONS.map((c) => (
          <option key={c} value={c}>
            {CONCLUSION_LABELS[c]}
          </option>
        ))}
      </select>
      <select name="reviewer" aria-label="审查人" value={filter.reviewer ?? ''} onChange={(e) => set('reviewer', (e.target as HTMLSelectElement).value)}>
        <option value="">全部审查人</option>
        {reviewers.map((r) => (
          <option key={r} value={r}>
            {inert(r)}
          </option>
        ))}
      </select>
      {active && (
        <button type="button" class="btn small" onClick={() => onChange({})}>
          清除筛选
        </button>
      )}
    </form>
  );
}
