/**
 * Editors and selections in a web page: which one to review, its text with a way back to the DOM, and edits
 * through the editor's own input path (so the editor's undo still works). Built on extractText. It only reads
 * the page, except `applyEdit`, which the reviewer asks for.
 *
 * Elements may come from same-origin iframes, whose constructors differ from the top window's: everything
 * here tests node names, never `instanceof`.
 */
import { extractText, type TextMap } from './text';

/** Where captured text lives: a form field (no DOM text) or DOM text with its offset map. */
export type TextSource =
  | { kind: 'field'; el: HTMLTextAreaElement; base: number; length: number }
  | { kind: 'dom'; root: Node; map: TextMap; base: number; length: number };

export type EditorKind = 'selection' | 'textarea' | 'contenteditable' | 'iframe-editor';

export interface EditorCapture {
  kind: EditorKind;
  text: string;
  source: TextSource;
  /** The element to watch for edits: the textarea or the editing host (null for a selection in page text). */
  editor: HTMLElement | null;
}

/** The capture could not read where the reviewer's focus or selection is. */
export interface Unreadable {
  kind: 'cross-origin-frame';
}

/** Below this, an editor that is not focused is a search box or a comment field, not the draft under review. */
export const MIN_EDITOR_CHARS = 30;

const MAX_FRAME_DEPTH = 4;

const isElement = (n: Node | null | undefined): n is HTMLElement => !!n && n.nodeType === 1;
const tag = (n: Node | null | undefined) => (isElement(n) ? n.nodeName.toUpperCase() : '');
const isTextarea = (n: Node | null | undefined): n is HTMLTextAreaElement => tag(n) === 'TEXTAREA';
const isFrame = (n: Node | null | undefined): n is HTMLIFrameElement => tag(n) === 'IFRAME' || tag(n) === 'FRAME';

/** The document of a same-origin frame; null when another origin owns it (reading it throws or yields null). */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The outermost contenteditable ancestor of `el` (the editing host), or null. */
export function editingHost(el: HTMLElement): HTMLElement | null {
  if (!el.isContentEditable) return null;
  let host = el;
  while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
  return host;
}

/** A document edited as a whole: designMode, or an editable body (UEditor, TinyMCE and CKEditor 4 iframes). */
function editableBody(doc: Document): HTMLElement | null {
  const body = doc.body;
  if (!body) return null;
  if (doc.designMode === 'on' || body.isContentEditable) return body;
  return null;
}

function isVisible(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  if (r.width < 2 || r.height < 2) return false;
  const cs = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !cs || (cs.visibility !== 'hidden' && cs.display !== 'none');
}

function fieldCapture(el: HTMLTextAreaElement, base = 0, end = el.value.length): EditorCapture {
  return { kind: 'textarea', text: el.value.slice(base, end), source: { kind: 'field', el, base, length: end - base }, editor: el };
}

function domCapture(root: HTMLElement, kind: EditorKind): EditorCapture {
  const { text, map } = extractText(root);
  return { kind, text, source: { kind: 'dom', root, map, base: 0, length: text.length }, editor: root };
}

/** Captures the editor `el` stands for, if it is one. */
function editorOf(el: Element | null, inFrame: boolean): EditorCapture | null {
  if (!isElement(el)) return null;
  if (isTextarea(el) && !el.disabled) return fieldCapture(el);
  const host = editingHost(el);
  if (host) return domCapture(host, inFrame ? 'iframe-editor' : 'contenteditable');
  return null;
}

/**
 * The focused editor, following focus into same-origin frames. Returns `cross-origin-frame` when focus sits in a
 * frame the page does not let us read, and null when nothing editable has focus.
 */
export function focusedEditor(doc: Document, depth = 0): EditorCapture | Unreadable | null {
  const active = doc.activeElement;
  if (isFrame(active)) {
    const inner = frameDocument(active);
    if (!inner) return { kind: 'cross-origin-frame' };
    if (depth >= MAX_FRAME_DEPTH) return null;
    const body = editableBody(inner);
    if (body) return domCapture(body, 'iframe-editor');
    return focusedEditor(inner, depth + 1);
  }
  if (depth > 0 && active === doc.body) return null;
  return editorOf(active, depth > 0);
}

