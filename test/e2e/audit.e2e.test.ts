// A whole column audit through the real extension: register loaded, audit started from the 备案审查 page on a
// local fixture column (two list layouts, three detail layouts, a .docx-only document, a dead link), cancelled,
// resumed after the page was reopened, the next list page read on request, exported, and the indicators checked
// against the fixture's known values.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';
import { writePortalColumn } from './portal-column';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;
let root: string;
let filing: Page;

beforeAll(async () => {
  root = await writePortalColumn();
  ext = await h.launchExtension();
  server = await h.startFixtureServer(root);
  filing = await ext.context.newPage();
  await filing.goto(ext.url('filing.html'));
  await filing.waitForSelector('.filing-page[data-ready="true"]', h.POLL);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const attr = async (name: string) => Number(await filing.locator('[data-audit]').getAttribute(name));

describe('column audit', () => {
  test('runs, cancels, resumes after reopening, reads the next page, exports and counts the indicators', async () => {
    await filing.locator('[data-action="register-file"]').setInputFiles(join(root, 'register.csv'));
    await filing.waitForSelector('[data-file="register.csv"]', h.POLL);
    await filing.locator('[data-action="register-import"]').click();
    await filing.waitForSelector('[data-register-hits="4"]', h.POLL);
    await filing.locator('[data-setting="reviewDate"]').fill('2024-12-31');
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

    await filing.locator('[data-action="audit-next-page"]').click();
    await filing.waitForSelector('[data-audit][data-total="6"][data-audit-status="done"]', h.POLL);
    expect(await filing.locator('tr[data-status="failed"]').allInnerTexts()).toEqual([expect.stringContaining('网站返回 404')]);
    expect([await attr('data-done'), await attr('data-failed')]).toEqual([5, 1]);
    // The .docx-only document was reviewed from its attachment.
    expect(server.hits).toContain('/col/d5.docx');
    const late = filing.locator('tr[data-item]', { hasText: '临政发〔2024〕7号' });
    expect(await late.innerText()).toContain('逾期15日');
    expect(Number(await late.locator('[data-col="error"]').innerText())).toBeGreaterThan(0);

    // Filter and sort.
    await filing.locator('[data-audit-show]').selectOption('failed');
    await filing.waitForSelector('[data-audit-shown="1"]', h.POLL);
    await filing.locator('[data-audit-show]').selectOption('all');
    await filing.locator('[data-sort="docNumber"]').click();
    const numbers = await filing.locator('tr[data-item] [data-col="docNumber"]').allInnerTexts();
    expect(numbers.filter(Boolean)).toEqual([...numbers.filter(Boolean)].sort((a, b) => a.localeCompare(b)));

    const [download] = await Promise.all([filing.waitForEvent('download'), filing.locator('[data-action="audit-export-docs"]').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n').length).toBeGreaterThanOrEqual(7);
    expect(csv).toContain('临政发〔2024〕15号');
    expect(csv).toContain('登记簿中无此文号');

    // Indicators over 2021–2024: five documents; filed 4 of 5, in time 3 of 4, one expired still marked 有效.
    await filing.locator('[data-period="from"]').fill('2021-01-01');
    await filing.locator('[data-period="from"]').press('Tab');
    await filing.locator('button', { hasText: '刷新' }).click();
    await filing.waitForSelector('[data-catalogue="5"]', h.POLL);
    expect(await filing.locator('[data-indicator="filed"]').innerText()).toBe('80.0%（4/5）');
    expect(await filing.locator('[data-indicator="timely"]').innerText()).toBe('75.0%（3/4）');
    expect(await filing.locator('[data-indicator="expired"]').innerText()).toBe('1 件');

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
    expect(tagged).toBe(5);
  });
});
