// The reviewer's decisions on a list of findings (side panel and file page share them).
import { describe, expect, test } from 'vitest';
import { decideOne, dismissCode, keepDecisions, restoreFinding, ruleTurnedOff, withRecalled } from '../../components/decisions';
import type { ListedFinding } from '../../components/FindingList';
import type { Dismissal } from '../../utils/storage/types';

const f = (key: string, code: ListedFinding['code'], rule = code.replace('.', '/'), extra: Partial<ListedFinding> = {}): ListedFinding => ({
  key,
  code,
  rule,
  severity: 'warning',
  start: 0,
  end: 1,
  excerpt: key,
  message: '',
  basis: '',
  ...extra,
});

const list = [
  f('a', 'drafting.wording'),
  f('b', 'drafting.wording', 'drafting/vague'),
  f('c', 'content.license', 'content/license', { decision: 'confirmed' }),
  f('d', 'drafting.wording', 'drafting/wording', { decision: 'dismissed', reason: '早先的理由' }),
];
const off: Dismissal = { id: 7, docKeys: ['no:x'], code: 'drafting.wording', rule: 'drafting/wording', excerpt: '', anchor: { before: '', after: '' }, scope: 'rule', reason: '本文件不再检查此规则：惯用', reviewer: '', createdAt: 1 };

describe('decisions', () => {
  test('全部忽略同类 dismisses every finding of the code not yet set aside, whatever its rule, and leaves the others', () => {
    const out = dismissCode(list, 'drafting.wording', '惯用表述');
    expect(out.map((x) => [x.key, x.decision, x.reason])).toEqual([
      ['a', 'dismissed', '惯用表述'],
      ['b', 'dismissed', '惯用表述'],
      ['c', 'confirmed', undefined],
      ['d', 'dismissed', '早先的理由'],
    ]);
  });

  test('a rule turned off sets aside only that rule’s findings; restoring one restores all it covered', () => {
    const out = ruleTurnedOff(list, off);
    expect(out.map((x) => x.decision)).toEqual(['dismissed', undefined, 'confirmed', 'dismissed']);
    expect(out[0].dismissal?.id).toBe(7);
    const back = restoreFinding(out, 'a');
    expect(back.forget).toBe(7);
    expect(back.findings.map((x) => x.decision)).toEqual([undefined, undefined, 'confirmed', undefined]);
    // A finding dismissed here only: nothing to forget in storage.
    const one = restoreFinding(decideOne(list, 'b', 'dismissed', '理由'), 'b');
    expect(one.forget).toBeUndefined();
    expect(one.findings[1].decision).toBeUndefined();
  });

  test('decisions taken here survive a re-check and win over what an earlier review recalled', () => {
    const rechecked = list.map(({ decision: _d, reason: _r, ...x }) => x as ListedFinding);
    const kept = keepDecisions(list, rechecked);
    expect(kept.map((x) => x.decision)).toEqual([undefined, undefined, 'confirmed', 'dismissed']);
    const recalled = kept.map((x) => ({ ...x, previous: { decision: 'confirmed' as const, reviewId: 3 } }));
    const shown = withRecalled(kept, recalled);
    expect(shown[0].previous).toEqual({ decision: 'confirmed', reviewId: 3 });
    expect(shown[2].previous).toBeUndefined();
    // The mark the previous review left stays with the finding through the next re-check.
    expect(keepDecisions(shown, rechecked)[0].previous?.reviewId).toBe(3);
  });
});
