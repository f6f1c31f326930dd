import type { Sheet } from '../export/sheet';
import type { AuditItemRow } from './types';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

const registerText = (i: AuditItemRow) => {
  const r = i.result?.register;
  if (!r) return '';
  if (r.status === 'missing') return '登记簿中无此文号';
  if (r.status !== 'matched') return '';
  if (!r.filedDate) return r.daysLate ? `未报送，逾期${r.daysLate}日` : '未报送';
  return r.daysLate ? `逾期${r.daysLate}日` : '按期';
};

const DOC_HEADERS = ['序号', '标题', '文号', '发布日期', '登记号', '有效性', '备案', '错误', '警告', '提示', '问题代码', '状态', '网址'];

/** One row per document of the audit (the officer's table). */
export function documentSheet(items: readonly AuditItemRow[]): Sheet {
  return {
    name: '文件',
    headers: DOC_HEADERS,
    widths: [6, 40, 20, 12, 20, 8, 14, 6, 6, 6, 40, 10, 40],
    rows: items.map((i) => {
      const r = i.result;
      return [
        i.seq + 1,
        r?.title || i.listTitle,
        r?.docNumber,
        r?.publishedDate ?? r?.writtenDate ?? i.listDate,
        r?.regNumber ?? (r?.register?.regNumber ? `${r.register.regNumber}（登记簿）` : undefined),
        r?.validityStatus,
        registerText(i),
        r?.counts.error,
        r?.counts.warning,
        r?.counts.info,
        r ? Object.keys(r.codes).sort().join(' ') : undefined,
        i.status === 'done' ? '已审查' : i.status === 'failed' ? `失败：${i.error ?? ''}` : '待审查',
        i.url,
      ];
    }),
  };
}

/** One row per finding (error, warning and info) of every reviewed document. */
export function findingSheet(items: readonly AuditItemRow[]): Sheet {
  const rows: Sheet['rows'] = [];
  for (const i of items) {
    for (const f of i.result?.findings ?? []) {
      rows.push([i.seq + 1, i.result!.title || i.listTitle, i.result!.docNumber, SEVERITY[f.severity], f.code, f.where, f.message, f.excerpt, i.url]);
    }
  }
  return { name: '问题', headers: ['序号', '标题', '文号', '严重程度', '问题代码', '位置', '说明', '原文', '网址'], widths: [6, 36, 20, 8, 24, 14, 50, 30, 40], rows };
}

export { registerText };
