/**
 * DOM → plain text with a map back to DOM positions. Pure DOM code: runs in a web page (content script) and on
 * linkedom in Node. It only reads the DOM, never changes it.
 */

/** A run of the extracted text copied verbatim from one Text node: text[start, end) === node.data[nodeOffset, …). */
export interface TextSegment {
  start: number;
  end: number;
  node: Text;
  nodeOffset: number;
}

/** A part of a DOM Text node. */
export interface DomPiece {
  node: Text;
  startOffset: number;
  endOffset: number;
}

export interface ExtractOptions {
  /** Skip an element and everything in it (boilerplate, the metadata table…). Called once per element. */
  exclude?: (el: Element) => boolean;
  /**
   * Use getComputedStyle for hidden elements and block/inline layout where the DOM has it (a real page).
   * Default: whenever the document's window provides it.
   */
  computedStyle?: boolean;
}

export interface ExtractResult {
  text: string;
  map: TextMap;
}

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'IFRAME', 'FRAME', 'OBJECT',
  'EMBED', 'CANVAS', 'SVG', 'MATH', 'AUDIO', 'VIDEO', 'SELECT', 'INPUT', 'BUTTON', 'TEXTAREA', 'DATALIST', 'MAP',
  'AREA', 'IMG', 'PICTURE', 'SOURCE', 'TRACK', 'PARAM', 'WBR',
]);

/** Tags that start a new line when no computed style tells otherwise. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'LISTING', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PLAINTEXT', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'XMP', 'OPTGROUP', 'OPTION',
]);

const CELL_TAGS = new Set(['TD', 'TH']);
const PRE_TAGS = new Set(['PRE', 'LISTING', 'PLAINTEXT', 'XMP']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/** HTML's collapsible whitespace. U+3000 and U+00A0 are not in it: documents indent with them (第一条　…). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/**
 * East Asian wide characters (CJK ideographs, kana, fullwidth forms, CJK punctuation). A line break in the HTML source
 * between two of them is dropped rather than turned into a space, as CSS Text 3 says and Firefox does: Chinese source
 * wrapped at 80 columns must not gain spaces in the middle of words.
 */
const isWide = (c: number) =>
  (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6) || (c >= 0xd800 && c <= 0xdfff); // surrogates: CJK extension B+ (approximation)

const styleSays = (el: Element, re: RegExp) => {
  const s = el.getAttribute('style');
  return !!s && re.test(s);
};
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const PRE_STYLE = /(?:^|;)\s*white-space\s*:\s*(pre-wrap|pre-line|break-spaces|pre)\b/i;

type Layout = 'skip' | 'block' | 'cell' | 'inline' | 'br';

/**
 * The positions of the extracted text in the DOM. Segments are sorted and disjoint; characters the extractor made up
 * (line breaks between blocks, tabs between cells, a space for a collapsed run of newlines) belong to no segment.
 */
export class TextMap {
  readonly segments: TextSegment[];
  private byNode?: Map<Text, number[]>;

  constructor(segments: TextSegment[]) {
    this.segments = segments;
  }

  /** Index of the first segment whose end is after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The DOM text pieces that make up text[start, end), in order. Concatenated they equal text.slice(start, end)
   * with the made-up characters (block breaks, cell tabs) left out.
   */
  pieces(start: number, end: number): DomPiece[] {
    const out: DomPiece[] = [];
    if (!(end > start)) return out;
    for (let i = this.firstEndingAfter(start); i < this.segments.length; i++) {
      const seg = this.segments[i];
      if (seg.start >= end) break;
      const s = Math.max(start, seg.start);
      const e = Math.min(end, seg.end);
      const last = out[out.length - 1];
      const startOffset = seg.nodeOffset + (s - seg.start);
      const endOffset = seg.nodeOffset + (e - seg.start);
      // Adjacent segments of one node (split only by bookkeeping) are merged into one piece.
      if (last && last.node === seg.node && last.endOffset === startOffset) last.endOffset = endOffset;
      else out.push({ node: seg.node, startOffset, endOffset });
    }
    return out;
  }

  /** A live DOM Range over text[start, end) (for the CSS Custom Highlight API), or null when nothing maps. */
  toRange(start: number, end: number): Range | null {
    const ps = this.pieces(start, end);
    if (!ps.length) return null;
    const doc = ps[0].node.ownerDocument;
    if (!doc || typeof doc.createRange !== 'function') return null;
    const range = doc.createRange();
    // linkedom's Range has no setStart/setEnd: the pieces are what Node callers use.
    if (typeof range.setStart !== 'function') return null;
    range.setStart(ps[0].node, ps[0].startOffset);
    const last = ps[ps.length - 1];
    range.setEnd(last.node, last.endOffset);
    return range;
  }

