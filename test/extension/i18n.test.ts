// UI strings: both locales complete, names the browser accepts, the same placeholders in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { num, setLocale, t } from '../../components/i18n';

const dir = join(import.meta.dirname, '../../public/_locales');
const load = (loc: string) => JSON.parse(readFileSync(join(dir, loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const zh = load('zh_CN');
const en = load('en');
const placeholders = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join();

describe('locales', () => {
  test('Chinese and English have the same message names', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  test('every name is one Chromium accepts ([A-Za-z0-9_@]): one bad name stops the extension from loading', () => {
    for (const k of Object.keys(zh)) expect(k).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  test('each message uses the same $n substitutions in both languages, and no stray $', () => {
    for (const k of Object.keys(zh)) {
      expect(placeholders(en[k].message), k).toBe(placeholders(zh[k].message));
      expect(zh[k].message.replace(/\$\d/g, ''), k).not.toContain('$');
    }
  });
});

describe('t()', () => {
  test('substitutes, maps hyphenated keys built from codes, and switches language', () => {
    setLocale('zh-CN');
    expect(t('statusDone', '1,024', 12)).toBe('已审查 1,024 字，用时 12 毫秒');
    expect(t('error_web-store' as never)).toBe(zh.error_web_store.message);
    setLocale('en');
    expect(t('statusDone', '1,024', 12)).toBe('Reviewed 1,024 characters in 12 ms');
    setLocale('zh-CN');
  });

  test('an unknown key shows itself rather than nothing', () => {
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });
});

describe('num', () => {
  test('groups by threes as both languages write numbers, as toLocaleString would', () => {
    for (const n of [0, 7, 999, 1000, 12345, 150000, 1234567, -4321, 1234.5, 0.25]) {
      expect(num(n)).toBe(n.toLocaleString('en'));
      expect(num(n)).toBe(n.toLocaleString('zh-CN'));
    }
  });
});
