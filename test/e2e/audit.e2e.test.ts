// A whole column audit through the real extension: register loaded, audit started from the 备案审查 page on a
// local fixture column (six list layouts joined by a link, an onclick address, a query string, a data-url and a
// script call; eight detail layouts, documents published only as .docx or as .pdf — printed by Chromium — and a
// dead link), cancelled, resumed after the page was reopened, every next list page read on request, exported, and
// the indicators checked against the fixture's known values.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';
import { COLUMN_PAGES, DOCS, EXPECTED, REGISTER_CSV, attachmentOf, buildPortalColumn, docById, servePortal, type PortalServer } from './portal-column';

let ext: h.ExtensionHandle;
let server: PortalServer;
let filing: Page;

beforeAll(async () => {
  ext = await h.launchExtension();
  // The .pdf attachments as a real PDF printer makes them: Chromium prints each document's lines.
  const printer = await ext.context.newPage();
  const pdf = async (lines: string[]) => {
    await printer.setContent(`<html lang="zh-CN"><body style="font:16px serif">${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`);
    return new Uint8Array(await printer.pdf({ format: 'A4' }));
  };
  server = await servePortal(await buildPortalColumn({ pdf }));
  await printer.close();
  filing = await ext.context.newPage();
  await filing.goto(ext.url('filing.html'));
  await filing.waitForSelector('.filing-page[data-ready="true"]', h.POLL);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const attr = async (name: string) => Number(await filing.locator('[data-audit]').getAttribute(name));

describe('column audit', () => {
  test('runs, cancels, resumes after reopening, reads the next page, exports and counts the indicators', async () => {
    await filing.locator('[data-action="register-file"]').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(REGISTER_CSV) });
    await filing.waitForSelector('[data-file="register.csv"]', h.POLL);
    await filing.locator('[data-action="register-import"]').click();
    await filing.waitForSelector(`[data-register-hits="${DOCS.filter((d) => d.filed).length}"]`, h.POLL);
    await filing.locator('[data-setting="reviewDate"]').fill(EXPECTED.today);
    await filing.locator('[data-setting="reviewDate"]').press('Tab');
    await filing.waitForSelector('[data-status="true"]', h.POLL);

    await filing.locator('[data-audit-url]').fill(server.url('col/index.html'));
    await filing.locator('[data-audit-pause]').selectOption('500');
    await filing.locator('[data-action="audit-start"]').click();
    await filing.waitForSelector('[data-audit][data-total="3"][data-done="1"]', h.POLL);
    await filing.locator('[data-action="audit-cancel"]').click();
    await filing.waitForSelector('[data-audit][data-audit-status="paused"]', h.POLL);
    expect(await attr('data-done')).toBeLessThan(3);

    // Closing and reopening the page keeps what was done; 继续 finishes the first list page.
    const url = filing.url();
    await filing.goto('about:blank');
    await filing.goto(url.replace('&start=1', ''));
    await filing.waitForSelector('[data-action="audit-resume"]', h.POLL);
    await filing.locator('[data-action="audit-resume"]').click();
    await filing.waitForSelector('[data-audit][data-done="3"][data-audit-status="done"]', h.POLL);
    // The sidebar's 热点 links were not taken for documents.
    expect(server.hits.some((p) => p.startsWith('/news/'))).toBe(false);

    // Each next list page on request, whatever its layout and however it links on: 14 listed, one of them dead.
    let total = 3;
    for (const p of COLUMN_PAGES.slice(1)) {
      total += p.ids.length;
      await filing.locator('[data-action="audit-next-page"]').click();
      await filing.waitForSelector(`[data-audit][data-total="${total}"][data-audit-status="done"]`, h.POLL);
    }
    expect(await filing.locator('[data-action="audit-next-page"]').count()).toBe(0);
    for (const p of COLUMN_PAGES) expect(server.hits).toContain(p.path);
    expect(await filing.locator('tr[data-status="failed"]').allInnerTexts()).toEqual([expect.stringContaining('网站返回 404')]);
    expect([await attr('data-done'), await attr('data-failed')]).toEqual([DOCS.length, 1]);
    // The documents published only as attachments were reviewed from them: .docx by mammoth, .pdf by pdf.js.
    for (const d of DOCS.filter(attachmentOf)) {
      expect(server.hits).toContain(attachmentOf(d));
      const row = filing.locator('tr[data-item]', { hasText: d.number });
      expect(await row.getAttribute('data-status')).toBe('done');
    }
    for (const [id, days] of Object.entries(EXPECTED.late)) {
      const late = filing.locator('tr[data-item]', { hasText: docById(id).number });
      expect(await late.innerText()).toContain(`逾期${days}日`);
    }
    const d2 = filing.locator('tr[data-item]', { hasText: docById('d2').number });
    expect(Number(await d2.locator('[data-col="error"]').innerText())).toBeGreaterThan(0);

    // Filter and sort.
    await filing.locator('[data-audit-show]').selectOption('failed');
    await filing.waitForSelector('[data-audit-shown="1"]', h.POLL);
    await filing.locator('[data-audit-show]').selectOption('all');
    await filing.locator('[data-sort="docNumber"]').click();
    const numbers = await filing.locator('tr[data-item] [data-col="docNumber"]').allInnerTexts();
    expect(numbers.filter(Boolean)).toEqual([...numbers.filter(Boolean)].sort((a, b) => a.localeCompare(b)));

    const [download] = await Promise.all([filing.waitForEvent('download'), filing.locator('[data-action="audit-export-docs"]').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n').length).toBeGreaterThanOrEqual(DOCS.length + 2);
    for (const d of DOCS) expect(csv).toContain(d.number);
    expect(csv).toContain('登记簿中无此文号');

    // Indicators over 2021–2024, as the fixture knows them.
    const share = (x: { count: number; of: number }) => `${((100 * x.count) / x.of).toFixed(1)}%（${x.count}/${x.of}）`;
    await filing.locator('[data-period="from"]').fill(EXPECTED.from);
    await filing.locator('[data-period="from"]').press('Tab');
    await filing.locator('button', { hasText: '刷新' }).click();
    await filing.waitForSelector(`[data-catalogue="${EXPECTED.documents}"]`, h.POLL);
    expect(await filing.locator('[data-indicator="filed"]').innerText()).toBe(share(EXPECTED.filed));
    expect(await filing.locator('[data-indicator="timely"]').innerText()).toBe(share(EXPECTED.timely));
    expect(await filing.locator('[data-indicator="expired"]').innerText()).toBe(`${EXPECTED.expired.length} 件`);

    // Every reviewed page is in the review log, tagged with the audit.
    const tagged = await filing.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('normlint');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('reviews').objectStore('reviews').getAll();
            all.onsuccess = () => resolve((all.result as { auditId?: number }[]).filter((r) => r.auditId !== undefined).length);
          };
        }),
    );
    expect(tagged).toBe(DOCS.length);
  });
});
