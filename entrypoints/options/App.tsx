import { useEffect, useState } from 'preact/hooks';
import { ProfileChooser } from '../../components/ProfileEditor';
import { RuleToggles } from '../../components/RuleToggles';
import { useLocale } from '../../components/hooks';
import { num, setLocale, t } from '../../components/i18n';
import type { Settings } from '../../utils/settings';
import { loadRegister, loadSettings, onSettingsChange, saveSettings, type LoadedRegister } from '../../utils/storage/settings';

/** The options page: every setting is saved as soon as it changes; open panels pick the change up at once. */
export function OptionsApp() {
  useLocale();
  const [settings, setSettings] = useState<Settings>();
  const [register, setRegister] = useState<LoadedRegister>({ entries: [] });
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    Promise.all([loadSettings(), loadRegister()])
      .then(([s, r]) => {
        setLocale(s.locale);
        setSettings(s);
        setRegister(r);
      })
      .catch((e) => setStatus({ ok: false, text: String(e instanceof Error ? e.message : e) }));
    return onSettingsChange((s) => {
      setLocale(s.locale);
      setSettings(s);
    });
  }, []);

  const save = async (patch: Partial<Settings>) => {
    try {
      const next = await saveSettings(patch);
      setLocale(next.locale);
      setSettings(next);
      setStatus({ ok: true, text: t('optionsSaved') });
    } catch (e) {
      setStatus({ ok: false, text: String(e instanceof Error ? e.message : e) });
    }
  };

  if (!settings) {
    return <main class="options">{status ? <p class="notice error">{status.text}</p> : <p class="muted">{t('loading')}</p>}</main>;
  }

  return (
    <main class="options" data-ready="true">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
        <p class="small">
          <a href="/training.html" target="_blank" rel="noopener" data-link="training">
            {t('trainingOptionsLink')}
          </a>
        </p>
        <p role="status" aria-live="polite" class={`save-status small ${status?.ok === false ? 'error' : 'muted'}`} data-status={status?.ok ?? ''}>
          {status?.text ?? ''}
        </p>
      </header>

      <section aria-labelledby="sec-profile">
        <h2 id="sec-profile">{t('optionsProfile')}</h2>
        <ProfileChooser
          activeId={settings.profileId}
          custom={settings.customProfiles}
          onChoose={(profileId) => save({ profileId })}
          onSaveCustom={(customProfiles) => save({ customProfiles })}
        />
      </section>

      <section aria-labelledby="sec-rules">
        <h2 id="sec-rules">{t('optionsRules')}</h2>
        <RuleToggles disabled={settings.disabledRules} onChange={(disabledRules) => save({ disabledRules })} />
      </section>

      <section aria-labelledby="sec-register">
        <h2 id="sec-register">{t('optionsRegister')}</h2>
        <p data-register-count={register.entries.length}>
          {register.entries.length
            ? t('registerLoaded', num(register.entries.length), register.name ?? '', register.loadedAt ? new Date(register.loadedAt).toLocaleString() : '')
            : t('registerNone')}
        </p>
        <p>
          <a href="/filing.html" target="_blank" rel="noopener" data-link="filing">
            打开“备案审查”页：载入、查看、编辑、导出登记簿，设置审查基准日
          </a>
        </p>
      </section>

      <section aria-labelledby="sec-general">
        <h2 id="sec-general">{t('optionsGeneral')}</h2>
        <label class="field">
          <span class="label">{t('optionsReviewer')}</span>
          <input
            type="text"
            data-setting="reviewer"
            value={settings.reviewer}
            placeholder={t('optionsReviewerPlaceholder')}
            onChange={(e) => save({ reviewer: (e.target as HTMLInputElement).value.trim() })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-setting="liveRecheck"
            checked={settings.liveRecheck}
            onChange={(e) => save({ liveRecheck: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('optionsLive')}
        </label>
        <label class="field">
          <span class="label">{t('optionsLanguage')}</span>
          <select data-setting="locale" value={settings.locale} onChange={(e) => save({ locale: (e.target as HTMLSelectElement).value as Settings['locale'] })}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <p class="muted small">{t('optionsShortcut')}</p>
      </section>
    </main>
  );
}
