import { useEffect, useState } from 'preact/hooks';
import { localToday } from '../../utils/engine';
import type { Settings } from '../../utils/settings';
import { loadSettings, onSettingsChange, saveSettings } from '../../utils/storage/settings';
import { deleteRegisterRow, loadRegisterRows, putRegisterRow, saveRegister } from '../../utils/storage/register';
import type { RegisterRow } from '../../utils/storage/types';
import { isIsoDate } from '../../utils/text/dates';
import { RegisterImport } from './RegisterImport';
import { RegisterTable } from './RegisterTable';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** filing.html: the filing officer's desk — the register, the audit date, and (below) audits and indicators. */
export function FilingApp() {
  const [settings, setSettings] = useState<Settings>();
  const [rows, setRows] = useState<RegisterRow[]>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  const reload = async () => setRows(await loadRegisterRows());

  useEffect(() => {
    Promise.all([loadSettings(), loadRegisterRows()])
      .then(([s, r]) => {
        setSettings(s);
        setRows(r);
      })
      .catch((e) => setStatus({ ok: false, text: message(e) }));
    return onSettingsChange(setSettings);
  }, []);

  const act = async (what: () => Promise<void>, done: string) => {
    try {
      await what();
      await reload();
      setStatus({ ok: true, text: done });
    } catch (e) {
      setStatus({ ok: false, text: message(e) });
    }
  };

  if (!settings || !rows) return <main class="filing-page">{status ? <p class="notice error">{status.text}</p> : <p class="muted">正在读取…</p>}</main>;

  return (
    <main class="filing-page" data-ready="true">
      <header class="log-header">
        <h1>备案审查</h1>
        <span class="muted">备案登记簿、审查基准日</span>
        <span class="spacer" />
        <p role="status" aria-live="polite" class={`small ${status?.ok === false ? 'error' : 'muted'}`} data-status={status?.ok ?? ''}>
          {status?.text ?? ''}
        </p>
      </header>

      <section class="card" aria-labelledby="sec-date">
        <h2 id="sec-date">审查基准日</h2>
        <p class="muted small">判断有效期是否届满、报送备案是否逾期时，以这一天为准。留空则为当天（{localToday()}）。</p>
        <label class="field">
          <span class="label">审查基准日</span>
          <input
            type="date"
            data-setting="reviewDate"
            value={settings.reviewDate}
            onChange={async (e) => {
              const v = (e.target as HTMLInputElement).value;
              if (v && !isIsoDate(v)) return setStatus({ ok: false, text: '日期无效' });
              try {
                setSettings(await saveSettings({ reviewDate: v }));
                setStatus({ ok: true, text: v ? `审查基准日已设为 ${v}` : '审查基准日已恢复为当天' });
              } catch (err) {
                setStatus({ ok: false, text: message(err) });
              }
            }}
          />
        </label>
      </section>

      <section class="card" aria-labelledby="sec-register">
        <h2 id="sec-register">备案登记簿</h2>
        <p class="muted small">
          载入本机关的备案登记簿（CSV 或 Excel），审查时据此核对文号是否登记、登记号和报送备案是否逾期。登记簿只保存在本机。
        </p>
        <RegisterImport
          onImport={(entries, name) => act(() => saveRegister(entries, name), `已导入 ${entries.length} 条登记记录（${name}）`)}
        />
        <RegisterTable
          rows={rows}
          onSave={(row) => act(async () => void (await putRegisterRow(row)), `已保存 ${row.docNumber}`)}
          onDelete={(id) => act(() => deleteRegisterRow(id), '已删除一条登记记录')}
        />
      </section>
    </main>
  );
}
