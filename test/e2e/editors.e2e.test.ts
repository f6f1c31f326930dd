// Drafts in web editors: a textarea, a contenteditable and an editor in a same-origin iframe (UEditor style).
// Each is reviewed, marked (Highlight API, or an overlay for the textarea), edited (the review re-runs and the
// marks move with the text), fixed through the editor's input path, and the fix undone with the editor's undo.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
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

interface EditorFixture {
  file: string;
  scope: string;
  /** The frame holding the editable text. */
  frame(page: Page): Frame;
  /** The editor's current text. */
  text(page: Page): Promise<string>;
  /** Puts the caret at the very start of the editor (the page is in front). */
  caretAtStart(page: Page): Promise<void>;
  /** Whether the active mark covers `excerpt` where it now is. */
  markedAt(page: Page, excerpt: string): Promise<boolean>;
}

const GRACE = '自印发之日起施行';

/** Highlight API check: the active highlight's range reads `excerpt`. */
const highlighted = async (frame: Frame, excerpt: string) => {
  await h.waitForHighlight(frame, excerpt);
  return (await h.highlightTexts(frame)).includes(excerpt);
};

const FIXTURES: EditorFixture[] = [
  {
    file: 'textarea.html',
    scope: '文本框',
    frame: (p) => p.mainFrame(),
    text: (p) => p.$eval('#draft', (el) => (el as HTMLTextAreaElement).value),
    caretAtStart: async (p) => {
      await p.focus('#draft');
      await p.$eval('#draft', (el) => (el as HTMLTextAreaElement).setSelectionRange(0, 0));
    },
    // A textarea has no DOM text: its marks are overlay boxes, which must sit on the excerpt's characters.
    markedAt: async (p, excerpt) => {
      await h.waitForOverlayOn(p, '#draft', excerpt);
      return true;
    },
  },
  {
    file: 'contenteditable.html',
    scope: '在线编辑器',
    frame: (p) => p.mainFrame(),
    text: (p) => p.$eval('#editor', (el) => (el as HTMLElement).innerText),
    caretAtStart: async (p) => {
      await p.focus('#editor');
      await p.$eval('#editor', (el) => {
        const sel = getSelection()!;
        sel.removeAllRanges();
        const r = document.createRange();
        r.setStart(el.querySelector('p')!.firstChild!, 0);
        sel.addRange(r);
      });
    },
    markedAt: (p, excerpt) => highlighted(p.mainFrame(), excerpt),
  },
  {
    file: 'iframe.html',
    scope: '框架内编辑器',
    frame: (p) => p.frames().find((f) => f !== p.mainFrame())!,
    text: (p) => p.frames().find((f) => f !== p.mainFrame())!.$eval('body', (el) => (el as HTMLElement).innerText),
    caretAtStart: async (p) => {
      const f = p.frames().find((x) => x !== p.mainFrame())!;
      await f.focus('body');
      await f.$eval('body', (body) => {
        const sel = getSelection()!;
        sel.removeAllRanges();
        const r = document.createRange();
        r.setStart(body.querySelector('p')!.firstChild!, 0);
        sel.addRange(r);
      });
    },
    markedAt: (p, excerpt) => highlighted(p.frames().find((f) => f !== p.mainFrame())!, excerpt),
  },
];

