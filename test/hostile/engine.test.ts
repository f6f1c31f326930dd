// Hostile text through the whole engine: each pathological pattern once, short, with its result checked (time is
// printed by `npm run bench:adversarial`, never asserted). And the time budget: a review past it stops with the
// findings so far and one Chinese notice.
import { beforeAll, describe, expect, it } from 'vitest';
import { coercion } from '../../rules/powers';
import { MAX_REPORTS_PER_RULE, resolveProfile, review, REVIEW_BUDGET_MS } from '../../utils/engine';
import { statutes } from '../../utils/statutes';
import type { Rule } from '../../utils/engine/types';
import { findComments, findConsultations } from '../../utils/model/comment';
import { parseDocument } from '../../utils/model/parse';
import { nodeSegmenter } from '../../utils/segment/node';
import { PATTERNS, pathologicalText } from './patterns';

describe('every pathological pattern reviews to a sane result', { timeout: 30_000 }, () => {
  // jieba's dictionary and the statute table load once, on the first review.
  beforeAll(() => void review({ text: '第一条　本办法自公布之日起施行。' }, { segmenter: nodeSegmenter }), 60_000);
  for (const p of PATTERNS) {
    it(p.label, () => {
      const text = pathologicalText(p.unit, 3000);
      const r = review({ text }, { segmenter: nodeSegmenter, today: '2024-01-01', budgetMs: REVIEW_BUDGET_MS });
      expect(r.truncated).toBeUndefined();
      expect(r.summary.chars).toBe(3000);
      for (const f of r.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        expect(f.excerpt).toBe(text.slice(f.start, f.end));
      }
    });
  }
});

describe('the passes that once rescanned from every match still find what they should', () => {
  it('a mail address after a long run of letters is a comment channel', () => {
    const text = `征求意见时间为2024年1月1日至2024年1月31日，意见请发送至${'a'.repeat(5000)} yijian@example.gov.cn。`;
    const doc = parseDocument(text, {});
    expect(doc.comments[0]?.channels.map((c) => c.text)).toContain('yijian@example.gov.cn');
  });
  it('unclosed "[意见：" do not hide the remarks after them, and a remark\'s sentences stay out of the text', () => {
    const text = `第一条　${'[意见：'.repeat(2000)}\n第二条　本办法自公布之日起施行。[起草人注：此条待定。]\n【市司法局意见：建议删除。】`;
    const doc = parseDocument(text, {});
    expect(doc.remarks.map((r) => r.text)).toEqual(['[起草人注：此条待定。]', '【市司法局意见：建议删除。】']);
    expect(doc.sentences.some((s) => s.text.includes('待定') || s.text.includes('建议删除'))).toBe(false);
    expect(doc.sentences.some((s) => s.text.includes('本办法自公布之日起施行'))).toBe(true);
  });
  it('a square remark names its speaker near its start and says at most 400 characters more', () => {
    const remarks = (t: string) => parseDocument(t, {}).remarks.length;
    expect(remarks(`[${'甲'.repeat(20)}意见：删除]`)).toBe(1);
    expect(remarks(`[${'甲'.repeat(41)}意见：删除]`)).toBe(0);
    expect(remarks(`[意见：${'乙'.repeat(400)}]`)).toBe(1);
    expect(remarks(`[意见：${'乙'.repeat(401)}]`)).toBe(0);
  });
  it('unclosed 《 do not hide a consultation report, a closed title still masks its words', () => {
    const report = `${'《'.repeat(3000)}起草过程中书面征求了市财政局等部门的意见。`;
    expect(findConsultations(report, [{ start: 0, end: report.length, text: report } as never])).toHaveLength(1);
    const title = '《关于征求意见的通知》已印发。';
    expect(findConsultations(title, [{ start: 0, end: title.length, text: title } as never])).toHaveLength(0);
  });
  it('many comment dates in one sentence: the period is read from the words just before its date', () => {
    const s = `${'征求意见2024年1月1日'.repeat(500)}请于2024年3月1日前反馈意见`;
    const periods = findComments(s, [{ start: 0, end: s.length, text: s } as never], [{ start: 0, end: s.length, text: s } as never], '2024-02-01');
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ from: '2024-02-01', to: '2024-03-01', days: 30 });
  });
});

