import { liveQuery } from 'dexie';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { getDb } from './db';
import { toStorageError } from './errors';

const KEY = 'settings';

const merge = (stored: Partial<Settings> | undefined): Settings => ({ ...DEFAULT_SETTINGS, ...(stored ?? {}) });

/** The reviewer's settings, defaults filled in for anything never saved (or added by a later version). */
export async function loadSettings(): Promise<Settings> {
  try {
    const row = await getDb().settings.get(KEY);
    return merge(row?.value);
  } catch (e) {
    throw toStorageError(e, '读取设置');
  }
}

/** Saves the given fields over the stored settings and returns the whole result. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const db = getDb();
  try {
    return await db.transaction('rw', db.settings, async () => {
      const row = await db.settings.get(KEY);
      const value: Partial<Settings> = { ...(row?.value ?? {}), ...patch };
      for (const k of Object.keys(value) as (keyof Settings)[]) if (value[k] === undefined) delete value[k];
      await db.settings.put({ key: KEY, value });
      return merge(value);
    });
  } catch (e) {
    throw toStorageError(e, '保存设置');
  }
}

/**
 * Calls `cb` whenever the settings change, in this page or in another page of the extension (side panel,
 * options): Dexie's liveQuery is told of writes from other pages of the same origin. Not called for the
 * value current when subscribing. Returns the unsubscribe function.
 */
export function onSettingsChange(cb: (settings: Settings) => void): () => void {
  let first = true;
  let last = '';
  const sub = liveQuery(() => getDb().settings.get(KEY)).subscribe({
    next: (row) => {
      const s = merge(row?.value);
      const json = JSON.stringify(s);
      if (first) {
        first = false;
        last = json;
        return;
      }
      if (json === last) return;
      last = json;
      cb(s);
    },
    error: (e) => console.error('[NormLint] 监听设置变化失败', e),
  });
  return () => sub.unsubscribe();
}

// The register has its own module; its loaders stay importable from here, where they first lived.
export { loadRegister, saveRegister, type LoadedRegister } from './register';
