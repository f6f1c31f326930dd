/**
 * Marks findings in the page without touching the editor's DOM (Harper's lesson: editing it broke Gutenberg's
 * autosave). DOM text gets the CSS Custom Highlight API: Ranges registered in the document's highlight registry,
 * styled by ::highlight() rules in a constructed stylesheet adopted by the document — neither appears in the DOM.
 * A textarea has no DOM text, so its marks are boxes in an overlay (pointer-events: none) laid out by a hidden
 * mirror of the field; browsers without the Highlight API get overlay boxes for DOM text too.
 */
import type { Severity } from '../engine/types';
import { sourceRange, type TextSource } from '../capture/editor';
import { measureField, type LocalRect } from './mirror';
import { diffRegion, shiftSpans } from './shift';

export interface MarkSpec {
  key: string;
  start: number;
  end: number;
  severity: Severity;
}

/**
 * A random suffix per injection: the ::highlight() rules the extension adds to the page apply to these names only,
 * so the page's own CSS or scripts cannot name them in advance to paint text in the extension's mark style.
 */
const NONCE = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');

/** Highlight names: `normlint-<severity>-<nonce>` (tests find them by the prefix). */
export const HIGHLIGHT_NAMES = {
  error: `normlint-error-${NONCE}`,
  warning: `normlint-warning-${NONCE}`,
  info: `normlint-info-${NONCE}`,
  active: `normlint-active-${NONCE}`,
} as const;

/** The tag of the overlay host: tests and the DOM-unchanged check know it by this name. */
export const OVERLAY_TAG = 'normlint-overlay';

const HIGHLIGHT_CSS = `
::highlight(${HIGHLIGHT_NAMES.error}) { background-color: rgba(220, 38, 38, 0.14); text-decoration: underline wavy rgb(220, 38, 38); text-decoration-thickness: 1px; }
::highlight(${HIGHLIGHT_NAMES.warning}) { background-color: rgba(217, 119, 6, 0.14); text-decoration: underline wavy rgb(217, 119, 6); text-decoration-thickness: 1px; }
::highlight(${HIGHLIGHT_NAMES.info}) { text-decoration: underline dotted rgb(37, 99, 235); }
::highlight(${HIGHLIGHT_NAMES.active}) { background-color: rgba(250, 204, 21, 0.6); color: inherit; text-decoration: underline solid rgb(180, 83, 9) 2px; }
`;

const BOX_COLORS: Record<Severity | 'active', { bg: string; line: string }> = {
  error: { bg: 'rgba(220, 38, 38, 0.14)', line: 'rgb(220, 38, 38)' },
  warning: { bg: 'rgba(217, 119, 6, 0.16)', line: 'rgb(217, 119, 6)' },
  info: { bg: 'transparent', line: 'rgb(37, 99, 235)' },
  active: { bg: 'rgba(250, 204, 21, 0.45)', line: 'rgb(180, 83, 9)' },
};

type Win = Window & typeof globalThis;

const winOf = (doc: Document) => doc.defaultView as Win | null;

function supportsHighlights(win: Win | null): boolean {
  return !!win && typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
}

/** The ::highlight() rules, adopted once per document (and dropped on clear). */
class HighlightStyles {
  private sheets = new Map<Document, CSSStyleSheet>();

  ensure(doc: Document) {
    if (this.sheets.has(doc)) return;
    const win = winOf(doc);
    if (!win) return;
    // A constructed sheet belongs to the document whose window constructed it.
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    this.sheets.set(doc, sheet);
  }

  clear() {
    for (const [doc, sheet] of this.sheets) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    this.sheets.clear();
  }
}

interface Box {
  key: string;
  severity: Severity;
  /** Rectangles in viewport coordinates of the overlay's document. */
  rects: DOMRect[] | LocalRect[];
}

/**
 * One overlay per document: a fixed, click-through layer appended to <html>, its boxes in a closed shadow root so
 * that the page's scripts cannot read which findings are where (nor its CSS restyle or imitate the boxes).
 */
