import { useEffect, useState } from 'preact/hooks';
import { localToday } from '../../utils/engine';
import type { Settings } from '../../utils/settings';
import { loadSettings, onSettingsChange, saveSettings } from '../../utils/storage/settings';
import { deleteRegisterRow, loadRegisterRows, putRegisterRow, saveRegister } from '../../utils/storage/register';
import type { RegisterRow } from '../../utils/storage/types';
import { isIsoDate } from '../../utils/text/dates';
import { browser } from 'wxt/browser';
import type { AuditRow } from '../../utils/audit/types';
import { createAudit, listAudits } from '../../utils/storage/audits';
import { AuditView } from './AuditView';
import { IndicatorsView } from './IndicatorsView';
import { RegisterImport } from './RegisterImport';
import { RegisterTable } from './RegisterTable';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** filing.html: the filing officer's desk — the register, the audit date, and (below) audits and indicators. */
export function FilingApp() {
  const [settings, setSettings] = useState<Settings>();
  const [rows, setRows] = useState<RegisterRow[]>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  const reload = async () => setRows(await loadRegisterRows());
  const hash = new URLSearchParams(location.hash.slice(1));
  const [auditId, setAuditId] = useState<number | undefined>(Number(hash.get('audit')) || undefined);
  const [audits, setAudits] = useState<AuditRow[]>([]);
  const [columnUrl, setColumnUrl] = useState('');
  const [pauseMs, setPauseMs] = useState(AUDIT_PAUSE_MS);
  useEffect(() => void listAudits().then(setAudits), [auditId]);

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

  const startAudit = async () => {
    let url: URL;
    try {
      url = new URL(columnUrl.trim());
      if (!/^https?:$/.test(url.protocol)) throw new Error();
    } catch {
      return setStatus({ ok: false, text: '请输入栏目页面的网址（http:// 或 https:// 开头）' });
    }
    const id = await startColumnAudit(url.href, settings!, pauseMs);
    if (id === undefined) return setStatus({ ok: false, text: `未获得访问 ${url.origin} 的权限，无法审查该栏目` });
    location.hash = `audit=${id}&start=1`;
    setAuditId(id);
  };

  if (!settings || !rows) return <main class="filing-page">{status ? <p class="notice error">{status.text}</p> : <p class="muted">正在读取…</p>}</main>;

  return (
    <main class="filing-page" data-ready="true">
      <header class="log-header">
        <h1>备案审查</h1>
        <span class="muted">栏目审查、指标、备案登记簿、审查基准日</span>
        <span class="spacer" />
        <p role="status" aria-live="polite" class={`small ${status?.ok === false ? 'error' : 'muted'}`} data-status={status?.ok ?? ''}>
          {status?.text ?? ''}
        </p>
      </header>

      <section class="card" aria-labelledby="sec-audit">
        <h2 id="sec-audit">栏目审查</h2>
        <p class="muted small">
          逐一打开政府网站某个规范性文件栏目中的全部文件并审查（只访问该网站，每页之间停顿；可随时取消，关闭页面后可继续）。也可在栏目列表页打开侧边栏，点“审查本栏目全部文件”。
        </p>
        <div class="row">
          <input
            type="url"
            class="grow"
            placeholder="栏目列表页网址，如 https://www.example.gov.cn/zwgk/gfxwj/"
            data-audit-url
            value={columnUrl}
            onInput={(e) => setColumnUrl((e.target as HTMLInputElement).value)}
          />
          <label>
            每页间隔{' '}
            <select data-audit-pause value={pauseMs} onChange={(e) => setPauseMs(Number((e.target as HTMLSelectElement).value))}>
              {[100, 500, 1500, 3000, 5000].map((ms) => (
                <option key={ms} value={ms}>
                  {ms / 1000} 秒
                </option>
              ))}
            </select>
          </label>
          <button class="btn primary" data-action="audit-start" onClick={() => void startAudit()}>
            开始审查
          </button>
          {audits.length ? (
            <select data-audit-pick value={auditId ?? ''} onChange={(e) => setAuditId(Number((e.target as HTMLSelectElement).value) || undefined)}>
              <option value="">（以往的栏目审查）</option>
              {audits.map((a) => (
                <option key={a.id} value={a.id}>
                  #{a.id} {new Date(a.createdAt).toLocaleString()} {a.listUrl}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        {auditId ? <AuditView key={auditId} auditId={auditId} autostart={hash.get('start') === '1'} /> : null}
      </section>

      <section class="card print-section" aria-labelledby="sec-indicators">
        <h2 id="sec-indicators">备案审查指标</h2>
        <IndicatorsView registerLoaded={rows.length > 0} year={(settings.reviewDate || localToday()).slice(0, 4)} />
      </section>

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

/**
 * Asks, at the officer's click, for access to that one portal (an optional host permission), then records the
 * audit. Returns its id, or undefined when the permission was refused.
 */
export async function startColumnAudit(listUrl: string, settings: Settings, pauseMs = AUDIT_PAUSE_MS): Promise<number | undefined> {
  const origin = new URL(listUrl).origin;
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
  if (!granted) return undefined;
  return createAudit({
    createdAt: Date.now(),
    listUrl,
    listPages: [],
    status: 'paused',
    pauseMs,
    profileId: settings.profileId,
    today: settings.reviewDate || localToday(),
  });
}

/** The pause between two page fetches of a column audit: polite to a government portal. */
export const AUDIT_PAUSE_MS = 1500;
