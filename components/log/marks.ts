import { SEVERITY_RANK, type Severity } from '../../utils/engine/types';

/** A run of the document text and the findings (indexes) that cover it. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  findings: number[];
  /** The gravest severity among them, for the mark's colour. */
  severity?: Severity;
}

type Marked = { start: number; end: number; severity: Severity; places?: readonly { start: number; end: number }[] };

// A grouped finding marks every one of its places.
const spansOf = (f: Marked) => (f.places?.length ? f.places : [f]);

/**
 * Cuts the text at every finding boundary so that overlapping findings can each be marked: a segment covered by
 * several findings lists them all. Findings with an empty range (document-level anchors) mark nothing.
 */
export function segmentText(text: string, findings: readonly Marked[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  findings.forEach((f) => {
    for (const p of spansOf(f)) {
      const s = clamp(p.start, text.length);
      const e = clamp(p.end, text.length);
      if (e > s) {
        cuts.add(s);
        cuts.add(e);
      }
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const covering: number[] = [];
    let severity: Severity | undefined;
    findings.forEach((f, k) => {
      if (spansOf(f).some((p) => p.start <= start && p.end >= end && p.end > p.start)) {
        covering.push(k);
        if (!severity || SEVERITY_RANK[f.severity] < SEVERITY_RANK[severity]) severity = f.severity;
      }
    });
    segments.push({ start, end, text: text.slice(start, end), findings: covering, ...(severity ? { severity } : {}) });
  }
  return segments;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));
