/**
 * Incremental reader of one JSON document too large to hold as one string (a backup of 100,000 reviews is ~0.7 GB,
 * past V8's longest string). Text arrives in pieces of any size. The containers that `walk(path)` names are entered
 * and read member by member; every other value is taken whole (its text handed to JSON.parse) and emitted with its
 * path. Memory holds one piece plus the value being read, never the document.
 */

export type JsonPath = (string | number)[];
export interface JsonValueEvent {
  path: JsonPath;
  value: unknown;
}

/** Which containers to walk into: 'object' or 'array' when the value at `path` must be one and is to be walked. */
export type WalkPlan = (path: JsonPath) => 'object' | 'array' | undefined;

export type JsonWalkErrorKind =
  /** Not JSON at `path`. */
  | 'syntax'
  /** The text ended inside `path`. */
  | 'incomplete'
  /** A walked container is of the other kind, or not a container. */
  | 'shape'
  /** One value at `path` is longer than the limit. */
  | 'too-large';

export class JsonWalkError extends Error {
  constructor(
    readonly kind: JsonWalkErrorKind,
    readonly path: JsonPath,
  ) {
    super(`${kind} at ${path.join('.') || '(root)'}`);
    this.name = 'JsonWalkError';
  }
}

interface Frame {
  type: 'object' | 'array';
  index: number;
  key: string;
}

type Mode = 'value' | 'first' | 'key' | 'colon' | 'after' | 'capture' | 'end';

const QUOTE = 34;
// The characters a JSON value can start with.
const STARTS_VALUE = '{["-0123456789tfn';
const BACKSLASH = 92;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
// Where a number, true, false or null ends.
const endsPrimitive = (c: number) => c === 44 || c === 125 || c === 93 || isSpace(c);

export class JsonWalker {
  private buf = '';
  private pos = 0;
  private frames: Frame[] = [];
  private mode: Mode = 'value';
  // The value being taken whole: where it starts in `buf`, how far it is scanned, and the scanner's state there.
  private capStart = 0;
  private scan = 0;
  private depth = 0;
  private inString = false;
  private capKind: 'string' | 'container' | 'primitive' = 'primitive';

  constructor(
    private readonly walk: WalkPlan,
    /** Longest value taken whole, in UTF-16 units. */
    private readonly maxValueChars: number,
  ) {}

  /** Reads the next piece of text; the values completed by it are appended to `out`. */
  push(text: string, out: JsonValueEvent[]): void {
    // Drop what was read, keeping an unfinished value (its start may be needed to parse it).
    const keep = this.mode === 'capture' ? this.capStart : this.pos;
    this.buf = this.buf.slice(keep) + text;
    this.pos -= keep;
    this.capStart -= keep;
    this.scan -= keep;
    this.run(false, out);
  }

  /** The text has ended: the document must be complete. */
  end(out: JsonValueEvent[]): void {
    this.run(true, out);
    if (this.mode !== 'end') throw new JsonWalkError('incomplete', this.path());
  }

  /** Where the reader is (the value being read, or the container last entered). */
  path(): JsonPath {
    return this.frames.map((f) => (f.type === 'array' ? f.index : f.key));
  }

  private skipSpace(): boolean {
    const { buf } = this;
    while (this.pos < buf.length && isSpace(buf.charCodeAt(this.pos))) this.pos++;
    return this.pos < buf.length;
  }

