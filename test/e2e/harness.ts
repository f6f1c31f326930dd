/**
 * Browser-test harness: Debian's Chromium driven by playwright-core with the e2e build loaded, a tiny fixture
 * server on 127.0.0.1, and helpers to open the panel for a tab, wait for reviews and read marks in the page.
 * Reusable by every e2e test (the review-log test builds on it). Every wait is on a condition, never a sleep.
 */
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker, type Frame, type Request } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e');
export const FIXTURES_DIR = join(here, 'fixtures');
export const OUTPUT_DIR = join(ROOT, 'test-output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Generous bound for a wait on a condition; a passing run meets each condition in well under a second. */
export const WAIT_MS = 20_000;

/**
 * Polling by interval, not by animation frame: a page in a background tab gets no animation frames, and the panel
 * is in the background whenever the test types into the page.
 */
export const POLL = { timeout: WAIT_MS, polling: 50 } as const;

export interface ExtensionHandle {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request any page of the context, or the extension's service worker, made. */
  requests: Request[];
  /** Extension page URL: `page('sidepanel.html?tab=3')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Launches Chromium with the built e2e extension (run `npm run build:e2e` first; `npm run test:e2e` does). */
export async function launchExtension(opts: { extensionDir?: string } = {}): Promise<ExtensionHandle> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run npm run build:e2e`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'normlint-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // --headless=new below: Playwright's own headless flag would pick the old headless mode, which has no extensions.
    headless: false,
    viewport: { width: 1100, height: 800 },
    locale: 'zh-CN',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--load-extension=${dir}`,
      `--disable-extensions-except=${dir}`,
    ],
  });
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: WAIT_MS });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    requests,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  url(path: string): string;
  /** Paths requested, in order (to prove the page asked for nothing beyond its fixtures). */
  hits: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Serves a folder (test/e2e/fixtures by default) on 127.0.0.1 at a random port. */
export async function startFixtureServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const hits: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    hits,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The browser's id of the tab showing `page` (asked of the service worker: the e2e build may see 127.0.0.1 URLs). */
export async function tabIdOf(ext: ExtensionHandle, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.worker.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens a fixture page and waits until it is loaded. */
export async function openFixture(ext: ExtensionHandle, server: FixtureServer, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  return page;
}

export interface PanelOptions {
  /** Query parameters besides tab (mode=selection). */
  params?: Record<string, string>;
  viewport?: { width: number; height: number };
}

/** Opens sidepanel.html?tab=ID in its own tab (as the fallback window does) and waits for its first result. */
export async function openPanel(ext: ExtensionHandle, tabId: number, opts: PanelOptions = {}): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize(opts.viewport ?? { width: 400, height: 860 });
  const q = new URLSearchParams({ tab: String(tabId), ...opts.params });
  await panel.goto(ext.url(`sidepanel.html?${q}`));
  await waitForPanel(panel, { settled: true });
  return panel;
}

export interface PanelWait {
  /** Wait until the result counter passes this (a re-check after an edit). */
  after?: number;
  /** Wait until word-based rules ran too (jieba loaded). */
  settled?: boolean;
}

/** Waits until the panel shows a result (or an error) newer than `after`; returns the result counter. */
export async function waitForPanel(panel: Page, w: PanelWait = {}): Promise<number> {
  await panel.waitForFunction(
    ({ after, settled }) => {
      const el = document.querySelector<HTMLElement>('.panel');
      if (!el) return false;
      if (el.dataset.status === 'error') return true;
      const rev = Number(el.dataset.revision ?? 0);
      if (el.dataset.status !== 'ready' || rev <= after) return false;
      return !settled || el.dataset.phase === 'all' || el.dataset.segmenter === 'failed';
    },
    { after: w.after ?? 0, settled: !!w.settled },
    POLL,
  );
  return revisionOf(panel);
}

export const revisionOf = (panel: Page) => panel.$eval('.panel', (el) => Number((el as HTMLElement).dataset.revision ?? 0));

