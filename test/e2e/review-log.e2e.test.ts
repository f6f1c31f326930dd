// The review log in a real browser: save a review from the side panel, find it in reviews.html, open it with its
// findings marked in the text, and print its 审查意见书 to PDF with Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;

beforeAll(async () => {
  // NORMLINT_EXTENSION_DIR lets a developer test another build without touching the shared e2e build.
  ext = await h.launchExtension({ extensionDir: process.env.NORMLINT_EXTENSION_DIR });
  server = await h.startFixtureServer();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const TITLE = '东山区城市道路临时占用管理办法';

test('a review saved from the side panel is in the log, opens marked, and prints as a 审查意见书 PDF', async () => {
  const page = await h.openFixture(ext, server, 'portal.html');
  const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
  const listed = await h.findings(panel);
  expect(listed.length).toBeGreaterThan(0);

  // Save, with a conclusion.
  await panel.selectOption('.save-bar select', 'return');
  await panel.click('[data-action="save-review"]');
  const savedId = Number(await panel.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }));
  expect(savedId).toBeGreaterThan(0);

  // The log lists it, newest first, with its title.
  const log = await ext.context.newPage();
  await log.goto(ext.url('reviews.html'));
  const row = log.locator(`[data-review-id="${savedId}"]`);
  await row.waitFor({ timeout: h.WAIT_MS });
  expect(await log.locator('tbody tr').first().getAttribute('data-review-id')).toBe(String(savedId));
  expect(await row.innerText()).toContain(TITLE);
  expect(await row.getAttribute('data-conclusion')).toBe('return');

  // Search finds it by 文号; a search for something else does not.
  await log.fill('input[name="q"]', '东政发〔2024〕5号');
  await log.waitForFunction(() => document.querySelector('[data-total]')?.getAttribute('data-total') === '1', null, { timeout: h.WAIT_MS });
  await row.waitFor();
  await log.fill('input[name="q"]', '没有这份文件');
  await log.waitForFunction(() => document.querySelector('[data-total]')?.getAttribute('data-total') === '0', null, { timeout: h.WAIT_MS });
  expect(await row.count()).toBe(0);
  await log.fill('input[name="q"]', '');
  await row.waitFor({ timeout: h.WAIT_MS });
  // A code filter from the chart keeps it when the review has that code.
  const code = listed[0].code;
  await log.click(`.log-chart [data-code="${code}"]`);
  await log.waitForFunction((c) => (document.querySelector('select[name="code"]') as HTMLSelectElement).value === c, code);
  await row.waitFor({ timeout: h.WAIT_MS });

  // Opening it shows the document text with every finding that has a place marked, and the same findings.
  await row.locator('a.log-title').click();
  await log.locator(`.log-detail[data-review-id="${savedId}"]`).waitFor({ timeout: h.WAIT_MS });
  expect(new URL(log.url()).hash).toBe(`#review-${savedId}`);
  const detailCodes = await log.$$eval('.detail-findings .finding', (els) => els.map((e) => (e as HTMLElement).dataset.code).sort());
  expect(detailCodes).toEqual(listed.map((f) => f.code).sort());
  const marked = await log.$$eval('.doc .nl-mark', (els) => els.map((e) => e.textContent ?? ''));
  expect(marked.length).toBeGreaterThan(0);
  expect(await log.$eval('pre.doc', (e) => e.textContent)).toContain('第一条');

  // The 审查意见书 prints to a PDF that holds its title.
  const opinion = await ext.context.newPage();
  await opinion.goto(ext.url(`opinion.html?id=${savedId}`));
  await opinion.locator(`.opinion[data-review-id="${savedId}"]`).waitFor({ timeout: h.WAIT_MS });
  const heading = await opinion.locator('.opinion-title').innerText();
  // A published page with problems and the conclusion 退回: the opinion is a 纠错建议.
  expect(heading.replace(/\s+/g, '')).toBe(`关于《${TITLE}》的纠错建议`);
  const articles = (await opinion.$$eval('.opinion-item[data-articles]', (els) => els.map((e) => (e as HTMLElement).dataset.articles ?? ''))).join(' ').split(/\s+/).filter(Boolean);
  expect(articles.length).toBeGreaterThan(0);
  await opinion.emulateMedia({ media: 'print' });
  const pdf = await opinion.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);
  await mkdir(h.OUTPUT_DIR, { recursive: true });
  const file = join(h.OUTPUT_DIR, `opinion-${savedId}.pdf`);
  await writeFile(file, pdf);
  const text = pdfText(pdf, file).replace(/\s+/g, '');
  expect(text).toContain(`关于《${TITLE}》的纠错建议`);
  expect(text).toContain('审查结论：退回');
  for (const a of articles) expect(text).toContain(a);
  // The screen-only toolbar is not printed, nor any line about the tool.
  expect(text).not.toContain('另存为PDF');
  expect(text).not.toMatch(/审查助手|记录编号/);

  // The same opinion exported as .docx reads back (mammoth) with its title, items and articles.
  await opinion.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([opinion.waitForEvent('download'), opinion.click('[data-action="export-docx"]')]);
  const docx = await readFile((await download.path())!);
  expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  const { value } = await mammoth.extractRawText({ buffer: docx });
  const words = value.replace(/\s+/g, '');
  expect(words).toContain(`关于《${TITLE}》的纠错建议`);
  const headings = await opinion.$$eval('.opinion-item .item-heading', (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, '')));
  expect(headings.length).toBeGreaterThan(0);
  for (const hd of headings) expect(words).toContain(hd);
  for (const a of articles) expect(words).toContain(a);
  expect(words).toContain('审查结论：退回');
});

