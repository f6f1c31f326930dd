import { useState } from 'preact/hooks';
import { entriesFromTable, guessMapping, REGISTER_FIELDS, RegisterError, type RawTable, type RegisterEntry, type RegisterMapping } from '../../utils/register';
import { readRegisterTable } from '../../utils/register/read';

export interface RegisterImportProps {
  /** Replaces the stored register with these entries. */
  onImport(entries: RegisterEntry[], fileName: string): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Loads a register from CSV or .xlsx in two steps: read the table, then confirm which column holds which field
 * (registers name their columns in many ways; the guess is shown, never applied silently).
 */
export function RegisterImport({ onImport }: RegisterImportProps) {
  const [table, setTable] = useState<RawTable>();
  const [fileName, setFileName] = useState('');
  const [mapping, setMapping] = useState<RegisterMapping>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setError(undefined);
    setBusy(true);
    try {
      const t = await readRegisterTable(new Uint8Array(await file.arrayBuffer()));
      if (!t.headers.length || !t.rows.length) throw new RegisterError('文件中没有表格内容');
      setTable(t);
      setFileName(file.name);
      setMapping(guessMapping(t.headers));
    } catch (e) {
      setTable(undefined);
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  let preview: RegisterEntry[] = [];
  let previewError: string | undefined;
  if (table) {
    try {
      preview = entriesFromTable(table, mapping);
    } catch (e) {
      previewError = message(e);
    }
  }

  const confirm = async () => {
    if (!table || previewError || !preview.length) return;
    setBusy(true);
    try {
      await onImport(preview, fileName);
      setTable(undefined);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="register-import" data-step={table ? 'map' : 'choose'}>
      <label class="btn">
        {busy ? '正在读取…' : '载入登记簿（CSV 或 Excel .xlsx）'}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          class="visually-hidden"
          data-action="register-file"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const f = input.files?.[0];
            if (f) void read(f);
            input.value = '';
          }}
        />
      </label>
      {error ? (
        <p class="notice error" role="alert" data-register-error>
          {error}
        </p>
      ) : null}
      {table ? (
        <div class="card mapping" data-file={fileName}>
          <h3>核对列：{fileName}</h3>
          <p class="muted small">已按表头猜测每一项对应的列，请核对后导入。导入会替换现有登记簿。</p>
          <div class="mapping-grid">
            {REGISTER_FIELDS.map(({ field, label, required }) => (
              <label class="field" key={field}>
                <span class="label">
                  {label}
                  {required ? '（必选）' : ''}
                </span>
                <select
                  data-map={field}
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    const v = (e.target as HTMLSelectElement).value;
                    setMapping({ ...mapping, [field]: v || undefined });
                  }}
                >
                  <option value="">（无）</option>
                  {table.headers.map((h) => (
                    <option value={h} key={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {previewError ? (
            <p class="notice error" role="alert" data-preview-error>
              {previewError}
            </p>
          ) : (
            <>
              <p data-preview-count={preview.length}>
                将导入 {preview.length} 条（共 {table.rows.length} 行，没有文号的行不导入）。前 {Math.min(5, preview.length)} 条：
              </p>
              <RegisterRows rows={preview.slice(0, 5)} />
            </>
          )}
          <div class="row">
            <button class="btn primary" data-action="register-import" disabled={busy || !!previewError || !preview.length} onClick={confirm}>
              导入（替换现有登记簿）
            </button>
            <button class="btn" onClick={() => setTable(undefined)}>
              取消
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Read-only rows, for the preview. */
export function RegisterRows({ rows }: { rows: readonly RegisterEntry[] }) {
  return (
    <table class="register-table">
      <thead>
        <tr>
          {REGISTER_FIELDS.map((f) => (
            <th key={f.field}>{f.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {REGISTER_FIELDS.map((f) => (
              <td key={f.field}>{r[f.field] ?? ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