/** The panel's error code, if it shows one. */
export const panelError = (panel: Page) => panel.$eval('.panel', (el) => el.querySelector<HTMLElement>('[data-error]')?.dataset.error ?? null);

export interface ListedFinding {
  code: string;
  severity: string;
  key: string;
  text: string;
}

/** Every finding element of the panel, in list order. */
export async function findings(panel: Page): Promise<ListedFinding[]> {
  return panel.$$eval('[data-code]', (els) =>
    els.map((el) => {
      const h = el as HTMLElement;
      return { code: h.dataset.code!, severity: h.dataset.severity!, key: h.dataset.key!, text: h.innerText };
    }),
  );
}

/** Waits until the panel lists every code of `has` and none of `lacks` (after an edit, a fix, an undo). */
export async function waitForCodes(panel: Page, want: { has?: string[]; lacks?: string[] }): Promise<void> {
  await panel.waitForFunction(
    ({ has, lacks }) => {
      const el = document.querySelector<HTMLElement>('.panel');
      if (el?.dataset.status !== 'ready') return false;
      const codes = new Set([...document.querySelectorAll<HTMLElement>('[data-code]')].map((e) => e.dataset.code));
      return has.every((c) => codes.has(c)) && !lacks.some((c) => codes.has(c));
    },
    { has: want.has ?? [], lacks: want.lacks ?? [] },
    POLL,
  );
}

export const codesOf = async (panel: Page) => [...new Set((await findings(panel)).map((f) => f.code))].sort();

/** Clicks the first finding with `code` (or the given key) and returns its key and excerpt. */
export async function clickFinding(panel: Page, code: string, nth = 0): Promise<{ key: string; excerpt: string }> {
  const item = panel.locator(`[data-code="${code}"]`).nth(nth);
  await item.locator('[data-finding-button]').click();
  const key = (await item.getAttribute('data-key'))!;
  const excerpt = key.split('|').slice(2).join('|').replace(/#\d+$/, '');
  return { key, excerpt };
}

/**
 * The texts marked by a highlight (default: the active mark) in a page or frame, read from CSS.highlights. The
 * extension's highlight names end in a random suffix (`normlint-active-…`): found by their prefix.
 */
export async function highlightTexts(target: Page | Frame, name = 'normlint-active'): Promise<string[]> {
  return target.evaluate((n) => {
    const h = [...CSS.highlights].find(([k]) => k.startsWith(`${n}-`))?.[1];
    return h ? [...h].map((r) => (r as Range).toString()) : [];
  }, name);
}

/** Waits until a highlight holds `text` in a page or frame. */
export async function waitForHighlight(target: Page | Frame, text: string, name = 'normlint-active') {
  await target.waitForFunction(
    ({ n, t }) => {
      const h = [...CSS.highlights].find(([k]) => k.startsWith(`${n}-`))?.[1];
      return !!h && [...h].some((r) => (r as Range).toString() === t);
    },
    { n: name, t: text },
    POLL,
  );
}

/**
 * Runs `fn` with `this` bound to the overlay's shadow root. The root is closed: the page's scripts cannot reach it,
 * so the test goes through the DevTools protocol, which sees closed roots. Undefined when there is no overlay.
 */
async function onOverlayRoot<T>(page: Page, fn: string, arg: unknown): Promise<T | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'normlint-overlay' });
    if (!nodeId) return undefined;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return undefined;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const res = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
    return res.result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** Overlay boxes drawn for a textarea's marks (the page cannot hold Ranges on a textarea's text). */
export async function overlayBoxes(page: Page, onlyActive = false) {
  const boxes = await onOverlayRoot<{ key: string; severity: string; left: number; top: number; width: number; height: number }[]>(
    page,
    `function (active) {
      return [...this.querySelectorAll('[data-key]')]
        .filter((b) => !active || b.dataset.active === 'true')
        .map((b) => {
          const r = b.getBoundingClientRect();
          return { key: b.dataset.key, severity: b.dataset.severity, left: r.left, top: r.top, width: r.width, height: r.height };
        });
    }`,
    onlyActive,
  );
  return boxes ?? [];
}