test('a dismissal with a reason is remembered on the re-review, linked in the log, and restorable there', async () => {
  const page = await h.openFixture(ext, server, 'portal.html');
  const tab = await h.tabIdOf(ext, page);
  let panel = await h.openPanel(ext, tab);
  const [target, other] = await h.findings(panel);
  expect(other).toBeDefined();
  const item = (p: typeof panel, key: string) => p.locator(`[data-key="${key}"]`);
  // The panel hides dismissed findings unless asked to show them.
  const showDismissed = (p: typeof panel) => p.locator('label', { hasText: '显示不予采纳' }).locator('input[type="checkbox"]').check();

  // Dismiss one finding with a reason, confirm another, save.
  await item(panel, target.key).locator('[data-finding-button]').click();
  await item(panel, target.key).locator('[data-action="dismiss"]').click();
  await item(panel, target.key).locator('.dismiss-form input').fill('经核实，已有上位法授权');
  await item(panel, target.key).locator('.dismiss-form button[type="submit"]').click();
  await showDismissed(panel);
  await panel.waitForSelector(`[data-key="${target.key}"][data-decision="dismissed"]`, { timeout: h.WAIT_MS });
  await item(panel, other.key).locator('[data-finding-button]').click();
  await item(panel, other.key).locator('[data-action="confirm"]').click();
  await panel.waitForSelector(`[data-key="${other.key}"][data-decision="confirmed"]`, { timeout: h.WAIT_MS });
  await panel.click('[data-action="save-review"]');
  const first = Number(await panel.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }));

  // Re-review: the dismissal is remembered (shown as dismissed before any decision); save again.
  await panel.close();
  panel = await h.openPanel(ext, tab);
  await showDismissed(panel);
  await panel.waitForSelector(`[data-key="${target.key}"][data-decision="dismissed"]`, { timeout: h.WAIT_MS });
  await panel.click('[data-action="save-review"]');
  const second = Number(await panel.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }));
  expect(second).toBeGreaterThan(first);

  // The log links the second review to the first and shows the remembered dismissal with a restore control.
  const log = await ext.context.newPage();
  await log.goto(ext.url(`reviews.html#review-${second}`));
  await log.locator(`.log-detail[data-review-id="${second}"]`).waitFor({ timeout: h.WAIT_MS });
  expect(await log.locator('.detail-diff').innerText()).toContain(`记录 ${first}`);
  const dismissed = log.locator(`.detail-findings .finding[data-code="${target.code}"][data-decision="dismissed"]`);
  expect(await dismissed.count()).toBeGreaterThan(0);
  expect(await dismissed.first().innerText()).toContain('经核实，已有上位法授权');
  // The confirmation carried over to the re-review too.
  expect(await log.locator(`.detail-findings .finding[data-code="${other.code}"][data-decision="confirmed"]`).count()).toBeGreaterThan(0);
  await dismissed.first().locator('[data-action="restore-dismissal"]').click();
  await dismissed.first().getByText('已不再记住').waitFor({ timeout: h.WAIT_MS });

  // Restored: the next review shows the finding again, undecided.
  await panel.close();
  panel = await h.openPanel(ext, tab);
  await panel.waitForSelector(`[data-key="${target.key}"][data-decision="undecided"]`, { timeout: h.WAIT_MS });
});

