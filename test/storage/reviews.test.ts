import { describe, expect, it } from 'vitest';
import {
  applyDismissals,
  compareWithPrevious,
  deleteReview,
  fingerprint,
  getReview,
  listDismissals,
  recallDecisions,
  restoreDismissal,
  saveReview,
  turnRuleOff,
} from '../../utils/storage/reviews';
import { ENGINE_VERSION } from '../../utils/storage/version';
import type { SaveReviewInput } from '../../utils/storage/types';
import { DOC_V1, findingAt, freshDb } from './helpers';

const URL1 = 'https://oa.example.gov.cn/draft/edit?id=88#top';

function v1Findings(text = DOC_V1) {
  return [
    findingAt(text, '原则上', 'drafting.wording', { severity: 'info' }),
    findingAt(text, '必须办理市场登记证', 'content.license', { severity: 'error' }),
    findingAt(text, '处以5000元罚款', 'content.penalty', { severity: 'error' }),
    findingAt(text, '由市市场监管局负责解释', 'content.interpretation', { severity: 'warning' }),
    findingAt(text, '自印发之日起施行', 'effective.no-grace', { severity: 'warning' }),
  ];
}

const base = (over: Partial<SaveReviewInput> = {}): SaveReviewInput => ({
  text: DOC_V1,
  url: URL1,
  title: '某市农贸市场管理办法',
  docNumber: '某政办发〔2024〕12号',
  issuer: '某市人民政府办公室',
  source: 'editor',
  profileId: 'national',
  reviewer: '张三',
  findings: v1Findings(),
  createdAt: Date.UTC(2024, 2, 1, 2),
  ...over,
});

describe('fingerprint', () => {
  it('hashes the normalised text with SHA-256', async () => {
    const a = await fingerprint('第一条　为了规范\n管理。');
    const b = await fingerprint('第一条 为了规范管理。 ');
    const c = await fingerprint('第一条 为了规范管理！');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    // Full-width digits fold to ASCII (NFKC).
    expect(await fingerprint('２０２４年')).toBe(await fingerprint('2024年'));
  });
});

