import { useState } from 'preact/hooks';
import { BUILTIN_PROFILES, validateProfile, type Profile } from '../utils/profiles';
import { t, type MessageKey } from './i18n';

const NUMBER_FIELDS = ['commentMinDays', 'graceMinDays', 'filingDeadlineDays', 'validityMaxYears', 'provisionalValidityMaxYears'] as const;
const BOOLEAN_FIELDS = ['validityRequired', 'registrationRequired'] as const;

const label = (k: string) => t(`profile_${k}` as MessageKey);

export interface ProfileChooserProps {
  activeId: string;
  custom: Profile[];
  onChoose(id: string): void;
  onSaveCustom(next: Profile[]): Promise<void>;
}

/**
 * Chooses the jurisdiction profile, shows its thresholds, and copies one into an editable custom profile
 * (checked with validateProfile before it is saved).
 */
export function ProfileChooser({ activeId, custom, onChoose, onSaveCustom }: ProfileChooserProps) {
  const all = [...BUILTIN_PROFILES, ...custom];
  const active = all.find((p) => p.id === activeId) ?? BUILTIN_PROFILES[0];
  const [editing, setEditing] = useState<{ draft: Profile; isNew: boolean } | null>(null);
  const isCustom = custom.some((p) => p.id === active.id);

  const copy = () => {
    let n = 1;
    while (all.some((p) => p.id === `${active.id}-copy${n > 1 ? `-${n}` : ''}`)) n++;
    const id = `${active.id}-copy${n > 1 ? `-${n}` : ''}`;
    setEditing({ draft: { ...active, id, name: t('profileCopyName', active.name), description: '' }, isNew: true });
  };

  const remove = async () => {
    if (!isCustom) return;
    await onSaveCustom(custom.filter((p) => p.id !== active.id));
    onChoose(BUILTIN_PROFILES[0].id);
  };

  return (
    <div class="profile-chooser">
      <div class="row">
        <label>
          <span class="label">{t('profileActive')}</span>
          <select value={active.id} data-setting="profile" onChange={(e) => onChoose((e.target as HTMLSelectElement).value)}>
            <optgroup label={t('profileBuiltin')}>
              {BUILTIN_PROFILES.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            {custom.length ? (
              <optgroup label={t('profileCustom')}>
                {custom.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <button type="button" class="btn small" data-action="copy-profile" onClick={copy}>
          {t('profileCopy')}
        </button>
        {isCustom ? (
          <>
            <button type="button" class="btn small" onClick={() => setEditing({ draft: { ...active }, isNew: false })}>
              {t('profileEdit')}
            </button>
            <button type="button" class="btn small" onClick={remove}>
              {t('profileDelete')}
            </button>
          </>
        ) : null}
      </div>
      {active.description ? <p class="muted small">{active.description}</p> : null}
      {editing ? (
        <ProfileForm
          draft={editing.draft}
          taken={all.filter((p) => editing.isNew || p.id !== editing.draft.id).map((p) => p.id)}
          onCancel={() => setEditing(null)}
          onSave={async (p) => {
            const next = editing.isNew ? [...custom, p] : custom.map((c) => (c.id === editing.draft.id ? p : c));
            await onSaveCustom(next);
            onChoose(p.id);
            setEditing(null);
          }}
        />
      ) : (
        <table class="thresholds">
          <tbody>
            {NUMBER_FIELDS.map((k) => (
              <tr key={k}>
                <th scope="row">{label(k)}</th>
                <td>{active[k]}</td>
              </tr>
            ))}
            {BOOLEAN_FIELDS.map((k) => (
              <tr key={k}>
                <th scope="row">{label(k)}</th>
                <td>{active[k] ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

interface FormProps {
  draft: Profile;
  taken: string[];
  onSave(p: Profile): Promise<void>;
  onCancel(): void;
}

function ProfileForm({ draft, taken, onSave, onCancel }: FormProps) {
  const [p, setP] = useState<Record<string, unknown>>({ ...draft });
  const [errors, setErrors] = useState<string[]>([]);
  const set = (k: string, v: unknown) => setP({ ...p, [k]: v });

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs = validateProfile(p);
    if (taken.includes(String(p.id))) errs.push(t('profileIdTaken', String(p.id)));
    setErrors(errs);
    if (!errs.length) await onSave(p as unknown as Profile);
  };

  return (
    <form class="profile-form card" onSubmit={submit} aria-label={t('profileEdit')}>
      <label>
        <span class="label">{t('profile_name')}</span>
        <input type="text" name="name" value={String(p.name ?? '')} onInput={(e) => set('name', (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        <span class="label">{t('profile_id')}</span>
        <input type="text" name="id" class="mono" value={String(p.id ?? '')} onInput={(e) => set('id', (e.target as HTMLInputElement).value.trim())} />
      </label>
      <label>
        <span class="label">{t('profile_description')}</span>
        <input type="text" name="description" value={String(p.description ?? '')} onInput={(e) => set('description', (e.target as HTMLInputElement).value)} />
      </label>
      {NUMBER_FIELDS.map((k) => (
        <label key={k}>
          <span class="label">{label(k)}</span>
          <input
            type="number"
            name={k}
            min={0}
            max={3650}
            step={1}
            value={String(p[k] ?? '')}
            onInput={(e) => {
              const raw = (e.target as HTMLInputElement).value;
              set(k, raw === '' ? undefined : Number(raw));
            }}
          />
        </label>
      ))}
      {BOOLEAN_FIELDS.map((k) => (
        <label key={k} class="check">
          <input type="checkbox" name={k} checked={!!p[k]} onChange={(e) => set(k, (e.target as HTMLInputElement).checked)} /> {label(k)}
        </label>
      ))}
      {errors.length ? (
        <ul class="notice error" role="alert" data-profile-errors>
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}
      <div class="row">
        <button type="submit" class="btn primary small" data-action="save-profile">
          {t('profileSave')}
        </button>
        <button type="button" class="btn small" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