  /**
   * The text offset of a DOM position (node, offset) — e.g. a selection's anchor — or undefined when that
   * text is not part of the extracted text. A position in a collapsed run of spaces maps to the next character.
   */
  offsetOf(node: Node, offset: number): number | undefined {
    if (node.nodeType !== TEXT_NODE) return undefined;
    if (!this.byNode) {
      this.byNode = new Map();
      this.segments.forEach((s, i) => {
        const list = this.byNode!.get(s.node);
        if (list) list.push(i);
        else this.byNode!.set(s.node, [i]);
      });
    }
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    for (const i of list) {
      const seg = this.segments[i];
      const len = seg.end - seg.start;
      if (offset < seg.nodeOffset) return seg.start;
      if (offset <= seg.nodeOffset + len) return seg.start + (offset - seg.nodeOffset);
    }
    return this.segments[list[list.length - 1]].end;
  }
}

/**
 * The visible text of `root` (or of several roots, in the order given) as plain text: one line per block, cells of a
 * table row separated by a tab, HTML whitespace collapsed (U+3000 and U+00A0 kept), script/style/hidden elements
 * skipped. Linear in the size of the DOM.
 */
export function extractText(root: Node | readonly Node[], opts: ExtractOptions = {}): ExtractResult {
  const roots: readonly Node[] = Array.isArray(root) ? root : [root as Node];
  const first = roots[0];
  const doc = first ? (first.nodeType === DOCUMENT_NODE ? (first as Document) : first.ownerDocument) : null;
  const view = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
  const useComputed = (opts.computedStyle ?? true) && typeof view?.getComputedStyle === 'function';

  const chunks: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let verbatimEnd = 0; // end of the last verbatim run: made-up breaks after it are trimmed
  let lastCode = -1; // char code of the last emitted character, -1 at the start
  let pendingBreak = false;
  let pendingTab = false;
  let cellOpenAt = -1; // text length when the last table cell opened
  // A collapsed whitespace run waiting to become one space (or nothing): where a literal ' ' of it sits, if any.
  let space: { node: Text | null; offset: number; newline: boolean } | null = null;

  const emitMade = (ch: string) => {
    chunks.push(ch);
    length += 1;
    lastCode = ch.charCodeAt(0);
  };
  const emitVerbatim = (node: Text, offset: number, s: string) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.node === node && last.end === length && last.nodeOffset + (last.end - last.start) === offset) {
      last.end += s.length;
    } else {
      segments.push({ start: length, end: length + s.length, node, nodeOffset: offset });
    }
    chunks.push(s);
    length += s.length;
    verbatimEnd = length;
    lastCode = s.charCodeAt(s.length - 1);
  };
  const atLineStart = () => lastCode === -1 || lastCode === 10 || lastCode === 9;

  /** Resolve pending breaks and spaces before content whose first char code is `next`. */
  const flush = (next: number) => {
    if (pendingBreak) {
      if (lastCode !== -1 && lastCode !== 10) emitMade('\n');
      pendingBreak = false;
      pendingTab = false;
      space = null;
      return;
    }
    if (pendingTab) {
      if (lastCode !== -1 && lastCode !== 10) emitMade('\t');
      pendingTab = false;
      space = null;
      return;
    }
    if (space) {
      const sp = space;
      space = null;
      if (atLineStart()) return;
      if (sp.newline && isWide(lastCode) && isWide(next)) return;
      if (sp.node) emitVerbatim(sp.node, sp.offset, ' ');
      else emitMade(' ');
    }
  };

  const addCollapsible = (node: Text) => {
    const data = node.data;
    let pos = 0;
    HTML_SPACE.lastIndex = 0;
    for (let m = HTML_SPACE.exec(data); ; m = HTML_SPACE.exec(data)) {
      const wsStart = m ? m.index : data.length;
      if (wsStart > pos) {
        flush(data.charCodeAt(pos));
        emitVerbatim(node, pos, data.slice(pos, wsStart));
      }
      if (!m) break;
      const run = m[0];
      const sp = run.indexOf(' ');
      const newline = /[\n\r]/.test(run);
      if (!space) space = { node: sp >= 0 ? node : null, offset: wsStart + Math.max(sp, 0), newline };
      else {
        if (!space.node && sp >= 0) space = { node, offset: wsStart + sp, newline: space.newline };
        space.newline ||= newline;
      }
      pos = wsStart + run.length;
    }
  };

  const addPreformatted = (node: Text, preLine: boolean) => {
    const data = node.data;
    if (!data) return;
    if (preLine) {
      // pre-line: newlines kept, other spaces collapse.
      let pos = 0;
      const re = /[ \t\f]+|\r?\n/g;
      for (let m = re.exec(data); ; m = re.exec(data)) {
        const at = m ? m.index : data.length;
        if (at > pos) {
          flush(data.charCodeAt(pos));
          emitVerbatim(node, pos, data.slice(pos, at));
        }
        if (!m) break;
        if (m[0].endsWith('\n')) {
          space = null;
          pendingBreak = false;
          flush(10);
          emitVerbatim(node, at + m[0].length - 1, '\n');
        } else if (!space) {
          const sp = m[0].indexOf(' ');
          space = { node: sp >= 0 ? node : null, offset: at + Math.max(sp, 0), newline: false };
        }
        pos = at + m[0].length;
      }
      return;
    }
    flush(data.charCodeAt(0));
    emitVerbatim(node, 0, data);
  };

  type WhiteSpace = 'pre' | 'pre-line' | undefined;
  /** Layout and white-space handling of an element, reading computed style once where there is one. */
  const inspect = (el: Element): { layout: Layout; ws?: WhiteSpace } => {
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return { layout: 'skip' };
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || styleSays(el, HIDDEN_STYLE)) return { layout: 'skip' };
    if (opts.exclude?.(el)) return { layout: 'skip' };
    if (tag === 'BR') return { layout: 'br' };
    if (useComputed) {
      const cs = view!.getComputedStyle(el);
      const d = cs.display;
      if (d === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return { layout: 'skip' };
      const w = cs.whiteSpace;
      const ws: WhiteSpace = w === 'pre' || w === 'pre-wrap' || w === 'break-spaces' ? 'pre' : w === 'pre-line' ? 'pre-line' : undefined;
      if (d) {
        const layout: Layout = d === 'table-cell' ? 'cell' : d === 'contents' || d.startsWith('inline') || d.startsWith('ruby') ? 'inline' : 'block';
        return { layout, ws };
      }
    }
    const layout: Layout = CELL_TAGS.has(tag) ? 'cell' : BLOCK_TAGS.has(tag) ? 'block' : 'inline';
    return { layout, ws: staticWhiteSpace(el) };
  };

  /** Preformatting from the tag or inline style, for DOMs without computed style. */
  const staticWhiteSpace = (el: Element): WhiteSpace => {
    if (PRE_TAGS.has(el.tagName.toUpperCase())) return 'pre';
    const m = (el.getAttribute('style') ?? '').match(PRE_STYLE);
    if (m) return m[1].toLowerCase() === 'pre-line' ? 'pre-line' : 'pre';
    return undefined;
  };

  const isFirstCell = (el: Element) => {
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
      if (CELL_TAGS.has(s.tagName.toUpperCase())) return false;
    }
    return true;
  };

  // Iterative walk (deep DOMs would overflow a recursive one). A frame ends an element: it may request a break.
  interface Frame {
    el: Element;
    block: boolean;
    ws?: WhiteSpace;
  }

  const walk = (start: Node) => {
    const stack: Frame[] = [];
    let ws: WhiteSpace;
    // Preformatting inherited from the root's ancestors (rare: extracting a part of a <pre>).
    for (let a = start.parentNode; a && a.nodeType === ELEMENT_NODE; a = a.parentNode) {
      const w = useComputed ? inspect(a as Element).ws : staticWhiteSpace(a as Element);
      if (w || useComputed) {
        ws = w;
        break;
      }
    }

    let node: Node | null = start;
    const enter = (n: Node): boolean => {
      // Returns true when the walker should descend into n.
      if (n.nodeType === TEXT_NODE) {
        if (ws) addPreformatted(n as Text, ws === 'pre-line');
        else addCollapsible(n as Text);
        return false;
      }
      if (n.nodeType === DOCUMENT_NODE || n.nodeType === FRAGMENT_NODE) return true;
      if (n.nodeType !== ELEMENT_NODE) return false;
      const el = n as Element;
      const { layout, ws: own } = inspect(el);
      if (layout === 'skip') return false;
      if (layout === 'br') {
        space = null;
        if (pendingBreak) flush(10);
        pendingTab = false;
        emitMade('\n');
        return false;
      }
      // A paragraph opening a table cell (<td><p>…) keeps the cell's tab rather than starting a line.
      if (layout === 'block' && cellOpenAt !== length) pendingBreak = pendingBreak || lastCode !== -1;
      if (layout === 'cell') {
        if (!isFirstCell(el)) {
          pendingBreak = false;
          pendingTab = lastCode !== -1;
        }
        cellOpenAt = length;
      }
      stack.push({ el, block: layout === 'block', ws });
      if (own) ws = own;
      else if (useComputed) ws = undefined;
      return true;
    };
    const leave = () => {
      const f = stack.pop()!;
      ws = f.ws;
      if (f.block) pendingBreak = pendingBreak || lastCode !== -1;
    };

    // Pre-order traversal with explicit frames; `start` itself may be a Text node.
    if (!enter(start)) return;
    if (start.nodeType === DOCUMENT_NODE || start.nodeType === FRAGMENT_NODE) stack.push({ el: start as Element, block: false, ws });
    node = start.firstChild;
    let parent: Node = start;
    while (true) {
      if (node) {
        if (enter(node) && node.firstChild) {
          parent = node;
          node = node.firstChild;
          continue;
        }
        if (node.nodeType === ELEMENT_NODE && stack.length && stack[stack.length - 1].el === node) leave();
        node = node.nextSibling;
        continue;
      }
      // Climb: finish `parent`.
      if (parent === start) {
        if (stack.length) leave();
        break;
      }
      if (stack.length && stack[stack.length - 1].el === parent) leave();
      node = parent.nextSibling;
      parent = parent.parentNode!;
    }
  };

  for (const r of roots) {
    // Separate roots as blocks: they are distinct parts of the page.
    if (lastCode !== -1) pendingBreak = true;
    walk(r);
  }
  return { text: chunks.join('').slice(0, verbatimEnd), map: new TextMap(segments) };
}
