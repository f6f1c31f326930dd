// Drafts in the real editors reviewers use, installed from npm and served from local fixture pages: TinyMCE (its
// editing area in an iframe), CKEditor 5 classic and Quill 2. Each is captured, marked on the right words without
// touching its DOM, re-checked while typing, and fixed through its own input path: the editor's model holds the fix,
// the panel confirms it and records it, and the editor's Ctrl+Z takes back the fix alone (the reviewer's typing
// before it stays). Also: a draft beside a small 审核意见 box, and an editor that refuses a fix.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;

beforeAll(async () => {
  ext = await h.launchExtension();
  server = await h.startEditorFixtureServer();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

interface RealEditor {
  name: string;
  /** The frame holding the editable text. */
  frame(page: Page): Frame;
  /** The editable element in that frame. */
  editable: string;
  /** The text as the editor's own model has it (getData, getContent, getText), read in the page. */
  model(page: Page): Promise<string>;
  /** Edits closer together than this are one undo step in the editor (Quill's history delay). */
  undoGroupMs?: number;
}

const EDITORS: RealEditor[] = [
  {
    name: 'ckeditor5',
    frame: (p) => p.mainFrame(),
    editable: '.ck-editor__editable',
    model: (p) => p.evaluate(() => (window as unknown as { editor: { getData(): string } }).editor.getData()),
  },
  {
    name: 'tinymce',
    frame: (p) => p.frames().find((f) => f !== p.mainFrame())!,
    editable: 'body#tinymce',
    model: (p) => p.evaluate(() => (window as unknown as { editor: { getContent(): string } }).editor.getContent()),
  },
  {
    name: 'quill',
    frame: (p) => p.mainFrame(),
    editable: '.ql-editor',
    model: (p) => p.evaluate(() => (window as unknown as { editor: { getText(): string } }).editor.getText()),
    undoGroupMs: 1000,
  },
];

const GRACE = '自印发之日起施行';

describe.each(EDITORS)('$name', (ed) => {
  let page: Page;
  let panel: Page;
  let domBefore: string;
  const text = () => ed.frame(page).$eval(ed.editable, (el) => (el as HTMLElement).innerText);

  beforeAll(async () => {
    page = await h.openFixture(ext, server, `editors/${ed.name}.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, h.POLL);
    domBefore = await h.serializeDom(page);
    panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
  });

  afterAll(async () => {
    await panel?.close();
    await page?.close();
  });

  test('captures the editor and lists its defects', async () => {
    expect(await h.panelError(panel)).toBeNull();
    const codes = await h.codesOf(panel);
    for (const code of ['effective.no-grace', 'drafting.punctuation']) expect(codes, code).toContain(code);
  });

  test('a click marks the words of the finding, and marking leaves the editor’s DOM as it was', async () => {
    await h.clickFinding(panel, 'effective.no-grace');
    await h.waitForHighlight(ed.frame(page), GRACE);
    expect(await h.highlightTexts(ed.frame(page))).toEqual([GRACE]);
    expect(await h.serializeDom(page)).toBe(domBefore);
  });

  test('typing re-runs the review and the mark follows its words', async () => {
    const rev = await h.revisionOf(panel);
    await page.bringToFront();
    await ed.frame(page).click(`${ed.editable} p`);
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('修改稿：');
    await h.waitForPanel(panel, { after: rev });
    expect(await text()).toMatch(/^修改稿：/);
    expect(await panel.$eval('.finding.active', (el) => (el as HTMLElement).dataset.code)).toBe('effective.no-grace');
    await h.waitForHighlight(ed.frame(page), GRACE);
  });

  test('a fix lands in the editor’s model, is confirmed and recorded, and Ctrl+Z takes back the fix alone', async () => {
    // The editor merges edits made within its grouping delay into one undo step; a reviewer never fixes that fast.
    if (ed.undoGroupMs) await page.waitForTimeout(ed.undoGroupMs + 100);
    await panel.bringToFront();
    await h.clickFinding(panel, 'drafting.punctuation');
    const rev = await h.revisionOf(panel);
    await panel.locator('.finding.active [data-action="apply-fix"]').click();
    await h.waitForPanel(panel, { after: rev });
    await h.waitForCodes(panel, { lacks: ['drafting.punctuation'] });
    expect(await text()).toContain('工作，区公安分局');
    expect(await ed.model(page)).toContain('工作，区公安分局');
    expect(await panel.$eval('[data-confirmation]', (el) => el.textContent)).toContain('工作，区公安分局');
    expect(await panel.$$eval('[data-fixed-code]', (els) => els.map((e) => (e as HTMLElement).dataset.fixedCode))).toEqual(['drafting.punctuation']);
    expect(await panel.$('[data-notice]')).toBeNull();

    if (ed.name === 'ckeditor5') {
      // Saved, the fix is on record as 已修改, and the opinion lists it before and after, with its article.
      await panel.click('[data-action="save-review"]');
      const id = Number(await panel.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }));
      const opinion = await ext.context.newPage();
      await opinion.goto(ext.url(`opinion.html?id=${id}`));
      const fixes = opinion.locator('.opinion-fixes');
      await fixes.waitFor({ timeout: h.WAIT_MS });
      expect(await opinion.$eval('.opinion', (el) => (el as HTMLElement).dataset.kind)).toBe('draft');
      const said = (await fixes.innerText()).replace(/\s+/g, '');
      expect(said).toContain('已修改的问题（1处）');
      expect(said).toMatch(/第三条，[^：]+：“[^”]*工作,区公安分局[^”]*”已改为“[^”]*工作，区公安分局[^”]*”/);
      await opinion.close();
    }

    const rev2 = await h.revisionOf(panel);
    await page.bringToFront();
    await ed.frame(page).focus(ed.editable);
    await page.keyboard.press('Control+z');
    await h.waitForPanel(panel, { after: rev2 });
    await h.waitForCodes(panel, { has: ['drafting.punctuation'] });
    const after = await text();
    expect(after).toContain('工作,区公安分局');
    expect(after).toMatch(/^修改稿：/);
    expect(await ed.model(page)).toContain('修改稿：');
  });

  test('no network request beyond the fixture server', () => {
    expect(h.foreignRequests(ext, server)).toEqual([]);
  });
});

describe('a draft beside a small 审核意见 box', () => {
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    page = await h.openFixture(ext, server, 'editors/with-comment.html');
    // The reviewer's caret is in the comment box when the review starts.
    await page.focus('#comment');
    panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
  });

  afterAll(async () => {
    await panel?.close();
    await page?.close();
  });

  test('the draft is reviewed, not the focused comment box', async () => {
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe('在线编辑器');
    expect(await h.codesOf(panel)).toContain('effective.no-grace');
  });

  test('the reviewer can switch to the comment box and back', async () => {
    const options = await panel.$$eval('[data-action="choose-editor"] option', (os) => os.map((o) => (o as HTMLOptionElement).textContent ?? ''));
    expect(options).toHaveLength(2);
    expect(options.some((o) => o.startsWith('审核意见'))).toBe(true);
    const draft = await panel.$eval('[data-action="choose-editor"]', (s) => (s as HTMLSelectElement).value);
    const comment = await panel.$eval('[data-action="choose-editor"]', (s) =>
      [...(s as HTMLSelectElement).options].find((o) => o.textContent!.startsWith('审核意见'))!.value,
    );
    let rev = await h.revisionOf(panel);
    await panel.selectOption('[data-action="choose-editor"]', comment);
    rev = await h.waitForPanel(panel, { after: rev });
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe('文本框');
    expect(await h.codesOf(panel)).not.toContain('effective.no-grace');
    // 重新审查 keeps the reviewer's choice.
    await panel.click('[data-action="rerun"]');
    rev = await h.waitForPanel(panel, { after: rev });
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe('文本框');
    await panel.selectOption('[data-action="choose-editor"]', draft);
    await h.waitForPanel(panel, { after: rev });
    expect(await panel.$eval('.panel-header .scope', (el) => el.textContent)).toBe('在线编辑器');
  });
});

describe('an editor that refuses a fix', () => {
  test('the panel says so in Chinese, records nothing and keeps the finding', async () => {
    const page = await h.openFixture(ext, server, 'editors/refusing.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    await h.clickFinding(panel, 'drafting.punctuation');
    await panel.locator('.finding.active [data-action="apply-fix"]').click();
    await panel.waitForSelector('[data-notice="fix-refused"]', h.POLL);
    expect(await panel.$eval('[data-notice="fix-refused"]', (el) => el.textContent)).toMatch(/编辑器没有接受这处修改/);
    expect(await page.$eval('#editor', (el) => (el as HTMLElement).innerText)).toContain('工作,区公安分局');
    await h.waitForCodes(panel, { has: ['drafting.punctuation'] });
    expect(await panel.$('[data-confirmation]')).toBeNull();
    expect(await panel.$('[data-fixed-code]')).toBeNull();
    await panel.close();
    await page.close();
  });
});
