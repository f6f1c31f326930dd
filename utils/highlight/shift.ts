/** Moves marks with an edit, so they stay on their words between the edit and the re-check that follows it. */

export interface Span {
  start: number;
  end: number;
}

/** The changed region of an edit: before[start, oldEnd) became after[start, newEnd). */
export interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Finds the one changed region by common prefix and suffix (what a keystroke, a paste or a fix produces). */
export function diffRegion(before: string, after: string): Change | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, oldEnd: before.length - s, newEnd: after.length - s };
}

/**
 * Marks before the change stay, marks after it move by the length difference, and a mark the change touches is
 * dropped: its text is no longer what the finding was about, and the re-check will say what it is now.
 */
export function shiftSpans<T extends Span>(spans: readonly T[], change: Change): T[] {
  const delta = change.newEnd - change.oldEnd;
  const out: T[] = [];
  for (const m of spans) {
    if (m.end <= change.start) out.push(m);
    else if (m.start >= change.oldEnd) out.push({ ...m, start: m.start + delta, end: m.end + delta });
  }
  return out;
}
