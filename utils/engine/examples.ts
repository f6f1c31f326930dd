import { getProfile } from '../profiles';
import type { Segmenter } from '../segment';
import { expandPlaces } from './group';
import { review } from './index';
import type { Finding, Rule, RuleExample } from './types';

/**
 * Runs one rule on one of its examples (a grouped finding as one finding per place, as the examples list them), in the context the example asks for. The rule tests, the side panel's
 * explanation and the training gallery all show the same examples; this is how each of them evaluates one.
 * It imports no Node module, so extension pages bundle it: Node callers pass utils/segment/node, pages utils/segment/web.
 */
export function runExample(rule: Rule, example: RuleExample, segmenter?: Segmenter): Finding[] {
  return reviewExample(rule, example, segmenter, [rule]);
}

/**
 * The whole engine (every rule, or `rules`) on one example, in the context it asks for: what a reviewer running
 * NormLint on that text would be told. The training quiz's answers are these findings.
 */
export function reviewExample(rule: Rule, example: RuleExample, segmenter?: Segmenter, rules?: readonly Rule[]): Finding[] {
  const ctx = example.context ?? {};
  const base = getProfile(ctx.profile ?? 'national');
  if (!base) throw new Error(`example of ${rule.meta.id} names unknown profile ${ctx.profile}`);
  const profile = { ...base, ...ctx.profilePatch };
  return expandPlaces(review(
    { text: example.text, metadata: example.metadata ?? {} },
    { profile, today: ctx.today ?? '2024-01-01', register: ctx.register, ...(rules ? { rules } : {}), segmenter },
  ).findings);
}
