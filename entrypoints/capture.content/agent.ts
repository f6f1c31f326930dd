/**
 * The page agent: what the capture content script does in the reviewed tab. It captures (selection, editor or
 * page), keeps the offset map here in the page, marks findings, applies a fix when asked, and tells the panel when
 * the captured editor changes. It never reviews (the engine and jieba stay in the extension's pages) and never
 * changes the page's DOM except through a fix the reviewer asked for (marks of a textarea live in an overlay
 * outside the editor).
 */
import { browser, type Browser } from 'wxt/browser';
import { capturePage, toCapturedDocument } from '../../utils/capture/page';
import type { CapturedDocument, CaptureSource } from '../../utils/capture/types';
import {
  applyEdit,
  countForeignFrames,
  describeEditors,
  findEditor,
  findSelection,
  readSource,
  type EditorCapture,
  type TextSource,
} from '../../utils/capture/editor';
import { extractText } from '../../utils/capture/text';
import { Marker } from '../../utils/highlight';
import {
  isAgentRequest,
  PANEL_PORT,
  fromExtensionPage,
  type MessageSender,
  type AgentEvent,
  type AgentRequest,
  type AgentResponses,
  type CaptureFailure,
  type CaptureSuccess,
  type CaptureTarget,
  type TriggerMode,
} from '../../utils/protocol';

/** Edits settle for this long before the agent re-reads the editor and tells the panel. */
export const RECHECK_DEBOUNCE_MS = 250;

/** In auto mode a selection shorter than this is a stray click, not a request to review just those words. */
const AUTO_SELECTION_MIN = 10;

const TARGET_LABELS: Record<CaptureTarget['kind'], string> = {
  selection: '选中内容',
  textarea: '文本框',
  contenteditable: '在线编辑器',
  'iframe-editor': '框架内编辑器',
  page: '页面正文',
};

interface Current {
  captureId: number;
  version: number;
  source: TextSource;
  target: CaptureTarget;
  /** The editor to watch, when the capture is one. */
  editor: HTMLElement | null;
  doc: CapturedDocument;
}

