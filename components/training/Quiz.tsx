import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFECT_CODES, FAMILIES, type Family } from '../../utils/engine/codes';
import { familyName, t } from '../i18n';
import { findingsOf, quizKeyOf, type SegmenterState } from './engine';
import { EngineStatus, ExampleContext, MarkedText } from './ExampleView';
import { FamilySelect } from './FamilySelect';
import { isTyping } from './keys';
import { CHOICES, choiceByKey, DEFAULT_QUIZ_SIZE, drawQuiz, isCorrect, newSeed, scoreQuiz, type Choice, type QuizSpec, type TrainingItem } from './model';

export interface QuizProps {
  items: TrainingItem[];
  /** The quiz in the URL: without a seed, the setup form shows. */
  seed?: string;
  n?: number;
  family?: Family;
  onSpec(spec: Partial<QuizSpec> & { seed?: string }): void;
  seg: SegmenterState;
}

const choiceLabel = (c: Choice) => (c === 'none' ? t('trainingNoDefect') : DEFECT_CODES[c]);
const answerLabel = (answers: readonly Choice[]) => (answers.length ? answers.map(choiceLabel).join(t('listSeparator')) : t('trainingNoDefect'));
const poolOf = (items: TrainingItem[], family?: Family) => (family ? items.filter((it) => it.rule.meta.code.startsWith(`${family}.`)) : items);

export function Quiz(props: QuizProps) {
  const { items, seed, n, family, onSpec, seg } = props;
  const [attempt, setAttempt] = useState(0);
  if (!seed) return <QuizSetup items={items} n={n} family={family} onStart={onSpec} />;
  return (
    <QuizRun
      key={`${seed}|${n}|${family}|${attempt}`}
      items={items}
      spec={{ seed, n: n ?? DEFAULT_QUIZ_SIZE, family }}
      seg={seg}
      onRetry={() => setAttempt((a) => a + 1)}
      onNew={() => onSpec({ seed: newSeed(), n, family })}
      onSetup={() => onSpec({ seed: undefined, n, family })}
    />
  );
}

function QuizSetup({ items, n, family, onStart }: { items: TrainingItem[]; n?: number; family?: Family; onStart: QuizProps['onSpec'] }) {
  const [size, setSize] = useState(n ?? DEFAULT_QUIZ_SIZE);
  const [fam, setFam] = useState<Family | undefined>(family);
  const [seed, setSeed] = useState(newSeed);
  const pool = poolOf(items, fam).length;
  return (
    <form
      class="tr-quiz-setup card"
      data-phase="setup"
      aria-labelledby="quiz-setup-h"
      onSubmit={(e) => {
        e.preventDefault();
        onStart({ seed: seed.trim() || newSeed(), n: Math.max(1, Math.min(size, pool)), family: fam });
      }}
    >
      <h2 id="quiz-setup-h">{t('trainingQuizSetup')}</h2>
      <FamilySelect value={fam} onChange={setFam} dataAttr={{ 'data-quiz': 'family' }} />
      <label class="field">
        <span class="label">{t('trainingQuizSize')}</span>
        <input type="number" data-quiz="n" min={1} max={pool} value={size} onInput={(e) => setSize(Number((e.target as HTMLInputElement).value) || 1)} />
        <span class="muted small">{t('trainingQuizPool', pool)}</span>
      </label>
      <label class="field">
        <span class="label">{t('trainingQuizSeed')}</span>
        <input type="text" data-quiz="seed" value={seed} maxLength={40} onInput={(e) => setSeed((e.target as HTMLInputElement).value)} />
        <button type="button" class="btn small" onClick={() => setSeed(newSeed())}>
          {t('trainingQuizNewSeed')}
        </button>
      </label>
      <p class="muted small">{t('trainingQuizSeedHelp')}</p>
      <p>
        <button type="submit" class="btn primary" data-quiz="start">
          {t('trainingQuizStart')}
        </button>
      </p>
    </form>
  );
}

interface Progress {
  index: number;
  choices: (Choice | undefined)[];
  selected?: Choice;
  revealed: boolean;
}

