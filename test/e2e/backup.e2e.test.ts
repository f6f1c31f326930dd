// Backup and restore through the real extension in Chromium, with the browser's own IndexedDB: reviews made in
// the side panel, backed up from the review log (the file the page downloads), restored into a fresh profile and
// into a profile holding other reviews (replace and merge, as the log offers). Every record of every table is
// read back from IndexedDB and compared.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';

type Dump = Record<string, Record<string, any>[]>;

let server: h.FixtureServer;
let dir: string;
const browsers: h.ExtensionHandle[] = [];

beforeAll(async () => {
  server = await h.startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'normlint-backup-'));
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function launch() {
  const ext = await h.launchExtension({ extensionDir: process.env.NORMLINT_EXTENSION_DIR });
  browsers.push(ext);
  return ext;
}

/** Reviews `fixture` in the side panel and saves it; with `dismiss`, the first finding is dismissed with that reason. */
async function review(ext: h.ExtensionHandle, fixture: string, opts: { conclusion?: string; dismiss?: string } = {}): Promise<number> {
  const page = await h.openFixture(ext, server, fixture);
  const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
  if (opts.dismiss) {
    const [target] = await h.findings(panel);
    const item = panel.locator(`[data-key="${target.key}"]`);
    await item.locator('[data-finding-button]').click();
    await item.locator('[data-action="dismiss"]').click();
    await item.locator('.dismiss-form input').fill(opts.dismiss);
    await item.locator('.dismiss-form button[type="submit"]').click();
    await panel.locator('label', { hasText: '显示不予采纳' }).locator('input[type="checkbox"]').check();
    await panel.waitForSelector(`[data-key="${target.key}"][data-decision="dismissed"]`, { timeout: h.WAIT_MS });
  }
  if (opts.conclusion) await panel.selectOption('.save-bar select', opts.conclusion);
  await panel.click('[data-action="save-review"]');
  const id = Number(await panel.getAttribute('[data-saved-id]', 'data-saved-id', { timeout: h.WAIT_MS }));
  await panel.close();
  await page.close();
  return id;
}

/** Every row of every table of the extension's database, read with the browser's IndexedDB API. */
async function dump(ext: h.ExtensionHandle): Promise<Dump> {
  const page = await ext.context.newPage();
  await page.goto(ext.url('reviews.html'));
  const out = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const req = indexedDB.open('normlint');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    const tables: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      tables[name] = await new Promise<unknown[]>((ok, ko) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
    }
    db.close();
    return tables;
  });
  await page.close();
  return out as Dump;
}

async function openData(ext: h.ExtensionHandle): Promise<Page> {
  const log = await ext.context.newPage();
  await log.goto(ext.url('reviews.html'));
  await log.locator('details.log-data > summary').click();
  await log.locator('[data-action="backup"]').waitFor({ timeout: h.WAIT_MS });
  return log;
}

/** Clicks 备份全部记录 and keeps the file the page downloads. */
async function backup(ext: h.ExtensionHandle): Promise<string> {
  const log = await openData(ext);
  const [download] = await Promise.all([log.waitForEvent('download', { timeout: h.WAIT_MS }), log.click('[data-action="backup"]')]);
  expect(download.suggestedFilename()).toMatch(/^NormLint审查记录备份-\d{8}\.json$/);
  const file = join(dir, `backup-${Date.now()}.json`);
  await download.saveAs(file);
  await log.close();
  return file;
}

/** Restores `file` from the log's data panel, accepting its confirmation; returns the notice it shows. */
async function restore(ext: h.ExtensionHandle, file: string, mode: 'replace' | 'merge'): Promise<string> {
  const log = await openData(ext);
  await log.selectOption('select[name="restore-mode"]', mode);
  const asked: string[] = [];
  log.on('dialog', (d) => {
    asked.push(d.message());
    void d.accept();
  });
  await log.setInputFiles('input[data-action="restore"]', file);
  const notice = log.locator('.notice[role="status"], .notice[role="alert"]').first();
  await notice.waitFor({ timeout: h.WAIT_MS });
  const text = await notice.innerText();
  expect(asked).toHaveLength(1);
  expect(asked[0]).toContain(mode === 'merge' ? '合并' : '替换');
  await log.close();
  return text;
}

