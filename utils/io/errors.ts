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
