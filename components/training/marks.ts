/**
 * Splits an example's text at the engine's findings so the page can mark each defect where the engine found it.
 * Findings may overlap (two defects in one clause): the text is cut at every boundary and each piece lists the
 * findings that cover it. Whole-document findings (a missing clause) are not marked in the text: their offsets
 * only anchor them, and the page states them apart.
 */
import { SEVERITY_RANK, type Finding, type Severity } from '../../utils/engine/types';

export interface Piece {
  text: string;
  start: number;
  /** Indexes (into the findings passed) of the findings covering this piece; empty for plain text. */
  covers: number[];
  /** Indexes of the findings that end with this piece: the page numbers the mark there. */
  ends: number[];
  /** The gravest severity among `covers`. */
  severity?: Severity;
}

/** Findings that are marked inline: those tied to a place in the text. */
export const inlineFindings = (findings: readonly Finding[]) => findings.filter((f) => !f.documentLevel && f.end > f.start);

export function splitMarks(text: string, findings: readonly Finding[]): Piece[] {
  const marked = findings.map((f, i) => ({ f, i })).filter(({ f }) => !f.documentLevel && f.end > f.start);
  const cuts = new Set<number>([0, text.length]);
  for (const { f } of marked) {
    cuts.add(Math.max(0, Math.min(f.start, text.length)));
    cuts.add(Math.max(0, Math.min(f.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k];
    const end = points[k + 1];
    if (end <= start) continue;
    const over = marked.filter(({ f }) => f.start <= start && f.end >= end);
    const covers = over.map(({ i }) => i);
    const ends = over.filter(({ f }) => f.end === end).map(({ i }) => i);
    const severity = over.map(({ f }) => f.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
    const prev = pieces[pieces.length - 1];
    // Adjacent plain pieces are merged back: only marked pieces need their own element.
    if (!covers.length && prev && !prev.covers.length) {
      prev.text += text.slice(start, end);
      continue;
    }
    pieces.push({ text: text.slice(start, end), start, covers, ends, severity });
  }
  return pieces;
}
