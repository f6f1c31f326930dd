import { describe, expect, it } from 'vitest';
import { review } from '../../utils/engine';
import { reviewInputOf } from '../../utils/storage/review-input';
import { getReview, saveReview } from '../../utils/storage/reviews';
import { DOC_V1, freshDb } from './helpers';

const DOC = ['某市人民政府办公室文件', ...DOC_V1.split('\n').slice(1), '某市人民政府办公室', '2024年3月1日'].join('\n');
const HEADLESS = '第一条 市场经营者必须办理市场登记证，方可经营。\n第二条 违反本办法的，处以5000元罚款。';

describe('reviewInputOf', () => {
  it('takes the identity the engine read, the profile and the decisions', () => {
    const result = review({ text: DOC_V1 }, { profile: 'national', today: '2024-06-01' });
    const findings = result.findings.map((f, i) => ({ ...f, decision: i === 0 ? ('dismissed' as const) : ('confirmed' as const), reason: i === 0 ? '引用原文' : undefined }));
    const input = reviewInputOf({ text: DOC_V1, url: 'https://oa.example.gov.cn/1', source: 'editor' }, result, {
      findings,
      fallbackTitle: '网页标题',
      conclusion: 'return',
      reviewer: '张三',
      remarks: '第二条应删除',
    });
    expect(result.summary.docNumber).toBe('某政办发〔2024〕12号');
    expect(input).toMatchObject({
      text: DOC_V1,
      url: 'https://oa.example.gov.cn/1',
      title: result.summary.title ?? result.summary.headline,
      docNumber: '某政办发〔2024〕12号',
      source: 'editor',
      profileId: 'national',
      conclusion: 'return',
      reviewer: '张三',
      remarks: '第二条应删除',
    });
    expect(input.title).not.toBe('网页标题');
    expect(input.findings).toBe(findings);
  });

  it('falls back on the given title only when the engine found neither title nor headline', () => {
    const result = review({ text: HEADLESS }, { profile: 'national', today: '2024-06-01' });
    const { headline } = result.summary;
    expect(headline).toBeTruthy();
    expect(reviewInputOf({ text: HEADLESS, source: 'file' }, result, { findings: [], fallbackTitle: '管理办法.docx' }).title).toBe(headline);
    const untitled = { ...result, summary: { ...result.summary, title: undefined, headline: undefined } };
    expect(reviewInputOf({ text: HEADLESS, source: 'file' }, untitled, { findings: [], fallbackTitle: '管理办法.docx' }).title).toBe('管理办法.docx');
  });

  it('maps the dates, and the log stores what it gives', async () => {
    freshDb();
    const result = review({ text: DOC }, { profile: 'national', today: '2024-06-01' });
    const input = reviewInputOf({ text: DOC, source: 'portal', metadata: { title: '页面', raw: {} } }, result, {
      findings: result.findings.map((f) => ({ ...f, decision: 'confirmed' as const })),
      reviewer: '李四',
    });
    expect(input.dates).toEqual({ written: result.summary.writtenDate, published: result.summary.publishedDate, effective: result.summary.effectiveDate });
    expect(result.summary.writtenDate).toBe('2024-03-01');
    const saved = await saveReview(input);
    const back = (await getReview(saved.id))!;
    expect(back).toMatchObject({ docNumber: '某政办发〔2024〕12号', writtenDate: '2024-03-01', source: 'portal', profileId: 'national', reviewer: '李四', conclusion: 'pending' });
    expect(back.body.metadata).toEqual({ title: '页面', raw: {} });
    expect(back.body.findings).toHaveLength(result.findings.length);
  });
});
