import { describe, expect, it } from 'vitest';
import { segmentText } from '../../components/log/marks';
import { bookTitle, buildOpinion, chineseNumber } from '../../components/log/opinion';
import { saveReview } from '../../utils/storage/reviews';
import { DOC_V1, findingAt, freshDb } from './helpers';

describe('segmentText', () => {
  it('cuts at every boundary so overlapping findings are each marked, gravest colour on top', () => {
    const text = '第一条 必须办理登记证方可经营。';
    const fs = [
      { start: 4, end: 10, severity: 'error' as const }, // 必须办理登记
      { start: 4, end: 6, severity: 'info' as const }, // 必须
      { start: 20, end: 20, severity: 'warning' as const }, // empty: marks nothing
    ];
    const segs = segmentText(text, fs);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => [s.text, s.findings, s.severity])).toEqual([
      ['第一条 ', [], undefined],
      ['必须', [0, 1], 'error'],
      ['办理登记', [0], 'error'],
      ['证方可经营。', [], undefined],
    ]);
  });

  it('survives findings past the end of the text', () => {
    expect(segmentText('abc', [{ start: 1, end: 99, severity: 'info' }]).map((s) => s.text)).toEqual(['a', 'bc']);
  });
});

describe('审查意见书', () => {
  it('numbers in Chinese', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110, 119].map(chineseNumber)).toEqual(
      ['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一百一十九'],
    );
  });

  it('quotes a title inside the opinion title with 〈〉', () => {
    expect(bookTitle('某市农贸市场管理办法')).toBe('某市农贸市场管理办法');
    expect(bookTitle('《某市农贸市场管理办法》')).toBe('某市农贸市场管理办法');
    expect(bookTitle('关于印发《某市农贸市场管理办法》的通知')).toBe('关于印发〈某市农贸市场管理办法〉的通知');
  });

  it('lists confirmed and undecided findings by code, with basis and fix; dismissed and fixed only counted', async () => {
    freshDb();
    const saved = await saveReview({
      text: DOC_V1,
      title: '某市农贸市场管理办法',
      docNumber: '某政办发〔2024〕12号',
      issuer: '某市人民政府办公室',
      source: 'editor',
      profileId: 'national',
      reviewer: '张三',
      conclusion: 'return',
      remarks: '请一并修改第二条。',
      createdAt: new Date(2024, 2, 1, 10).getTime(),
      findings: [
        { ...findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info', message: '“原则上”表述模糊。' }), decision: 'dismissed', reason: '原文' },
        { ...findingAt(DOC_V1, '必须', 'drafting.wording', { severity: 'info', message: '宜用“应当”', basis: '立法技术规范；', fix: { start: 0, end: 0, replacement: '应当', label: '改为“应当”' } }) },
        { ...findingAt(DOC_V1, '必须办理市场登记证', 'content.license', { severity: 'error', message: '规范性文件不得设定行政许可', basis: '《中华人民共和国行政许可法》第十七条' }), decision: 'confirmed' },
        { ...findingAt(DOC_V1, '处以5000元罚款', 'content.penalty', { severity: 'error', message: '“处以5000元罚款”属于设定行政处罚' }), decision: 'confirmed' },
        { ...findingAt(DOC_V1, '自印发之日起施行', 'effective.no-grace'), decision: 'fixed' },
        { ...findingAt(DOC_V1, '第一条', 'validity.missing', { severity: 'warning', message: '未规定有效期', documentLevel: true, basis: '有效期制度' }) },
      ],
    });
    const op = buildOpinion(saved);
    expect(op.title).toBe('关于《某市农贸市场管理办法》的合法性审查意见书');
    expect(op.docNumber).toBe('某政办发〔2024〕12号');
    expect(op.addressee).toBe('某市人民政府办公室');
    expect(op.opening).toBe('《某市农贸市场管理办法》（某政办发〔2024〕12号）收悉。经审查，提出如下意见：');
    // Errors first, then by position; one item per code.
    expect(op.items.map((i) => [i.code, i.heading])).toEqual([
      ['content.license', '违法设定许可'],
      ['content.penalty', '违法设定处罚'],
      ['validity.missing', '未设有效期'],
      ['drafting.wording', '表述不规范'],
    ]);
    expect(op.items[0].points).toEqual(['“必须办理市场登记证”：规范性文件不得设定行政许可。']);
    expect(op.items[0].basis).toBe('《中华人民共和国行政许可法》第十七条。');
    // The message already quotes the excerpt: not quoted twice.
    expect(op.items[1].points).toEqual(['“处以5000元罚款”属于设定行政处罚。']);
    // A missing clause has no excerpt to quote.
    expect(op.items[2].points).toEqual(['未规定有效期。']);
    expect(op.items[3]).toMatchObject({ points: ['“必须”：宜用“应当”。建议改为“应当”。'], basis: '立法技术规范。' });
    expect(op).toMatchObject({ fixedCount: 1, dismissedCount: 1, remarks: '请一并修改第二条。', conclusionLabel: '退回', reviewer: '张三', date: '2024年3月1日', recordId: saved.id });
    expect(op.conclusionText).toContain('退回');
  });

  it('says so when nothing is left to raise, and handles a document without a title', async () => {
    freshDb();
    const saved = await saveReview({ text: '正文', source: 'text', profileId: 'national', findings: [], conclusion: 'approve' });
    const op = buildOpinion(saved);
    expect(op.title).toBe('合法性审查意见书');
    expect(op.opening).toBe('该文件收悉。经审查，未发现需要修改的合法性问题。');
    expect(op.items).toEqual([]);
    expect(op.conclusionLabel).toBe('通过');
  });
});
