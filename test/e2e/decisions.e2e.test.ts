// The reviewer's decisions in the side panel, through the real extension and the browser's own IndexedDB: a
// dismissed finding loses its mark in the page at once; 全部忽略同类 sets aside every finding of a code; 本文件不再
// 检查此规则 is remembered for the document, recorded in the log and reversible; a later review of the same
// document shows what the earlier one decided (上次已确认, 上次已忽略).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;
let page: Page;
let panel: Page;

beforeAll(async () => {
  ext = await h.launchExtension();
  server = await h.startFixtureServer();
  page = await h.openFixture(ext, server, 'decisions.html');
  panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
});

afterAll(async () => {
  await panel?.close();
  await page?.close();
  await ext?.close();
  await server?.close();
});

const card = (code: string) => panel.locator(`.finding[data-code="${code}"]`);

/** Every place the page marks (each severity's highlight and the active one): its text and the paragraph it is in. */
const marked = () =>
  page.evaluate(() =>
    [...CSS.highlights]
      .filter(([name]) => name.startsWith('normlint-'))
      .flatMap(([, hl]) => [...hl].map((r) => ({ text: (r as Range).toString(), para: (r as Range).startContainer.parentElement?.closest('p')?.textContent ?? '' }))),
  );

/** Waits until the page marks (or no longer marks) `text` in the paragraph beginning with `para`. */
const waitMark = (text: string, para: string, present: boolean) =>
  page.waitForFunction(
    ({ text, para, present }) =>
      present ===
      [...CSS.highlights]
        .filter(([name]) => name.startsWith('normlint-'))
        .some(([, hl]) =>
          [...hl].some((r) => (r as Range).toString() === text && !!(r as Range).startContainer.parentElement?.closest('p')?.textContent?.startsWith(para)),
        ),
    { text, para, present },
    h.POLL,
  );
const waitMarked = (text: string, para: string) => waitMark(text, para, true);
const waitUnmarked = (text: string, para: string) => waitMark(text, para, false);

/** Opens a card (a click on an open card would close it). */
async function open(item: ReturnType<typeof card>) {
  if ((await item.locator('[data-finding-button]').getAttribute('aria-expanded')) !== 'true') await item.locator('[data-finding-button]').click();
}

/** Opens a card and submits the reason form of one of its set-aside actions. */
async function setAside(code: string, action: 'dismiss' | 'dismiss-code' | 'rule-off', reason: string, nth = 0) {
  const item = card(code).nth(nth);
  await open(item);
  await item.locator(`[data-action="${action}"]`).click();
  await item.locator('.dismiss-form input').fill(reason);
  await item.locator('.dismiss-form button[type="submit"]').click();
}

const showDismissed = () => panel.locator('label', { hasText: '显示不予采纳' }).locator('input[type="checkbox"]').check();

/** The findings of the latest saved review, read from the extension's IndexedDB. */
async function latestSavedFindings(): Promise<{ code: string; decision: string; reason?: string }[]> {
  const log = await ext.context.newPage();
  await log.goto(ext.url('reviews.html'));
  const out = await log.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const req = indexedDB.open('normlint');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    const bodies = await new Promise<{ reviewId: number; findings: { code: string; decision: string; reason?: string }[] }[]>((ok, ko) => {
      const req = db.transaction('reviewBodies').objectStore('reviewBodies').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    db.close();
    const last = bodies.sort((a, b) => b.reviewId - a.reviewId)[0];
    return last.findings.map(({ code, decision, reason }) => ({ code, decision, reason }));
  });
  await log.close();
  return out;
}

async function reopenPanel() {
  await panel.close();
  panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
}