/**
 * A dump with the database's own ids replaced by what identifies a record in any profile (a review by its time
 * and fingerprint, a dismissal by its time, code and excerpt), so that merged records can be compared with
 * the originals whatever ids the merge gave them. Rows are sorted.
 */
function byIdentity(d: Dump): Dump {
  const reviewKey = new Map(d.reviews.map((r) => [r.id, `${r.createdAt}|${r.fingerprint}`]));
  const dismissalKey = new Map(d.dismissals.map((r) => [r.id, `${r.createdAt}|${r.code}|${r.excerpt}`]));
  const rk = (id: unknown) => (id === undefined ? undefined : (reviewKey.get(id) ?? `missing ${String(id)}`));
  const dk = (id: unknown) => (id === undefined ? undefined : (dismissalKey.get(id) ?? `missing ${String(id)}`));
  return {
    reviews: sorted(d.reviews.map((r) => ({ ...r, id: rk(r.id), previousId: rk(r.previousId) }))),
    reviewBodies: sorted(
      d.reviewBodies.map((b) => ({
        ...b,
        reviewId: rk(b.reviewId),
        findings: b.findings.map((f: any) => ({ ...f, carriedFrom: rk(f.carriedFrom), dismissalId: dk(f.dismissalId) })),
      })),
    ),
    searchText: sorted(d.searchText.map((s) => ({ ...s, id: rk(s.id) }))),
    dismissals: sorted(d.dismissals.map((x) => ({ ...x, id: dk(x.id), reviewId: rk(x.reviewId) }))),
    register: sorted(d.register.map(({ id: _id, ...e }) => e)),
    registerMeta: sorted(d.registerMeta),
    stats: sorted(d.stats),
    settings: sorted(d.settings),
  };
}

const sorted = (rows: Record<string, any>[]) => rows.map((r) => JSON.stringify(r)).sort().map((s) => JSON.parse(s));

/** Chart counts of two dumps added up, as the merged log must show them. */
function addStats(a: Dump['stats'], b: Dump['stats']) {
  const m = new Map<string, Record<string, any>>();
  for (const s of [...a, ...b]) {
    const k = `${s.day}|${s.code}`;
    const had = m.get(k);
    m.set(k, had ? { ...had, findings: had.findings + s.findings, reviews: had.reviews + s.reviews } : { ...s });
  }
  return [...m.values()];
}

let original: Dump;
let file: string;

test('reviews made in the side panel are backed up to the file the log downloads', async () => {
  const ext = await launch();
  const first = await review(ext, 'portal.html', { conclusion: 'return', dismiss: '经核实，已有上位法授权' });
  const second = await review(ext, 'portal.html', { conclusion: 'approve-with-changes' });
  await review(ext, 'textarea.html');
  original = await dump(ext);
  expect(original.reviews.map((r) => r.id)).toEqual([first, second, first + 2]);
  // The re-review is linked and carries the remembered dismissal: the backup has to keep both.
  expect(original.reviews[1].previousId).toBe(first);
  expect(original.dismissals).toHaveLength(1);
  file = await backup(ext);
}, 120_000);

test('restored into a fresh profile, every record is equal', async () => {
  const ext = await launch();
  expect((await dump(ext)).reviews).toEqual([]);
  const notice = await restore(ext, file, 'replace');
  expect(notice).toContain('已从备份恢复 3 条审查记录');
  expect(await dump(ext)).toEqual(original);
  // The log lists them, and one opens with its text.
  const log = await ext.context.newPage();
  await log.goto(ext.url(`reviews.html#review-${original.reviews[1].id}`));
  await log.locator(`.log-detail[data-review-id="${original.reviews[1].id}"]`).waitFor({ timeout: h.WAIT_MS });
  expect(await log.$eval('pre.doc', (e) => e.textContent)).toContain('第一条');
}, 120_000);

