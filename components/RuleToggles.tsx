import { FAMILIES, familyOf, type Family } from '../utils/engine/codes';
import type { Rule } from '../utils/engine/types';
import { RULES } from '../rules';
import { familyName, t, type MessageKey } from './i18n';

export interface RuleTogglesProps {
  disabled: readonly string[];
  onChange(disabled: string[]): void;
  rules?: readonly Rule[];
}

/** Every rule by family, with its title, code and severity, switched on or off. */
export function RuleToggles({ disabled, onChange, rules = RULES }: RuleTogglesProps) {
  const off = new Set(disabled);
  const families = (Object.keys(FAMILIES) as Family[])
    .map((f) => ({ family: f, rules: rules.filter((r) => familyOf(r.meta.code) === f) }))
    .filter((g) => g.rules.length);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(off);
    if (on) next.delete(id);
    else next.add(id);
    onChange([...next].sort());
  };
  return (
    <div class="rule-toggles">
      <p class="row small">
        <span class="muted">{t('rulesCount', rules.length - rules.filter((r) => off.has(r.meta.id)).length, rules.length)}</span>
        <button type="button" class="btn small" disabled={!off.size} onClick={() => onChange([])}>
          {t('rulesAllOn')}
        </button>
      </p>
      {families.map((g) => (
        <fieldset key={g.family}>
          <legend>{familyName(g.family)}</legend>
          {g.rules.map((r) => (
            <label key={r.meta.id} class="rule" title={r.meta.explanation}>
              <input
                type="checkbox"
                data-rule={r.meta.id}
                checked={!off.has(r.meta.id)}
                onChange={(e) => toggle(r.meta.id, (e.target as HTMLInputElement).checked)}
              />
              <span class="rule-title">{r.meta.title}</span>
              <span class={`sev sev-${r.meta.severity}`}>{t(`severity_${r.meta.severity}` as MessageKey)}</span>
              <code class="muted small">{r.meta.code}</code>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