/** Every visible editor in the page and its same-origin frames. */
export function listEditors(doc: Document, depth = 0): EditorCapture[] {
  const out: EditorCapture[] = [];
  const inFrame = depth > 0;
  const body = editableBody(doc);
  if (body && inFrame) return [domCapture(body, 'iframe-editor')];
  for (const ta of doc.querySelectorAll('textarea')) {
    if (!ta.disabled && isVisible(ta)) out.push(fieldCapture(ta));
  }
  const hosts = new Set<HTMLElement>();
  for (const el of doc.querySelectorAll<HTMLElement>('[contenteditable]')) {
    const host = editingHost(el);
    if (host && !hosts.has(host) && isVisible(host)) hosts.add(host);
  }
  for (const h of hosts) out.push(domCapture(h, inFrame ? 'iframe-editor' : 'contenteditable'));
  if (depth < MAX_FRAME_DEPTH) {
    for (const f of doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
      const inner = frameDocument(f);
      if (inner && isVisible(f)) out.push(...listEditors(inner, depth + 1));
    }
  }
  return out;
}

/** One editor of the page as the panel offers it for choosing what to review. */
export interface EditorChoice {
  /** Its place in listEditors() order: what a pick names. */
  index: number;
  kind: EditorKind;
  /** Chinese: its label, placeholder or name when the page gives one. */
  name: string;
  chars: number;
  /** The first words of its text. */
  preview: string;
}

