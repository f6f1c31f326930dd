/**
 * The phrase around a stretch of text: what a reviewer needs to recognise a lone punctuation mark or a one-character
 * excerpt ("，" alone says nothing). Grows out to the nearest clause boundary on each side, at most `reach`
 * characters.
 */
const BOUNDARY = /[。；;！!？?\s　]/u;
const SOFT = /[，,、：:（）()《》“”"]/u;

export interface Phrase {
  before: string;
  at: string;
  after: string;
}

export function phraseAround(text: string, start: number, end: number, reach = 12): Phrase {
  let s = start;
  // A soft mark (，、：) stops the phrase only when there are already a few characters on that side.
  while (s > 0 && start - s < reach && !BOUNDARY.test(text[s - 1]) && !(SOFT.test(text[s - 1]) && start - s >= 4)) s--;
  let e = end;
  while (e < text.length && e - end < reach && !BOUNDARY.test(text[e]) && !(SOFT.test(text[e]) && e - end >= 4)) e++;
  return { before: text.slice(s, start), at: text.slice(start, end), after: text.slice(end, e) };
}

/** A quote that can stand alone: the excerpt itself when it says enough, else the phrase around it. */
export function quotable(text: string, start: number, end: number, min = 2): string {
  const at = text.slice(start, end);
  if (at.trim().length >= min) return at;
  const p = phraseAround(text, start, end);
  return p.before + p.at + p.after;
}
