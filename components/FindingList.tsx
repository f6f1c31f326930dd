import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../utils/engine/types';
import { isRuleOff, type Dismissal } from '../utils/storage/types';
import { codeLabel, ruleOf, type SeverityGroup } from './findings';
import { familyName, t, type MessageKey } from './i18n';
import { phraseAround } from '../utils/text/phrase';

/** A finding as a list shows it: the engine's finding, its key, and the reviewer's decision. */
export interface ListedFinding extends Finding {
  key: string;
  decision?: 'confirmed' | 'dismissed' | 'fixed' | 'undecided';
  reason?: string;
  dismissal?: Dismissal;
  /** The latest earlier review of the document confirmed it (shown as 上次已确认). */
  previous?: { decision: 'confirmed'; reviewId: number; reason?: string };
}

export interface FindingActions {
  /** `place`: which place of a grouped finding the reviewer clicked. */
  onSelect(key: string, place?: number): void;
  onFix?(key: string): void;
  /** Applies the fix of every place of a grouped finding. */
  onFixAll?(key: string): void;
  onDecide?(key: string, decision: 'confirmed' | 'dismissed' | undefined, reason?: string): void;
  onRestore?(key: string): void;
  /** 全部忽略同类: every finding of the code in this document, with one reason. */
  onDismissCode?(code: string, reason: string): void;
  /** 本文件不再检查此规则: remembered for the document until restored. */
  onRuleOff?(key: string, reason: string): void;
}

export interface FindingListProps extends FindingActions {
  groups: SeverityGroup<ListedFinding>[];
  active?: string;
  /** The marked place of the active grouped finding. */
  activePlace?: number;
  /** Fixes can be applied (the capture is an editor). */
  canFix: boolean;
  /** The reviewed text: a one-character excerpt is shown with the phrase around it. */
  text?: string;
}

const sevKey = (s: Finding['severity']) => `severity_${s}` as MessageKey;

/**
 * Findings grouped by severity, then family, each with its counts. Every finding element carries data-code and
 * data-severity (browser tests and the review log read them).
 */