class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly layer: HTMLDivElement;

  constructor(readonly doc: Document) {
    this.host = doc.createElement(OVERLAY_TAG);
    // CSSOM (not a style attribute) so that a page's style-src CSP does not block it.
    // !important: the page's own CSS cannot hide, move or make clickable the layer.
    const hostStyle: Record<string, string> = {
      position: 'fixed',
      inset: '0',
      'pointer-events': 'none',
      'z-index': '2147483646',
      overflow: 'hidden',
      display: 'block',
      contain: 'strict',
      visibility: 'visible',
      opacity: '1',
    };
    for (const [k, v] of Object.entries(hostStyle)) this.host.style.setProperty(k, v, 'important');
    this.root = this.host.attachShadow({ mode: 'closed' });
    this.layer = doc.createElement('div');
    this.root.appendChild(this.layer);
    doc.documentElement.appendChild(this.host);
  }

  /** Draws boxes in viewport coordinates, optionally clipped to a viewport rectangle (a textarea's padding box). */
  draw(groups: { clip?: LocalRect; offset: { x: number; y: number }; boxes: Box[]; active?: string }[]) {
    this.layer.replaceChildren();
    for (const g of groups) {
      let parent: HTMLElement = this.layer;
      if (g.clip) {
        const c = this.doc.createElement('div');
        Object.assign(c.style, {
          position: 'absolute',
          left: `${g.clip.left}px`,
          top: `${g.clip.top}px`,
          width: `${g.clip.width}px`,
          height: `${g.clip.height}px`,
          overflow: 'hidden',
        });
        this.layer.appendChild(c);
        parent = c;
      }
      for (const b of g.boxes) {
        const colors = BOX_COLORS[b.key === g.active ? 'active' : b.severity];
        for (const r of b.rects) {
          const d = this.doc.createElement('div');
          d.dataset.key = b.key;
          d.dataset.severity = b.severity;
          if (b.key === g.active) d.dataset.active = 'true';
          Object.assign(d.style, {
            position: 'absolute',
            left: `${r.left + g.offset.x}px`,
            top: `${r.top + g.offset.y}px`,
            width: `${r.width}px`,
            height: `${r.height}px`,
            background: colors.bg,
            borderBottom: `2px ${b.severity === 'info' && b.key !== g.active ? 'dotted' : 'solid'} ${colors.line}`,
            boxSizing: 'border-box',
            borderRadius: '2px',
          });
          parent.appendChild(d);
        }
      }
    }
  }

  remove() {
    this.host.remove();
  }
}

/** Marks one captured text (a field or DOM text) in its page; re-draws on scroll, resize and edits. */
export class Marker {
  private source?: TextSource;
  private marks: MarkSpec[] = [];
  private active?: string;
  private styles = new HighlightStyles();
  private registries = new Set<HighlightRegistry>();
  private overlays = new Map<Document, Overlay>();
  /** Field marks measured against this value; an edit shifts them before the re-check answers. */
  private fieldValue = '';
  private fieldRects = new Map<string, LocalRect[]>();
  private frame = 0;
  private cleanup: (() => void)[] = [];

  /** Shows `marks` over `source`; `active` is the reviewer's current finding. */
  set(source: TextSource, marks: readonly MarkSpec[], active?: string) {
    if (source !== this.source) this.detach();
    this.source = source;
    this.marks = marks.filter((m) => m.end >= m.start);
    this.active = active;
    if (this.cleanup.length === 0) this.attach();
    if (source.kind === 'field') this.measure();
    this.render();
  }

  get count() {
    return this.marks.length;
  }

  /** The marks as they stand (after shifts by edits). */
  current(): readonly MarkSpec[] {
    return this.marks;
  }

  clear() {
    this.detach();
    this.source = undefined;
    this.marks = [];
    this.active = undefined;
  }

  /**
   * A field changed: move its marks with the text at once, so they do not sit on the wrong words while the
   * re-check runs. DOM text needs nothing: Ranges are live and follow DOM edits themselves.
   */
  fieldEdited() {
    const src = this.source;
    if (!src || src.kind !== 'field') return;
    const value = src.el.value;
    const change = diffRegion(this.fieldValue, value);
    if (!change) return;
    const base = src.base;
    const local = { start: change.start - base, oldEnd: change.oldEnd - base, newEnd: change.newEnd - base };
    if (local.oldEnd < 0) src.base += change.newEnd - change.oldEnd;
    else if (local.start <= src.length) {
      src.length += change.newEnd - change.oldEnd;
      this.marks = shiftSpans(this.marks, local);
    }
    this.measure();
    this.schedule();
  }

  /** Scrolls the active mark into view; returns whether it ends up inside the viewport. */
  scrollToActive(): boolean {
    const src = this.source;
    const mark = this.marks.find((m) => m.key === this.active);
    if (!src || !mark) return false;
    if (src.kind === 'field') {
      const el = src.el;
      const rect = this.fieldRects.get(mark.key)?.[0];
      if (!rect) return false;
      revealFrames(el.ownerDocument);
      el.scrollTop = Math.max(0, rect.top - el.clientHeight / 2 + rect.height / 2);
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      const y = box.top + el.clientTop + rect.top - el.scrollTop;
      const win = winOf(el.ownerDocument)!;
      if (y < 0 || y + rect.height > win.innerHeight) win.scrollBy(0, y - win.innerHeight / 2);
      this.render();
      const after = box.top + el.clientTop + rect.top - el.scrollTop;
      return after >= 0 && after <= win.innerHeight + 1;
    }
    const range = sourceRange(src, mark.start, mark.end);
    if (!range) return false;
    const doc = range.startContainer.ownerDocument!;
    const win = winOf(doc)!;
    revealFrames(doc);
    const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    let r = range.getBoundingClientRect();
    // A paragraph taller than the window: centre the words, not the paragraph.
    if (r.top < 0 || r.bottom > win.innerHeight) {
      win.scrollBy(0, r.top - win.innerHeight / 2 + r.height / 2);
      r = range.getBoundingClientRect();
    }
    this.render();
    return r.bottom >= 0 && r.top <= win.innerHeight;
  }

