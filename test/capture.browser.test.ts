/**
 * The capture code in a real browser page (Debian's chromium through playwright-core), as the extension's content
 * script runs it: computed style decides what is hidden and what is a block, and the offset map builds live Ranges.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturePage } from '../utils/capture';
import { normalizeHtmlSkeleton } from '../utils/io/html';

// The shared corpus sits beside the project (../shared), wherever the checkout is.
const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const PAGES = join(import.meta.dirname, 'fixtures/io/pages');

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  // The same modules the content script imports, bundled for the page.
  const out = await build({
    entryPoints: [join(import.meta.dirname, '../utils/capture/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'NormlintCapture',
    target: 'chrome110',
  });
  bundle = out.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function load(html: string) {
  await page.setContent(html, { waitUntil: 'load' });
  await page.addScriptTag({ content: bundle });
}

interface BrowserCapture {
  text: string;
  metadata: Record<string, unknown>;
  ranges: { start: number; end: number; slice: string; range: string | null }[];
  highlighted: boolean;
}

/** Captures in the page and checks Ranges over many spans of the text, there. */
const captureInPage = () =>
  page.evaluate(() => {
    const api = (window as unknown as { NormlintCapture: typeof import('../utils/capture') }).NormlintCapture;
    const c = api.capturePage(document);
    const ranges: BrowserCapture['ranges'] = [];
    const t = c.text;
    // Every line, and spans inside lines.
    let at = 0;
    for (const line of t.split('\n')) {
      if (line) {
        ranges.push({ start: at, end: at + line.length, slice: line, range: c.map.toRange(at, at + line.length)?.toString() ?? null });
        const mid = at + Math.floor(line.length / 3);
        const end = Math.min(at + line.length, mid + 7);
        ranges.push({ start: mid, end, slice: t.slice(mid, end), range: c.map.toRange(mid, end)?.toString() ?? null });
      }
      at += line.length + 1;
    }
    // The extension marks findings with the CSS Custom Highlight API: a Range from the map must be accepted.
    let highlighted = false;
    const r = c.map.toRange(0, Math.min(10, t.length));
    if (r && 'highlights' in CSS) {
      CSS.highlights.set('normlint-test', new Highlight(r));
      highlighted = CSS.highlights.has('normlint-test');
      CSS.highlights.delete('normlint-test');
    }
    return { text: t, metadata: c.metadata as Record<string, unknown>, ranges, highlighted };
  }) as Promise<BrowserCapture>;

const nodeCapture = (html: string) => capturePage(parseHTML(normalizeHtmlSkeleton(html)).document as unknown as Document);

describe('capture in Chromium', () => {
  const pages = [
    ...readdirSync(CORPUS).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS, f)),
    ...['trs-zoom.html', 'side-column.html', 'pages-content.html', 'dl-metadata.html'].map((f) => join(PAGES, f)),
  ];

  for (const file of pages) {
    it(`${file.split('/').pop()}: same text and metadata as on linkedom; Ranges match the text`, async () => {
      const html = readFileSync(file, 'utf8');
      await load(html);
      const b = await captureInPage();
      const n = nodeCapture(html);
      expect(b.text).toBe(n.text);
      expect(b.metadata).toEqual(JSON.parse(JSON.stringify(n.metadata)));
      expect(b.ranges.length).toBeGreaterThan(5);
      // Lines hold no made-up characters except the tabs between table cells.
      for (const r of b.ranges) expect(r.range).toBe(r.slice.includes('\t') ? r.range : r.slice);
      expect(b.highlighted).toBe(true);
    }, 30_000);
  }

  it('uses computed style: stylesheet-hidden text is skipped, CSS blocks break lines', async () => {
    await load(`<!DOCTYPE html><html><head><title>某县关于某事的通知_某县政府</title>
      <style>.hide{display:none} .blk{display:block} .inl{display:inline} .gone{visibility:hidden}</style></head>
      <body><div class="content">
        <p>第一条　为了规范某事，根据有关规定，制定本办法。</p>
        <p class="hide">样式表隐藏的段落</p>
        <span class="blk">第二条　块级的 span 单独成行。</span>
        <p class="inl">第三条　行内的段落</p><p class="inl">接在后面。</p>
        <p class="gone">不可见的段落</p>
        <p>第四条　本办法自2022年1月1日起施行。</p>
      </div></body></html>`);
    const b = await captureInPage();
    expect(b.text).toBe(
      '第一条　为了规范某事，根据有关规定，制定本办法。\n第二条　块级的 span 单独成行。\n第三条　行内的段落接在后面。\n第四条　本办法自2022年1月1日起施行。',
    );
    for (const r of b.ranges) expect(r.range).toBe(r.slice);
  });

  it('skips a hidden copy of the document (a mobile version hidden by the stylesheet)', async () => {
    const para = (n: number) => `<p>第${n}条　为了规范某事，根据有关规定，结合本地实际，制定本办法。</p>`;
    await load(`<!DOCTYPE html><html><head><title>某县关于某事的办法_某县政府</title><style>.m-only{display:none}</style></head><body>
      <div class="m-only"><div class="content">${[1, 2, 3, 4, 5, 6, 7, 8].map(para).join('')}<p>手机版附加说明，内容更长一些，用来让隐藏的副本得分更高。</p></div></div>
      <div class="pc"><h1>某县关于某事的办法</h1><div class="article">${[1, 2, 3, 4, 5, 6, 7, 8].map(para).join('')}</div></div></body></html>`);
    const b = await captureInPage();
    expect(b.text.startsWith('某县关于某事的办法\n第1条')).toBe(true);
    expect(b.text).not.toContain('手机版');
  });

  it('maps a selection in the page back to text offsets', async () => {
    await load('<div class="content"><p>第一条　为了<b>规范</b>管理，制定本办法。</p><p>第二条　本办法自公布之日起施行。</p></div>');
    const got = await page.evaluate(() => {
      const api = (window as unknown as { NormlintCapture: typeof import('../utils/capture') }).NormlintCapture;
      const root = document.querySelector('.content')!;
      const { text, map } = api.extractText(root);
      const b = document.querySelector('b')!.firstChild!;
      const p2 = document.querySelectorAll('p')[1].firstChild!;
      const s = map.offsetOf(b, 0)!;
      const e = map.offsetOf(p2, 3)!;
      return { slice: text.slice(s, e), range: map.toRange(s, e)!.toString() };
    });
    expect(got.slice).toBe('规范管理，制定本办法。\n第二条');
    // The Range spans the paragraphs' DOM text; the line break is the extractor's.
    expect(got.range).toBe('规范管理，制定本办法。第二条');
  });
});
