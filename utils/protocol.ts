/**
 * Every message between the extension's contexts, as one discriminated union per direction (after Harper's
 * protocol.ts). Three contexts talk:
 * - the background (service worker): turns a toolbar click, shortcut or context-menu item into a trigger;
 * - the panel (side panel, its fallback window, or sidepanel.html?tab=ID): captures, reviews, shows;
 * - the page agent (the capture content script, injected on demand into the reviewed tab's top frame):
 *   reads the page, keeps the offset map, marks and applies fixes. It never reviews.
 * Everything here is plain data: it crosses contexts by structured clone.
 */
import type { CapturedDocument } from './capture/types';
import type { EditorChoice } from './capture/editor';
import type { Severity } from './engine/types';

/** How the panel was asked to review. `selection` comes from the context menu. */
export type TriggerMode = 'auto' | 'selection';

export interface Trigger {
  /** Unique per trigger, so a panel that hears of one twice (broadcast and handshake) reviews it once. */
  id: string;
  tabId: number;
  windowId?: number;
  mode: TriggerMode;
  /** The selected text as the browser reported it to the context menu: the only text there is when the
   * selection sits in a frame the agent cannot read. */
  selectionText?: string;
  at: number;
}

/** What the agent captured: the kind of thing, and whether it follows edits. */
export interface CaptureTarget {
  kind: 'selection' | 'textarea' | 'contenteditable' | 'iframe-editor' | 'page';
  /** Chinese, for the panel's header: 文本框、编辑器（框架内）、页面正文… */
  label: string;
  /** True for editors: the agent reports changes and fixes can be applied. */
  editable: boolean;
}

/** Why a capture failed; the panel turns it into advice. */
export type CaptureErrorCode =
  | 'restricted' // chrome://, edge://, about:, the browser's own pages
  | 'web-store' // extension galleries cannot be scripted
  | 'no-permission' // activeTab not granted (panel opened without a click on the page)
  | 'file-url' // file:// without "allow access to file URLs"
  | 'pdf' // the browser's PDF viewer
  | 'cross-origin-frame' // the editor or selection lives in a frame of another origin
  | 'empty' // nothing to read
  | 'tab-gone'
  | 'unknown';

export interface CaptureFailure {
  ok: false;
  error: CaptureErrorCode;
  /** Technical detail (the browser's error text), for the panel's "details". */
  detail?: string;
}

export interface CaptureSuccess {
  ok: true;
  /** Increments per capture in a page; marks and fixes name the capture they refer to. */
  captureId: number;
  /** The text's revision within the capture: 0, then +1 per edit the agent reports. */
  version: number;
  doc: CapturedDocument;
  target: CaptureTarget;
  /** When the page has several editors: each of them, for the reviewer to switch to, and which one this is. */
  editors?: EditorChoice[];
  chosen?: number;
}

/** One mark in the page: a finding's range in the captured text. */
export interface Mark {
  /** The panel's key for the finding (stable across re-checks while the finding stays). */
  key: string;
  start: number;
  end: number;
  severity: Severity;
}

/**
 * A fix's outcome, checked by re-reading the editor: `refused` when the editor kept its own text (its model did
 * not take the edit); the text it holds then comes back with the version, so the panel stays in step.
 */
export type FixResult =
  | { ok: true; version: number; doc: CapturedDocument }
  | { ok: false; reason: 'stale' | 'not-editable' | 'failed' | 'refused'; detail?: string; version?: number; doc?: CapturedDocument };

/** Panel → agent, with tabs.sendMessage to the top frame. */
export type AgentRequest =
  | { kind: 'agent/ping' }
  /** `pick`: the editor the reviewer chose (an index of CaptureSuccess.editors). */
  | { kind: 'agent/capture'; mode: TriggerMode; watch: boolean; pick?: number }
  | {
      kind: 'agent/mark';
      captureId: number;
      /** The text revision the marks' offsets refer to: marks for an older one are refused. */
      version: number;
      marks: Mark[];
      /** The finding the reviewer chose: marked more strongly. */
      active?: string;
      /** Scroll the active mark into view. */
      scroll?: boolean;
    }
  | { kind: 'agent/clear' }
  | { kind: 'agent/watch'; captureId: number; on: boolean }
  | { kind: 'agent/apply-fix'; captureId: number; start: number; end: number; replacement: string; expected: string };

/** What each agent request answers. */
export interface AgentResponses {
  'agent/ping': { ok: true; captureId: number };
  'agent/capture': CaptureSuccess | CaptureFailure;
  'agent/mark': { ok: true; marked: number; visible: boolean } | { ok: false; reason: 'stale' };
  'agent/clear': { ok: true };
  'agent/watch': { ok: boolean };
  'agent/apply-fix': FixResult;
}

/** Agent → panel, with runtime.sendMessage (the panel filters on sender.tab.id). */
export type AgentEvent =
  | { kind: 'page/changed'; captureId: number; version: number; doc: CapturedDocument }
  /** The captured editor left the page (removed, navigated): marks are gone. */
  | { kind: 'page/lost'; captureId: number };

/** Panel → background. */
export type BackgroundRequest = { kind: 'bg/panel-ready'; windowId?: number };

export interface BackgroundResponses {
  'bg/panel-ready': { trigger?: Trigger };
}

/** Background → panels (broadcast with runtime.sendMessage): a trigger while a panel is already open. */
export type PanelEvent = { kind: 'panel/review'; trigger: Trigger };

export type ExtensionMessage = AgentRequest | AgentEvent | BackgroundRequest | PanelEvent;

