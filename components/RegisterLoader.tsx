import { useState } from 'preact/hooks';
import { parseRegister, RegisterError, type RegisterEntry } from '../utils/register';
import { num, t } from './i18n';

export interface RegisterLoaderProps {
  count: number;
  name?: string;
  loadedAt?: number;
  onLoad(entries: RegisterEntry[], name: string): Promise<void>;
}

/**
 * Filing offices export registers from Excel, often as GBK-encoded CSV: read UTF-8 when the bytes are valid
 * UTF-8, else GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Loads the filing register (备案登记簿) from a CSV file and shows how many entries are loaded. */
export function RegisterLoader({ count, name, loadedAt, onLoad }: RegisterLoaderProps) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const entries = parseRegister(decodeCsv(await file.arrayBuffer()));
      if (!entries.length) throw new RegisterError(t('registerEmpty'));
      await onLoad(entries, file.name);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="register-loader">
      <p data-register-count={count}>
        {count
          ? t('registerLoaded', num(count), name ?? '', loadedAt ? new Date(loadedAt).toLocaleString() : '')
          : t('registerNone')}
      </p>
      <label class="btn small">
        {busy ? t('registerLoading') : t('registerChoose')}
        <input
          type="file"
          accept=".csv,text/csv"
          class="visually-hidden"
          data-action="load-register"
          onChange={(e) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void load(f);
            (e.target as HTMLInputElement).value = '';
          }}
        />
      </label>
      <p class="muted small">{t('registerHelp')}</p>
      {error ? (
        <p class="notice error" role="alert" data-register-error>
          {error}
        </p>
      ) : null}
    </div>
  );
}