interface RunProps {
  items: TrainingItem[];
  spec: QuizSpec;
  seg: SegmenterState;
  onRetry(): void;
  onNew(): void;
  onSetup(): void;
}

function QuizRun({ items, spec, seg, onRetry, onNew, onSetup }: RunProps) {
  const questions = useMemo(() => drawQuiz(items, spec), [items, spec.seed, spec.n, spec.family]);
  // One state object, mirrored in a ref that changes synchronously: keys pressed faster than Preact renders
  // (a quick "B, Enter, Enter") still act on the latest answer, never on a stale closure.
  const [st, setSt] = useState<Progress>({ index: 0, choices: [], revealed: false });
  const cur = useRef(st);
  const apply = (fn: (p: Progress) => Progress) => {
    cur.current = fn(cur.current);
    setSt(cur.current);
  };
  const { index, choices, selected, revealed } = st;
  const done = index >= questions.length;
  const heading = useRef<HTMLHeadingElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const select = (c: Choice) => apply((p) => (p.revealed ? p : { ...p, selected: c }));
  const reveal = () =>
    apply((p) => (p.revealed || p.selected === undefined || p.index >= questions.length ? p : { ...p, revealed: true, choices: Object.assign([...p.choices], { [p.index]: p.selected }) }));
  const advance = () => apply((p) => (p.revealed ? { index: p.index + 1, choices: p.choices, revealed: false } : p));

  // Focus follows the quiz: the new question's heading (read out by screen readers), or the next button once answered.
  // Answered, the page stays on the question (a projector shows it with the verdict beside it): the next button
  // takes focus without scrolling, and the question is brought to the top.
  useEffect(() => {
    if (revealed) {
      next.current?.focus({ preventScroll: true });
      heading.current?.scrollIntoView({ block: 'start' });
    } else heading.current?.focus();
  }, [index, revealed, done]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const p = cur.current;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || p.index >= questions.length) return;
      if (e.key === 'Enter') {
        if ((e.target as HTMLElement | null)?.closest('button, a')) return; // the focused button acts itself
        e.preventDefault();
        if (p.revealed) advance();
        else reveal();
        return;
      }
      const opt = p.revealed ? undefined : choiceByKey(e.key);
      if (!opt) return;
      e.preventDefault();
      select(opt.value);
      form.current?.querySelector<HTMLInputElement>(`input[value="${opt.value}"]`)?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [questions]);

  if (!questions.length) return <p class="notice">{t('trainingNoMatch')}</p>;

  if (done) {
    const result = scoreQuiz(questions, choices, (it) => quizKeyOf(it, seg).answers);
    return (
      <section class="tr-quiz" data-phase="done" aria-labelledby="quiz-done-h">
        <h2 id="quiz-done-h" tabIndex={-1} ref={heading}>
          {t('trainingQuizDone')}
        </h2>
        <p class="tr-score" role="status" data-score={result.score} data-total={result.total}>
          {t('trainingQuizScore', result.score, result.total)}
        </p>
        <p class="muted small">{t('trainingQuizSeedIs', spec.seed)}</p>
        {result.wrong.length ? (
          <>
            <h3>{t('trainingQuizWrongList')}</h3>
            <ol class="tr-wrong-list">
              {result.wrong.map(({ item, choice, position }) => (
                <li key={item.id} data-example={item.id} value={position + 1}>
                  <ExampleContext item={item} />
                  <MarkedText text={item.example.text} findings={quizKeyOf(item, seg).findings ?? findingsOf(item, seg).findings} />
                  <p class="small">
                    {t('trainingQuizYourAnswer')}：<span class="tr-bad-answer">{choiceLabel(choice)}</span>
                    {t('listSeparator')}
                    {t('trainingQuizAnswer')}：<strong>{answerLabel(quizKeyOf(item, seg).answers)}</strong>
                  </p>
                  <p class="tr-why">{item.example.why}</p>
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p class="notice ok">{t('trainingQuizAllRight')}</p>
        )}
        <p class="tr-actions">
          <button type="button" class="btn primary" onClick={onRetry}>
            {t('trainingQuizRetry')}
          </button>
          <button type="button" class="btn" onClick={onNew}>
            {t('trainingQuizNew')}
          </button>
          <button type="button" class="btn" onClick={onSetup}>
            {t('trainingQuizSetup')}
          </button>
        </p>
      </section>
    );
  }

  const item = questions[index];
  const chosen = choices[index];
  const key = quizKeyOf(item, seg);
  const right = revealed && chosen !== undefined && isCorrect(item, chosen, key.answers);
  const res = findingsOf(item, seg);
  const optionClass = (c: Choice) => {
    if (!revealed) return '';
    const answer = isCorrect(item, c, key.answers);
    return answer ? 'answer' : c === chosen ? 'wrong' : '';
  };
  const families = Object.keys(FAMILIES) as Family[];

  return (
    <section class="tr-quiz" data-phase="question" data-question={index + 1} data-example={item.id} data-revealed={revealed ? 'true' : 'false'} aria-labelledby="quiz-q-h">
      <div class="tr-stage-bar">
        <span class="tr-progress">{t('trainingQuizProgress', index + 1, questions.length)}</span>
        <span class="muted small">{t('trainingQuizSeedIs', spec.seed)}</span>
      </div>
      <h2 id="quiz-q-h" class="tr-question" tabIndex={-1} ref={heading}>
        {t('trainingQuizQuestion')}
      </h2>
      <ExampleContext item={item} />
      <MarkedText text={item.example.text} findings={revealed ? (key.findings ?? res.findings) : undefined} large />

      <div role="status" aria-live="polite" class="tr-result">
        {revealed ? (
          <div class={`notice ${right ? 'ok' : 'error'}`} data-correct={right ? 'true' : 'false'}>
            <p>{right ? t('trainingQuizRight', answerLabel(key.answers)) : t('trainingQuizWrong', answerLabel(key.answers))}</p>
          </div>
        ) : null}
      </div>
      {revealed ? (
        <div class="tr-answer">
          <EngineStatus seg={seg} res={res} kind={item.kind} />
          <p class="tr-why">{item.example.why}</p>
          <p class="muted small">
            {item.rule.meta.title} · {item.rule.meta.basis}
          </p>
          <p>
            <button type="button" class="btn primary" ref={next} onClick={advance} data-quiz="next">
              {index + 1 < questions.length ? t('trainingQuizNextQ') : t('trainingQuizFinish')}
            </button>
          </p>
        </div>
      ) : null}
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          reveal();
        }}
      >
        <fieldset class="tr-choices" disabled={revealed}>
          <legend class="visually-hidden">{t('trainingQuizQuestion')}</legend>
          <p class="muted small" id="quiz-keys">
            {t('trainingQuizKeys')}
          </p>
          <ChoiceRadio value="none" selected={selected} onSelect={select} cls={optionClass('none')} />
          {families.map((f) => (
            <div key={f} role="group" aria-label={familyName(f)} class="tr-choice-group">
              <div class="tr-choice-family muted small" aria-hidden="true">
                {familyName(f)}
              </div>
              {CHOICES.filter((c) => c.family === f).map((c) => (
                <ChoiceRadio key={c.value} value={c.value} selected={selected} onSelect={select} cls={optionClass(c.value)} />
              ))}
            </div>
          ))}
        </fieldset>
        {!revealed ? (
          <p>
            <button type="submit" class="btn primary" disabled={selected === undefined} data-quiz="submit">
              {t('trainingQuizSubmit')}
            </button>
          </p>
        ) : null}
      </form>

    </section>
  );
}

function ChoiceRadio({ value, selected, onSelect, cls }: { value: Choice; selected?: Choice; onSelect(c: Choice): void; cls: string }) {
  const opt = CHOICES.find((c) => c.value === value)!;
  return (
    <label class={`tr-choice ${cls}`} data-choice={value}>
      <input type="radio" name="answer" value={value} checked={selected === value} onChange={() => onSelect(value)} aria-keyshortcuts={opt.key || undefined} />
      {opt.key ? <kbd aria-hidden="true">{opt.key}</kbd> : null} {choiceLabel(value)}
    </label>
  );
}