export function FindingList({ groups, active, activePlace, canFix, text, ...actions }: FindingListProps) {
  return (
    <div class="finding-groups">
      {groups.map((g) => (
        <section key={g.severity} class={`sev-group sev-group-${g.severity}`} aria-labelledby={`sev-${g.severity}`}>
          <h2 id={`sev-${g.severity}`} class="sev-heading">
            <span class={`sev sev-${g.severity}`}>{t(sevKey(g.severity))}</span>
            <span class="count">{g.count}</span>
          </h2>
          {g.families.map((fam) => (
            <div key={fam.family} class="family">
              <h3 class="family-heading">
                {familyName(fam.family)} <span class="muted">{fam.findings.length}</span>
              </h3>
              <ul class="findings" role="list">
                {fam.findings.map((f) => (
                  <FindingItem
                    key={f.key}
                    finding={f}
                    active={f.key === active}
                    activePlace={f.key === active ? activePlace : undefined}
                    canFix={canFix}
                    text={text}
                    {...actions}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

interface ItemProps extends FindingActions {
  finding: ListedFinding;
  active: boolean;
  activePlace?: number;
  canFix: boolean;
  text?: string;
}

/** The excerpt as a card quotes it: a lone mark or character with the words around it, the excerpt itself stressed. */
function Excerpt({ f, text }: { f: ListedFinding; text?: string }) {
  const short = f.excerpt.trim().length < 2;
  if (!short || !text || text.slice(f.start, f.end) !== f.excerpt) return <q class="excerpt">{clip(f.excerpt, 60)}</q>;
  const p = phraseAround(text, f.start, f.end);
  return (
    <q class="excerpt" data-phrase>
      {p.before}
      <mark>{p.at}</mark>
      {p.after}
    </q>
  );
}

function FindingItem({ finding: f, active, activePlace, canFix, text, onSelect, onFix, onFixAll, onDecide, onRestore, onDismissCode, onRuleOff }: ItemProps) {
  const ref = useRef<HTMLLIElement>(null);
  // Which set-aside the reason form is for: this finding (or its places), every finding of its code, or its rule.
  const [dismissing, setDismissing] = useState<false | 'one' | 'code' | 'rule'>(false);
  const [reason, setReason] = useState('');
  const rule = ruleOf(f.rule);
  const dismissed = f.decision === 'dismissed';
  const detailsId = `finding-${cssId(f.key)}-details`;
  const places = f.places?.length ? f.places : undefined;
  const everyPlaceFixed = !!places && places.every((p) => p.fix);
  const ruleOff = isRuleOff(f.dismissal);
  const toggle = (which: 'one' | 'code' | 'rule') => setDismissing(dismissing === which ? false : which);

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const submitDismiss = (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return;
    if (dismissing === 'code') onDismissCode?.(f.code, reason.trim());
    else if (dismissing === 'rule') onRuleOff?.(f.key, reason.trim());
    else onDecide?.(f.key, 'dismissed', reason.trim());
    setDismissing(false);
    setReason('');
  };

  return (
    <li
      ref={ref}
      class={`finding sev-border-${f.severity}${active ? ' active' : ''}${dismissed ? ' dismissed' : ''}`}
      data-code={f.code}
      data-severity={f.severity}
      data-key={f.key}
      data-decision={f.decision ?? 'undecided'}
      data-previous={f.previous && !f.decision ? f.previous.decision : f.dismissal ? (ruleOff ? 'rule-off' : 'dismissed') : undefined}
      data-places={places?.length}
    >
      <button
        type="button"
        class="finding-head"
        aria-expanded={active}
        aria-controls={detailsId}
        data-finding-button
        onClick={() => onSelect(f.key)}
      >
        <span class="finding-title">
          <span class={`sev sev-${f.severity}`}>{t(sevKey(f.severity))}</span>
          <span class="code-label">{rule?.meta.title ?? codeLabel(f.code)}</span>
          {f.where ? (
            <span class="where" data-where={f.where}>
              {f.where}
            </span>
          ) : null}
          {places ? (
            <span class="tag count" data-count={places.length}>
              {t('placeCount', places.length)}
            </span>
          ) : null}
          {f.documentLevel ? <span class="tag">{t('documentLevel')}</span> : null}
          {f.decision === 'confirmed' ? <span class="tag ok">{t('decisionConfirmed')}</span> : null}
          {!f.decision && f.previous ? (
            <span class="tag ok previous" data-tag="previous-confirmed">
              {t('previousConfirmed')}
            </span>
          ) : null}
          {dismissed ? (
            <span class={`tag${f.dismissal ? ' previous' : ''}`} data-tag={ruleOff ? 'rule-off' : f.dismissal ? 'previous-dismissed' : 'dismissed'}>
              {t(ruleOff ? 'ruleOffTag' : f.dismissal ? 'previousDismissed' : 'decisionDismissed')}
            </span>
          ) : null}
        </span>
        {f.excerpt && !f.documentLevel ? <Excerpt f={f} text={text} /> : null}
        <span class="message">{f.message}</span>
      </button>
      {active ? (
        <div class="finding-details" id={detailsId}>
          <dl class="kv">
            <dt>{t('findingCode')}</dt>
            <dd class="mono small">{f.code}</dd>
            <dt>{t('findingBasis')}</dt>
            <dd>{f.basis}</dd>
          </dl>
          {places ? (
            <div class="places">
              <div class="muted small">{t('placesHeading')}</div>
              <ol class="place-list">
                {places.map((p, i) => (
                  <li key={p.start}>
                    <button
                      type="button"
                      class={`place${i === (activePlace ?? 0) ? ' active' : ''}`}
                      data-place={i}
                      aria-pressed={i === (activePlace ?? 0)}
                      onClick={() => onSelect(f.key, i)}
                    >
                      <span class="where">{p.where}</span> <q class="excerpt">{clip(p.excerpt, 30)}</q>
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {rule ? <Explanation ruleId={f.rule} /> : null}
          {places && places.some((p) => p.fix) ? (
            <div class="fix">
              <div>
                <span class="muted">{t('findingFix')}</span> {f.fix?.label ?? places.find((p) => p.fix)!.fix!.label}
              </div>
              {!everyPlaceFixed ? (
                <span class="muted small">{t('fixAllUnavailable')}</span>
              ) : canFix ? (
                <button type="button" class="btn small primary" data-action="fix-all" onClick={() => onFixAll?.(f.key)}>
                  {t('fixAll')}
                </button>
              ) : (
                <span class="muted small">{t('fixUnavailable')}</span>
              )}
            </div>
          ) : !places && f.fix ? (
            <div class="fix">
              <div>
                <span class="muted">{t('findingFix')}</span> {f.fix.label}
              </div>
              {canFix ? (
                <button type="button" class="btn small primary" data-action="apply-fix" onClick={() => onFix?.(f.key)}>
                  {t('applyFix')}
                </button>
              ) : (
                <span class="muted small">{t('fixUnavailable')}</span>
              )}
            </div>
          ) : null}
          {dismissed && f.reason ? (
            <p class="small">
              {ruleOff ? f.reason : f.dismissal ? t('rememberedDismissal', f.reason) : t('dismissedBecause', f.reason)}
            </p>
          ) : null}
          <div class="decisions" role="group" aria-label={t('decisionGroup')}>
            {dismissed ? (
              <button type="button" class="btn small" data-action="restore" onClick={() => onRestore?.(f.key)}>
                {t(ruleOff ? 'ruleOffRestore' : 'restore')}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  class="btn small"
                  aria-pressed={f.decision === 'confirmed'}
                  data-action="confirm"
                  onClick={() => onDecide?.(f.key, f.decision === 'confirmed' ? undefined : 'confirmed')}
                >
                  {t('decisionConfirm')}
                </button>
                <button
                  type="button"
                  class="btn small"
                  data-action={places ? 'dismiss-all' : 'dismiss'}
                  aria-expanded={dismissing === 'one'}
                  onClick={() => toggle('one')}
                >
                  {t(places ? 'dismissAll' : 'decisionDismiss')}
                </button>
                {onDismissCode ? (
                  <button type="button" class="btn small" data-action="dismiss-code" aria-expanded={dismissing === 'code'} onClick={() => toggle('code')}>
                    {t('dismissCode')}
                  </button>
                ) : null}
                {onRuleOff ? (
                  <button type="button" class="btn small" data-action="rule-off" aria-expanded={dismissing === 'rule'} onClick={() => toggle('rule')}>
                    {t('ruleOff')}
                  </button>
                ) : null}
              </>
            )}
          </div>
          {dismissing && !dismissed ? (
            <form class="dismiss-form" data-for={dismissing} onSubmit={submitDismiss}>
              {dismissing !== 'one' ? <p class="small muted">{t(dismissing === 'code' ? 'dismissCodeHint' : 'ruleOffHint')}</p> : null}
              <label>
                <span class="visually-hidden">{t('dismissReason')}</span>
                <input
                  type="text"
                  value={reason}
                  required
                  placeholder={t('dismissReasonPlaceholder')}
                  aria-label={t('dismissReason')}
                  onInput={(e) => setReason((e.target as HTMLInputElement).value)}
                  ref={(el) => el?.focus()}
                />
              </label>
              <button type="submit" class="btn small" disabled={!reason.trim()}>
                {t('dismissSubmit')}
              </button>
              <button type="button" class="btn small link" onClick={() => setDismissing(false)}>
                {t('cancel')}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The rule's explanation with one wrong and one right example, from the rule's own examples. */
export function Explanation({ ruleId }: { ruleId: string }) {
  const rule = ruleOf(ruleId);
  if (!rule) return null;
  const bad = rule.examples.invalid[0];
  const good = rule.examples.valid[0];
  return (
    <div class="explanation">
      <p>{rule.meta.explanation}</p>
      {bad || good ? (
        <details>
          <summary>{t('findingExamples')}</summary>
          {bad ? (
            <div class="example bad">
              <div class="example-label">{t('exampleWrong')}</div>
              <blockquote>{clip(bad.text, 240)}</blockquote>
              <div class="muted small">{bad.why}</div>
              {bad.corrected ? (
                <>
                  <div class="example-label">{t('exampleCorrected')}</div>
                  <blockquote>{clip(bad.corrected, 240)}</blockquote>
                </>
              ) : null}
            </div>
          ) : null}
          {good ? (
            <div class="example good">
              <div class="example-label">{t('exampleRight')}</div>
              <blockquote>{clip(good.text, 240)}</blockquote>
              <div class="muted small">{good.why}</div>
            </div>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

const cssId = (key: string) => {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
};