  private run(final: boolean, out: JsonValueEvent[]): void {
    const { buf } = this;
    for (;;) {
      switch (this.mode) {
        case 'value': {
          if (!this.skipSpace()) return;
          const c = buf[this.pos];
          const path = this.path();
          const kind = this.walk(path);
          if (kind) {
            if ((kind === 'object' && c !== '{') || (kind === 'array' && c !== '[')) {
              throw new JsonWalkError(STARTS_VALUE.includes(c) ? 'shape' : 'syntax', path);
            }
            this.frames.push({ type: kind, index: 0, key: '' });
            this.pos++;
            this.mode = 'first';
            break;
          }
          this.capStart = this.pos;
          if (c === '"') {
            this.capKind = 'string';
            this.scan = this.pos + 1;
          } else if (c === '{' || c === '[') {
            this.capKind = 'container';
            this.depth = 1;
            this.inString = false;
            this.scan = this.pos + 1;
          } else {
            this.capKind = 'primitive';
            this.scan = this.pos;
          }
          this.mode = 'capture';
          break;
        }
        case 'capture': {
          const end = this.scanValue(final);
          if (end < 0) {
            if (buf.length - this.capStart > this.maxValueChars) throw new JsonWalkError('too-large', this.path());
            if (final) throw new JsonWalkError('incomplete', this.path());
            return;
          }
          if (end - this.capStart > this.maxValueChars) throw new JsonWalkError('too-large', this.path());
          let value: unknown;
          try {
            value = JSON.parse(buf.slice(this.capStart, end));
          } catch {
            throw new JsonWalkError('syntax', this.path());
          }
          out.push({ path: this.path(), value });
          this.pos = end;
          this.mode = 'after';
          break;
        }
        case 'first': {
          if (!this.skipSpace()) return;
          const top = this.frames[this.frames.length - 1];
          const c = buf[this.pos];
          if ((top.type === 'object' && c === '}') || (top.type === 'array' && c === ']')) {
            this.pos++;
            this.frames.pop();
            this.mode = 'after';
          } else this.mode = top.type === 'object' ? 'key' : 'value';
          break;
        }
        case 'key': {
          if (!this.skipSpace()) return;
          if (buf.charCodeAt(this.pos) !== QUOTE) throw new JsonWalkError('syntax', this.path());
          const close = this.closingQuote(this.pos + 1, this.pos);
          if (close < 0) {
            if (buf.length - this.pos > this.maxValueChars) throw new JsonWalkError('too-large', this.path());
            return;
          }
          let key: unknown;
          try {
            key = JSON.parse(buf.slice(this.pos, close + 1));
          } catch {
            throw new JsonWalkError('syntax', this.path());
          }
          this.frames[this.frames.length - 1].key = key as string;
          this.pos = close + 1;
          this.mode = 'colon';
          break;
        }
        case 'colon':
          if (!this.skipSpace()) return;
          if (buf[this.pos] !== ':') throw new JsonWalkError('syntax', this.path());
          this.pos++;
          this.mode = 'value';
          break;
        case 'after': {
          if (!this.frames.length) {
            this.mode = 'end';
            break;
          }
          if (!this.skipSpace()) return;
          const top = this.frames[this.frames.length - 1];
          const c = buf[this.pos];
          if (c === ',') {
            this.pos++;
            if (top.type === 'array') {
              top.index++;
              this.mode = 'value';
            } else this.mode = 'key';
          } else if ((top.type === 'object' && c === '}') || (top.type === 'array' && c === ']')) {
            this.pos++;
            this.frames.pop();
          } else throw new JsonWalkError('syntax', this.path());
          break;
        }
        case 'end':
          if (this.skipSpace()) throw new JsonWalkError('syntax', []);
          return;
      }
    }
  }

  /** The index of the quote closing a string whose text starts at `from` (the opening quote at `open`), or -1. */
  private closingQuote(from: number, open: number): number {
    const { buf } = this;
    for (let i = from; ; ) {
      const j = buf.indexOf('"', i);
      if (j < 0) return -1;
      let k = j - 1;
      while (k > open && buf.charCodeAt(k) === BACKSLASH) k--;
      if ((j - 1 - k) % 2 === 0) return j;
      i = j + 1;
    }
  }

  /** Scans the value taken whole from where the last piece left it; returns where it ends, or -1 if not yet. */
  private scanValue(final: boolean): number {
    const { buf } = this;
    const len = buf.length;
    if (this.capKind === 'primitive') {
      let i = this.scan;
      while (i < len && !endsPrimitive(buf.charCodeAt(i))) i++;
      this.scan = i;
      // At the very end only a document that is this one value is complete.
      return i < len || (final && !this.frames.length) ? i : -1;
    }
    if (this.capKind === 'string') {
      const close = this.closingQuote(this.scan, this.capStart);
      if (close < 0) {
        this.scan = len;
        return -1;
      }
      return close + 1;
    }
    let i = this.scan;
    let depth = this.depth;
    let inString = this.inString;
    let open = inString ? this.capStart : -1;
    while (i < len) {
      if (inString) {
        const close = this.closingQuote(i, open);
        if (close < 0) {
          i = len;
          break;
        }
        inString = false;
        i = close + 1;
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === QUOTE) {
        inString = true;
        open = i;
      } else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    // Resuming inside a string: backslashes before a quote are counted back from there, never before the value.
    this.scan = i;
    this.depth = depth;
    this.inString = inString;
    return -1;
  }
}
