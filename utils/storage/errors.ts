/** Why a storage operation failed, for code to branch on; the message is for the reviewer (Chinese). */
export type StorageErrorKind = 'quota' | 'newer-version' | 'unavailable' | 'backup-invalid' | 'not-found' | 'other';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  readonly cause?: unknown;
  constructor(kind: StorageErrorKind, message: string, cause?: unknown) {
    super(message);
    this.name = 'StorageError';
    this.kind = kind;
    this.cause = cause;
  }
}

export const QUOTA_MESSAGE =
  '浏览器存储空间不足，本次保存未完成，已保存的记录没有任何改动。请先“备份”审查记录，删除不再需要的旧记录或释放磁盘空间后再试。';

// Dexie wraps the IndexedDB error: a QuotaExceededError may sit in `inner`, in `failures` of a bulk
// operation, or in `cause`. Legacy browsers report code 22 (or 1014 in Firefox) instead of the name.
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const o = e as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; message?: unknown };
  if (o.name === 'QuotaExceededError' || o.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (o.code === 22 || o.code === 1014) return true;
  if (isQuotaError(o.inner, depth + 1) || isQuotaError(o.cause, depth + 1)) return true;
  if (Array.isArray(o.failures)) return o.failures.some((f) => isQuotaError(f, depth + 1));
  if (o.failures && typeof o.failures === 'object') return Object.values(o.failures).some((f) => isQuotaError(f, depth + 1));
  return false;
}

/** Turns whatever IndexedDB/Dexie threw into a StorageError with a message a reviewer can act on. */
export function toStorageError(e: unknown, doing: string): StorageError {
  // Dexie wraps an error thrown while opening (ours included) as the `inner` of a DatabaseClosedError.
  for (let x: unknown = e, i = 0; x && typeof x === 'object' && i < 5; x = (x as { inner?: unknown }).inner, i++) {
    if (x instanceof StorageError) return x;
  }
  if (isQuotaError(e)) return new StorageError('quota', QUOTA_MESSAGE, e);
  const name = (e as { name?: string })?.name;
  if (name === 'VersionError') {
    return new StorageError(
      'newer-version',
      '审查记录数据库的版本比当前扩展新（可能安装过更新的版本后又降级）。为避免数据丢失，未做任何改动。请安装最新版本的扩展。',
      e,
    );
  }
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'DatabaseClosedError' || name === 'OpenFailedError') {
    return new StorageError('unavailable', `无法打开本地审查记录数据库（${doing}失败）。浏览器可能处于无痕模式或禁用了本地存储。`, e);
  }
  const detail = (e as { message?: string })?.message ?? String(e);
  return new StorageError('other', `${doing}失败：${detail}`, e);
}