describe('powers in one clause without a comma (rules/powers.ts)', () => {
  const check = (text: string) => {
    const doc = parseDocument(text, {}, nodeSegmenter);
    const found: { start: number; severity?: string }[] = [];
    coercion.check(doc, { profile: resolveProfile(undefined), today: '2024-01-01', statutes }, (f) => found.push(f));
    return found;
  };
  it('every 扣押 of a long run is reported once, none overlapping another', () => {
    const text = pathologicalText('扣押', 3000);
    const found = check(text);
    // Each finding is 扣押 and the twelve characters after it: one every fourteen characters.
    expect(found).toHaveLength(Math.ceil((3000 - 4) / 14));
    expect(found.every((f, i) => i === 0 || f.start - found[i - 1].start === 14)).toBe(true);
  });
  it('the words just before a power still decide it in a long clause; a lead cut short is not taken for its start', () => {
    const pad = '市场监管部门依法履行职责'.repeat(20);
    expect(check(`第一条　${pad}可以当场扣押其物品。`)).toHaveLength(0);
    expect(check(`第一条　${'甲'.repeat(300)}不得被扣押。`)).toHaveLength(0);
    expect(check(`第一条　${'甲'.repeat(300)}可以当场扣押其物品。`)).toHaveLength(1);
  });
});

describe('a slip repeated thousands of times is one finding with its first places listed', () => {
  it('2,498 half-width commas: 1,000 places, the rest counted in one Chinese line', () => {
    const text = pathologicalText('审,', 5000);
    const r = review({ text }, { segmenter: nodeSegmenter, today: '2024-01-01' });
    const commas = r.findings.filter((f) => f.rule === 'drafting/punctuation');
    expect(commas.reduce((n, f) => n + (f.places?.length ?? 1), 0)).toBe(MAX_REPORTS_PER_RULE);
    expect(r.notice).toBe(`以下检查发现的问题过多，只列出每项的前 ${MAX_REPORTS_PER_RULE} 处：标点不规范（另有 1498 处未列出）。`);
  });
  it('a few slips are all listed and nothing is said', () => {
    const r = review({ text: pathologicalText('审,', 200) }, { segmenter: nodeSegmenter, today: '2024-01-01' });
    expect(r.findings.filter((f) => f.rule === 'drafting/punctuation').reduce((n, f) => n + (f.places?.length ?? 1), 0)).toBe(98);
    expect(r.notice).toBeUndefined();
  });
});

describe('the time budget', () => {
  // Spins until a point in time: the slow rule always ends past the deadline, however long parsing took.
  const spin = (until: number): Rule => ({
    meta: { id: 'test/slow', code: 'basis.missing', severity: 'info', title: '测试', basis: '测试', explanation: '测试' },
    examples: { valid: [], invalid: [] },
    check(doc, _ctx, report) {
      while (performance.now() < until);
      report({ start: 0, end: 3, message: '慢规则的发现' });
    },
  });
  const marker: Rule = { ...spin(0), meta: { ...spin(0).meta, id: 'test/after', code: 'drafting.wording' } };
  const text = '第一条　本办法自印发之日起施行。';

  it('past the budget no further rule runs; the findings so far are kept with one Chinese notice', () => {
    const t0 = performance.now();
    const r = review({ text }, { rules: [spin(t0 + 600), marker], budgetMs: 500, budgetFrom: t0 });
    expect(r.truncated).toBe(true);
    expect(r.findings.map((f) => f.rule)).toEqual(['test/slow']);
    expect(r.notice).toMatch(/^审查用时超过 0\.5 秒，已停止：以下只是已完成部分的结果，其余 1 项检查未运行。/);
    expect(r.notice).not.toContain('\n');
  });
  it('within the budget every rule runs and nothing is said', () => {
    const r = review({ text }, { rules: [spin(0), marker], budgetMs: 60_000 });
    expect(r.truncated).toBeUndefined();
    expect(r.notice).toBeUndefined();
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['test/after', 'test/slow']);
  });
  it('a budget already spent before the review (the CLI counts reading in) runs no rule', () => {
    const r = review({ text }, { rules: [marker], budgetMs: 5, budgetFrom: performance.now() - 100 });
    expect(r.truncated).toBe(true);
    expect(r.findings).toEqual([]);
  });
});