/**
 * Waits until the overlay's active box sits on `excerpt` in the textarea `selector`. Where the characters are is
 * measured by the test itself (its own throwaway mirror of the field), independently of the extension's mirror.
 * Polls in the page, every 50 ms, until the condition holds or WAIT_MS passes.
 */
export async function waitForOverlayOn(page: Page, selector: string, excerpt: string): Promise<void> {
  await page.waitForSelector('normlint-overlay', { state: 'attached', timeout: WAIT_MS });
  const ok = await onOverlayRoot<boolean>(
    page,
    `function ({ selector, excerpt, waitMs }) {
      const root = this;
      const onExcerpt = () => {
        const ta = document.querySelector(selector);
        const box = root.querySelector('[data-active="true"]');
        if (!ta || !box) return false;
        const start = ta.value.indexOf(excerpt);
        if (start < 0) return false;
        const cs = getComputedStyle(ta);
        const m = document.createElement('div');
        for (const p of ['font', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingLeft', 'paddingRight', 'paddingBottom', 'textIndent', 'tabSize']) m.style[p] = cs[p];
        Object.assign(m.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', boxSizing: 'border-box', width: ta.clientWidth + 'px', top: '0', left: '0' });
        const t = document.createTextNode(ta.value + '\u200b');
        m.appendChild(t);
        document.body.appendChild(m);
        const r = document.createRange();
        r.setStart(t, start);
        r.setEnd(t, start + excerpt.length);
        const rect = r.getClientRects()[0];
        const origin = m.getBoundingClientRect();
        m.remove();
        const field = ta.getBoundingClientRect();
        const want = {
          left: field.left + ta.clientLeft + rect.left - origin.left - ta.scrollLeft,
          top: field.top + ta.clientTop + rect.top - origin.top - ta.scrollTop,
        };
        const got = box.getBoundingClientRect();
        return Math.abs(got.left - want.left) < 2 && Math.abs(got.top - want.top) < 2 && Math.abs(got.width - rect.width) < 3;
      };
      return new Promise((resolve) => {
        const until = Date.now() + waitMs;
        const poll = () => (onExcerpt() ? resolve(true) : Date.now() > until ? resolve(false) : setTimeout(poll, 50));
        poll();
      });
    }`,
    { selector, excerpt, waitMs: WAIT_MS },
  );
  if (!ok) throw new Error(`the overlay's active box did not come to sit on “${excerpt}” in ${selector}`);
}

/**
 * The page's DOM as markup: the top document and every same-origin frame. The extension's overlay host (outside
 * the page's content, under <html>) is left out only when the page can see nothing of it: no children, no open
 * shadow root, no attribute but its style. Otherwise it stays in the markup, and the comparison with the markup
 * before marking fails. Used to prove marking leaves the page unchanged.
 */
export async function serializeDom(page: Page): Promise<string> {
  const parts: string[] = [];
  for (const frame of page.frames()) {
    const html = await frame
      .evaluate(() => {
        const sealed = (n: Element) =>
          n.parentElement === document.documentElement && !n.shadowRoot && n.childNodes.length === 0 && n.getAttributeNames().every((a) => a === 'style');
        const clone = document.documentElement.cloneNode(true) as HTMLElement;
        const live = [...document.querySelectorAll('normlint-overlay')];
        clone.querySelectorAll('normlint-overlay').forEach((n, i) => {
          if (sealed(live[i])) n.remove();
        });
        return clone.outerHTML;
      })
      .catch(() => '<cross-origin>');
    parts.push(`<!-- ${frame.url()} -->\n${html}`);
  }
  return parts.join('\n');
}

/**
 * Requests made by any page or the extension's service worker (context-level events include the worker's) to
 * anything but the fixture server and the extension itself.
 */