describe('saveReview', () => {
  it('stores a light summary and a body, in one piece', async () => {
    const db = freshDb();
    const input = base({
      conclusion: 'return',
      remarks: '请删除第二条许可',
      findings: v1Findings().map((f, i) => (i === 1 ? { ...f, decision: 'confirmed' as const } : f)),
    });
    const saved = await saveReview(input);
    expect(saved.id).toBeGreaterThan(0);
    const summary = await db.reviews.get(saved.id);
    expect(summary).toMatchObject({
      title: '某市农贸市场管理办法',
      docNumber: '某政办发〔2024〕12号',
      reviewer: '张三',
      conclusion: 'return',
      engineVersion: ENGINE_VERSION,
      counts: { error: 2, warning: 2, info: 1 },
      decisions: { confirmed: 1, dismissed: 0, fixed: 0, undecided: 4 },
      chars: DOC_V1.length,
    });
    expect(summary!.codes).toEqual(['content.interpretation', 'content.license', 'content.penalty', 'drafting.wording', 'effective.no-grace']);
    expect(summary!.severities).toEqual(['error', 'info', 'warning']);
    expect(summary!.docKeys).toEqual([
      'no:某政办发〔2024〕12号',
      'url:https://oa.example.gov.cn/draft/edit?id=88',
      `fp:${await fingerprint(DOC_V1)}`,
    ]);
    // The summary row carries no text: the list never reads document bodies.
    expect(JSON.stringify(summary)).not.toContain('第一条');
    const body = await db.reviewBodies.get(saved.id);
    expect(body!.text).toBe(DOC_V1);
    expect(body!.remarks).toBe('请删除第二条许可');
    expect(body!.findings[1]).toMatchObject({ code: 'content.license', decision: 'confirmed' });
    expect(body!.findings[0].anchor).toEqual({ before: '12号第一条为加强农贸市场管理，', after: '由各区负责，制定本办法。第二条市' });
    expect(await db.searchText.get(saved.id)).toEqual({
      id: saved.id,
      createdAt: input.createdAt,
      text: '某市农贸市场管理办法\n某政办发〔2024〕12号\n某政办发〔2024〕12号\n某市人民政府办公室\nhttps://oa.example.gov.cn/draft/edit?id=88#top',
    });
    const stats = await db.stats.toArray();
    expect(stats.map((s) => s.code).sort()).toEqual(summary!.codes);
    expect(stats.every((s) => s.findings === 1 && s.reviews === 1 && s.day === '2024-03-01')).toBe(true);
  });

  it('links a re-review of the same document and computes fixed / new / remains', async () => {
    const db = freshDb();
    const first = await saveReview(base({
      findings: v1Findings().map((f) =>
        f.code === 'content.license' ? { ...f, decision: 'confirmed' as const } :
        f.code === 'drafting.wording' ? { ...f, decision: 'dismissed' as const, reason: '此处系引用上位法原文' } : f),
      conclusion: 'return',
    }));
    // The drafter removed the licence, changed the grace period, added a fee; the text moved.
    const text2 = DOC_V1
      .replace('市场经营者必须办理市场登记证，方可经营。', '市场经营者应当依法经营。')
      .replace('自印发之日起施行', '自2024年5月1日起施行')
      .replace('第四条', '第四条 经营者应缴纳管理保证金。\n第五条')
      .replace('第五条 本办法自', '第六条 本办法自');
    const f2 = [
      findingAt(text2, '原则上', 'drafting.wording', { severity: 'info' }),
      findingAt(text2, '处以5000元罚款', 'content.penalty', { severity: 'error' }),
      findingAt(text2, '缴纳管理保证金', 'content.fee', { severity: 'error' }),
      findingAt(text2, '由市市场监管局负责解释', 'content.interpretation', { severity: 'warning' }),
    ];
    // Same 文号, different URL: still the same document.
    const second = await saveReview(base({ text: text2, url: 'https://oa.example.gov.cn/draft/edit?id=91', findings: f2, createdAt: first.createdAt + 86400000 }));
    expect(second.previousId).toBe(first.id);
    expect(second.diff).toEqual({ fixed: 2, new: 1, remains: 3 });
    const byCode = Object.fromEntries(second.body.findings.map((f) => [f.code, f]));
    expect(byCode['content.fee'].change).toBe('new');
    expect(byCode['content.penalty'].change).toBe('remains');
    expect(second.body.fixedSincePrevious.map((f) => f.code).sort()).toEqual(['content.license', 'effective.no-grace']);
    // The dismissal is remembered and applied; undecided remaining findings keep no decision unless decided before.
    expect(byCode['drafting.wording']).toMatchObject({ decision: 'dismissed', reason: '此处系引用上位法原文' });
    expect(byCode['content.penalty'].decision).toBe('undecided');
    const stored = await db.reviews.get(second.id);
    expect(stored!.decisions).toEqual({ confirmed: 0, dismissed: 1, fixed: 0, undecided: 3 });
  });

  it('carries confirmed and dismissed decisions across re-reviews, not fixed ones', async () => {
    freshDb();
    const first = await saveReview(base({
      findings: v1Findings().map((f) =>
        f.code === 'content.penalty' ? { ...f, decision: 'confirmed' as const } :
        f.code === 'content.interpretation' ? { ...f, decision: 'dismissed' as const, reason: '市场监管局系本办法的实施部门，经授权解释' } :
        f.code === 'effective.no-grace' ? { ...f, decision: 'fixed' as const } : f),
    }));
    const second = await saveReview(base({ createdAt: first.createdAt + 1000 }));
    const byCode = Object.fromEntries(second.body.findings.map((f) => [f.code, f]));
    expect(byCode['content.penalty']).toMatchObject({ decision: 'confirmed', carriedFrom: first.id, change: 'remains' });
    expect(byCode['content.interpretation']).toMatchObject({ decision: 'dismissed', reason: '市场监管局系本办法的实施部门，经授权解释' });
    expect(byCode['content.interpretation'].dismissalId).toBeGreaterThan(0);
    // "Fixed" that reappears is not fixed: it comes back undecided.
    expect(byCode['effective.no-grace'].decision).toBe('undecided');
    // An explicit decision this time wins over the carried one.
    const third = await saveReview(base({
      createdAt: first.createdAt + 2000,
      findings: v1Findings().map((f) => (f.code === 'content.penalty' ? { ...f, decision: 'fixed' as const } : f)),
    }));
    expect(third.body.findings.find((f) => f.code === 'content.penalty')!.decision).toBe('fixed');
    expect(third.previousId).toBe(second.id);
    // carryDecisions: false keeps the reviewer's input as given.
    const fourth = await saveReview(base({ createdAt: first.createdAt + 3000, carryDecisions: false }));
    expect(fourth.body.findings.every((f) => f.decision === 'undecided')).toBe(true);
  });

  it('does not link different 文号 that share an editor URL', async () => {
    freshDb();
    const a = await saveReview(base({ url: 'https://oa.example.gov.cn/editor' }));
    const b = await saveReview(base({ url: 'https://oa.example.gov.cn/editor', docNumber: '某政办发〔2024〕13号', text: DOC_V1 + '\n附件', createdAt: a.createdAt + 5 }));
    expect(b.previousId).toBeUndefined();
    // Without a 文号, the URL is enough.
    const c = await saveReview(base({ url: 'https://oa.example.gov.cn/editor', docNumber: undefined, text: DOC_V1 + '\n附件二', createdAt: a.createdAt + 9 }));
    expect(c.previousId).toBe(b.id);
  });

  it('deletes a review with its body and chart counts', async () => {
    const db = freshDb();
    const a = await saveReview(base());
    const b = await saveReview(base({ createdAt: a.createdAt + 1 }));
    expect((await db.stats.get(['2024-03-01', 'content.license']))!.reviews).toBe(2);
    expect(await db.searchText.count()).toBe(2);
    await deleteReview(a.id);
    expect(await getReview(a.id)).toBeUndefined();
    expect(await db.reviewBodies.get(a.id)).toBeUndefined();
    expect(await db.searchText.get(a.id)).toBeUndefined();
    expect((await db.stats.get(['2024-03-01', 'content.license']))).toMatchObject({ reviews: 1, findings: 1 });
    await deleteReview(b.id);
    expect(await db.stats.count()).toBe(0);
    await expect(deleteReview(b.id)).rejects.toThrow('没有编号');
  });
});

