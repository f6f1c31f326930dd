import { describe, expect, it } from 'vitest';
import { segmentText } from '../../components/log/marks';
import { Packer } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { bookTitle, buildOpinion, chineseNumber } from '../../components/log/opinion';
import { opinionDocument } from '../../components/log/opinion-docx';
import { getReview, saveReview } from '../../utils/storage/reviews';
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

  it('marks every place of a grouped finding', () => {
    const segs = segmentText('甲,乙,丙', [{ start: 1, end: 2, severity: 'warning', places: [{ start: 1, end: 2 }, { start: 3, end: 4 }] }]);
    expect(segs.filter((s) => s.findings.length).map((s) => [s.start, s.text])).toEqual([[1, ','], [3, ',']]);
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

  it('lists confirmed and undecided findings by code and article, with basis and fix; fixes before and after; dismissed not printed', async () => {
    freshDb();
    const saved = await saveReview({
      text: DOC_V1,
      title: '某市农贸市场管理办法（送审稿）',
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
        { ...findingAt(DOC_V1, '自印发之日起施行', 'effective.no-grace'), decision: 'fixed', edit: { before: '本办法自印发之日起施行', after: '本办法自印发之日起30日后施行' } },
        { ...findingAt(DOC_V1, '第一条', 'validity.missing', { severity: 'warning', message: '未规定有效期', documentLevel: true, basis: '有效期制度' }) },
        { ...findingAt(DOC_V1, '，', 'drafting.punctuation', { severity: 'info', message: '标点' }) },
      ],
    });
    const op = buildOpinion(saved);
    expect(op.kind).toBe('draft');
    expect(op.title).toBe('关于《某市农贸市场管理办法（送审稿）》的合法性审核意见');
    expect(op.docNumber).toBe('某政办发〔2024〕12号');
    expect(op.addressee).toBe('某市人民政府办公室');
    expect(op.opening).toBe('《某市农贸市场管理办法（送审稿）》（某政办发〔2024〕12号）收悉。经审核，提出如下意见：');
    // Errors first, then by position; one item per code.
    expect(op.items.map((i) => [i.code, i.heading])).toEqual([
      ['content.license', '违法设定许可'],
      ['content.penalty', '违法设定处罚'],
      ['validity.missing', '未设有效期'],
      ['drafting.punctuation', '标点不规范'],
      ['drafting.wording', '表述不规范'],
    ]);
    // Each point says which article it concerns.
    expect(op.items[0].points).toEqual(['第二条“必须办理市场登记证”：规范性文件不得设定行政许可。']);
    expect(op.items[0].articles).toEqual(['第二条']);
    expect(op.items[0].basis).toBe('《中华人民共和国行政许可法》第十七条。');
    // The message already quotes the excerpt: not quoted twice.
    expect(op.items[1].points).toEqual(['第三条：“处以5000元罚款”属于设定行政处罚。']);
    // A missing clause has no excerpt to quote and no article.
    expect(op.items[2].points).toEqual(['未规定有效期。']);
    expect(op.items[2].articles).toEqual([]);
    expect(op.items[4]).toMatchObject({ points: ['第二条“必须”：宜用“应当”。建议改为“应当”。'], basis: '立法技术规范。' });
    // A lone mark is quoted with the words around it.
    expect(op.items[3].points[0]).toMatch(/^第一条“为加强农贸市场管理，原则上由各区负责”：/);
    expect(op.fixes).toEqual([{ heading: '施行日期未设宽限期', article: '第五条', before: '本办法自印发之日起施行', after: '本办法自印发之日起30日后施行' }]);
    expect(op).toMatchObject({ fixedCount: 1, dismissedCount: 1, remarks: '请一并修改第二条。', conclusionHeading: '审核结论', conclusionLabel: '退回', reviewer: '张三', date: '2024年3月1日', recordId: saved.id });
    expect(op.conclusionText).toContain('退回');
  });

  it('never says 未发现合法性问题 above a list of items', async () => {
    freshDb();
    const saved = await saveReview({
      text: DOC_V1,
      title: '某市农贸市场管理办法（征求意见稿）',
      source: 'editor',
      profileId: 'national',
      conclusion: 'approve',
      findings: [{ ...findingAt(DOC_V1, '必须', 'drafting.wording', { severity: 'info', message: '宜用“应当”' }), decision: 'confirmed' }],
    });
    const op = buildOpinion(saved);
    expect(op.items).toHaveLength(1);
    expect(op.opening + op.conclusionText).not.toMatch(/未发现/);
  });

  it('a published document gets a 备案审查意见, or a 纠错建议 when it has problems to correct', async () => {
    freshDb();
    const base = { text: DOC_V1, title: '某市农贸市场管理办法', docNumber: '某政办发〔2024〕12号', source: 'portal' as const, profileId: 'national', dates: { published: '2024-03-01' } };
    const clean = buildOpinion(await saveReview({ ...base, conclusion: 'approve', findings: [] }));
    expect(clean.kind).toBe('filing');
    expect(clean.title).toBe('关于《某市农贸市场管理办法》的备案审查意见');
    expect(clean.conclusionHeading).toBe('审查结论');
    expect(clean.conclusionText).toContain('予以备案');
    const wrong = buildOpinion(
      await saveReview({
        ...base,
        conclusion: 'return',
        findings: [{ ...findingAt(DOC_V1, '处以5000元罚款', 'content.penalty', { severity: 'error' }), decision: 'confirmed' }],
      }),
    );
    expect(wrong.kind).toBe('correction');
    expect(wrong.title).toBe('关于《某市农贸市场管理办法》的纠错建议');
    expect(wrong.opening).toBe('经审查，《某市农贸市场管理办法》（某政办发〔2024〕12号）存在下列问题，建议予以纠正：');
    expect(wrong.items[0].articles).toEqual(['第三条']);
  });

  it('names where each point is, and a grouped finding as one point with its places and count; both survive saving', async () => {
    freshDb();
    const first = findingAt(DOC_V1, '原则上', 'drafting.wording', { message: '“原则上”表述模糊', where: '第一条' });
    const second = { start: DOC_V1.indexOf('必须'), end: DOC_V1.indexOf('必须') + 2, excerpt: '必须', where: '第二条' };
    const saved = await saveReview({
      text: DOC_V1,
      title: '某市农贸市场管理办法',
      source: 'editor',
      profileId: 'national',
      conclusion: 'approve-with-changes',
      findings: [
        { ...first, places: [{ start: first.start, end: first.end, excerpt: first.excerpt, where: '第一条' }, second] },
        findingAt(DOC_V1, '处以5000元罚款', 'content.penalty', { severity: 'error', message: '属于设定行政处罚', where: '第三条' }),
        findingAt(DOC_V1, '第一条', 'validity.missing', { message: '未规定有效期', documentLevel: true, where: '全文' }),
      ],
    });
    const loaded = (await getReview(saved.id))!;
    expect(loaded.body.findings[0]).toMatchObject({ where: '第一条', places: [{ where: '第一条' }, { where: '第二条', excerpt: '必须' }] });
    const op = buildOpinion(loaded);
    expect(op.items.map((i) => i.points)).toEqual([
      ['第三条“处以5000元罚款”：属于设定行政处罚。'],
      // A missing clause names no place; the message quotes the excerpt already, so it is not quoted again.
      ['未规定有效期。'],
      ['第一条、第二条等共2处：“原则上”表述模糊。'],
    ]);
  });

  it('says so when nothing is left to raise, and handles a document without a title', async () => {
    freshDb();
    const saved = await saveReview({ text: '正文', source: 'text', profileId: 'national', findings: [], conclusion: 'approve' });
    const op = buildOpinion(saved);
    expect(op.title).toBe('合法性审核意见');
    expect(op.opening).toBe('该文件收悉。经审核，未发现需要修改的合法性问题。');
    expect(op.items).toEqual([]);
    expect(op.conclusionLabel).toBe('通过');
  });
});