const KINDS = new Set<string>([
  'agent/ping',
  'agent/capture',
  'agent/mark',
  'agent/clear',
  'agent/watch',
  'agent/apply-fix',
  'page/changed',
  'page/lost',
  'bg/panel-ready',
  'panel/review',
]);

/**
 * Narrows an incoming message: every listener ignores what is not ours. The shape is checked field by field, not only
 * the kind: whatever reaches a listener is data from a sender that may not be ours, and an agent request that sets
 * marks or edits the page must carry exactly the numbers and strings it says.
 */
export function isMessage(m: unknown): m is ExtensionMessage {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return false;
  const kind = (m as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.has(kind) && SHAPES[kind as ExtensionMessage['kind']](m as Record<string, unknown>);
}

const int = (v: unknown) => Number.isSafeInteger(v);
const offset = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const str = (v: unknown) => typeof v === 'string';
const bool = (v: unknown) => typeof v === 'boolean';
const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const MODES = new Set<string>(['auto', 'selection'] satisfies TriggerMode[]);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const isMark = (v: unknown) => obj(v) && str(v.key) && offset(v.start) && offset(v.end) && (v.end as number) >= (v.start as number) && SEVERITIES.has(v.severity as string);
const isDoc = (v: unknown) => obj(v) && str(v.text) && obj(v.metadata);
const isTrigger = (v: unknown) =>
  obj(v) && str(v.id) && int(v.tabId) && optional(v.windowId, int) && MODES.has(v.mode as string) && optional(v.selectionText, str) && typeof v.at === 'number';

const SHAPES: Record<ExtensionMessage['kind'], (m: Record<string, unknown>) => boolean> = {
  'agent/ping': () => true,
  'agent/capture': (m) => str(m.mode) && MODES.has(m.mode as string) && bool(m.watch) && optional(m.pick, offset),
  'agent/mark': (m) =>
    int(m.captureId) && int(m.version) && Array.isArray(m.marks) && m.marks.every(isMark) && optional(m.active, str) && optional(m.scroll, bool),
  'agent/clear': () => true,
  'agent/watch': (m) => int(m.captureId) && bool(m.on),
  'agent/apply-fix': (m) =>
    int(m.captureId) && offset(m.start) && offset(m.end) && (m.end as number) >= (m.start as number) && str(m.replacement) && str(m.expected),
  'page/changed': (m) => int(m.captureId) && int(m.version) && isDoc(m.doc),
  'page/lost': (m) => int(m.captureId),
  'bg/panel-ready': (m) => optional(m.windowId, int),
  'panel/review': (m) => isTrigger(m.trigger),
};

export function isAgentRequest(m: unknown): m is AgentRequest {
  return isMessage(m) && m.kind.startsWith('agent/');
}

export function isAgentEvent(m: unknown): m is AgentEvent {
  return isMessage(m) && m.kind.startsWith('page/');
}

/** Who sent a runtime message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  tab?: { id?: number };
  url?: string;
}

/**
 * Sent by one of this extension's own pages (panel, background, also a panel opened in a tab), not by a content
 * script: only these may ask the agent to capture, mark or edit a page, or the background for a trigger. `origin` is
 * runtime.getURL('/'); a content script's sender URL is the page's. Pages cannot reach runtime messaging without
 * externally_connectable, which the manifest does not declare; this keeps it so if another script could.
 */
export const fromExtensionPage = (sender: MessageSender | undefined, runtimeId: string, origin: string) =>
  !!sender && sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(origin);

/** Sent by this extension's content script in a tab (whose URL is the page's, not the extension's). */
export const fromAgent = (sender: MessageSender | undefined, runtimeId: string, origin: string) =>
  !!sender && sender.id === runtimeId && sender.tab?.id !== undefined && !(sender.url ?? '').startsWith(origin);

/** The minimal messaging surface these helpers need: `browser` from wxt/browser satisfies it. */
interface Messaging {
  tabs: { sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Sends an agent request to a tab's top frame and types the answer by the request's kind. */
export function sendToAgent<M extends AgentRequest>(api: Messaging, tabId: number, message: M): Promise<AgentResponses[M['kind']]> {
  return api.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<AgentResponses[M['kind']]>;
}

export function sendToBackground<M extends BackgroundRequest>(api: Messaging, message: M): Promise<BackgroundResponses[M['kind']]> {
  return api.runtime.sendMessage(message) as Promise<BackgroundResponses[M['kind']]>;
}

/** What executeScript's error says about the page (Chromium and Firefox wordings), as a CaptureErrorCode. */
export function classifyInjectionError(message: string): CaptureErrorCode {
  const m = message.toLowerCase();
  // Chromium's PDF viewer is a built-in extension (this id) showing the file inside the tab.
  if (m.includes('mhjfbmdgcfjbbpaeojofohoefgiehjai') || /\.pdf(?:[?#"']|$)/.test(m)) return 'pdf';
  if (m.includes('gallery') || m.includes('webstore') || m.includes('chromewebstore') || m.includes('microsoftedge.microsoft.com/addons')) return 'web-store';
  if (/(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|devtools|view-source):/.test(m) || m.includes('cannot be scripted')) return 'restricted';
  if (m.includes('file://') || m.includes('file:')) return 'file-url';
  if (m.includes('no tab with id') || m.includes('tab was closed') || m.includes('no frame')) return 'tab-gone';
  if (m.includes('permission') || m.includes('cannot access')) return 'no-permission';
  return 'unknown';
}

/**
 * The panel holds a port open to the agent while it reviews the tab: when the panel closes (or reviews another
 * tab) the port disconnects and the agent takes its marks and listeners away.
 */
export const PANEL_PORT = 'normlint-panel';

/** The content script's bundle path, as executeScript wants it. */
export const AGENT_SCRIPT = '/content-scripts/capture.js';