describe('remembered dismissals', () => {
  it('stay dismissed on later reviews, matched by code and surrounding text, and can be restored', async () => {
    freshDb();
    await saveReview(base({
      findings: v1Findings().map((f) =>
        f.code === 'drafting.wording' ? { ...f, decision: 'dismissed' as const, reason: '引用原文，不宜改动' } :
        f.code === 'content.penalty' ? { ...f, decision: 'dismissed' as const } : f), // no reason: not remembered
    }));
    const doc = { docNumber: '某政办发〔2024〕12号', text: DOC_V1 };
    const remembered = await listDismissals(doc);
    expect(remembered).toHaveLength(1);
    expect(remembered[0]).toMatchObject({ code: 'drafting.wording', excerpt: '原则上', reason: '引用原文，不宜改动', reviewer: '张三' });

    // Edited text: offsets move, a second 原则上 appears elsewhere; only the original place stays dismissed.
    const text2 = '前言：本办法原则上适用于全市。\n' + DOC_V1;
    const f2 = [
      findingAt(text2, '原则上', 'drafting.wording', { severity: 'info' }),
      { ...findingAt(DOC_V1, '原则上', 'drafting.wording', { severity: 'info' }) },
      findingAt(text2, '处以5000元罚款', 'content.penalty', { severity: 'error' }),
    ];
    const off = text2.length - DOC_V1.length;
    f2[1] = { ...f2[1], start: f2[1].start + off, end: f2[1].end + off };
    const applied = await applyDismissals({ url: 'https://other.example/x', docNumber: '某政办发〔2024〕12号' }, f2, text2);
    expect(applied[0].decision).toBeUndefined();
    expect(applied[1]).toMatchObject({ decision: 'dismissed', reason: '引用原文，不宜改动' });
    expect(applied[1].dismissal!.id).toBe(remembered[0].id);
    expect(applied[2].decision).toBeUndefined();
    // A docKey string works too.
    const byKey = await applyDismissals('no:某政办发〔2024〕12号', f2, text2);
    expect(byKey.map((f) => f.decision)).toEqual([undefined, 'dismissed', undefined]);
    // A different document is untouched.
    const other = await applyDismissals({ docNumber: '某政办发〔2024〕99号' }, f2, text2);
    expect(other.every((f) => f.decision === undefined)).toBe(true);

    await restoreDismissal(remembered[0].id!);
    expect(await listDismissals(doc)).toHaveLength(0);
    const after = await applyDismissals(doc, f2, text2);
    expect(after.every((f) => f.decision === undefined)).toBe(true);
    // Past reviews keep their record of the dismissal.
    const next = await saveReview(base({ createdAt: Date.UTC(2024, 2, 2) }));
    expect(next.body.findings.find((f) => f.code === 'drafting.wording')!.decision).toBe('undecided');
  });

  it('is forgotten when the reviewer confirms the finding later, and replaced when the reason changes', async () => {
    freshDb();
    const dismissed = v1Findings().map((f) => (f.code === 'content.license' ? { ...f, decision: 'dismissed' as const, reason: '上位法已设定' } : f));
    await saveReview(base({ findings: dismissed }));
    expect(await listDismissals('no:某政办发〔2024〕12号')).toHaveLength(1);
    await saveReview(base({
      createdAt: Date.UTC(2024, 2, 3),
      findings: v1Findings().map((f) => (f.code === 'content.license' ? { ...f, decision: 'dismissed' as const, reason: '《食品安全法》已设定' } : f)),
    }));
    const now = await listDismissals('no:某政办发〔2024〕12号');
    expect(now.map((d) => d.reason)).toEqual(['《食品安全法》已设定']);
    await saveReview(base({
      createdAt: Date.UTC(2024, 2, 4),
      findings: v1Findings().map((f) => (f.code === 'content.license' ? { ...f, decision: 'confirmed' as const } : f)),
    }));
    expect(await listDismissals('no:某政办发〔2024〕12号')).toHaveLength(0);
  });
});