test('merged into a profile holding other reviews, theirs and the backup’s are all there; replaced, only the backup’s', async () => {
  const ext = await launch();
  await review(ext, 'contenteditable.html', { conclusion: 'approve' });
  await review(ext, 'portal.html', { dismiss: '本地已有授权' });
  const own = await dump(ext);
  expect(own.reviews).toHaveLength(2);

  const merged = await restore(ext, file, 'merge');
  expect(merged).toContain('已合并备份中的 3 条审查记录');
  const after = await dump(ext);
  expect(after.reviews).toHaveLength(5);
  // The profile's own records keep their ids and contents.
  for (const table of ['reviews', 'reviewBodies', 'searchText', 'dismissals'] as const) {
    for (const row of own[table]) expect(after[table]).toContainEqual(row);
  }
  // Record by record, the merge is the union of both; chart counts add up; the profile's settings stay.
  const want = byIdentity(original);
  const mine = byIdentity(own);
  const got = byIdentity(after);
  for (const table of ['reviews', 'reviewBodies', 'searchText', 'dismissals'] as const) {
    expect(got[table], table).toEqual(sorted([...mine[table], ...want[table]]));
  }
  expect(got.stats).toEqual(sorted(addStats(own.stats, original.stats)));
  expect(got.settings).toEqual(mine.settings);
  // Merging the same file again adds nothing.
  expect(await restore(ext, file, 'merge')).toContain('已合并备份中的 0 条审查记录');
  expect(await dump(ext)).toEqual(after);

  const replaced = await restore(ext, file, 'replace');
  expect(replaced).toContain('已从备份恢复 3 条审查记录');
  expect(await dump(ext)).toEqual(original);
}, 180_000);

test('a review whose page text carries bidi and zero-width characters shows them inert in the log; its javascript: URL is no link', async () => {
  // The backup as a hostile page would have left it: an override in the title, a zero-width space in the 文号,
  // and a javascript: address (rows edited in the file; the checks accept them, they are well-formed text).
  const json = JSON.parse(await readFile(file, 'utf8'));
  const rows = (name: string) => json.data.data.find((t: { tableName: string }) => t.tableName === name).rows as Record<string, any>[];
  const target = rows('reviews')[0];
  target.title = `某区\u202E管理办法`;
  target.docNumber = `东政发〔2024〕\u200B5号`;
  target.url = 'javascript:alert(1)';
  const hostile = join(dir, 'hostile.json');
  await writeFile(hostile, JSON.stringify(json));

  const ext = await launch();
  expect(await restore(ext, hostile, 'replace')).toContain('已从备份恢复 3 条审查记录');
  const log = await ext.context.newPage();
  await log.goto(ext.url('reviews.html'));
  const row = log.locator(`[data-review-id="${target.id}"]`);
  await row.waitFor({ timeout: h.WAIT_MS });
  const listed = await row.innerText();
  expect(listed).toContain('某区⟨U+202E⟩管理办法');
  expect(listed).toContain('东政发〔2024〕⟨U+200B⟩5号');
  await log.goto(ext.url(`reviews.html#review-${target.id}`));
  await log.locator(`.log-detail[data-review-id="${target.id}"]`).waitFor({ timeout: h.WAIT_MS });
  // Nothing on the page is reordered or hidden by the page's characters, and the address is text, not a link.
  expect(await log.evaluate(() => /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText))).toBe(false);
  expect(await log.locator('#detail-title').innerText()).toBe('某区⟨U+202E⟩管理办法');
  const url = log.locator('[data-url]');
  expect(await url.innerText()).toBe('javascript:alert(1)');
  expect(await url.evaluate((el) => el.tagName)).toBe('SPAN');
  expect(await log.locator('a[href^="javascript:"]').count()).toBe(0);
  // The 审查意见书 prints the title inert too.
  const opinion = await ext.context.newPage();
  await opinion.goto(ext.url(`opinion.html?id=${target.id}`));
  await opinion.locator(`.opinion[data-review-id="${target.id}"]`).waitFor({ timeout: h.WAIT_MS });
  expect(await opinion.evaluate(() => /[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/.test(document.body.innerText))).toBe(false);
  expect(await opinion.locator('.opinion-title').innerText()).toContain('⟨U+202E⟩');
}, 120_000);
