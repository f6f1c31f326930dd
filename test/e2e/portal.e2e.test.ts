// A published document on a portal page: capture of the main content and the metadata table, findings in the
// panel, marks with the Highlight API, keyboard navigation, no change to the page and no network traffic.
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
    // Grouped by severity: every error is listed before every warning.
    const firstWarning = list.findIndex((f) => f.severity === 'warning');
    const lastError = list.map((f) => f.severity).lastIndexOf('error');
    if (firstWarning >= 0 && lastError >= 0) expect(lastError).toBeLessThan(firstWarning);
  });

  test('a click marks the finding’s text in the page with the Highlight API and scrolls to it', async () => {
    const { excerpt } = await h.clickFinding(panel, 'effective.no-grace');
    expect(excerpt).toContain('自印发之日起施行');
    await h.waitForHighlight(page, excerpt);
    expect(await h.highlightTexts(page)).toEqual([excerpt]);
    const visible = await page.evaluate(() => {
      const r = [...CSS.highlights.get('normlint-active')!][0] as Range;
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
    expect(h.foreignRequests(ext, server)).toEqual([]);
    expect(server.hits.filter((p) => p !== '/favicon.ico')).toEqual(['/portal.html']);
    const panelRequests = ext.requests.filter((r) => r.url().includes('sidepanel') || safePage(r) === panel).map((r) => r.url());
    expect(panelRequests.every((u) => u.startsWith(`chrome-extension://${ext.extensionId}/`))).toBe(true);
  });

  test('screenshot of the panel beside the portal page', async () => {
    await h.clickFinding(panel, 'effective.no-grace');
    await h.waitForHighlight(page, '自印发之日起施行');
    const file = await h.screenshotSideBySide(ext, page, panel, 'portal-with-panel');
    expect(file).toMatch(/test-output\/portal-with-panel\.png$/);
  });
});

const safePage = (r: { frame(): { page(): Page } }) => {
  try {
    return r.frame().page();
  } catch {
    return undefined; // a service worker's request has no frame
  }
};
