import { useEffect, useRef, useState } from 'preact/hooks';
import { exportBackup, inspectBackup, restoreBackup, type RestoreMode, type RestoreProgress } from '../../utils/storage/backup';
import { requestPersistence } from '../../utils/storage/db';
import { datedName } from '../../utils/export/table';
import { downloadBlob, errorText } from './download';

export interface DataPanelProps {
  total: number;
  onRestored(message: string): void;
  onError(message: string): void;
}

const PHASE_LABELS: Record<RestoreProgress['phase'], string> = {
  check: '正在检查备份文件',
  load: '正在载入备份',
  write: '正在写入审查记录',
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Where the log lives, how much room it takes, backup to one file and restore from it. */
export function DataPanel({ total, onRestored, onError }: DataPanelProps) {
  const [usage, setUsage] = useState<string>('');
  const [persisted, setPersisted] = useState<boolean | undefined>();
  const [busy, setBusy] = useState<'' | 'backup' | 'restore'>('');
  const [mode, setMode] = useState<RestoreMode>('replace');
  const [progress, setProgress] = useState<RestoreProgress>();
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
      const info = await inspectBackup(f, setProgress);
      const ok = confirm(
        mode === 'merge'
          ? `备份文件“${f.name}”检查无误，含 ${info.reviews} 条审查记录。\n\n合并将把其中当前没有的记录添加到现有的 ${total} 条审查记录中（已有的不重复添加），当前的设置不变。\n\n确定合并吗？`
          : `备份文件“${f.name}”检查无误，含 ${info.reviews} 条审查记录。\n\n恢复将用它替换当前全部 ${total} 条审查记录、设置和备案登记簿。建议先备份当前数据。\n\n确定恢复吗？`,
      );
      if (!ok) return;
      const done = await restoreBackup(f, { mode, onProgress: setProgress });
      onRestored(
        mode === 'merge'
          ? `已合并备份中的 ${done.added} 条审查记录${done.skipped ? `（另有 ${done.skipped} 条已存在，未重复添加）` : ''}。`
          : `已从备份恢复 ${done.reviews} 条审查记录。`,
      );
    } catch (e) {
      onError(errorText(e));
    } finally {
      setBusy('');
      setProgress(undefined);
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
        <select name="restore-mode" class="small" value={mode} disabled={!!busy} aria-label="恢复方式" onChange={(e) => setMode((e.target as HTMLSelectElement).value as RestoreMode)}>
          <option value="replace">恢复：替换当前记录</option>
          <option value="merge">恢复：合并到当前记录</option>
        </select>
        <label class="btn small">
          {busy === 'restore' ? (mode === 'merge' ? '正在合并…' : '正在恢复…') : '从备份恢复…'}
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
      {progress && (
        <p class="small" role="status" aria-live="polite" data-restore-phase={progress.phase}>
          {PHASE_LABELS[progress.phase]}：{progress.done.toLocaleString('zh-CN')} / {progress.total.toLocaleString('zh-CN')} 行{' '}
          <progress max={progress.total || 1} value={progress.done} />
        </p>
      )}
    </details>
  );
}
