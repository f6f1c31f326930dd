import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { RULES } from '../../rules';
import { loadSettings, onSettingsChange } from '../../utils/storage/settings';
import { useLocale } from '../hooks';
import { num, setLocale, t, type MessageKey } from '../i18n';
import { useSegmenter } from './engine';
import { FamilySelect } from './FamilySelect';
import { Gallery } from './Gallery';
import { buildGallery, filterGallery, galleryItems, parseState, stateToSearch, type Mode, type PageState } from './model';
import { Quiz } from './Quiz';
import { Steps } from './Steps';

// Built once from the rules: the examples are the rules' own, never copied here.
const GALLERY = buildGallery(RULES);
const ALL_ITEMS = galleryItems(GALLERY);
const MODES: Mode[] = ['gallery', 'steps', 'quiz'];
const MODE_LABEL: Record<Mode, MessageKey> = { gallery: 'trainingModeGallery', steps: 'trainingModeSteps', quiz: 'trainingModeQuiz' };

/** training.html: the rules' examples as a gallery, a classroom step-through and a seeded quiz. */
export function TrainingApp() {
  useLocale();
  const [state, setState] = useState<PageState>(() => parseState(location.search));
  const seg = useSegmenter();

  // The reviewer's language setting, as in the other pages; the page works without it (Chinese).
  useEffect(() => {
    loadSettings().then((s) => setLocale(s.locale), () => undefined);
    return onSettingsChange((s) => setLocale(s.locale));
  }, []);

  // The URL always says what is shown, so a trainer can hand the class a link (a quiz's seed, a step's position).
  useEffect(() => {
    const search = stateToSearch(state);
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
  }, [state]);

  const update = (patch: Partial<PageState>) => setState((s) => ({ ...s, ...patch }));
  const filtered = useMemo(() => filterGallery(GALLERY, { family: state.family, query: state.query }), [state.family, state.query]);
  const filteredItems = useMemo(() => galleryItems(filtered), [filtered]);
  const ruleCount = filtered.reduce((n, f) => n + f.rules.length, 0);
  const lastStep = filteredItems.length - 1;
  const moveStep = useCallback(
    (to: (i: number) => number) => setState((s) => ({ ...s, step: Math.max(0, Math.min(to(Math.min(s.step ?? 0, lastStep)), lastStep)) })),
    [lastStep],
  );

  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = MODES[(MODES.indexOf(state.mode) + step + MODES.length) % MODES.length];
    update({ mode: next });
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };

  return (
    <div class={`training mode-${state.mode}`} data-ready="true" data-segmenter={seg.status}>
      <header class="tr-header">
        <div class="tr-title">
          <h1>{t('trainingTitle')}</h1>
          <p class="muted small">{t('trainingIntro')}</p>
        </div>
        <div role="tablist" aria-label={t('trainingModes')} class="tr-tabs" onKeyDown={onTabKey}>
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              id={`tab-${m}`}
              aria-selected={state.mode === m}
              aria-controls="tr-panel"
              tabIndex={state.mode === m ? 0 : -1}
              class={`tr-tab${state.mode === m ? ' active' : ''}`}
              data-mode={m}
              onClick={() => update({ mode: m })}
            >
              {t(MODE_LABEL[m])}
            </button>
          ))}
        </div>
      </header>

      {state.mode !== 'quiz' ? (
        <div class="tr-filter" role="search" aria-label={t('filterLabel')}>
          <FamilySelect value={state.family} onChange={(family) => update({ family, step: 0 })} dataAttr={{ 'data-filter': 'family' }} />
          <label class="field grow">
            <span class="label">{t('trainingSearch')}</span>
            <input
              type="search"
              data-filter="query"
              value={state.query ?? ''}
              placeholder={t('trainingSearchPlaceholder')}
              onInput={(e) => update({ query: (e.target as HTMLInputElement).value || undefined, step: 0 })}
            />
          </label>
          <span class="muted small" aria-live="polite" data-count={filteredItems.length}>
            {t('trainingCount', num(ruleCount), num(filteredItems.length))}
          </span>
        </div>
      ) : null}

      {seg.status === 'failed' ? <p class="notice warning small">{t('trainingWordsFailed')}</p> : null}

      <main class="tr-main">
        <div id="tr-panel" role="tabpanel" aria-labelledby={`tab-${state.mode}`}>
          {state.mode === 'gallery' ? <Gallery families={filtered} seg={seg} /> : null}
          {state.mode === 'steps' ? (
            <Steps items={filteredItems} position={state.step ?? 0} onMove={moveStep} seg={seg} />
          ) : null}
          {state.mode === 'quiz' ? (
            <Quiz items={ALL_ITEMS} seed={state.seed} n={state.n} family={state.family} seg={seg} onSpec={(s) => update({ seed: s.seed, n: s.n, family: s.family })} />
          ) : null}
        </div>
      </main>
    </div>
  );
}
