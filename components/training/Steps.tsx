import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFECT_CODES, familyOf } from '../../utils/engine/codes';
import type { InvalidExample } from '../../utils/engine/types';
import { familyName, t } from '../i18n';
import { findingsOf, type SegmenterState } from './engine';
import { EngineStatus, ExampleContext, MarkedText, RuleBody, RuleHeader } from './ExampleView';
import { isTyping } from './keys';
import type { TrainingItem } from './model';

export interface StepsProps {
  items: TrainingItem[];
  position: number;
  /** Moves relative to the latest position (keys may come faster than renders). */
  onMove(to: (i: number) => number): void;
  seg: SegmenterState;
}

/**
 * Classroom mode: one example at a time in large type. The class first sees only the text (and the conditions it
 * is judged under) and discusses; the answer, marked by the engine, comes when the trainer reveals it.
 */
export function Steps({ items, position, onMove, seg }: StepsProps) {
  // The id of the example whose answer shows: moving on hides it without an effect to reset it.
  const [shownFor, setShownFor] = useState<string>();
  const at = Math.min(Math.max(0, position), Math.max(0, items.length - 1));
  const item = items[at];
  const stage = useRef<HTMLDivElement>(null);
  const revealed = !!item && shownFor === item.id;
  const current = useRef(item?.id);
  current.current = item?.id;
  const toggle = () => setShownFor((id) => (id === current.current ? undefined : current.current));

  useEffect(() => {
    const go = (to: (i: number) => number) => onMove(to);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const onButton = (e.target as HTMLElement | null)?.closest('button, a, [role="tab"]');
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case 'n':
          if ((e.target as HTMLElement | null)?.closest('[role="tab"]')) return;
          go((i) => i + 1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
        case 'p':
          if ((e.target as HTMLElement | null)?.closest('[role="tab"]')) return;
          go((i) => i - 1);
          break;
        case 'Home':
          go(() => 0);
          break;
        case 'End':
          go(() => Infinity);
          break;
        case ' ':
        case 'Enter':
          if (onButton) return; // a focused button answers Space/Enter itself
          toggle();
          break;
        case 'f':
        case 'F':
          toggleFullscreen(stage.current);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onMove]);

  if (!item) return <p class="notice" data-empty>{t('trainingNoMatch')}</p>;
  const res = findingsOf(item, seg);
  const corrected = (item.example as InvalidExample).corrected;

  return (
    <div class="tr-stage" ref={stage} data-step={at + 1} data-example={item.id} data-revealed={revealed ? 'true' : 'false'}>
      <div class="tr-stage-bar">
        <span class="tr-progress" aria-live="polite">
          {t('trainingStepOf', at + 1, items.length)}
        </span>
        <span class="muted">{familyName(familyOf(item.rule.meta.code))}</span>
        <span class="spacer" />
        <button type="button" class="btn" onClick={() => onMove((i) => i - 1)} disabled={at === 0} aria-keyshortcuts="ArrowLeft PageUp">
          ← {t('trainingPrev')}
        </button>
        <button type="button" class="btn primary" onClick={toggle} aria-expanded={revealed} aria-controls="tr-answer" aria-keyshortcuts="Space">
          {revealed ? t('trainingHide') : t('trainingReveal')}
        </button>
        <button type="button" class="btn" onClick={() => onMove((i) => i + 1)} disabled={at >= items.length - 1} aria-keyshortcuts="ArrowRight PageDown">
          {t('trainingNext')} →
        </button>
        <button type="button" class="btn" onClick={() => toggleFullscreen(stage.current)} aria-keyshortcuts="F">
          {t('trainingFullscreen')}
        </button>
      </div>

      <p class="tr-question">{t('trainingStepQuestion')}</p>
      <ExampleContext item={item} />
      <MarkedText text={item.example.text} findings={revealed ? res.findings : undefined} large />

      <div id="tr-answer" class="tr-answer" hidden={!revealed}>
        {revealed ? (
          <>
            <p class={`tr-verdict ${item.kind}`} data-verdict={item.kind}>
              {item.kind === 'bad' ? t('trainingVerdictBad', item.answers.map((c) => DEFECT_CODES[c]).join(t('listSeparator'))) : t('trainingVerdictGood')}
            </p>
            <EngineStatus seg={seg} res={res} kind={item.kind} />
            <p class="tr-why">{item.example.why}</p>
            {corrected ? (
              <div class="tr-corrected">
                <div class="tr-label">{t('exampleCorrected')}</div>
                <blockquote class="tr-text large">{corrected}</blockquote>
              </div>
            ) : null}
            <div class="tr-stage-rule">
              <RuleHeader rule={item.rule} />
              <RuleBody rule={item.rule} />
            </div>
          </>
        ) : null}
      </div>
      <p class="muted small tr-keys">{t('trainingStepKeys')}</p>
    </div>
  );
}

function toggleFullscreen(el: HTMLElement | null) {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void el?.requestFullscreen?.().catch(() => undefined);
}
