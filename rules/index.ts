import type { Rule } from '../utils/engine/types';

/** Every rule, in the order findings of equal place are listed. One module per defect family. */
export const RULES: readonly Rule[] = [];
