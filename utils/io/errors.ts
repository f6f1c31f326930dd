import { oneLine } from '../text/untrusted';

/**
 * A file that cannot be reviewed. The message is one Chinese line naming the file (English in parentheses); the
 * name's control characters are escaped, so the message stays one line whatever the file is called.
 */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${oneLine(path)}：${reason}`);
    this.name = 'InputError';
  }
}

/** The largest file reviewed, by the CLI and the extension's file page alike. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The longest text reviewed once read (decoded, or taken from a page or a Word document): a million characters,
 * many times the longest normative document with its attachments. A 10 MB file of one repeated character would
 * otherwise be ten million characters for every pass of the engine.
 */
export const MAX_TEXT_CHARS = 1_000_000;

/** The one line that refuses a text over MAX_TEXT_CHARS; undefined when it is within. */
export const textTooLong = (text: string) =>
  text.length > MAX_TEXT_CHARS ? `文字过长（${(text.length / 10_000).toFixed(1)} 万字），上限为 ${MAX_TEXT_CHARS / 10_000} 万字，请分段审查（text too long）` : undefined;
