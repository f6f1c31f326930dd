// The file page (file.html): a .docx, a .pdf and pasted text reviewed in the extension itself with the same engine,
// marked in the page's own rendering of the text, and saved to the log; bad input gets a Chinese message.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
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

const DRAFT = [
  '东山区城市道路临时占用管理办法（送审稿）',
  '第一条　为加强城市道路临时占用管理，根据《城市道路管理条例》，制定本办法。',
  '第二条　本办法适用于本区行政区域内城市道路的临时占用。',
  '第三条　区城市管理局负责监督管理工作,区公安分局按照职责做好相关工作。',
  '第四条　本办法由区人民政府负责解释。',
  '第五条　本办法自印发之日起施行，有效期5年。',
];
const GRACE = '自印发之日起施行';

async function docxOf(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] }));
}

async function openFilePage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('file.html'));
  await page.waitForSelector('.file-page');
  return page;
}

/** Waits until the page shows a review newer than `after`, with the word rules run too. */
async function reviewed(page: Page, after = 0): Promise<number> {
  await page.waitForFunction(
    (a) => {
      const el = document.querySelector<HTMLElement>('.file-page');
      return !!el && el.dataset.status === 'ready' && el.dataset.phase === 'all' && Number(el.dataset.revision) > a;
    },
    after,
    h.POLL,
  );
  return page.$eval('.file-page', (el) => Number((el as HTMLElement).dataset.revision));
}

const codes = (page: Page) => page.$$eval('[data-code]', (els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.code!))]);

test('a .docx is read, reviewed, marked in the shown text and saved to the log', async () => {
  const page = await openFilePage();
  await page.setInputFiles('[data-action="pick-file"]', { name: '送审稿.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxOf(DRAFT) });
  await reviewed(page);
  expect(await page.$eval('.file-doc', (el) => (el as HTMLElement).innerText)).toContain('第三条');
  expect(await codes(page)).toEqual(expect.arrayContaining(['effective.no-grace', 'drafting.punctuation']));

  await page.locator('[data-code="effective.no-grace"] [data-finding-button]').first().click();
  await h.waitForHighlight(page, GRACE);
  expect(await h.highlightTexts(page)).toEqual([GRACE]);
  // The lone “,” is shown with the words around it on its card.
  expect(await page.locator('[data-code="drafting.punctuation"] [data-phrase]').first().innerText()).toContain('工作,区公安分局');

  // A finding set aside with a reason loses its mark in the text at once.
  const punct = page.locator('[data-code="drafting.punctuation"]').first();
  await punct.locator('[data-finding-button]').click();
  await h.waitForHighlight(page, ',');
  await punct.locator('[data-action="dismiss"]').click();
  await punct.locator('.dismiss-form input').fill('原文如此，另行处理');
  await punct.locator('.dismiss-form button[type="submit"]').click();
  await page.waitForFunction(
    () => ['normlint-active', 'normlint-error', 'normlint-warning', 'normlint-info'].every((n) => ![...(CSS.highlights.get(n) ?? [])].some((r) => (r as Range).toString() === ',')),
    undefined,
    h.POLL,
  );

  await page.click('[data-action="save-review"]');
  const id = Number(await page.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }));
  const log = await ext.context.newPage();
  await log.goto(ext.url(`reviews.html#review-${id}`));
  await log.locator(`.log-detail[data-review-id="${id}"]`).waitFor({ timeout: h.WAIT_MS });
  expect(await log.$eval('pre.doc', (e) => e.textContent)).toContain('第五条');
  const saved = await log.$$eval('.detail-findings .finding', (els) => els.map((e) => (e as HTMLElement).dataset.code));
  expect(saved).toContain('effective.no-grace');
  await log.close();
  await page.close();
});

test('pasted text is reviewed and saved', async () => {
  const page = await openFilePage();
  await page.fill('[data-input="paste"]', DRAFT.join('\n'));
  await page.click('[data-action="review-pasted"]');
  await reviewed(page);
  expect(await codes(page)).toContain('effective.no-grace');
  expect(await page.$eval('.file-doc', (el) => el.querySelectorAll('p').length)).toBe(DRAFT.length);
  await page.click('[data-action="save-review"]');
  expect(Number(await page.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }))).toBeGreaterThan(0);
  await page.close();
});

test('a text PDF is read through its text layer', async () => {
  // A real PDF with a text layer: Chromium prints the draft.
  const printer = await ext.context.newPage();
  await printer.setContent(`<html lang="zh-CN"><body style="font:16px serif">${DRAFT.map((l) => `<p>${l}</p>`).join('')}</body></html>`);
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();
  const page = await openFilePage();
  await page.setInputFiles('[data-action="pick-file"]', { name: '送审稿.pdf', mimeType: 'application/pdf', buffer: pdf });
  await reviewed(page);
  expect(await page.$eval('.file-doc', (el) => (el as HTMLElement).innerText)).toContain('第五条');
  expect(await codes(page)).toContain('effective.no-grace');
  await page.close();
});

test('a file it cannot read gets a Chinese message and the page stays usable', async () => {
  const page = await openFilePage();
  await page.setInputFiles('[data-action="pick-file"]', { name: '旧稿.doc', mimeType: 'application/msword', buffer: Buffer.from('\xd0\xcf\x11\xe0 old word', 'latin1') });
  await page.waitForSelector('[data-error]', h.POLL);
  expect(await page.$eval('[data-error]', (e) => e.textContent)).toMatch(/旧版 Word 格式.*另存为 \.docx/);
  await page.setInputFiles('[data-action="pick-file"]', { name: '空白.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await docxOf(['   ']) });
  await page.waitForFunction(() => /没有文字/.test(document.querySelector('[data-error]')?.textContent ?? ''), undefined, h.POLL);
  await page.close();
});

test('the panel links to the file page', async () => {
  const panel = await ext.context.newPage();
  await panel.goto(ext.url('sidepanel.html'));
  expect(await panel.getAttribute('[data-link="file"]', 'href')).toBe('/file.html');
  await panel.close();
  expect(h.foreignRequests(ext, server)).toEqual([]);
});
