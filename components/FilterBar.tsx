import { FAMILIES, type Family } from '../utils/engine/codes';
import type { Severity } from '../utils/engine/types';
import { SEVERITIES, type FindingFilter } from './findings';
import { familyName, t, type MessageKey } from './i18n';

export interface FilterBarProps {
  filter: FindingFilter;
  counts: { bySeverity: Record<Severity, number>; byFamily: Map<Family, number> };
  dismissedCount: number;
  onChange(next: FindingFilter): void;
}

/** Severity toggles with counts, a family choice, and whether set-aside findings show. */
export function FilterBar({ filter, counts, dismissedCount, onChange }: FilterBarProps) {
  const toggle = (s: Severity) => {
    const next = new Set(filter.severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    onChange({ ...filter, severities: next });
  };
  const families = (Object.keys(FAMILIES) as Family[]).filter((f) => counts.byFamily.get(f));
  const family = filter.families.size === 1 ? [...filter.families][0] : '';
  return (
    <div class="filter-bar" role="toolbar" aria-label={t('filterLabel')}>
      {SEVERITIES.map((s) => (
        <button
          key={s}
          type="button"
          class={`chip chip-${s}`}
          aria-pressed={filter.severities.has(s)}
          data-filter-severity={s}
          onClick={() => toggle(s)}
        >
          {t(`severity_${s}` as MessageKey)} <b>{counts.bySeverity[s]}</b>
        </button>
      ))}
      <label class="family-select">
        <span class="visually-hidden">{t('filterFamily')}</span>
        <select
          value={family}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value as Family | '';
            onChange({ ...filter, families: new Set(v ? [v] : []) });
          }}
        >
          <option value="">{t('filterAllFamilies')}</option>
          {families.map((f) => (
            <option key={f} value={f}>
              {familyName(f)} · {counts.byFamily.get(f)}
            </option>
          ))}
        </select>
      </label>
      {dismissedCount ? (
        <label class="small">
          <input
            type="checkbox"
            checked={filter.showDismissed}
            onChange={(e) => onChange({ ...filter, showDismissed: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('showDismissed', dismissedCount)}
        </label>
      ) : null}
    </div>
  );
}