describe('审查意见书 as .docx', () => {
  it('reads back (mammoth) with its title, items, articles, fixes and conclusion, in GB/T 9704 page layout', async () => {
    freshDb();
    const saved = await saveReview({
      text: DOC_V1,
      title: '某市农贸市场管理办法（送审稿）',
      source: 'editor',
      profileId: 'national',
      conclusion: 'approve-with-changes',
      findings: [
        { ...findingAt(DOC_V1, '必须办理市场登记证', 'content.license', { severity: 'error', message: '规范性文件不得设定行政许可' }), decision: 'confirmed' },
        { ...findingAt(DOC_V1, '自印发之日起施行', 'effective.no-grace'), decision: 'fixed', edit: { before: '本办法自印发之日起施行', after: '本办法自印发之日起30日后施行' } },
      ],
    });
    const model = buildOpinion(saved);
    const buffer = await Packer.toBuffer(opinionDocument(model, { organ: '某市司法局', number: '某司审〔2024〕1号' }));
    const { value } = await mammoth.extractRawText({ buffer });
    const text = value.replace(/\s+/g, '');
    expect(text).toContain('关于《某市农贸市场管理办法（送审稿）》的合法性审核意见');
    expect(text).toContain('某司审〔2024〕1号');
    expect(text).toContain('一、违法设定许可。第二条“必须办理市场登记证”：规范性文件不得设定行政许可。');
    expect(text).toContain('二、审核过程中已修改的问题（1处）。');
    expect(text).toContain('（一）第五条，施行日期未设宽限期：“本办法自印发之日起施行”已改为“本办法自印发之日起30日后施行”。');
    expect(text).toContain('审核结论：修改后通过。');
    expect(text).toContain('某市司法局');
    expect(text).not.toMatch(/审查助手|NormLint|记录编号/);
    // Page and fonts as the standard sets them, read from the document's own XML.
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/w:line="579" w:lineRule="exact"/);
  });
});