  private attach() {
    const src = this.source;
    if (!src) return;
    const doc = src.kind === 'field' ? src.el.ownerDocument : (src.root.ownerDocument ?? (src.root as Document));
    const win = winOf(doc);
    if (!win) return;
    const onScroll = () => this.schedule();
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    win.addEventListener('resize', onScroll, { passive: true });
    this.cleanup.push(() => {
      doc.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onScroll);
    });
    if (src.kind === 'field') {
      const ro = new win.ResizeObserver(() => {
        this.measure();
        this.schedule();
      });
      ro.observe(src.el);
      this.cleanup.push(() => ro.disconnect());
    }
  }

  private detach() {
    for (const f of this.cleanup.splice(0)) f();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    for (const reg of this.registries) for (const name of Object.values(HIGHLIGHT_NAMES)) reg.delete(name);
    this.registries.clear();
    this.styles.clear();
    for (const o of this.overlays.values()) o.remove();
    this.overlays.clear();
    this.fieldRects.clear();
  }

  private schedule() {
    // Highlight ranges are live and the browser paints them where the text is; only overlay boxes follow scrolling.
    if (this.frame || this.overlays.size === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private overlay(doc: Document): Overlay {
    let o = this.overlays.get(doc);
    if (!o || !o.host.isConnected) {
      o = new Overlay(doc);
      this.overlays.set(doc, o);
    }
    return o;
  }

  private measure() {
    const src = this.source;
    if (!src || src.kind !== 'field') return;
    const overlay = this.overlay(src.el.ownerDocument);
    const spans = this.marks.map((m) => ({ start: m.start + src.base, end: m.end + src.base }));
    const rects = measureField(src.el, spans, overlay.root);
    this.fieldRects = new Map(this.marks.map((m, i) => [m.key, rects[i]]));
    this.fieldValue = src.el.value;
  }

  private render() {
    const src = this.source;
    if (!src) return;
    if (src.kind === 'field') return this.renderField(src);
    this.renderDom(src);
  }

  private renderField(src: Extract<TextSource, { kind: 'field' }>) {
    const el = src.el;
    const overlay = this.overlay(el.ownerDocument);
    const box = el.getBoundingClientRect();
    const clip = { left: box.left + el.clientLeft, top: box.top + el.clientTop, width: el.clientWidth, height: el.clientHeight };
    const boxes: Box[] = this.marks.map((m) => ({ key: m.key, severity: m.severity, rects: this.fieldRects.get(m.key) ?? [] }));
    overlay.draw([{ clip, offset: { x: -el.scrollLeft, y: -el.scrollTop }, boxes, active: this.active }]);
  }

  private renderDom(src: Extract<TextSource, { kind: 'dom' }>) {
    for (const reg of this.registries) for (const name of Object.values(HIGHLIGHT_NAMES)) reg.delete(name);
    for (const o of this.overlays.values()) o.draw([]);
    const byDoc = new Map<Document, { range: Range; mark: MarkSpec }[]>();
    for (const m of this.marks) {
      const range = sourceRange(src, m.start, m.end);
      if (!range) continue;
      const doc = range.startContainer.ownerDocument!;
      const list = byDoc.get(doc) ?? [];
      list.push({ range, mark: m });
      byDoc.set(doc, list);
    }
    for (const [doc, items] of byDoc) {
      const win = winOf(doc);
      if (supportsHighlights(win)) {
        this.styles.ensure(doc);
        const reg = win!.CSS.highlights;
        this.registries.add(reg);
        const groups: Record<keyof typeof HIGHLIGHT_NAMES, Range[]> = { error: [], warning: [], info: [], active: [] };
        for (const { range, mark } of items) (mark.key === this.active ? groups.active : groups[mark.severity]).push(range);
        for (const [name, ranges] of Object.entries(groups) as [keyof typeof HIGHLIGHT_NAMES, Range[]][]) {
          if (!ranges.length) {
            reg.delete(HIGHLIGHT_NAMES[name]);
            continue;
          }
          const h = new win!.Highlight(...ranges);
          h.priority = name === 'active' ? 10 : name === 'error' ? 3 : name === 'warning' ? 2 : 1;
          reg.set(HIGHLIGHT_NAMES[name], h);
        }
      } else {
        const boxes: Box[] = items.map(({ range, mark }) => ({ key: mark.key, severity: mark.severity, rects: [...range.getClientRects()] }));
        this.overlay(doc).draw([{ offset: { x: 0, y: 0 }, boxes, active: this.active }]);
      }
    }
  }
}

/** Scrolls the frames that hold `doc` into view in their parents, outermost last. */
function revealFrames(doc: Document) {
  let win = winOf(doc);
  for (let i = 0; win && i < 4; i++) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) break;
    frame.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    win = winOf(frame.ownerDocument);
  }
}
