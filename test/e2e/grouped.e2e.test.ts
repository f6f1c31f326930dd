// A systematic defect in the side panel: the half-width commas of a draft are one card with its count and its
// places (a click on a place marks that place in the page), fixed all at once through the editor's input path;
// the same vague word twice is one card set aside at once. Every card names where its finding is.
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
  page = await h.openFixture(ext, server, 'grouped.html');
  panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
});

afterAll(async () => {
  await panel?.close();
  await page?.close();
  await ext?.close();
  await server?.close();
});

const editorText = () => page.$eval('#editor', (el) => (el as HTMLElement).innerText);
const card = (code: string) => panel.locator(`.finding[data-code="${code}"]`);

describe('grouped findings in the side panel', () => {
  test('a card names where its finding is in the document', async () => {
    expect(await h.panelError(panel)).toBeNull();
    expect(await card('effective.no-grace').locator('.finding-title .where').textContent()).toBe('第六条');
  });

  test('the half-width commas are one card with their count and places', async () => {
    const commas = card('drafting.punctuation');
    expect(await commas.count()).toBe(1);
    expect(await commas.getAttribute('data-places')).toBe('3');
    expect(await commas.locator('.tag.count').textContent()).toBe('共 3 处');
    await h.clickFinding(panel, 'drafting.punctuation');
    const places = await commas.locator('[data-place] .where').allTextContents();
    expect(places).toEqual(['第二条', '第三条', '第七条']);
  });

  test('clicking a place marks that place in the page', async () => {
    await card('drafting.punctuation').locator('[data-place="1"]').click();
    expect(await card('drafting.punctuation').locator('[data-place="1"]').getAttribute('aria-pressed')).toBe('true');
    // The active mark is the comma of 第三条, not the first one of 第二条.
    await page.waitForFunction(
      () => {
        // The highlight's name ends in a random suffix: found by its prefix.
        const h = [...CSS.highlights].find(([k]) => k.startsWith('normlint-active-'))?.[1];
        const r = h && ([...h][0] as Range | undefined);
        return !!r && r.toString() === ',' && (r.startContainer.textContent ?? '').startsWith('第三条');
      },
      undefined,
      h.POLL,
    );
  });

  test('全部修改 fixes every place through the editor, and the card goes', async () => {
    expect((await editorText()).match(/,/g)).toHaveLength(3);
    const rev = await h.revisionOf(panel);
    await card('drafting.punctuation').locator('[data-action="fix-all"]').click();
    await h.waitForPanel(panel, { after: rev });
    await h.waitForCodes(panel, { lacks: ['drafting.punctuation'] });
    const text = await editorText();
    expect(text).not.toContain(',');
    expect(text).toContain('投放，运营和使用');
    expect(text).toContain('文明用车，按规定停放');
    // The rest of the text is as it was.
    expect(text).toContain('原则上不少于两次');
  });

  test('全部忽略 sets the repeated vague word aside at once, with a reason', async () => {
    const vague = card('drafting.wording');
    expect(await vague.count()).toBe(1);
    expect(await vague.getAttribute('data-places')).toBe('2');
    await h.clickFinding(panel, 'drafting.wording');
    await vague.locator('[data-action="dismiss-all"]').click();
    await vague.locator('.dismiss-form input').fill('本区惯用表述，已与起草部门沟通');
    await vague.locator('.dismiss-form button[type="submit"]').click();
    // Set aside findings are hidden from the list: the whole group went with one decision.
    await panel.waitForFunction(() => !document.querySelector('.finding[data-code="drafting.wording"]'), undefined, h.POLL);
  });

  test('no network request beyond the fixture server', async () => {
    expect(h.foreignRequests(ext, server)).toEqual([]);
  });
});
