// What reviewers read (a rule's title, basis, explanation and its examples' reasons) is written for them: it names no
// file, folder, rule id or code of the tool.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules';

const DEVELOPER_TEXT = /\.(json|ts|js|csv)\b|\b(rules|utils|data|src)\/|[a-z]+\/[a-z-]+|\b[a-z]+\.[a-z-]+\b/;

describe('user-facing rule text', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s speaks to the reviewer, not the developer', (_id, rule) => {
    const texts = [rule.meta.title, rule.meta.basis, rule.meta.explanation, ...rule.examples.valid.map((e) => e.why), ...rule.examples.invalid.map((e) => e.why)];
    for (const t of texts) expect(t, t).not.toMatch(DEVELOPER_TEXT);
  });
});
