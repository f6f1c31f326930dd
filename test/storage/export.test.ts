import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, reviewsToCsv } from '../../utils/export/csv';
import { reviewToJson } from '../../utils/export/json';
import { COLUMNS, formatTime } from '../../utils/export/table';
import { reviewsToXlsx } from '../../utils/export/xlsx';
import { allMatching, countsByCode } from '../../utils/storage/query';
import { getReview, saveReview } from '../../utils/storage/reviews';
import { DOC_V1, findingAt, freshDb } from './helpers';

async function twoReviews() {
  freshDb();
  const a = await saveReview({
    text: DOC_V1,
    title: '某市农贸市场管理办法，"试行"',
    docNumber: '某政办发〔2024〕12号',
    issuer: '某市人民政府办公室',
    url: 'https://oa.example.gov.cn/edit?id=1&x=2',
    dates: { written: '2024-02-20', published: '2024-02-28' },
    source: 'editor',
    profileId: 'national',
    reviewer: '张三',
    conclusion: 'return',
    createdAt: new Date(2024, 2, 1, 10, 5).getTime(),
    findings: [
      { ...findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info' }), decision: 'dismissed', reason: '引用原文' },
      { ...findingAt(DOC_V1, '必须办理市场登记证', 'content.license', { severity: 'error' }), decision: 'confirmed' },
    ],
  });
  const b = await saveReview({
    text: DOC_V1.replace('必须办理市场登记证，', ''),
    docNumber: '某政办发〔2024〕12号',
    title: '某市农贸市场管理办法',
    source: 'portal',
    profileId: 'strict',
    reviewer: '李四',
    conclusion: 'approve-with-changes',
    createdAt: new Date(2024, 2, 8, 16, 30).getTime(),
    findings: [findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info' })],
  });
  return { a, b, rows: await allMatching() };
}

describe('CSV export', () => {
  it('starts with a BOM and parses back to the same table', async () => {
    const { a, b, rows } = await twoReviews();
    const csv = reviewsToCsv(rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...data] = parsed.data;
    expect(header).toEqual(COLUMNS.map((c) => c.header));
    expect(data).toHaveLength(2);
    const row = (id: number) => Object.fromEntries(header.map((h, i) => [h, data.find((d) => d[0] === String(id))![i]]));
    expect(row(a.id)).toMatchObject({
      记录编号: String(a.id),
      审查时间: '2024-03-01 10:05',
      文件标题: '某市农贸市场管理办法，"试行"',
      文号: '某政办发〔2024〕12号',
      制定机关: '某市人民政府办公室',
      成文日期: '2024-02-20',
      发布日期: '2024-02-28',
      审查结论: '退回',
      审查人: '张三',
      错误: '1',
      提示: '1',
      问题类型: '违法设定许可；表述不规范',
      已确认: '1',
      不予采纳: '1',
      来源: '编辑器',
      网址: 'https://oa.example.gov.cn/edit?id=1&x=2',
    });
    expect(row(b.id)).toMatchObject({ 审查结论: '修改后通过', 上次审查记录: String(a.id), 较上次已修正: '1', 较上次新增: '0', 较上次仍存在: '1', 不予采纳: '1', 来源: '门户网页' });
    // Newest first.
    expect(data[0][0]).toBe(String(b.id));
  });
});

describe('XLSX export', () => {
  it('writes a workbook exceljs reads back, with the counts sheet', async () => {
    const { a, rows } = await twoReviews();
    const bytes = await reviewsToXlsx(rows, await countsByCode());
    expect(bytes[0]).toBe(0x50); // a zip: "PK"
    expect(bytes[1]).toBe(0x4b);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('审查记录')!;
    expect(ws.rowCount).toBe(3);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    const last = (ws.getRow(3).values as unknown[]).slice(1);
    expect(last[0]).toBe(a.id);
    expect(last[1]).toBe(formatTime(a.createdAt));
    expect(last[2]).toBe('某市农贸市场管理办法，"试行"');
    expect(last[7]).toBe('退回');
    expect(last[9]).toBe(1);
    const cs = wb.getWorksheet('问题统计')!;
    expect((cs.getRow(2).values as unknown[]).slice(1)).toEqual(['drafting.wording', '表述不规范', 2, 2]);
    expect((cs.getRow(3).values as unknown[]).slice(1)).toEqual(['content.license', '违法设定许可', 1, 1]);
  });
});

describe('JSON export of one review', () => {
  it('holds every stored field and reads back equal', async () => {
    const { a } = await twoReviews();
    const full = (await getReview(a.id))!;
    const json = JSON.parse(reviewToJson(full));
    expect(json).toMatchObject({ format: 'normlint-review', formatVersion: 1 });
    expect(json.review.conclusionLabel).toBe('退回');
    expect(json.review.body.findings.map((f: { decisionLabel: string }) => f.decisionLabel)).toEqual(['不予采纳', '确认']);
    const { conclusionLabel: _c, body, ...rest } = json.review;
    expect(rest).toEqual(Object.fromEntries(Object.entries(full).filter(([k]) => k !== 'body')));
    expect(body.text).toBe(DOC_V1);
    expect(body.findings.map(({ decisionLabel: _d, ...f }: Record<string, unknown>) => f)).toEqual(full.body.findings);
  });
});
