import { FAMILIES, type Family } from '../../utils/engine/codes';
import { familyName, t } from '../i18n';

/** The 问题类别 picker of the gallery filter and the quiz setup: every family, or all of them. */
export function FamilySelect(props: { value?: Family; onChange: (f: Family | undefined) => void; dataAttr: Record<string, string> }) {
  return (
    <label class="field">
      <span class="label">{t('filterFamily')}</span>
      <select
        {...props.dataAttr}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(((e.target as HTMLSelectElement).value || undefined) as Family | undefined)}
      >
        <option value="">{t('filterAllFamilies')}</option>
        {(Object.keys(FAMILIES) as Family[]).map((f) => (
          <option key={f} value={f}>
            {familyName(f)}
          </option>
        ))}
      </select>
    </label>
  );
}
