// The manifest as wxt.config.ts builds it: the permissions are exactly these, host access only in the e2e build.
import { describe, expect, test } from 'vitest';
import config from '../../wxt.config';

type Env = { mode: string; browser: string; manifestVersion: 2 | 3; command: 'build' | 'serve' };
const manifest = (env: Partial<Env>) =>
  (config.manifest as (e: Env) => Record<string, unknown>)({ mode: 'production', browser: 'chrome', manifestVersion: 3, command: 'build', ...env });

describe('manifest', () => {
  test('release build: the five permissions, no host permission, no remote code', () => {
    const m = manifest({});
    expect(m.permissions).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus']);
    expect(m.host_permissions).toBeUndefined();
    expect((m.content_security_policy as { extension_pages: string }).extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  });

  test('e2e build differs only by host permissions for the local fixture server', () => {
    const { host_permissions, ...rest } = manifest({ mode: 'e2e' });
    expect(host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(rest).toEqual(manifest({}));
  });

  test('the shortcut opens the review (Alt+Shift+R), the button has a title, the menu title is localized', () => {
    const m = manifest({});
    expect(m.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+R', mac: 'Alt+Shift+R' }, description: '__MSG_commandReview__' } });
    expect(m.action).toEqual({ default_title: '__MSG_actionTitle__' });
  });

  test('Firefox (Manifest V2): no sidePanel permission, the browser-action command, a gecko id', () => {
    const m = manifest({ browser: 'firefox', manifestVersion: 2 });
    expect(m.permissions).toEqual(['activeTab', 'scripting', 'storage', 'contextMenus']);
    expect(Object.keys(m.commands as object)).toEqual(['_execute_browser_action']);
    expect((m.browser_specific_settings as { gecko: { id: string } }).gecko.id).toMatch(/@/);
  });
});
