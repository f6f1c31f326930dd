import { useEffect, useRef, useState } from 'preact/hooks';
import { exportBackup, inspectBackup, restoreBackup } from '../../utils/storage/backup';
import { requestPersistence } from '../../utils/storage/db';
import { datedName } from '../../utils/export/table';
import { downloadBlob, errorText } from './download';

export interface DataPanelProps {
  total: number;
  onRestored(message: string): void;
  onError(message: string): void;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Where the log lives, how much room it takes, backup to one file and restore from it. */
export function DataPanel({ total, onRestored, onError }: DataPanelProps) {
  const [usage, setUsage] = useState<string>('');
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [busy, setBusy] = useState<'' | 'backup' | 'restore'>('');
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void (async () => {
      setPersisted(await requestPersistence());
      const est = await navigator.storage?.estimate?.();
      if (est?.usage !== undefined) setUsage(est.quota ? `${mb(est.usage)} / 可用 ${mb(est.quota)}` : mb(est.usage));
    })();
  }, [total]);

  const backup = async () => {
    setBusy('backup');
    try {
      downloadBlob(await exportBackup(), datedName('NormLint审查记录备份', 'json'));
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy('');
    }
  };

  const restore = async (f: File) => {
    setBusy('restore');
    try {
      const info = await inspectBackup(f);
      const ok = confirm(
        `备份文件“${f.name}”检查无误，含 ${info.reviews} 条审查记录。\n\n恢复将用它替换当前全部 ${total} 条审查记录、设置和备案登记簿。建议先备份当前数据。\n\n确定恢复吗？`,
      );
      if (!ok) return;
      const done = await restoreBackup(f);
      onRestored(`已从备份恢复 ${done.reviews} 条审查记录。`);
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy('');
      if (file.current) file.current.value = '';
    }
  };

  return (
    <details class="log-data card">
      <summary>数据与备份</summary>
      <p class="small">
        审查记录只保存在本机浏览器中（本扩展自己的 IndexedDB 数据库），不会上传。扩展升级时数据保留；卸载扩展会删除全部记录，请先备份。
      </p>
      <p class="small muted">
        已用空间：{usage || '—'}。
        {persisted === true && '浏览器已允许持久保存，空间紧张时不会自动清除。'}
        {persisted === false && '浏览器未授予持久保存，磁盘空间紧张时可能清除数据，请定期备份。'}
      </p>
      <div class="row">
        <button type="button" class="btn small" onClick={backup} disabled={!!busy} data-action="backup">
          {busy === 'backup' ? '正在备份…' : '备份全部记录'}
        </button>
        <label class="btn small">
          {busy === 'restore' ? '正在恢复…' : '从备份恢复…'}
          <input
            ref={file}
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-action="restore"
            disabled={!!busy}
            onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void restore(f);
            }}
          />
        </label>
      </div>
    </details>
  );
}
