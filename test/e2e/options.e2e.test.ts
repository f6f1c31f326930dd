// The options page: rules on/off, profiles copied and edited, the register count, reviewer and language.
// Settings are saved at once and an open panel re-reviews with them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;
let options: Page;

beforeAll(async () => {
  ext = await h.launchExtension();
  server = await h.startFixtureServer();
  options = await ext.context.newPage();
  await options.goto(ext.url('options.html'));
  await options.waitForSelector('.options[data-ready="true"]', h.POLL);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const savedOk = (p: Page) => p.waitForSelector('.save-status[data-status="true"]', h.POLL);

describe('options', () => {
  test('lists every rule with its title and switches one off; an open panel re-reviews without it', async () => {
    const page = await h.openFixture(ext, server, 'portal.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    expect(await h.codesOf(panel)).toContain('drafting.punctuation');

    const boxes = await options.$$eval('[data-rule]', (els) => els.map((e) => (e as HTMLInputElement).dataset.rule));
    expect(boxes).toContain('drafting/punctuation');
    expect(await options.locator('label.rule', { has: options.locator('[data-rule="drafting/punctuation"]') }).innerText()).toContain('标点');

    await options.bringToFront();
    await options.locator('[data-rule="drafting/punctuation"]').uncheck();
    await savedOk(options);
    await h.waitForCodes(panel, { lacks: ['drafting.punctuation'], has: ['effective.no-grace'] });

    await options.locator('[data-rule="drafting/punctuation"]').check();
    await h.waitForCodes(panel, { has: ['drafting.punctuation'] });
    await panel.close();
    await page.close();
  });

  test('copies a profile into an editable one, refuses invalid values, saves valid ones and makes it active', async () => {
    await options.bringToFront();
    await options.locator('[data-action="copy-profile"]').click();
    const form = options.locator('form.profile-form');
    await form.locator('input[name="id"]').fill('Bad Id');
    await form.locator('input[name="graceMinDays"]').fill('');
    await form.locator('[data-action="save-profile"]').click();
    const errors = await form.locator('[data-profile-errors]').innerText();
    expect(errors).toContain('id');
    expect(errors).toContain('graceMinDays');

    await form.locator('input[name="id"]').fill('east-county');
    await form.locator('input[name="name"]').fill('东山区标准');
    await form.locator('input[name="graceMinDays"]').fill('20');
    await form.locator('[data-action="save-profile"]').click();
    await options.waitForFunction(() => (document.querySelector('[data-setting="profile"]') as HTMLSelectElement)?.value === 'east-county', null, h.POLL);
    expect(await options.locator('.thresholds').innerText()).toContain('20');

    // The panel reviews with the chosen profile.
    const page = await h.openFixture(ext, server, 'portal.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    expect(await panel.locator('.summary').innerText()).toContain('东山区标准');
    await panel.close();
    await page.close();
  });

  test('shows how many register entries are loaded and links to the filing page', async () => {
    await options.bringToFront();
    expect(await options.locator('[data-register-count]').getAttribute('data-register-count')).toBe('0');
    expect(await options.locator('[data-link="filing"]').getAttribute('href')).toBe('/filing.html');
  });

  test('reviewer name, live re-check and language are saved', async () => {
    await options.locator('[data-setting="reviewer"]').fill('张三');
    await options.locator('[data-setting="reviewer"]').press('Tab');
    await savedOk(options);
    await options.locator('[data-setting="liveRecheck"]').uncheck();
    await options.locator('[data-setting="locale"]').selectOption('en');
    await options.waitForFunction(() => document.querySelector('h1')?.textContent === 'NormLint settings', null, h.POLL);

    await options.reload();
    await options.waitForSelector('.options[data-ready="true"]', h.POLL);
    expect(await options.locator('[data-setting="reviewer"]').inputValue()).toBe('张三');
    expect(await options.locator('[data-setting="liveRecheck"]').isChecked()).toBe(false);
    expect(await options.locator('h1').innerText()).toBe('NormLint settings');

    // The panel speaks English too, and does not promise live re-checks.
    const page = await h.openFixture(ext, server, 'textarea.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    expect(await panel.locator('.panel-header h1').innerText()).toBe('Document review');
    expect(await panel.locator('.status-line').innerText()).not.toContain('re-checks as you edit');
    await panel.close();
    await page.close();

    await options.locator('[data-setting="locale"]').selectOption('zh-CN');
    await options.locator('[data-setting="liveRecheck"]').check();
    await options.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('设置'), null, h.POLL);
  });
});