describe('a rule turned off for a document', () => {
  const doc = { docNumber: '某政办发〔2024〕12号', text: DOC_V1 };
  const twice = DOC_V1 + '\n第六条 原则上每年评估一次。';
  const wording = (text: string) => [
    findingAt(text, '原则上', 'drafting.wording', { severity: 'warning' }),
    { ...findingAt(text.slice(text.lastIndexOf('原则上')), '原则上', 'drafting.wording', { severity: 'warning' }), start: text.lastIndexOf('原则上'), end: text.lastIndexOf('原则上') + 3 },
    findingAt(text, '处以5000元罚款', 'content.penalty', { severity: 'error' }),
  ];

  it('sets aside every finding of that rule on that document, anywhere, until restored', async () => {
    freshDb();
    const off = await turnRuleOff(doc, { code: 'drafting.wording', rule: 'drafting/wording' }, '本市惯用表述', '张三');
    expect(off).toMatchObject({ scope: 'rule', rule: 'drafting/wording', reason: '本文件不再检查此规则：本市惯用表述', reviewer: '张三' });
    const applied = await applyDismissals(doc, wording(twice), twice);
    expect(applied.map((f) => f.decision)).toEqual(['dismissed', 'dismissed', undefined]);
    expect(applied[1].dismissal!.id).toBe(off.id);
    // Another document keeps the rule.
    const other = await applyDismissals({ docNumber: '某政办发〔2024〕99号', text: twice }, wording(twice), twice);
    expect(other.every((f) => f.decision === undefined)).toBe(true);
    // Turning it off again replaces the reason; one switch per rule and document.
    await turnRuleOff(doc, { code: 'drafting.wording', rule: 'drafting/wording' }, '');
    expect((await listDismissals(doc)).map((d) => d.reason)).toEqual(['本文件不再检查此规则']);
    const [again] = await listDismissals(doc);
    await restoreDismissal(again.id!);
    expect((await applyDismissals(doc, wording(twice), twice)).every((f) => f.decision === undefined)).toBe(true);
  });

  it('is recorded in the saved review as the reason of each finding it set aside, and not remembered once more per finding', async () => {
    freshDb();
    const off = await turnRuleOff(doc, { code: 'drafting.wording', rule: 'drafting/wording' }, '');
    // The panel hands the findings over as it shows them: dismissed with the rule's reason.
    const shown = (await applyDismissals(doc, wording(twice), twice)).map(({ dismissal: _d, ...f }) => f);
    const saved = await saveReview(base({ text: twice, findings: shown }));
    const stored = saved.body.findings.filter((f) => f.code === 'drafting.wording');
    expect(stored.map((f) => [f.decision, f.reason, f.dismissalId])).toEqual([
      ['dismissed', '本文件不再检查此规则', off.id],
      ['dismissed', '本文件不再检查此规则', off.id],
    ]);
    expect(await listDismissals(doc)).toHaveLength(1);
    // Saved undecided, they take the switch too (as remembered dismissals do).
    const later = await saveReview(base({ text: twice, findings: wording(twice), createdAt: Date.UTC(2024, 2, 5) }));
    expect(later.body.findings.filter((f) => f.code === 'drafting.wording').map((f) => f.decision)).toEqual(['dismissed', 'dismissed']);
  });
});

