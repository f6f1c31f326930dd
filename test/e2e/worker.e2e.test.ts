// A long document is reviewed in the panel's worker: the engine and jieba run off the panel's main thread, so the
// panel handles a click while the review is still running, and the findings arrive all the same.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as h from './harness';
import { buildDocument, portalPage } from './long-document';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'normlint-long-'));
  await writeFile(join(dir, 'long.html'), portalPage(buildDocument(200_000)));
  ext = await h.launchExtension();
  server = await h.startFixtureServer(dir);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('review worker', () => {
  test('a 200,000-character page is reviewed in a worker while the panel answers a click', async () => {
    const page = await h.openFixture(ext, server, 'long.html');
    const tabId = await h.tabIdOf(ext, page);
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 400, height: 860 });
    await panel.goto(ext.url(`sidepanel.html?tab=${tabId}`));

    // The engine runs in a worker of the panel page, not in the page itself.
    await panel.waitForFunction(() => document.querySelector('.panel')?.getAttribute('data-status') === 'reviewing', null, h.POLL);
    expect(panel.workers().map((w) => w.url()).some((u) => /review\.worker/.test(u))).toBe(true);

    // A click while the review runs is handled before the review is complete (on the main thread, the click
    // would wait for it): the panel is still reviewing, or shows the results without word-based rules yet.
    await panel.evaluate(() => {
      const w = window as unknown as { clickedWhile?: string };
      document.querySelector('h1')!.addEventListener('click', () => {
        const el = document.querySelector<HTMLElement>('.panel')!;
        w.clickedWhile = `${el.dataset.status}/${el.dataset.phase}`;
      });
    });
    await panel.click('h1');
    const clickedWhile = await panel.evaluate(() => (window as unknown as { clickedWhile?: string }).clickedWhile);
    expect(['reviewing/', 'ready/fast', 'reviewing/fast']).toContain(clickedWhile);

    // And the review completes with the document's findings, word-based ones included.
    await h.waitForPanel(panel, { settled: true });
    expect(await h.panelError(panel)).toBeNull();
    const chars = Number((await panel.locator('.status-line').innerText()).match(/已审查 ([\d,]+) 字/)?.[1].replace(/,/g, ''));
    expect(chars).toBeGreaterThan(190_000);
    await h.waitForCodes(panel, { has: ['effective.no-grace', 'drafting.wording'] });
  });
});