describe.each(FIXTURES)('$file', (fx) => {
  let page: Page;
  let panel: Page;
  let domBefore: string;

  beforeAll(async () => {
    page = await h.openFixture(ext, server, fx.file);
    domBefore = await h.serializeDom(page);
    panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
  });

  afterAll(async () => {
    await panel?.close();
    await page?.close();
  });

  test('captures the editor and lists its defects', async () => {
    expect(await h.panelError(panel)).toBeNull();
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe(fx.scope);
    const codes = await h.codesOf(panel);
    for (const code of ['effective.no-grace', 'basis.citation-format', 'drafting.wording', 'drafting.punctuation']) {
      expect(codes, code).toContain(code);
    }
  });

  test('a click marks the text of the finding', async () => {
    const { excerpt } = await h.clickFinding(panel, 'effective.no-grace');
    expect(excerpt).toBe(GRACE);
    expect(await fx.markedAt(page, GRACE)).toBe(true);
  });

  test('marking leaves the editor’s DOM and text unchanged', async () => {
    expect(await h.serializeDom(page)).toBe(domBefore);
    if (fx.file === 'textarea.html') {
      // The overlay lives outside the page's content: a child of <html>, click-through.
      const host = await page.$eval('normlint-overlay', (el) => ({ parent: el.parentElement!.tagName, pe: getComputedStyle(el).pointerEvents }));
      expect(host).toEqual({ parent: 'HTML', pe: 'none' });
      // It draws the marks (seen through the DevTools protocol), yet the page's scripts cannot read them: the
      // shadow root is closed and nothing of the findings is in the page's DOM.
      const boxes = await h.overlayBoxes(page);
      expect(boxes.some((b) => b.key.includes(GRACE))).toBe(true);
      const seen = await page.evaluate(() => {
        const el = document.querySelector('normlint-overlay')!;
        return { shadow: el.shadowRoot, children: el.childNodes.length, keys: document.querySelectorAll('[data-key]').length, text: document.documentElement.outerHTML.includes('effective.no-grace') };
      });
      expect(seen).toEqual({ shadow: null, children: 0, keys: 0, text: false });
      // The page's CSS cannot hide or restyle the layer.
      const hostile = await page.addStyleTag({ content: 'normlint-overlay { display: none !important; pointer-events: auto !important; }' });
      expect(await page.$eval('normlint-overlay', (el) => [getComputedStyle(el).display, getComputedStyle(el).pointerEvents])).toEqual(['block', 'none']);
      await hostile.evaluate((el) => (el as Element).remove());
    } else {
      expect(await page.$('normlint-overlay')).toBeNull();
    }
  });

  test('typing re-runs the review and the mark moves with its text', async () => {
    const rev = await h.revisionOf(panel);
    await page.bringToFront();
    await fx.caretAtStart(page);
    await page.keyboard.type('修改稿：');
    await h.waitForPanel(panel, { after: rev });
    expect(await fx.text(page)).toMatch(/^修改稿：/);
    // The same finding is still the active one, and its mark sits on its words at their new place.
    expect(await panel.$eval('.finding.active', (el) => (el as HTMLElement).dataset.code)).toBe('effective.no-grace');
    expect(await fx.markedAt(page, GRACE)).toBe(true);
  });

  test('a fix lands through the editor’s input path and the editor’s undo takes it back', async () => {
    expect(await fx.text(page)).toContain('工作,区公安分局');
    await panel.bringToFront();
    await h.clickFinding(panel, 'drafting.punctuation');
    const rev = await h.revisionOf(panel);
    await panel.locator('.finding.active [data-action="apply-fix"]').click();
    await h.waitForPanel(panel, { after: rev });
    await h.waitForCodes(panel, { lacks: ['drafting.punctuation'] });
    expect(await fx.text(page)).toContain('工作，区公安分局');
    expect(await fx.text(page)).toMatch(/^修改稿：/);

    const rev2 = await h.revisionOf(panel);
    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await h.waitForPanel(panel, { after: rev2 });
    await h.waitForCodes(panel, { has: ['drafting.punctuation'] });
    const text = await fx.text(page);
    expect(text).toContain('工作,区公安分局');
    // Undo took back the fix only, not the typing before it.
    expect(text).toMatch(/^修改稿：/);
  });

  test('no network request beyond the fixture server', async () => {
    // The request log sees the service worker too (the probe is the worker's, sent by the test).
    await h.probeServiceWorkerRequests(ext, server);
    expect(h.foreignRequests(ext, server)).toEqual([]);
  });
});
