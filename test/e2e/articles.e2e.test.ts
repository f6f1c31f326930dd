// Article-level higher-law checks in the real extension: the article facts load as a chunk of the extension (no
// network), the panel lists each cited article with what the statute text says, and the two article rules report.
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
  page = await h.openFixture(ext, server, 'articles.html');
  panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('cited articles', () => {
  test('the panel lists each cited article with its chapter and the penalty the statute sets', async () => {
    expect(await h.panelError(panel)).toBeNull();
    await panel.waitForSelector('[data-cited-articles]', { timeout: h.WAIT_MS });
    await panel.click('[data-cited-articles] summary');
    const items = await panel.$$eval('[data-cited-articles] li', (els) =>
      els.map((el) => ({ cited: (el as HTMLElement).dataset.cited, status: (el as HTMLElement).dataset.status, text: (el as HTMLElement).innerText })),
    );
    const a42 = items.find((i) => i.cited === '《价格法》第四十二条');
    expect(a42?.status).toBe('known');
    expect(a42?.text).toContain('第六章 法律责任');
    expect(a42?.text).toContain('5000元以下罚款');
    expect(a42?.text).toContain('没收');
    // 该法 refers back to 价格法, which has 48 articles.
    const a64 = items.find((i) => i.cited === '《价格法》第六十四条');
    expect(a64?.status).toBe('missing');
    expect(a64?.text).toContain('共四十八条');
  });

  test('reports the missing article and the fine above the article’s ceiling', async () => {
    await h.waitForCodes(panel, { has: ['basis.article-invalid', 'content.penalty-range'] });
    const list = await h.findings(panel);
    const invalid = list.find((f) => f.code === 'basis.article-invalid');
    const range = list.find((f) => f.code === 'content.penalty-range');
    expect(invalid?.text).toContain('第六十四条');
    expect(range?.text).toContain('一万元以下');
  });

  test('nothing is fetched from outside the extension', () => {
    expect(h.foreignRequests(ext, server)).toEqual([]);
  });
});