export function foreignRequests(ext: ExtensionHandle, server: FixtureServer): string[] {
  const allowed = [server.origin, `http://localhost:${server.port}`, `chrome-extension://${ext.extensionId}/`, 'data:', 'blob:', 'about:'];
  return ext.requests.map((r) => r.url()).filter((u) => !allowed.some((a) => u.startsWith(a)));
}

/**
 * Proves that `ext.requests` sees the extension's service worker, not only pages: the worker fetches a probe path
 * from the fixture server, and the request must be logged and attributed to the worker. A "no network request"
 * check that calls this first could not pass merely because the worker's traffic went unseen. (Chromium's own
 * background traffic is switched off by the launch flags.)
 */
export async function probeServiceWorkerRequests(ext: ExtensionHandle, server: FixtureServer): Promise<Request> {
  const url = server.url(`service-worker-probe-${Date.now()}`);
  const logged = ext.context.waitForEvent('request', { predicate: (r) => r.url() === url, timeout: WAIT_MS });
  await ext.worker.evaluate((u: string) => fetch(u).then((r) => r.status, () => 0), url);
  const request = await logged;
  if (!ext.requests.includes(request)) throw new Error('the request log missed the service worker probe');
  if (!request.serviceWorker()) throw new Error('the service worker probe was not attributed to the worker');
  return request;
}

/** Saves a screenshot of the panel beside the page under test-output/ (kept out of git). */
export async function screenshotSideBySide(ext: ExtensionHandle, page: Page, panel: Page, name: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const [left, right] = await Promise.all([page.screenshot(), panel.screenshot()]);
  const sheet = await ext.context.newPage();
  // PNG width and height sit at bytes 16–23 of the header.
  const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  const l = size(left);
  const r = size(right);
  await sheet.setViewportSize({ width: l.width + r.width + 2, height: Math.max(l.height, r.height) });
  await sheet.setContent(
    `<body style="margin:0;background:#888;overflow:hidden">` +
      `<img style="position:absolute;left:0;top:0" src="data:image/png;base64,${left.toString('base64')}">` +
      `<img style="position:absolute;left:${l.width + 2}px;top:0" src="data:image/png;base64,${right.toString('base64')}"></body>`,
  );
  await sheet.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  const file = join(OUTPUT_DIR, `${name}.png`);
  await writeFile(file, await sheet.screenshot());
  await sheet.close();
  return file;
}

/** Brings a page to the front (a background tab still lays out, but focus and key events need the front). */
export const front = (page: Page) => page.bringToFront();

/** The editors' built files copied at test time from node_modules (never committed): served under /vendor/NAME/. */
const VENDOR: Record<string, { from: string; files?: string[] }> = {
  ckeditor5: { from: 'node_modules/ckeditor5/dist/browser', files: ['ckeditor5.umd.js', 'ckeditor5.css'] },
  tinymce: { from: 'node_modules/tinymce' },
  quill: { from: 'node_modules/quill/dist', files: ['quill.js', 'quill.snow.css'] },
};

/**
 * A fixture server whose root is a fresh copy of test/e2e/fixtures plus the real editors from npm (TinyMCE,
 * CKEditor 5, Quill) under /vendor/: the fixture pages in fixtures/editors/ load them from there.
 */
export async function startEditorFixtureServer(): Promise<FixtureServer> {
  const root = await mkdtemp(join(tmpdir(), 'normlint-fixtures-'));
  await cp(FIXTURES_DIR, root, { recursive: true });
  for (const [name, v] of Object.entries(VENDOR)) {
    const dest = join(root, 'vendor', name);
    await mkdir(dest, { recursive: true });
    if (v.files) for (const f of v.files) await cp(join(ROOT, v.from, f), join(dest, f));
    else await cp(join(ROOT, v.from), dest, { recursive: true });
  }
  const server = await startFixtureServer(root);
  return { ...server, close: async () => { await server.close(); await rm(root, { recursive: true, force: true }); } };
}
