import type { RegisterEntry } from '../register';
import { getDb } from './db';
import { toStorageError } from './errors';
import type { RegisterMeta, RegisterRow } from './types';

export interface LoadedRegister {
  entries: RegisterEntry[];
  /** The file name it was loaded from. */
  name?: string;
  /** Epoch ms. */
  loadedAt?: number;
}

/** The filing register (备案登记簿) the reviewer loaded; empty when none. */
export async function loadRegister(): Promise<LoadedRegister> {
  const db = getDb();
  try {
    return await db.transaction('r', db.register, db.registerMeta, async () => {
      const rows = await db.register.toArray();
      const meta = await db.registerMeta.get('register');
      const entries = rows.map(({ id: _id, ...e }) => e as RegisterEntry);
      const out: LoadedRegister = { entries };
      if (meta?.name) out.name = meta.name;
      if (meta?.loadedAt) out.loadedAt = meta.loadedAt;
      return out;
    });
  } catch (e) {
    throw toStorageError(e, '读取备案登记簿');
  }
}

/** Replaces the filing register as a whole, in one transaction: the old one stays if this fails. */
export async function saveRegister(entries: RegisterEntry[], name?: string): Promise<void> {
  const db = getDb();
  try {
    await db.transaction('rw', db.register, db.registerMeta, async () => {
      await db.register.clear();
      // Fields left undefined by the CSV reader are not stored: the backup file stays plain JSON.
      await db.register.bulkAdd(entries.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as RegisterEntry));
      const meta: RegisterMeta = { key: 'register', count: entries.length, loadedAt: Date.now() };
      if (name) meta.name = name;
      await db.registerMeta.put(meta);
    });
  } catch (e) {
    throw toStorageError(e, '保存备案登记簿');
  }
}

/** The register with its row ids, for the register page (view, search, edit). */
export async function loadRegisterRows(): Promise<RegisterRow[]> {
  try {
    return await getDb().register.toArray();
  } catch (e) {
    throw toStorageError(e, '读取备案登记簿');
  }
}

/** Stores a row the reviewer added or edited (with its id it replaces that row) and returns its id. */
export async function putRegisterRow(row: RegisterRow): Promise<number> {
  const db = getDb();
  const clean = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== '')) as RegisterRow;
  try {
    return await db.transaction('rw', db.register, db.registerMeta, async () => {
      const id = (await db.register.put(clean)) as number;
      const meta = (await db.registerMeta.get('register')) ?? { key: 'register' as const, count: 0 };
      await db.registerMeta.put({ ...meta, count: await db.register.count() });
      return id;
    });
  } catch (e) {
    throw toStorageError(e, '保存备案登记簿');
  }
}

export async function deleteRegisterRow(id: number): Promise<void> {
  const db = getDb();
  try {
    await db.transaction('rw', db.register, db.registerMeta, async () => {
      await db.register.delete(id);
      const meta = await db.registerMeta.get('register');
      if (meta) await db.registerMeta.put({ ...meta, count: await db.register.count() });
    });
  } catch (e) {
    throw toStorageError(e, '保存备案登记簿');
  }
}
