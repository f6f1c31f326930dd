/**
 * UI strings, Chinese first. The strings live in public/_locales (the browser's own i18n format, which the
 * manifest and the context menu also use); this helper reads them directly so that the reviewer's language
 * setting, not only the browser's, decides.
 */
import zh from '../public/_locales/zh_CN/messages.json';
import en from '../public/_locales/en/messages.json';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zh;

type Table = Record<string, { message: string } | undefined>;

const TABLES: Record<Locale, Table> = { 'zh-CN': zh as Table, en: en as Table };

let locale: Locale = 'zh-CN';
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return locale;
}

/** Switches the UI language; components re-render through onLocaleChange. */
export function setLocale(next: Locale) {
  if (next === locale) return;
  locale = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
  for (const l of listeners) l();
}

export function onLocaleChange(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** The string for `key` in the current language ($1, $2… replaced by `subs`); Chinese when English lacks it. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  // Message names allow only [A-Za-z0-9_]: keys built from codes (error_web-store) map hyphens to underscores.
  const name = key.replace(/-/g, '_');
  const m = TABLES[locale][name]?.message ?? TABLES['zh-CN'][name]?.message ?? key;
  return m.replace(/\$(\d)/g, (_, i: string) => String(subs[Number(i) - 1] ?? ''));
}

/** A defect family's name (the part of a code before the dot) in the UI language. */
export const familyName = (family: string) => t(`family_${family}` as MessageKey);

/**
 * A number grouped by threes (12,345), as both zh-CN and en write it. Not toLocaleString: its first call in a page
 * loads the locale's ICU data, which blocked the panel's main thread for hundreds of milliseconds just as the first
 * findings were shown.
 */
export function num(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
