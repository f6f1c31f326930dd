import type { Rule } from '../utils/engine/types';
import articles from './articles';
import basis from './basis';
import comment from './comment';
import competition from './competition';
import effective from './effective';
import filing from './filing';
import interpretation from './interpretation';
import materials from './materials';
import numbering from './numbering';
import powers from './powers';
import punctuation from './punctuation';
import validity from './validity';
import wording from './wording';

/** Every rule. One module per defect family; each rule keeps its metadata, examples and logic together. */
export const RULES: readonly Rule[] = [
  ...comment,
  ...materials,
  ...effective,
  ...validity,
  ...basis,
  ...articles,
  ...filing,
  ...powers,
  ...competition,
  ...interpretation,
  ...numbering,
  ...wording,
  ...punctuation,
];

export const ruleById = new Map(RULES.map((r) => [r.meta.id, r]));