/**
 * The text of a PDF: poppler's pdftotext when installed, else a small reader of Chromium's own PDFs (Flate
 * streams; per-font ToUnicode maps; Tj/TJ hex strings), enough to find a heading.
 */
export function pdfText(pdf: Buffer, file: string): string {
  if (existsSync('/usr/bin/pdftotext')) return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return readPdfText(pdf);
}

export function readPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  // Every object: its dictionary text and, for streams, the inflated content.
  const objects = new Map<number, { dict: string; data?: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\b/g)) {
    const at = m.index! + m[0].length;
    const endobj = raw.indexOf('endobj', at);
    const body = raw.slice(at, endobj);
    const si = body.search(/stream\r?\n/);
    if (si < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = at + si + body.slice(si).match(/stream\r?\n/)![0].length;
    let data: string | undefined;
    try {
      data = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      data = undefined; // images and fonts that are not Flate text
    }
    objects.set(Number(m[1]), { dict: body.slice(0, si), data });
  }
  // Font resource name → (code width, code → text) from the font's ToUnicode map.
  const fonts = new Map<string, { width: number; map: Map<number, string> }>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  const cmapOf = (fontObj: number) => {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj)?.dict ?? '');
    const cmap = ref ? objects.get(Number(ref[1]))?.data : undefined;
    if (!cmap) return undefined;
    const width = (/begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap)?.[1].length ?? 4) / 2;
    const map = new Map<number, string>();
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const [lo, hi, dst] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
        for (let g = lo; g <= hi; g++) map.set(g, String.fromCharCode(dst + g - lo));
      }
    }
    return { width, map };
  };
  for (const { dict } of objects.values()) {
    const res = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!res) continue;
    for (const m of res[1].matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const f = cmapOf(Number(m[2]));
      if (f && !fonts.has(m[1])) fonts.set(m[1], f);
    }
  }
  let out = '';
  for (const { data } of objects.values()) {
    if (!data || !/\bT[Jj]\b/.test(data)) continue;
    let font: { width: number; map: Map<number, string> } | undefined;
    // Where a glyph serves several characters, Chromium states the text itself: /ActualText <FEFF…> BDC … EMC.
    let actual = false;
    for (const t of data.matchAll(/\/ActualText\s*<([0-9a-fA-F]+)>|\bEMC\b|\/(\S+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>/g)) {
      if (t[1]) {
        out += utf16(t[1].replace(/^feff/i, ''));
        actual = true;
      } else if (t[0] === 'EMC') actual = false;
      else if (t[2]) font = fonts.get(t[2]);
      else if (t[3] !== undefined && font && !actual) {
        const hex = t[3].replace(/\s+/g, '');
        for (let i = 0; i + font.width * 2 <= hex.length; i += font.width * 2) out += font.map.get(parseInt(hex.slice(i, i + font.width * 2), 16)) ?? '';
      }
    }
    out += '\n';
  }
  return out;
}
