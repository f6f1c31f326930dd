// Keys, grouping and filters of the panel's finding list.
import { describe, expect, test } from 'vitest';
import { countFindings, defaultFilter, findingKeys, groupFindings, listOrder, pageMarks, passes } from '../../components/findings';
import type { Finding } from '../../utils/engine/types';

const f = (code: Finding['code'], severity: Finding['severity'], start: number, excerpt: string, rule = code.replace('.', '/')): Finding => ({
  code,
  rule,
  severity,
  start,
  end: start + excerpt.length,
  excerpt,
  message: '',
  basis: '',
});

describe('findingKeys', () => {
  test('stay the same when an edit moves every offset, and tell repeated excerpts apart by order', () => {
    const a = [f('drafting.wording', 'warning', 10, '原则上'), f('drafting.wording', 'warning', 40, '原则上'), f('effective.no-grace', 'error', 80, '自印发之日起施行')];
    const b = a.map((x) => ({ ...x, start: x.start + 7, end: x.end + 7 }));
    expect(findingKeys(b)).toEqual(findingKeys(a));
    const keys = findingKeys(a);
    expect(new Set(keys).size).toBe(3);
    expect(keys[0]).toMatch(/#0$/);
    expect(keys[1]).toMatch(/#1$/);
  });
});

describe('groupFindings', () => {
  const list = [
    f('drafting.punctuation', 'warning', 50, ','),
    f('effective.no-grace', 'error', 90, '自印发之日起施行'),
    f('basis.citation-format', 'warning', 20, '某政发[2019]12号'),
    f('comment.missing', 'info', 0, ''),
  ];

  test('severity first, then family in the order of DEFECTS.md, then place', () => {
    const groups = groupFindings(list);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 1],
      ['warning', 2],
      ['info', 1],
    ]);
    expect(groups[1].families.map((x) => x.family)).toEqual(['basis', 'drafting']);
    expect(listOrder(groups).map((x) => x.code)).toEqual(['effective.no-grace', 'basis.citation-format', 'drafting.punctuation', 'comment.missing']);
  });

  test('filters by severity, family and dismissal; counts leave dismissed findings out unless shown', () => {
    const filter = defaultFilter();
    const dismissed = { ...list[0], decision: 'dismissed' };
    expect(passes(dismissed, filter)).toBe(false);
    expect(passes(dismissed, { ...filter, showDismissed: true })).toBe(true);
    expect(passes(list[1], { ...filter, severities: new Set(['warning']) })).toBe(false);
    expect(passes(list[2], { ...filter, families: new Set(['drafting']) })).toBe(false);
    const counts = countFindings([dismissed, list[1], list[2]], false);
    expect(counts.bySeverity).toEqual({ error: 1, warning: 1, info: 0 });
    expect(counts.byFamily.get('drafting')).toBeUndefined();
  });
});

describe('pageMarks', () => {
  const one = { ...f('effective.no-grace', 'error', 80, '自印发之日起施行'), key: 'a' };
  const grouped = {
    ...f('drafting.punctuation', 'info', 10, ','),
    key: 'g',
    places: [10, 30, 50].map((start) => ({ start, end: start + 1, excerpt: ',', where: '第二条' })),
  };
  const dismissed = { ...f('drafting.wording', 'warning', 60, '原则上'), key: 'd', decision: 'dismissed' };

  test('every place of a grouped finding is marked; the chosen place is the active mark', () => {
    const { marks, active } = pageMarks([one, grouped, dismissed], { active: 'g', activePlace: 2 });
    expect(marks.map((m) => [m.key, m.start])).toEqual([['a', 80], ['g@0', 10], ['g@1', 30], ['g@2', 50]]);
    expect(active).toBe('g@2');
    expect(pageMarks([grouped], { active: 'g' }).active).toBe('g@0');
  });

  test('a dismissed or filtered-out finding is not marked unless it is the active one', () => {
    expect(pageMarks([one, dismissed], { visible: new Set(['d']) }).marks).toEqual([]);
    expect(pageMarks([one, dismissed], { active: 'd' }).marks.map((m) => m.key)).toEqual(['a', 'd']);
  });
});