describe('decisions in the side panel', () => {
  test('the draft has the findings the test decides on', async () => {
    expect(await h.panelError(panel)).toBeNull();
    expect(await card('drafting.wording').count()).toBe(2);
    for (const code of ['content.penalty', 'content.interpretation', 'effective.no-grace']) expect(await card(code).count()).toBe(1);
    await waitMarked('区城市管理局', '第六条');
  });

  test('a dismissed finding loses its mark in the page at once', async () => {
    await setAside('content.interpretation', 'dismiss', '区城市管理局经授权解释');
    await panel.waitForFunction(() => !document.querySelector('.finding[data-code="content.interpretation"]'), undefined, h.POLL);
    await waitUnmarked('区城市管理局', '第六条');
    // The other findings keep theirs.
    expect((await marked()).map((m) => m.text)).toEqual(expect.arrayContaining(['原则上', '有关部门', '自印发之日起施行']));
  });

  test('全部忽略同类 sets aside every finding of the code, each losing its mark', async () => {
    const wording = card('drafting.wording').first();
    await open(wording);
    expect(await wording.locator('[data-action="dismiss-code"]').textContent()).toBe('全部忽略同类');
    await setAside('drafting.wording', 'dismiss-code', '本区惯用表述');
    await panel.waitForFunction(() => !document.querySelector('.finding[data-code="drafting.wording"]'), undefined, h.POLL);
    await waitUnmarked('原则上', '第二条');
    await waitUnmarked('有关部门', '第三条');
  });

  test('本文件不再检查此规则 sets the rule’s finding aside and unmarks it', async () => {
    await setAside('effective.no-grace', 'rule-off', '已另行发布施行公告');
    await panel.waitForFunction(() => !document.querySelector('.finding[data-code="effective.no-grace"]'), undefined, h.POLL);
    await waitUnmarked('自印发之日起施行', '第七条');
  });

  test('the saved review records each decision, the rule turned off with its reason', async () => {
    await open(card('content.penalty'));
    await card('content.penalty').locator('[data-action="confirm"]').click();
    await panel.click('[data-action="save-review"]');
    await panel.waitForSelector('[data-saved-id]', { timeout: h.WAIT_MS });
    const saved = await latestSavedFindings();
    const by = (code: string) => saved.filter((f) => f.code === code).map((f) => [f.decision, f.reason]);
    expect(by('content.penalty')).toEqual([['confirmed', undefined]]);
    expect(by('content.interpretation')).toEqual([['dismissed', '区城市管理局经授权解释']]);
    expect(by('drafting.wording')).toEqual([
      ['dismissed', '本区惯用表述'],
      ['dismissed', '本区惯用表述'],
    ]);
    expect(by('effective.no-grace')).toEqual([['dismissed', '本文件不再检查此规则：已另行发布施行公告']]);
  });

  test('a later review of the same document shows what the earlier one decided', async () => {
    await reopenPanel();
    const penalty = card('content.penalty');
    expect(await penalty.getAttribute('data-decision')).toBe('undecided');
    expect(await penalty.locator('[data-tag="previous-confirmed"]').textContent()).toBe('上次已确认');
    // Set-aside findings are hidden until asked for, and unmarked.
    expect(await card('content.interpretation').count()).toBe(0);
    await waitMarked('并处以2000元罚款', '第五条');
    expect((await marked()).map((m) => m.text)).not.toContain('自印发之日起施行');
    await showDismissed();
    await panel.waitForSelector('.finding[data-code="effective.no-grace"]', { timeout: h.WAIT_MS });
    expect(await card('content.interpretation').locator('[data-tag="previous-dismissed"]').textContent()).toBe('上次已忽略');
    expect(await card('drafting.wording').locator('[data-tag="previous-dismissed"]').count()).toBe(2);
    expect(await card('effective.no-grace').locator('[data-tag="rule-off"]').textContent()).toBe('本文件不再检查');
  });

  test('a rule turned off is turned back on, and stays on for the next review', async () => {
    const item = card('effective.no-grace');
    await open(item);
    const restore = item.locator('[data-action="restore"]');
    expect(await restore.textContent()).toBe('恢复检查此规则');
    await restore.click();
    await panel.waitForSelector('.finding[data-code="effective.no-grace"][data-decision="undecided"]', { timeout: h.WAIT_MS });
    await waitMarked('自印发之日起施行', '第七条');
    await reopenPanel();
    expect(await card('effective.no-grace').getAttribute('data-decision')).toBe('undecided');
    // The other remembered decisions are untouched.
    expect(await card('content.interpretation').count()).toBe(0);
  });

  test('no network request beyond the fixture server', async () => {
    expect(h.foreignRequests(ext, server)).toEqual([]);
  });
});
