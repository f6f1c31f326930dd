import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { loadRegister, loadSettings, onSettingsChange, saveRegister, saveSettings } from '../../utils/storage/settings';
import { freshDb } from './helpers';

const until = async (cond: () => boolean, ms = 2000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('settings', () => {
  it('loads defaults, then merges saved fields over them', async () => {
    const db = freshDb();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const saved = await saveSettings({ reviewer: '李四', profileId: 'strict' });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, reviewer: '李四', profileId: 'strict' });
    await saveSettings({ liveRecheck: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, reviewer: '李四', profileId: 'strict', liveRecheck: false });
    // Only what the user set is stored, so a later default change still reaches untouched fields.
    expect((await db.settings.get('settings'))!.value).toEqual({ reviewer: '李四', profileId: 'strict', liveRecheck: false });
  });

  it('notifies subscribers of changes, not of the current value, until unsubscribed', async () => {
    freshDb();
    await saveSettings({ reviewer: '甲' });
    const seen: Settings[] = [];
    const off = onSettingsChange((s) => seen.push(s));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(0);
    await saveSettings({ reviewer: '乙' });
    await until(() => seen.length === 1);
    expect(seen[0].reviewer).toBe('乙');
    off();
    await saveSettings({ reviewer: '丙' });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
  });
});

describe('filing register', () => {
  it('is empty until loaded, then replaced as a whole', async () => {
    freshDb();
    expect(await loadRegister()).toEqual({ entries: [] });
    const entries = [
      { docNumber: '某政发〔2024〕1号', regNumber: 'ABC-2024-001', publishedDate: '2024-01-05', filedDate: '2024-01-20' },
      { docNumber: '某政发〔2024〕2号', issuer: '某市人民政府' },
    ];
    const before = Date.now();
    await saveRegister(entries, '2024年备案登记簿.csv');
    const loaded = await loadRegister();
    expect(loaded.entries).toEqual(entries);
    expect(loaded.name).toBe('2024年备案登记簿.csv');
    expect(loaded.loadedAt).toBeGreaterThanOrEqual(before);
    await saveRegister([entries[1]]);
    const again = await loadRegister();
    expect(again.entries).toEqual([entries[1]]);
    expect(again.name).toBeUndefined();
  });
});
