/** A file that cannot be reviewed. The message is one Chinese line naming the file (English in parentheses). */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}：${reason}`);
    this.name = 'InputError';
  }
}