/** What the page calls a field: an aria-label, a <label>, a placeholder, a title or a name. */
function nameOf(el: HTMLElement | null): string {
  if (!el) return '';
  const aria = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.getAttribute('placeholder');
  if (aria?.trim()) return aria.trim();
  const id = el.id;
  const label = (id && el.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`)) || el.closest('label');
  const text = label ? (label.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  const own = isTextarea(el) ? el.value.trim() : '';
  // A wrapping label also holds the field's own text: keep only what is said besides it.
  const named = own && text.includes(own) ? text.replace(own, '').trim() : text;
  return (named || el.getAttribute('name') || '').slice(0, 20);
}

export function describeEditors(editors: readonly EditorCapture[]): EditorChoice[] {
  return editors.map((e, index) => ({
    index,
    kind: e.kind,
    name: nameOf(e.editor),
    chars: e.text.length,
    preview: e.text.replace(/\s+/g, ' ').trim().slice(0, 24),
  }));
}

/** A focused editor this much smaller than the largest is a comment box beside the draft, not the draft. */
const FOCUSED_SHARE = 0.5;

export interface EditorPick {
  capture: EditorCapture | Unreadable | null;
  /** Every visible editor of the page (the reviewer may switch to another). */
  editors: EditorCapture[];
  /** Index of the chosen editor in `editors`, when it is one of them. */
  chosen?: number;
}

/**
 * The editor to review: the one the reviewer picked (`pick`, an index into listEditors()), else the draft — the
 * largest editor, or the focused one when it holds at least half as much text (a small 审核意见 box with the caret
 * in it does not win over the draft beside it). `cross-origin-frame` when focus is out of reach.
 */
export function findEditor(doc: Document, pick?: number): EditorPick {
  const editors = listEditors(doc);
  const indexOf = (c: EditorCapture) => editors.findIndex((e) => e.editor === c.editor);
  if (pick !== undefined && editors[pick]) return { capture: editors[pick], editors, chosen: pick };
  const focused = focusedEditor(doc);
  if (focused?.kind === 'cross-origin-frame') return { capture: focused, editors };
  let best: EditorCapture | null = null;
  for (const e of editors) if (!best || e.text.length > best.text.length) best = e;
  if (focused && focused.text.trim() && (!best || focused.text.length >= best.text.length * FOCUSED_SHARE)) {
    const at = indexOf(focused);
    return { capture: at >= 0 ? editors[at] : focused, editors, ...(at >= 0 ? { chosen: at } : {}) };
  }
  if (!best || best.text.trim().length < MIN_EDITOR_CHARS) return { capture: null, editors };
  return { capture: best, editors, chosen: indexOf(best) };
}

/** Counts frames of another origin: a page that shows its document in one cannot be read from outside. */
export function countForeignFrames(doc: Document): number {
  let n = 0;
  for (const f of doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
    if (isVisible(f) && !frameDocument(f)) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Selection

/** The text offset of a DOM boundary point, also when the point sits between elements. */
function boundaryOffset(map: TextMap, text: string, node: Node, offset: number): number | undefined {
  if (node.nodeType === 3) return map.offsetOf(node, offset);
  const doc = node.ownerDocument ?? (node as Document);
  // The first text node at or after the boundary point.
  const walker = doc.createTreeWalker(doc, 4 /* SHOW_TEXT */);
  const child = node.childNodes[offset] ?? null;
  let cur: Node | null;
  if (child) {
    walker.currentNode = child;
    cur = child.nodeType === 3 ? child : walker.nextNode();
  } else {
    // After the last child: the next text node after `node`'s subtree.
    walker.currentNode = node;
    let last: Node | null = node;
    while (last && last.lastChild) last = last.lastChild;
    walker.currentNode = last ?? node;
    cur = walker.nextNode();
  }
  for (; cur; cur = walker.nextNode()) {
    const at = map.offsetOf(cur, 0);
    if (at !== undefined) return at;
  }
  return text.length;
}

/** The deepest same-origin document that has focus, and whether a cross-origin frame holds it. */
function activeDocument(doc: Document): { doc: Document; foreign: boolean } {
  let d = doc;
  for (let depth = 0; depth < MAX_FRAME_DEPTH; depth++) {
    const a = d.activeElement;
    if (!isFrame(a)) break;
    const inner = frameDocument(a);
    if (!inner) return { doc: d, foreign: true };
    d = inner;
  }
  return { doc: d, foreign: false };
}

function selectionIn(doc: Document): EditorCapture | null {
  const active = doc.activeElement;
  if (isTextarea(active) && active.selectionEnd > active.selectionStart) {
    const c = fieldCapture(active, active.selectionStart, active.selectionEnd);
    return { ...c, kind: 'selection' };
  }
  const sel = doc.defaultView?.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  let root: Node = range.commonAncestorContainer;
  if (root.nodeType !== 1) root = root.parentNode ?? root;
  const { text, map } = extractText(root);
  const start = boundaryOffset(map, text, range.startContainer, range.startOffset);
  const end = boundaryOffset(map, text, range.endContainer, range.endOffset);
  if (start === undefined || end === undefined || end <= start) return null;
  const slice = text.slice(start, end);
  if (!slice.trim()) return null;
  const host = isElement(root) ? editingHost(root) : null;
  return { kind: 'selection', text: slice, source: { kind: 'dom', root, map, base: start, length: end - start }, editor: host };
}

/** The reviewer's selection: in a textarea, in page text, or inside a same-origin frame. */
export function findSelection(doc: Document): EditorCapture | Unreadable | null {
  const { doc: inner, foreign } = activeDocument(doc);
  const found = selectionIn(inner) ?? (inner !== doc ? selectionIn(doc) : null);
  if (found) return found;
  return foreign ? { kind: 'cross-origin-frame' } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading back and editing

/** The current text of a source: a field's value changes without any map to update. */
export function readSource(source: TextSource): string {
  if (source.kind === 'field') return source.el.value.slice(source.base, source.base + source.length);
  return extractText(source.root).text.slice(source.base, source.base + source.length);
}

/** A DOM Range over captured text [start, end), for a DOM source. */
export function sourceRange(source: TextSource, start: number, end: number): Range | null {
  if (source.kind !== 'dom') return null;
  const s = source.base + start;
  const e = source.base + end;
  if (e > s) return source.map.toRange(s, e);
  // A point (a fix that inserts): just after the character before it, else just before the one after it.
  const before = source.map.pieces(s - 1, s).at(-1);
  const after = before ? undefined : source.map.pieces(s, s + 1)[0];
  const at = before ? { node: before.node, offset: before.endOffset } : after ? { node: after.node, offset: after.startOffset } : null;
  if (!at) return null;
  const range = at.node.ownerDocument.createRange();
  range.setStart(at.node, at.offset);
  range.collapse(true);
  return range;
}

/**
 * `ok`: the editor holds the replacement; `refused`: the editor kept (or put back) its text; `failed`: the text
 * could not even be selected.
 */
export type EditResult = 'ok' | 'refused' | 'failed';

/** How long an editor may take to put back text it did not accept (CKEditor 5 re-renders from its model). */
const SETTLE_MS = 120;

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves on the document's next selectionchange (editors sync their own selection model on it), or soon after. */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 60);
    doc.addEventListener('selectionchange', done);
  });
}

/** Re-reads the source after the editor settled and tells whether it now holds `expected`. */
async function verify(source: TextSource, expected: string): Promise<boolean> {
  if (readSource(source) !== expected) return false;
  await wait(SETTLE_MS);
  return readSource(source) === expected;
}

/**
 * Replaces captured text [start, end) through the editor's own input path, so the editor records it in its model
 * and its undo stack (Ctrl+Z takes back the fix alone), then re-reads the editor to check the text is there.
 *
 * - A DOM editor first gets a `beforeinput` (insertReplacementText, with the target range) as the browser would
 *   send for a spelling correction: model-based editors (CKEditor 5, Quill 2, ProseMirror…) handle it themselves and
 *   cancel it. The selection is set first and synced (selectionchange), so the editor starts a new undo step.
 * - Otherwise (a plain contenteditable, TinyMCE, UEditor) execCommand('insertText') in the editor's document,
 *   bracketed by `input` events of type insertReplacementText that editors with undo levels of their own record.
 * - A textarea: execCommand, else setRangeText and an input event.
 */
export async function applyEdit(source: TextSource, start: number, end: number, replacement: string): Promise<EditResult> {
  const before = readSource(source);
  const expected = before.slice(0, start) + replacement + before.slice(end);
  if (source.kind === 'field') {
    const el = source.el;
    const s = source.base + start;
    const e = source.base + end;
    const whole = el.value.slice(0, s) + replacement + el.value.slice(e);
    el.focus();
    el.setSelectionRange(s, e);
    let done = false;
    try {
      done = el.ownerDocument.execCommand('insertText', false, replacement);
    } catch {
      done = false;
    }
    if (!done && el.value !== whole) {
      el.setRangeText(replacement, s, e, 'end');
      const View = el.ownerDocument.defaultView ?? window;
      el.dispatchEvent(new View.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
    return (await verify({ ...source, length: source.length + replacement.length - (end - start) }, expected)) ? 'ok' : 'refused';
  }
  const range = sourceRange(source, start, end);
  if (!range) return 'failed';
  const doc = range.startContainer.ownerDocument!;
  const win = doc.defaultView;
  const host = isElement(range.commonAncestorContainer)
    ? editingHost(range.commonAncestorContainer)
    : range.commonAncestorContainer.parentElement && editingHost(range.commonAncestorContainer.parentElement);
  if (!host || !win) return 'failed';
  const after = { ...source, length: source.length + replacement.length - (end - start) };
  if (host === doc.body && doc !== document) win.focus();
  host.focus({ preventScroll: true });
  const sel = win.getSelection();
  if (!sel) return 'failed';
  const synced = selectionSettled(doc);
  sel.removeAllRanges();
  sel.addRange(range);
  await synced;

  const View = win as unknown as typeof globalThis;
  const target = new View.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
  const event = new View.InputEvent('beforeinput', {
    inputType: 'insertReplacementText',
    data: replacement,
    bubbles: true,
    cancelable: true,
    composed: true,
    targetRanges: [target],
  } as InputEventInit);
  host.dispatchEvent(event);
  if (event.defaultPrevented) return (await verify(after, expected)) ? 'ok' : 'refused';

  // Nobody took the event: the browser's own editing, which fires the real beforeinput and input.
  if (sel.rangeCount === 0 || sel.getRangeAt(0).toString() !== range.toString()) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
  // Editors that keep their own undo levels (TinyMCE) take an `insertReplacementText` input as a change to record
  // apart from typing: announced before the edit, the reviewer's typing so far becomes a level of its own; after it,
  // the fix is one more. Ctrl+Z then takes back the fix alone.
  const announce = (data: string | null) =>
    host.dispatchEvent(new View.InputEvent('input', { inputType: 'insertReplacementText', data, bubbles: true, composed: true }));
  announce(null);
  try {
    if (!doc.execCommand('insertText', false, replacement)) return 'refused';
  } catch {
    return 'failed';
  }
  announce(replacement);
  return (await verify(after, expected)) ? 'ok' : 'refused';
}
