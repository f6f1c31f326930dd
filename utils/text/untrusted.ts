/**
 * Showing text that came from a page (titles, 文号, URLs, the document itself) without letting it play tricks:
 * one helper for every display of the review log, the 审查意见书 and the exports.
 *
 * A page can carry characters that draw nothing or reorder what follows: a right-to-left override (U+202E)
 * prints the rest of a sentence backwards, a zero-width space splits 罚款 so that it reads the same but matches
 * nothing. Shown as a visible ⟨U+202E⟩ they can neither hide nor reorder anything, and the reviewer sees that
 * the page contained them.
 */

/** Zero-width, bidirectional-control and other invisible format characters (a character class body). */
export const INVISIBLE_CLASS = '\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with every invisible character shown as ⟨U+XXXX⟩. */
export function showInvisible(s: string): string;
export function showInvisible(s: string | undefined): string | undefined;
export function showInvisible(s: string | undefined): string | undefined {
  return s === undefined ? s : s.replace(INVISIBLE, (c) => `⟨${codePoint(c)}⟩`);
}

/** JSON text with every invisible character written as a \uXXXX escape: the same data, inert when read. */
export function escapeInvisibleJson(json: string): string {
  return json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A stored URL as a link target, only when it is http(s): a page's javascript:, data: or file: address, or a
 * chrome-extension: one, is shown as text and never opened.
 */
export function httpHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A name from outside (a file name on the command line) on one line of text output: control characters and line
 * separators written as escapes (\n, \x1b, \u2028), invisible characters shown as ⟨U+XXXX⟩. A file named
 * "a.txt\nb.txt:1:1  错误 …" can then never print a line that looks like a finding.
 */
export function oneLine(s: string): string {
  return showInvisible(s).replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}
