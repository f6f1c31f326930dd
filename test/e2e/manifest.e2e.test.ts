// The manifests as WXT builds them (the files a browser loads), not the config function: the release build for
// Chrome and Firefox, built here into a scratch folder, and the e2e build `npm run test:e2e` made. Permissions are
// exactly these, host access only in the e2e build, no remote code.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'wxt';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, ROOT } from './harness';

type Manifest = Record<string, any>;
let out: string;
let chrome: Manifest;
let firefox: Manifest;
let e2e: Manifest;

const read = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));

beforeAll(async () => {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No e2e build: run npm run build:e2e');
  e2e = await read(EXTENSION_DIR);
  out = await mkdtemp(join(tmpdir(), 'normlint-manifest-'));
  await build({ root: ROOT, mode: 'production', browser: 'chrome', outDir: join(out, 'chrome') });
  await build({ root: ROOT, mode: 'production', browser: 'firefox', outDir: join(out, 'firefox') });
  chrome = await read(join(out, 'chrome/chrome-mv3'));
  firefox = await read(join(out, 'firefox/firefox-mv2'));
}, 600_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('built manifest', () => {
  test('release build: the five permissions, no host permission granted at install, no remote code', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.permissions).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus']);
    expect(chrome.host_permissions).toBeUndefined();
    expect(chrome.optional_permissions).toBeUndefined();
    // A column audit asks, at the officer's click, for the one portal it reads; nothing is granted beforehand.
    expect(chrome.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(chrome.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    // Content scripts are injected on demand (activeTab + scripting), never declared for every site.
    expect(chrome.content_scripts ?? []).toEqual([]);
    const { optional_host_permissions: _optional, ...rest } = chrome;
    expect(JSON.stringify(rest)).not.toMatch(/https?:\/\//);
  });

  test('e2e build differs only by host permissions for the local fixture server', () => {
    const { host_permissions, ...rest } = e2e;
    expect(host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(rest).toEqual(chrome);
  });

  test('the shortcut opens the review (Alt+Shift+R), the button has a title, the menu title is localized', () => {
    expect(chrome.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+R', mac: 'Alt+Shift+R' }, description: '__MSG_commandReview__' } });
    expect(chrome.action).toEqual({ default_title: '__MSG_actionTitle__' });
    expect(chrome.name).toBe('__MSG_extName__');
    expect(chrome.default_locale).toBe('zh_CN');
  });

  test('Firefox (Manifest V2): no sidePanel permission, the browser-action command, a gecko id', () => {
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.permissions).toEqual(['activeTab', 'scripting', 'storage', 'contextMenus']);
    expect(Object.keys(firefox.commands)).toEqual(['_execute_browser_action']);
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(firefox.sidebar_action.default_title).toBe('__MSG_extName__');
  });
});
