// training.html in Chromium: every rule shown with marks where the engine (in the page, with jieba-wasm) finds the
// defect, the classroom step-through by keys, a seeded quiz answered by keyboard, links from the options page and
// the side panel, and not one request beyond the extension's own files.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { RULES } from '../../rules';
import { reviewExample, runExample } from '../../utils/engine/examples';
import { nodeSegmenter } from '../../utils/segment/node';
import { splitMarks } from '../../components/training/marks';
import { buildGallery, CHOICES, drawQuiz, galleryItems, quizAnswers, type Choice } from '../../components/training/model';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { launchExtension, OUTPUT_DIR, POLL, probeServiceWorkerRequests, startFixtureServer, type ExtensionHandle } from './harness';

const items = galleryItems(buildGallery(RULES));
let ext: ExtensionHandle;

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

async function openTraining(query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(ext.url(`training.html${query}`));
  await page.waitForSelector('.training[data-segmenter="ready"]', POLL);
  return page;
}

/** The marked texts of one example card, in text order. */
const marksOf = (page: Page, id: string) =>
  page.$$eval(`[data-example="${id}"] .tr-text mark`, (els) => els.map((e) => (e as HTMLElement).innerText));

describe('training page', () => {
  test('the gallery shows every rule with its title and code, and every example', async () => {
    const page = await openTraining();
    const ids = await page.$$eval('[data-rule]', (els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(ids.sort()).toEqual(RULES.map((r) => r.meta.id).sort());
    for (const rule of RULES) {
      const card = page.locator(`[data-rule="${rule.meta.id}"]`);
      const text = await card.innerText();
      expect(text).toContain(rule.meta.title);
      expect(text).toContain(rule.meta.code);
      expect(text).toContain(rule.meta.basis.slice(0, 20));
    }
    const shown = await page.$$eval('[data-example]', (els) => els.map((e) => (e as HTMLElement).dataset.example));
    expect(shown.sort()).toEqual(items.map((it) => it.id).sort());
    await page.close();
  });

  test('a bad example is marked on the excerpt the engine finds, and every example as the engine in Node marks it', async () => {
    const page = await openTraining();
    expect(await marksOf(page, 'drafting/numbering#bad-1')).toEqual(['第十条']);
    expect(await page.locator('[data-example="drafting/numbering#bad-1"] .tr-findings').innerText()).toContain('缺少第九条');

    for (const it of items) {
      const findings = runExample(it.rule, it.example, nodeSegmenter);
      const want = splitMarks(it.example.text, findings)
        .filter((p) => p.covers.length)
        .map((p) => p.text);
      expect(await marksOf(page, it.id), it.id).toEqual(want);
      const engine = await page.getAttribute(`[data-example="${it.id}"] [data-engine]`, 'data-engine');
      if (it.kind === 'bad') expect(engine, it.id).toBe('found');
    }
    await page.close();
  });

  test('filtering by family and searching narrow the gallery', async () => {
    const page = await openTraining();
    await page.selectOption('[data-filter="family"]', 'validity');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-family]')].every((e) => e.dataset.family === 'validity'), null, POLL);
    const validity = await page.$$eval('[data-rule]', (els) => els.map((e) => (e as HTMLElement).dataset.rule));
    expect(validity.sort()).toEqual(RULES.filter((r) => r.meta.code.startsWith('validity.')).map((r) => r.meta.id).sort());
    await page.selectOption('[data-filter="family"]', '');
    // A word of the rule's explanation keeps the rule with all its examples; a word of one example's why, that example.
    await page.fill('[data-filter="query"]', '跳号');
    await page.waitForFunction(() => document.querySelectorAll('[data-rule]').length === 1, null, POLL);
    expect(await page.getAttribute('[data-rule]', 'data-rule')).toBe('drafting/numbering');
    const numbering = RULES.find((r) => r.meta.id === 'drafting/numbering')!;
    expect(await page.$$eval('[data-example]', (els) => els.length)).toBe(numbering.examples.valid.length + numbering.examples.invalid.length);
    await page.fill('[data-filter="query"]', '缺少第九条');
    await page.waitForFunction(() => document.querySelectorAll('[data-example]').length === 1, null, POLL);
    expect(await page.getAttribute('[data-example]', 'data-example')).toBe('drafting/numbering#bad-1');
    expect(page.url()).toContain('q=');
    await page.close();
  });

  test('step-through: arrows move, Space reveals the marked defect and the explanation', async () => {
    const page = await openTraining('?mode=steps&family=drafting');
    const stage = page.locator('.tr-stage');
    expect(await stage.getAttribute('data-step')).toBe('1');
    expect(await page.$$eval('.tr-stage mark', (m) => m.length)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-stage')?.dataset.step === '2', null, POLL);
    const drafting = items.filter((it) => it.rule.meta.code.startsWith('drafting.'));
    const second = drafting[1];
    expect(await stage.getAttribute('data-example')).toBe(second.id);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-stage')?.dataset.revealed === 'true', null, POLL);
    const want = splitMarks(second.example.text, runExample(second.rule, second.example, nodeSegmenter))
      .filter((p) => p.covers.length)
      .map((p) => p.text);
    expect(await page.$$eval('.tr-stage .tr-text mark', (els) => els.map((e) => (e as HTMLElement).innerText))).toEqual(want);
    const answer = await page.locator('#tr-answer').innerText();
    expect(answer).toContain(second.example.why);
    expect(answer).toContain(second.rule.meta.explanation.slice(0, 20));
    expect(page.url()).toContain('i=2');
    await page.close();
  });

  test('a seeded quiz of 3, answered by keyboard: the same questions as drawn in Node, the score, the wrong answer listed', async () => {
    const seed = 'e2e-class-1';
    const questions = drawQuiz(items, { seed, n: 3 });
    const page = await openTraining(`?mode=quiz&seed=${seed}&n=3`);
    const quiz = page.locator('.tr-quiz');
    // Right, right, then wrong: the score must be 2 / 3 and the third question listed for review.
    // The quiz's answers are the whole engine's findings on each example, computed here in Node.
    const answers = questions.map((q) => quizAnswers(q, reviewExample(q.rule, q.example, nodeSegmenter)));
    const right = (i: number): Choice => (answers[i][0] ?? 'none');
    const wrong = (i: number): Choice => (answers[i].length ? 'none' : 'drafting.wording');
    const picks = [right(0), right(1), wrong(2)];
    for (let i = 0; i < 3; i++) {
      await page.waitForFunction((n) => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.question === String(n), i + 1, POLL);
      expect(await quiz.getAttribute('data-example')).toBe(questions[i].id);
      const key = CHOICES.find((c) => c.value === picks[i])!.key;
      await page.keyboard.press(key);
      await page.waitForFunction((v) => document.querySelector<HTMLInputElement>(`input[name="answer"][value="${v}"]`)?.checked === true, picks[i], POLL);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.revealed === 'true', null, POLL);
      expect(await page.getAttribute('[data-correct]', 'data-correct')).toBe(i < 2 ? 'true' : 'false');
      // The answer is marked by the engine in the question's text.
      const marked = await page.$$eval('.tr-quiz .tr-text mark', (m) => m.length);
      const inline = reviewExample(questions[i].rule, questions[i].example, nodeSegmenter).filter((f) => !f.documentLevel && f.end > f.start);
      expect(marked > 0).toBe(inline.length > 0);
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.phase === 'done', null, POLL);
    const score = page.locator('[data-score]');
    expect(await score.getAttribute('data-score')).toBe('2');
    expect(await score.innerText()).toMatch(/2\s*\/\s*3/);
    expect(await page.$$eval('.tr-wrong-list [data-example]', (els) => els.map((e) => (e as HTMLElement).dataset.example))).toEqual([questions[2].id]);
    await page.close();
  });

  test('the quiz accepts an answer the engine gives beyond the example’s own rule', async () => {
    const answersOf = (it: (typeof items)[number]) => quizAnswers(it, reviewExample(it.rule, it.example, nodeSegmenter));
    // A one-question quiz (seed found in Node) whose example another rule marks too.
    let seed = '';
    for (let i = 0; i < 2000 && !seed; i++) {
      const [q] = drawQuiz(items, { seed: `wide-${i}`, n: 1 });
      if (answersOf(q).some((c) => !q.answers.includes(c))) seed = `wide-${i}`;
    }
    expect(seed).not.toBe('');
    const [q] = drawQuiz(items, { seed, n: 1 });
    const extra = answersOf(q).find((c) => !q.answers.includes(c))!;
    const page = await openTraining(`?mode=quiz&seed=${seed}&n=1`);
    expect(await page.getAttribute('.tr-quiz', 'data-example')).toBe(q.id);
    await page.click(`.tr-choice[data-choice="${extra}"]`);
    await page.click('[data-quiz="submit"]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.revealed === 'true', null, POLL);
    expect(await page.getAttribute('[data-correct]', 'data-correct')).toBe('true');
    await page.close();
  });

  test('on a projector (1366×768), the question stays on screen after answering, beside its verdict', async () => {
    const seed = 'projector-1';
    const questions = drawQuiz(items, { seed, n: 4 });
    await mkdir(OUTPUT_DIR, { recursive: true });
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ext.url(`training.html?mode=quiz&seed=${seed}&n=4`));
    await page.waitForSelector('.training[data-segmenter="ready"]', POLL);
    const inView = (sel: string) =>
      page.$eval(sel, (el) => {
        const r = el.getBoundingClientRect();
        return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: innerHeight };
      });
    for (let i = 0; i < questions.length; i++) {
      await page.waitForFunction((n) => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.question === String(n), i + 1, POLL);
      // Answered as a trainer does with the mouse: the choice, then the button below the list of choices.
      await page.click(`.tr-choice[data-choice="${questions[i].answers[0] ?? 'none'}"]`);
      await page.click('[data-quiz="submit"]');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.revealed === 'true', null, POLL);
      if (i === 0) await page.screenshot({ path: join(OUTPUT_DIR, 'training-quiz-1366x768.png') });
      for (const sel of ['.tr-question', '.tr-quiz .tr-text', '[data-correct]']) {
        const box = await inView(sel);
        expect(box.top, `${sel} of ${questions[i].id}`).toBeGreaterThanOrEqual(0);
        expect(box.top, `${sel} of ${questions[i].id}`).toBeLessThan(box.height);
      }
      const heading = await inView('.tr-question');
      expect(heading.bottom).toBeLessThanOrEqual(heading.height);
      await page.click('[data-quiz="next"]');
    }
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.tr-quiz')?.dataset.phase === 'done', null, POLL);
    await page.close();
  });

  test('the options page and the side panel link to the training page', async () => {
    for (const path of ['options.html', 'sidepanel.html']) {
      const page = await ext.context.newPage();
      await page.goto(ext.url(path));
      const link = page.locator('[data-link="training"]');
      await link.waitFor(POLL);
      const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
      expect(href, path).toBe(ext.url('training.html'));
      await page.close();
    }
  });

  test('nothing was requested from the network', async () => {
    // The request log sees the service worker too: a probe the worker sends to a local server must be in it.
    const probeServer = await startFixtureServer();
    const probe = await probeServiceWorkerRequests(ext, probeServer).finally(() => probeServer.close());
    const own = `chrome-extension://${ext.extensionId}/`;
    const foreign = ext.requests
      .filter((r) => r !== probe)
      .map((r) => r.url())
      .filter((u) => !u.startsWith(own) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(ext.requests.some((r) => r.url().startsWith(`${own}training.html`))).toBe(true);
  });
});
