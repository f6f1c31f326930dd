import { useState } from 'preact/hooks';
import { REGISTER_FIELDS, type RegisterEntry } from '../../utils/register';
import { registerSheet } from '../../utils/register/export';
import { sheetsToXlsx, sheetToCsv, XLSX_MIME } from '../../utils/export/sheet';
import { isIsoDate } from '../../utils/text/dates';
import { normalizeDocNumber } from '../../utils/text/docnumber';
import type { RegisterRow } from '../../utils/storage/types';
import { downloadBlob } from '../log/download';

export interface RegisterTableProps {
  rows: readonly RegisterRow[];
  onSave(row: RegisterRow): Promise<void>;
  onDelete(id: number): Promise<void>;
}

const PAGE = 200;
const DATE_FIELDS = new Set(['publishedDate', 'filedDate']);

const matches = (r: RegisterRow, q: string) => REGISTER_FIELDS.some((f) => (r[f.field] ?? '').includes(q));

/** Checks an edited row as the import would: a 文号, dates as YYYY-MM-DD. Returns a message or undefined. */
export function invalidRow(r: RegisterRow): string | undefined {
  if (!r.docNumber?.trim()) return '文号不能为空';
  for (const f of REGISTER_FIELDS) if (DATE_FIELDS.has(f.field) && r[f.field] && !isIsoDate(r[f.field]!)) return `${f.label}应写成 2024-03-01 的形式`;
  return undefined;
}

/** The stored register: search, edit a row in place, add, delete, export as CSV or .xlsx. */
export function RegisterTable({ rows, onSave, onDelete }: RegisterTableProps) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<RegisterRow>();
  const [error, setError] = useState<string>();
  const q = query.trim();
  const hits = q ? rows.filter((r) => matches(r, q)) : rows;

  const save = async () => {
    if (!editing) return;
    const bad = invalidRow(editing);
    if (bad) return setError(bad);
    try {
      await onSave({ ...editing, docNumber: normalizeDocNumber(editing.docNumber) });
      setEditing(undefined);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const exportAs = async (kind: 'csv' | 'xlsx') => {
    const sheet = registerSheet(hits.map(({ id: _id, ...e }) => e as RegisterEntry));
    if (kind === 'csv') downloadBlob(new Blob([sheetToCsv(sheet)], { type: 'text/csv;charset=utf-8' }), '备案登记簿.csv');
    else downloadBlob(new Blob([(await sheetsToXlsx([sheet])) as BlobPart], { type: XLSX_MIME }), '备案登记簿.xlsx');
  };

  const cell = (r: RegisterRow) =>
    REGISTER_FIELDS.map(({ field, label }) =>
      editing && editing.id === r.id ? (
        <td key={field}>
          <input
            aria-label={label}
            data-edit={field}
            value={editing[field] ?? ''}
            placeholder={DATE_FIELDS.has(field) ? '2024-03-01' : ''}
            onInput={(e) => setEditing({ ...editing, [field]: (e.target as HTMLInputElement).value })}
          />
        </td>
      ) : (
        <td key={field}>{r[field] ?? ''}</td>
      ),
    );

  return (
    <div class="register-view">
      <div class="row">
        <input
          type="search"
          class="grow"
          placeholder="搜索文号、名称、登记号、机关…"
          data-register-search
          value={query}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setShown(PAGE);
          }}
        />
        <span class="muted" data-register-hits={hits.length}>
          {q ? `找到 ${hits.length} 条 / 共 ${rows.length} 条` : `共 ${rows.length} 条`}
        </span>
        <button class="btn small" data-action="register-add" onClick={() => setEditing({ docNumber: '' })}>
          新增一行
        </button>
        <button class="btn small" data-action="register-export-csv" disabled={!hits.length} onClick={() => exportAs('csv')}>
          导出 CSV
        </button>
        <button class="btn small" data-action="register-export-xlsx" disabled={!hits.length} onClick={() => void exportAs('xlsx')}>
          导出 Excel
        </button>
      </div>
      {error ? (
        <p class="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <table class="register-table">
        <thead>
          <tr>
            {REGISTER_FIELDS.map((f) => (
              <th key={f.field}>{f.label}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {editing && editing.id === undefined ? (
            <tr data-row="new">
              {cell(editing)}
              <td class="nowrap">
                <button class="btn small primary" data-action="row-save" onClick={save}>
                  保存
                </button>
                <button class="btn small" onClick={() => setEditing(undefined)}>
                  取消
                </button>
              </td>
            </tr>
          ) : null}
          {hits.slice(0, shown).map((r) => (
            <tr key={r.id} data-row={r.id}>
              {cell(r)}
              <td class="nowrap">
                {editing && editing.id === r.id ? (
                  <>
                    <button class="btn small primary" data-action="row-save" onClick={save}>
                      保存
                    </button>
                    <button class="btn small" onClick={() => setEditing(undefined)}>
                      取消
                    </button>
                  </>
                ) : (
                  <>
                    <button class="btn small" data-action="row-edit" onClick={() => setEditing({ ...r })}>
                      编辑
                    </button>
                    <button
                      class="btn small"
                      data-action="row-delete"
                      onClick={() => {
                        if (r.id !== undefined && confirm(`删除 ${r.docNumber}？`)) void onDelete(r.id);
                      }}
                    >
                      删除
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hits.length > shown ? (
        <button class="btn" onClick={() => setShown(shown + PAGE)}>
          再显示 {Math.min(PAGE, hits.length - shown)} 条
        </button>
      ) : null}
    </div>
  );
}
