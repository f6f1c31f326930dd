// What the capture reads, and what the panel says when it cannot read: a selection (context-menu mode), a
// cross-origin frame, a page with no text, and the browser's own pages.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;

beforeAll(async () => {
  ext = await h.launchExtension();
  server = await h.startFixtureServer();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('capture', () => {
  test('a selection is reviewed alone and marked where it is', async () => {
    const page = await h.openFixture(ext, server, 'portal.html');
    const paragraph = await page.evaluate(() => {
      const p = [...document.querySelectorAll('.content p')].find((x) => x.textContent!.startsWith('第四条'))!;
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return p.textContent!;
    });
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page), { params: { mode: 'selection' } });
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe('选中内容');
    const codes = await h.codesOf(panel);
    expect(codes).toContain('drafting.wording');
    // The effective clause is outside the selection.
    expect(codes).not.toContain('effective.no-grace');
    const status = await panel.$eval('.status-line', (el) => el.textContent!);
    expect(status).toContain(`已审查 ${paragraph.length} 字`);
    const { excerpt } = await h.clickFinding(panel, 'drafting.wording');
    await h.waitForHighlight(page, excerpt);
    await panel.close();
    await page.close();
  });

  test('in auto mode a stray short selection does not narrow the review', async () => {
    const page = await h.openFixture(ext, server, 'portal.html');
    await page.evaluate(() => {
      const t = document.querySelector('.content p')!.firstChild!;
      const r = document.createRange();
      r.setStart(t, 0);
      r.setEnd(t, 3);
      getSelection()!.addRange(r);
    });
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe('页面正文');
    expect(await h.codesOf(panel)).toContain('effective.no-grace');
    await panel.close();
    await page.close();
  });

  test('an editor in a frame of another origin gets advice, not an empty review', async () => {
    const page = await h.openFixture(ext, server, 'cross-origin.html');
    await page.waitForFunction(() => (document.getElementById('ext') as HTMLIFrameElement).src.includes('localhost'), null, h.POLL);
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    expect(await h.panelError(panel)).toBe('cross-origin-frame');
    expect(await panel.locator('[data-error]').innerText()).toContain('其他网站的框架');
    await panel.close();
    await page.close();
  });

  test('a page with no text says so', async () => {
    const page = await h.openFixture(ext, server, 'empty.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    expect(await h.panelError(panel)).toBe('empty');
    await panel.close();
    await page.close();
  });

  test('the browser’s own pages cannot be read, and the panel says what to do', async () => {
    const page = await h.openFixture(ext, server, 'empty.html');
    const tabId = await h.tabIdOf(ext, page);
    await page.goto('chrome://version');
    const panel = await h.openPanel(ext, tabId);
    expect(await h.panelError(panel)).toBe('restricted');
    expect(await panel.locator('[data-error]').innerText()).toContain('浏览器内置页面');
    await panel.close();
    await page.close();
  });

  test('nothing is injected into pages uninvited; the context menu item is registered', async () => {
    const state = await ext.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: any }).chrome;
      const manifest = api.runtime.getManifest();
      const registered = await api.scripting.getRegisteredContentScripts();
      // The menu is made on install, asynchronously: poll until it exists (or give up after a while).
      let menu = false;
      for (let i = 0; i < 100 && !menu; i++) {
        menu = await api.contextMenus.update('normlint-review-selection', {}).then(
          () => true,
          () => new Promise<boolean>((r) => setTimeout(() => r(false), 50)),
        );
      }
      return { contentScripts: manifest.content_scripts ?? [], registered, menu, permissions: manifest.permissions };
    });
    expect(state.contentScripts).toEqual([]);
    expect(state.registered).toEqual([]);
    expect(state.menu).toBe(true);
    expect(state.permissions).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus']);
  });

  test('a panel opened without a trigger explains how to start', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(ext.url('sidepanel.html'));
    await panel.waitForSelector('.welcome', h.POLL);
    expect(await panel.locator('.welcome').innerText()).toContain('Alt+Shift+R');
    // In a tab of its own, the active tab is the panel itself: it offers no review of itself.
    await panel.waitForSelector('.panel[data-started="true"][data-status="idle"]', h.POLL);
    expect(await panel.locator('[data-action="rerun"]').isDisabled()).toBe(true);
    await panel.close();
  });

  test('closing the panel takes its marks out of the page', async () => {
    const page = await h.openFixture(ext, server, 'portal.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    const { excerpt } = await h.clickFinding(panel, 'effective.no-grace');
    await h.waitForHighlight(page, excerpt);
    await panel.close();
    await page.waitForFunction(() => CSS.highlights.size === 0, null, h.POLL);
    await page.close();
  });
});
