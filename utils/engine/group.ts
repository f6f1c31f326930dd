/**
 * A systematic defect is one finding listing all its places. A rule marks the findings that are one kind of defect
 * with the same `group` key when it reports them (the same half-width mark, the same vague word); findings the rule
 * did not group but that say the same thing about the same words are one kind too (two cards that read alike help
 * no reviewer). Each kind found at two or more places becomes one finding: its first place is its start/end/excerpt/
 * fix, `places` lists every place (views show their count) and the severity is the gravest of them.
 */
import { SEVERITY_RANK, type Finding, type Place } from './types';

const kindKey = (f: Finding) =>
  f.group !== undefined
    ? `${f.rule}|${f.code}|g:${f.group}`
    : f.documentLevel
      ? `${f.rule}|${f.code}|doc:${f.message}`
      : `${f.rule}|${f.code}|same:${f.message}|${f.excerpt}`;

export const placeOf = (f: Finding): Place => ({
  start: f.start,
  end: f.end,
  excerpt: f.excerpt,
  where: f.where ?? '',
  ...(f.fix ? { fix: f.fix } : {}),
});

export function mergeGroups(findings: Finding[]): Finding[] {
  const kinds = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = kindKey(f);
    const list = kinds.get(key);
    if (list) list.push(f);
    else kinds.set(key, [f]);
  }
  const out: Finding[] = [];
  for (const list of kinds.values()) {
    const { group: _g, ...first } = list.reduce((a, b) => (b.start < a.start ? b : a));
    if (list.length === 1) {
      out.push(first);
      continue;
    }
    // The same missing clause said twice is one finding; it has no places to list.
    if (first.documentLevel) {
      out.push({ ...first, severity: gravest(list) });
      continue;
    }
    const places = list.map(placeOf).sort((a, b) => a.start - b.start);
    out.push({ ...first, severity: gravest(list), places });
  }
  return out;
}

const gravest = (list: Finding[]) => list.reduce((s, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[s] ? f.severity : s), list[0].severity);

/** The number of places a finding stands for. */
export const placeCount = (f: Pick<Finding, 'places'>) => f.places?.length || 1;

/** Where a finding is, with how many more places it has: 第三条, 第三条等5处. */
export const whereLabel = (f: Pick<Finding, 'where' | 'places'>) => (f.places?.length ? `${f.where ?? ''}等${f.places.length}处` : (f.where ?? ''));

/** One finding per place: how a rule's examples list what it finds, and how a place is marked. */
export function expandPlaces(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => {
    if (!f.places?.length) return [f];
    const { places, ...one } = f;
    return places.map((p) => {
      const { fix: _fix, ...rest } = one;
      return { ...rest, start: p.start, end: p.end, excerpt: p.excerpt, where: p.where, ...(p.fix ? { fix: p.fix } : {}) };
    });
  });
}
