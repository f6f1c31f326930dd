// A published document on a portal page: capture of the main content and the metadata table, findings in the
// panel, marks with the Highlight API, keyboard navigation, no change to the page and no network traffic.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;
let page: Page;
let panel: Page;
let domBefore: string;

beforeAll(async () => {
  ext = await h.launchExtension();
  server = await h.startFixtureServer();
  page = await h.openFixture(ext, server, 'portal.html');
  domBefore = await h.serializeDom(page);
  panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('portal page', () => {
  test('reads the document and its metadata table', async () => {
    expect(await h.panelError(panel)).toBeNull();
    const summary = await panel.$eval('.summary', (el) => (el as HTMLElement).innerText);
    expect(summary).toContain('东政发〔2024〕5号');
    expect(summary).toContain('东山区人民政府');
    expect(summary).toContain('2024-03-04');
    expect(summary).toContain('页面正文');
    // The metadata table and the site's furniture are not reviewed as text.
    const chars = await panel.$eval('.status-line', (el) => (el as HTMLElement).innerText);
    expect(chars).toMatch(/已审查 \d+ 字/);
  });

  test('lists the defects of the fixture by code, each element with data-code and data-severity', async () => {
    const list = await h.findings(panel);
    const codes = new Set(list.map((f) => f.code));
    for (const code of ['effective.no-grace', 'basis.citation-format', 'drafting.wording', 'drafting.punctuation']) {
      expect(codes, code).toContain(code);
    }
    for (const f of list) {
      expect(f.code).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    // Grouped by severity: the fixture has errors and warnings, and every error is listed before every warning,
    // every warning before every hint.
    const severities = list.map((f) => f.severity);
    expect(severities).toContain('error');
    expect(severities).toContain('warning');
    const rank = severities.map((s) => ['error', 'warning', 'info'].indexOf(s));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
  });

  test('a click marks the finding’s text in the page with the Highlight API and scrolls to it', async () => {
    const { excerpt } = await h.clickFinding(panel, 'effective.no-grace');
    expect(excerpt).toContain('自印发之日起施行');
    await h.waitForHighlight(page, excerpt);
    expect(await h.highlightTexts(page)).toEqual([excerpt]);
    const visible = await page.evaluate(() => {
      const active = [...CSS.highlights].find(([k]) => k.startsWith('normlint-active-'))![1];
      const r = [...active][0] as Range;
      const b = r.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= innerHeight;
    });
    expect(visible).toBe(true);
    // Every other visible finding is marked by severity.
    const warnings = await h.highlightTexts(page, 'normlint-warning');
    expect(warnings).toContain('原则上');
  });

  test('j and k walk the findings and move the mark', async () => {
    await panel.bringToFront();
    await panel.locator('body').click({ position: { x: 5, y: 5 } });
    const order = await h.findings(panel);
    const active = await panel.$eval('.finding.active', (el) => (el as HTMLElement).dataset.key!);
    const at = order.findIndex((f) => f.key === active);
    expect(at).toBeGreaterThanOrEqual(0);
    const next = order[Math.min(at + 1, order.length - 1)];
    await panel.keyboard.press('j');
    await panel.waitForFunction((k) => document.querySelector('.finding.active')?.getAttribute('data-key') === k, next.key);
    const nextExcerpt = next.key.split('|').slice(2).join('|').replace(/#\d+$/, '');
    await h.waitForHighlight(page, nextExcerpt);
    await panel.keyboard.press('k');
    await panel.waitForFunction((k) => document.querySelector('.finding.active')?.getAttribute('data-key') === k, active);
  });

  test('page text offers no fix button (only editors can be fixed)', async () => {
    await h.clickFinding(panel, 'drafting.punctuation');
    const item = panel.locator('.finding.active');
    await expect.poll(() => item.locator('[data-action="apply-fix"]').count()).toBe(0);
  });

  test('marking leaves the page’s DOM as it was', async () => {
    expect(await h.highlightTexts(page)).not.toEqual([]);
    expect(await h.serializeDom(page)).toBe(domBefore);
    expect(await page.$('normlint-overlay')).toBeNull();
  });

  test('no network request beyond the fixture server; the page asked for nothing but itself', async () => {
    expect(server.hits.filter((p) => p !== '/favicon.ico')).toEqual(['/portal.html']);
    // The request log sees the service worker too (the probe is the worker's, sent by the test).
    await h.probeServiceWorkerRequests(ext, server);
    expect(h.foreignRequests(ext, server)).toEqual([]);
    const panelRequests = ext.requests.filter((r) => r.url().includes('sidepanel') || safePage(r) === panel).map((r) => r.url());
    expect(panelRequests.every((u) => u.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
  });

  test('screenshot of the panel beside the portal page', async () => {
    await h.clickFinding(panel, 'effective.no-grace');
    await h.waitForHighlight(page, '自印发之日起施行');
    const file = await h.screenshotSideBySide(ext, page, panel, 'portal-with-panel');
    expect(file).toMatch(/test-output\/portal-with-panel\.png$/);
    // The picture itself: both screenshots side by side, the page showing the active mark's yellow over the
    // excerpt, the panel showing its list (many colours, not a blank or error page).
    const pageSize = page.viewportSize()!;
    const panelSize = panel.viewportSize()!;
    const pic = await pixels(file, pageSize.width);
    expect([pic.width, pic.height]).toEqual([pageSize.width + panelSize.width + 2, Math.max(pageSize.height, panelSize.height)]);
    expect(pic.markedLeft).toBeGreaterThan(100);
    expect(pic.coloursRight).toBeGreaterThan(20);
  });
});

/**
 * Reads a PNG in the browser: its size, how many pixels left of `split` have the active mark's colour
 * (rgba(250, 204, 21, 0.6) over white), and how many distinct colours the right part has.
 */
async function pixels(file: string, split: number) {
  const png = await readFile(file);
  const sheet = await ext.context.newPage();
  await sheet.setContent(`<img src="data:image/png;base64,${png.toString('base64')}">`);
  await sheet.waitForFunction(() => document.images[0].complete && document.images[0].naturalWidth > 0);
  const out = await sheet.evaluate((split) => {
    const img = document.images[0];
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let markedLeft = 0;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      const x = (i / 4) % c.width;
      const marked = Math.abs(d[i] - 252) < 10 && Math.abs(d[i + 1] - 224) < 14 && Math.abs(d[i + 2] - 115) < 24;
      if (x < split) markedLeft += marked ? 1 : 0;
      else colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
    return { width: c.width, height: c.height, markedLeft, coloursRight: colours.size };
  }, split);
  await sheet.close();
  return out;
}

const safePage = (r: { frame(): { page(): Page } }) => {
  try {
    return r.frame().page();
  } catch {
    return undefined; // a service worker's request has no frame
  }
};
