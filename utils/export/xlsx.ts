import type { ReviewSummary } from '../storage/types';
import { newWorkbook } from './sheet';
import { COLUMNS, tableRows } from './table';
import type { CodeCount } from '../storage/query';

/** The review list as an .xlsx workbook: sheet 审查记录, and 问题统计 when counts are given. */
export async function reviewsToXlsx(rows: readonly ReviewSummary[], counts?: readonly CodeCount[]): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.creator = 'NormLint 规范性文件审查助手';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('审查记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of tableRows(rows)) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  if (counts) {
    const cs = wb.addWorksheet('问题统计');
    cs.columns = [
      { header: '问题代码', width: 26 },
      { header: '问题类型', width: 18 },
      { header: '问题数', width: 9 },
      { header: '涉及审查记录数', width: 14 },
    ];
    cs.getRow(1).font = { bold: true };
    for (const c of counts) cs.addRow([c.code, c.label, c.findings, c.reviews]);
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