export class PageAgent {
  private current?: Current;
  private marker = new Marker();
  // Capture ids start at a random point so that a re-injected agent never reuses an old panel's id.
  private nextId = Math.floor(Math.random() * 1e6) * 1000;
  private unwatch?: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document = document) {}

  handle(message: AgentRequest): AgentResponses[AgentRequest['kind']] | Promise<AgentResponses[AgentRequest['kind']]> {
    switch (message.kind) {
      case 'agent/ping':
        return { ok: true, captureId: this.current?.captureId ?? -1 };
      case 'agent/capture':
        return this.capture(message.mode, message.watch, message.pick);
      case 'agent/mark': {
        const cur = this.current;
        if (!cur || cur.captureId !== message.captureId || cur.version !== message.version) return { ok: false, reason: 'stale' };
        this.marker.set(cur.source, message.marks, message.active);
        const visible = message.scroll ? this.marker.scrollToActive() : false;
        return { ok: true, marked: this.marker.count, visible };
      }
      case 'agent/clear':
        this.marker.clear();
        return { ok: true };
      case 'agent/watch': {
        const cur = this.current;
        if (!cur || cur.captureId !== message.captureId) return { ok: false };
        if (message.on) this.watch();
        else this.stopWatching();
        return { ok: true };
      }
      case 'agent/apply-fix':
        return this.applyFix(message);
    }
  }

  /** Clears marks and listeners: the agent was replaced or the extension unloaded. */
  dispose() {
    this.stopWatching();
    this.marker.clear();
    this.current = undefined;
  }

  private capture(mode: TriggerMode, watch: boolean, pick?: number): CaptureSuccess | CaptureFailure {
    this.stopWatching();
    this.marker.clear();
    this.current = undefined;
    const doc = this.doc;
    if (doc.contentType === 'application/pdf' || (doc.body?.children.length === 1 && doc.querySelector('embed[type="application/pdf"]'))) {
      return { ok: false, error: 'pdf' };
    }
    const url = /^https?:/.test(doc.location?.href ?? '') ? doc.location.href : undefined;
    let blocked = false;

    // The reviewer chose an editor in the panel: that one, whatever is selected.
    const selection = pick === undefined ? findSelection(doc) : null;
    if (selection?.kind === 'cross-origin-frame') blocked = true;
    else if (selection && (mode === 'selection' || selection.text.trim().length >= AUTO_SELECTION_MIN)) {
      return this.accept(selection, 'selection', url, watch);
    }
    if (mode === 'selection' && blocked) return { ok: false, error: 'cross-origin-frame' };

    const { capture: editor, editors, chosen } = findEditor(doc, pick);
    if (editor?.kind === 'cross-origin-frame') blocked = true;
    else if (editor) {
      const ok = this.accept(editor, 'editor', url, watch);
      return editors.length > 1 ? { ...ok, editors: describeEditors(editors), ...(chosen !== undefined ? { chosen } : {}) } : ok;
    }

    const page = capturePage(doc, url);
    if (page.text.trim().length < AUTO_SELECTION_MIN) {
      return { ok: false, error: blocked || countForeignFrames(doc) > 0 ? 'cross-origin-frame' : 'empty' };
    }
    return this.store(
      { kind: 'dom', root: page.main, map: page.map, base: 0, length: page.text.length },
      { kind: 'page', label: TARGET_LABELS.page, editable: false },
      null,
      toCapturedDocument(page),
      false,
    );
  }

  private accept(c: EditorCapture, source: CaptureSource, url: string | undefined, watch: boolean): CaptureSuccess {
    const editable = c.source.kind === 'field' || !!c.editor;
    const target: CaptureTarget = { kind: c.kind, label: TARGET_LABELS[c.kind], editable };
    const doc: CapturedDocument = { text: c.text, metadata: url ? { url } : {}, source, ...(url ? { url } : {}) };
    // A selection is reviewed as it was; only a whole editor is followed while it changes.
    const follow = c.kind !== 'selection' && !!c.editor;
    return this.store(c.source, target, follow ? c.editor : null, doc, watch);
  }

  private store(source: TextSource, target: CaptureTarget, editor: HTMLElement | null, doc: CapturedDocument, watch: boolean): CaptureSuccess {
    const captureId = ++this.nextId;
    this.current = { captureId, version: 0, source, target, editor, doc };
    if (watch) this.watch();
    return { ok: true, captureId, version: 0, doc, target };
  }

  private watch() {
    const cur = this.current;
    if (!cur?.editor || this.unwatch) return;
    const el = cur.editor;
    const onInput = () => {
      if (cur.source.kind === 'field') this.marker.fieldEdited();
      this.schedule();
    };
    el.addEventListener('input', onInput);
    const cleanups = [() => el.removeEventListener('input', onInput)];
    if (cur.source.kind === 'dom') {
      // Editors that change their DOM without input events (toolbar commands, collaborative edits).
      const View = el.ownerDocument.defaultView ?? window;
      const mo = new View.MutationObserver(() => this.schedule());
      mo.observe(el, { characterData: true, childList: true, subtree: true });
      cleanups.push(() => mo.disconnect());
    }
    this.unwatch = () => cleanups.forEach((f) => f());
  }

  private stopWatching() {
    this.unwatch?.();
    this.unwatch = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.reread();
    }, RECHECK_DEBOUNCE_MS);
  }

  /** Re-reads the watched editor; tells the panel when its text changed. Returns the new document. */
  private reread(): CapturedDocument | undefined {
    const cur = this.current;
    if (!cur) return undefined;
    if (cur.editor && !cur.editor.isConnected) {
      const lost: AgentEvent = { kind: 'page/lost', captureId: cur.captureId };
      this.dispose();
      browser.runtime.sendMessage(lost).catch(() => {});
      return undefined;
    }
    const src = cur.source;
    let text: string;
    if (src.kind === 'field') {
      text = src.el.value;
      src.base = 0;
      src.length = text.length;
    } else {
      const fresh = extractText(src.root);
      text = fresh.text;
      cur.source = { ...src, map: fresh.map, base: 0, length: text.length };
    }
    if (text === cur.doc.text) return cur.doc;
    cur.version++;
    cur.doc = { ...cur.doc, text };
    const event: AgentEvent = { kind: 'page/changed', captureId: cur.captureId, version: cur.version, doc: cur.doc };
    browser.runtime.sendMessage(event).catch(() => {});
    return cur.doc;
  }

  private async applyFix(m: Extract<AgentRequest, { kind: 'agent/apply-fix' }>): Promise<AgentResponses['agent/apply-fix']> {
    const cur = this.current;
    if (!cur || cur.captureId !== m.captureId) return { ok: false, reason: 'stale' };
    if (!cur.target.editable) return { ok: false, reason: 'not-editable' };
    const now = readSource(cur.source);
    if (now.slice(m.start, m.end) !== m.expected) return { ok: false, reason: 'stale' };
    const result = await applyEdit(cur.source, m.start, m.end, m.replacement);
    if (this.current !== cur) return { ok: false, reason: 'stale' };
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (cur.editor) {
      // Read back at once: the panel re-reviews the fixed text (or the text the editor kept) without waiting.
      this.reread();
    } else if (result === 'ok') {
      // A fixed selection: the same stretch of text, longer or shorter by the fix.
      const delta = m.replacement.length - (m.end - m.start);
      const src = cur.source;
      cur.source = src.kind === 'field' ? { ...src, length: src.length + delta } : { ...src, map: extractText(src.root).map, length: src.length + delta };
      cur.version++;
      cur.doc = { ...cur.doc, text: readSource(cur.source) };
    }
    if (result !== 'ok') return { ok: false, reason: result, version: cur.version, doc: cur.doc };
    return { ok: true, version: cur.version, doc: cur.doc };
  }
}

/**
 * Wires the agent to runtime messages and to the panel's port; returns the function that unwires it. When the
 * last panel port closes (the panel was closed or turned to another tab), the page is left as it was.
 */
export function listen(agent: PageAgent): () => void {
  const onMessage = (message: unknown, sender: MessageSender, sendResponse: (r: unknown) => void) => {
    // Only this extension's panel commands the agent, and only with a well-formed request.
    if (!fromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/')) || !isAgentRequest(message)) return undefined;
    const fail = (e: unknown) => sendResponse({ ok: false, error: 'unknown', reason: 'failed', detail: e instanceof Error ? e.message : String(e) });
    try {
      const answer = agent.handle(message);
      if (answer instanceof Promise) {
        answer.then(sendResponse, fail);
        return true; // keeps the channel open for the asynchronous answer
      }
      sendResponse(answer);
    } catch (e) {
      fail(e);
    }
    return undefined;
  };
  const ports = new Set<Browser.runtime.Port>();
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PANEL_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size === 0) agent.dispose();
    });
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.runtime.onConnect.addListener(onConnect);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.runtime.onConnect.removeListener(onConnect);
    for (const p of ports) p.disconnect();
  };
}