describe('recallDecisions', () => {
  it('shows the confirmations of the latest earlier review, and remembered dismissals, on the findings that remain', async () => {
    freshDb();
    const saved = await saveReview(base({
      findings: v1Findings().map((f) =>
        f.code === 'content.license' ? { ...f, decision: 'confirmed' as const } :
        f.code === 'drafting.wording' ? { ...f, decision: 'dismissed' as const, reason: '引用原文' } : f),
    }));
    const text2 = '前言。\n' + DOC_V1;
    const recalled = await recallDecisions({ docNumber: '某政办发〔2024〕12号', text: text2 }, v1Findings(text2));
    const by = (code: string) => recalled.find((f) => f.code === code)!;
    expect(by('content.license').previous).toEqual({ decision: 'confirmed', reviewId: saved.id });
    expect(by('content.license').decision).toBeUndefined();
    expect(by('drafting.wording')).toMatchObject({ decision: 'dismissed', reason: '引用原文' });
    expect(by('drafting.wording').previous).toBeUndefined();
    expect(by('content.penalty').previous).toBeUndefined();
    // A document never reviewed recalls nothing.
    const none = await recallDecisions({ docNumber: '某政办发〔2024〕77号', text: text2 }, v1Findings(text2));
    expect(none.every((f) => !f.previous && !f.decision)).toBe(true);
  });
});

describe('compareWithPrevious', () => {
  it('tells the side panel what changed before saving', async () => {
    freshDb();
    expect(await compareWithPrevious({ docNumber: '某政办发〔2024〕12号', text: DOC_V1 }, v1Findings())).toBeUndefined();
    await saveReview(base({ findings: v1Findings().map((f) => (f.code === 'content.penalty' ? { ...f, decision: 'confirmed' as const } : f)) }));
    const text2 = DOC_V1.replace('第三条 违反本办法的，处以5000元罚款。\n', '');
    const f2 = v1Findings(DOC_V1).filter((f) => f.code !== 'content.penalty').map((f) => findingAt(text2, f.excerpt, f.code));
    const cmp = await compareWithPrevious({ docNumber: '某政办发〔2024〕12号', text: text2 }, f2);
    expect(cmp!.fixed.map((f) => f.code)).toEqual(['content.penalty']);
    expect(cmp!.findings.every((f) => f.change === 'remains')).toBe(true);
    expect(cmp!.previous.title).toBe('某市农贸市场管理办法');
  });
});
