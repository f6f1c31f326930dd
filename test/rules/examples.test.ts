// Every rule's good and bad examples, run as a RuleTester table: a valid example yields no error or warning
// from its rule; an invalid one yields exactly the findings it lists, in order, each containing its excerpt.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules';
import { DEFECT_CODES } from '../../utils/engine/codes';
import { runExample } from '../../utils/engine/examples';
import { nodeSegmenter } from '../../utils/segment/node';

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (_id, rule) => {
  it('has complete metadata and at least one valid and one invalid example', () => {
    expect(Object.keys(DEFECT_CODES)).toContain(rule.meta.code);
    expect(rule.meta.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(rule.meta.basis).toMatch(/[\u4e00-\u9fa5]/);
    expect(rule.meta.explanation.length).toBeGreaterThan(20);
    expect(rule.examples.valid.length).toBeGreaterThan(0);
    expect(rule.examples.invalid.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.valid.map((e) => [e.why, e] as const))('valid: %s', (_why, example) => {
    const graded = runExample(rule, example, nodeSegmenter).filter((f) => f.severity !== 'info');
    expect(graded.map((f) => `${f.code} ${f.excerpt} ${f.message}`)).toEqual([]);
  });

  it.each(rule.examples.invalid.map((e) => [e.why, e] as const))('invalid: %s', (_why, example) => {
    const found = runExample(rule, example, nodeSegmenter);
    expect(found.map((f) => f.excerpt), found.map((f) => f.message).join('\n')).toHaveLength(example.errors.length);
    example.errors.forEach((want, i) => {
      const f = found[i];
      expect(f.code).toBe(want.code ?? rule.meta.code);
      if (want.excerpt !== undefined) expect(f.excerpt).toContain(want.excerpt);
      if (want.severity) expect(f.severity).toBe(want.severity);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.start).toBeLessThanOrEqual(f.end);
    });
    if (example.corrected) {
      const after = runExample(rule, { ...example, text: example.corrected }, nodeSegmenter).filter((f) => f.severity !== 'info');
      expect(after.map((f) => f.excerpt)).toEqual([]);
    }
  });
});
