// Placeholder until the statute table lands (see the statutes task): an empty table with the real interface.
import type { StatuteTable } from './types';
export type { Statute, StatuteMatch, StatuteTable } from './types';

export const statutes: StatuteTable = {
  all: [],
  lookup: () => undefined,
  suggest: () => undefined,
  looksLikeStatute: (t) => /(法|条例)$/.test(t),
};
