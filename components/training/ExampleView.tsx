import { Fragment } from 'preact';
import { DEFECT_CODES } from '../../utils/engine/codes';
import type { Finding, InvalidExample } from '../../utils/engine/types';
import { getProfile } from '../../utils/profiles';
import { t, type MessageKey } from '../i18n';
import { findingsOf, type SegmenterState } from './engine';
import { splitMarks } from './marks';
import type { TrainingItem } from './model';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const numberOf = (i: number) => CIRCLED[i] ?? `(${i + 1})`;

/** The example's text with each of the engine's findings marked where it lies; numbers tie marks to messages. */
export function MarkedText({ text, findings, large }: { text: string; findings?: Finding[]; large?: boolean }) {
  const pieces = splitMarks(text, findings ?? []);
  return (
    <blockquote class={`tr-text${large ? ' large' : ''}`} lang="zh-CN">
      {pieces.map((p) =>
        p.covers.length ? (
          <mark
            key={p.start}
            class={`tr-mark sev-${p.severity}`}
            data-code={findings![p.covers[0]].code}
            data-severity={p.severity}
            data-n={p.ends.map(numberOf).join('')}
            title={p.covers.map((i) => findings![i].message).join('\n')}
          >
            {p.text}
          </mark>
        ) : (
          <Fragment key={p.start}>{p.text}</Fragment>
        ),
      )}
    </blockquote>
  );
}

/** The page metadata and review conditions an example is judged under: a learner needs them to judge it too. */
export function ExampleContext({ item }: { item: TrainingItem }) {
  const e = item.example;
  const rows: [string, string][] = [];
  const md = e.metadata ?? {};
  const fields: [MessageKey, string | undefined][] = [
    ['fieldTitle', md.title],
    ['fieldDocNumber', md.docNumber],
    ['fieldIssuer', md.issuer],
    ['fieldWritten', md.writtenDate],
    ['fieldPublished', md.publishedDate],
    ['fieldRegNumber', md.regNumber],
    ['fieldValidityStatus', md.validityStatus],
  ];
  for (const [k, v] of fields) if (v) rows.push([t(k), v]);
  const ctx = e.context;
  if (ctx?.today) rows.push([t('trainingToday'), ctx.today]);
  if (ctx?.profile || ctx?.profilePatch) {
    const base = getProfile(ctx.profile ?? 'national');
    const patch = Object.entries(ctx.profilePatch ?? {}).map(([k, v]) => `${t(`profile_${k}` as MessageKey)}：${typeof v === 'boolean' ? t(v ? 'yes' : 'no') : String(v)}`);
    rows.push([t('fieldProfile'), [base?.name ?? ctx.profile, ...patch].filter(Boolean).join(t('listSeparator'))]);
  }
  if (ctx?.register) {
    rows.push([
      t('trainingRegister'),
      ctx.register.length
        ? ctx.register.map((r) => t('trainingRegisterRow', r.docNumber, r.publishedDate ?? '—', r.filedDate ?? '—')).join('；')
        : t('trainingRegisterEmpty'),
    ]);
  }
  if (!rows.length) return null;
  return (
    <dl class="kv tr-context" aria-label={t('trainingContext')}>
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The engine's messages for the marks (and the whole-document findings, which have no place to mark). */
export function FindingNotes({ findings, kind }: { findings: Finding[]; kind: TrainingItem['kind'] }) {
  if (!findings.length) {
    return <p class="tr-engine muted small" data-engine="none">{t(kind === 'good' ? 'trainingEngineNone' : 'trainingEngineMissed')}</p>;
  }
  return (
    <ol class="tr-findings small" aria-label={t('trainingEngineFound', findings.length)} data-engine="found">
      {findings.map((f, i) => (
        <li key={i} data-code={f.code} data-severity={f.severity} class={f.documentLevel || f.end <= f.start ? 'whole' : ''}>
          <span class="tr-n" aria-hidden="true">
            {numberOf(i)}
          </span>{' '}
          <span class={`sev sev-${f.severity}`}>{f.severity === 'info' ? t('trainingInfoNote') : t(`severity_${f.severity}` as MessageKey)}</span>{' '}
          {f.documentLevel ? <span class="muted">{t('documentLevel')} · </span> : null}
          {DEFECT_CODES[f.code]}：{f.message}
        </li>
      ))}
    </ol>
  );
}

/** One example: text (marked by the engine), conditions, why, and the corrected text when the rule gives one. */
export function ExampleCard({ item, seg, showWhy = true }: { item: TrainingItem; seg: SegmenterState; showWhy?: boolean }) {
  const res = findingsOf(item, seg);
  const corrected = (item.example as InvalidExample).corrected;
  return (
    <article class={`tr-example ${item.kind}`} data-example={item.id} data-kind={item.kind} aria-label={t(item.kind === 'bad' ? 'trainingBad' : 'trainingGood')}>
      <ExampleContext item={item} />
      <MarkedText text={item.example.text} findings={res.findings} />
      <EngineStatus seg={seg} res={res} kind={item.kind} />
      {showWhy ? <p class="tr-why">{item.example.why}</p> : null}
      {corrected ? (
        <div class="tr-corrected">
          <div class="tr-label">{t('exampleCorrected')}</div>
          <blockquote class="tr-text">{corrected}</blockquote>
        </div>
      ) : null}
    </article>
  );
}

export function EngineStatus({ seg, res, kind }: { seg: SegmenterState; res: ReturnType<typeof findingsOf>; kind: TrainingItem['kind'] }) {
  if (seg.status === 'loading') return <p class="tr-engine muted small">{t('trainingWordsLoading')}</p>;
  if (res.error) return <p class="tr-engine notice error small">{t('trainingEngineError', res.error)}</p>;
  if (res.noWords) return <p class="tr-engine notice warning small">{t('trainingWordsFailed')}</p>;
  return <FindingNotes findings={res.findings ?? []} kind={kind} />;
}

/** The rule's title, code, basis and explanation. */
export function RuleHeader({ rule, level = 3 }: { rule: TrainingItem['rule']; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <header class="tr-rule-head">
      <H class="tr-rule-title">{rule.meta.title}</H>
      <span class="tr-code">
        <span class={`sev sev-${rule.meta.severity}`}>{t(`severity_${rule.meta.severity}` as MessageKey)}</span> {DEFECT_CODES[rule.meta.code]}{' '}
        <code class="mono muted">{rule.meta.code}</code>
      </span>
    </header>
  );
}

export function RuleBody({ rule }: { rule: TrainingItem['rule'] }) {
  return (
    <>
      <p class="tr-explanation">{rule.meta.explanation}</p>
      <p class="tr-basis small">
        <span class="tr-label-inline">{t('findingBasis')}</span>
        {rule.meta.basis}
      </p>
    </>
  );
}
