/**
 * The panel's controller: which tab it reviews, capture through the page agent, the engine's two phases, marks,
 * fixes, decisions and saving. The Preact view only renders its state and calls its methods.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CapturedDocument } from '../../utils/capture/types';
import type { EditorChoice } from '../../utils/capture/editor';
import type { ReviewResult } from '../../utils/engine';
import type { Finding, Fix } from '../../utils/engine/types';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { RegisterEntry } from '../../utils/register';
import { loadSettings, onSettingsChange, loadRegister } from '../../utils/storage/settings';
import { recallDecisions, restoreDismissal, saveReview, turnRuleOff } from '../../utils/storage/reviews';
import { reviewInputOf } from '../../utils/storage/review-input';
import type { Conclusion, DecidedFinding, Decision, FixChange } from '../../utils/storage/types';
import { phraseAround } from '../../utils/text/phrase';
import {
  AGENT_SCRIPT,
  PANEL_PORT,
  fromAgent,
  fromExtensionPage,
  type MessageSender,
  classifyInjectionError,
  isAgentEvent,
  isMessage,
  sendToAgent,
  sendToBackground,
  type AgentEvent,
  type CaptureErrorCode,
  type CaptureTarget,
  type Trigger,
  type TriggerMode,
} from '../../utils/protocol';
import { setLocale } from '../../components/i18n';
import { findingKeys, pageMarks } from '../../components/findings';
import { decideOne, dismissCode, keepDecisions, restoreFinding, ruleTurnedOff, withRecalled } from '../../components/decisions';
import type { ListedFinding } from '../../components/FindingList';
import type { FromWorker, ToWorker, WorkerReviewOptions } from './review-messages';
// Vite bundles the worker with its imports (engine, rules, jieba-wasm) into a module of its own.
import ReviewWorker from './review.worker?worker';

export interface PanelFinding extends ListedFinding {
  /** Stable across re-checks while the finding stays: rule, excerpt and which occurrence of it. */
  key: string;
  decision?: Decision;
}

export type PanelError = CaptureErrorCode | 'review-failed' | 'fix-failed' | 'fix-refused' | 'fix-stale' | 'save-failed' | 'storage';

/** A fix applied in the page during this review: recorded as 已修改 when the review is saved. */
export interface FixRecord {
  finding: PanelFinding;
  /** The phrase before and after the fix (with its neighbours, so a lone “，” reads in context). */
  change: FixChange;
}

export interface PanelState {
  status: 'idle' | 'capturing' | 'reviewing' | 'ready' | 'error';
  tabId?: number;
  error?: { code: PanelError; detail?: string };
  /** A non-blocking message (fix refused, page changed…). */
  notice?: { code: PanelError | 'page-lost' | 'page-navigated' | 'plain-selection'; detail?: string };
  target?: CaptureTarget;
  doc?: CapturedDocument;
  result?: ReviewResult;
  findings: PanelFinding[];
  /** `fast` while jieba loads: word-based rules have not run yet. */
  phase?: 'fast' | 'all';
  segmenter: 'loading' | 'ready' | 'failed';
  active?: string;
  /** The marked place of the active finding, when it has several. */
  activePlace?: number;
  settings: Settings;
  register: RegisterEntry[];
  /** The text can be marked in the page (false for a selection read from the context menu only). */
  markable: boolean;
  /** Review results so far (tests and the benchmark wait on it). */
  revision: number;
  saved?: { id: number };
  /** Milliseconds: the last capture, and the last review (engine and dismissals). */
  timings: { capture?: number; review?: number };
  /** The panel knows what it reviews (or that it waits for the reviewer). */
  started?: boolean;
  /** The page's editors when it has several (the reviewer may switch), and the one reviewed. */
  editors?: EditorChoice[];
  chosenEditor?: number;
  /** Fixes applied in the page during this review, oldest first. */
  fixes: FixRecord[];
  /** A short confirmation (a fix landed), shown until the next action. */
  confirmation?: string;
}

type Listener = (s: PanelState) => void;

const now = () => performance.now();

export class ReviewSession {
  state: PanelState = {
    status: 'idle',
    findings: [],
    segmenter: 'loading',
    settings: DEFAULT_SETTINGS,
    register: [],
    markable: false,
    revision: 0,
    timings: {},
    fixes: [],
  };

  private listeners = new Set<Listener>();
  /** The engine and jieba, off the main thread (review.worker.ts). */
  private worker?: Worker;
  /** Resolves the request in flight when its first result (or error) is shown. */
  private answered = new Map<number, () => void>();
  private captureId?: number;
  private version = 0;
  private lastTrigger?: string;
  /** Findings visible under the view's filters: only these are marked in the page. */
  private visibleKeys?: Set<string>;
  private reviewSeq = 0;

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(patch: Partial<PanelState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  /** Settings and the register, read from IndexedDB while the page is captured. */
  private stored: Promise<void> = Promise.resolve();

  /** Starts the panel: settings, the review worker (jieba loads there at once), and the tab to review. */
  async start(params: URLSearchParams) {
    performance.mark('normlint:start');
    this.startWorker();
    this.stored = this.loadStored();
    browser.runtime.onMessage.addListener(this.onMessage);
    browser.tabs.onUpdated.addListener(this.onTabUpdated);

    const tabParam = Number(params.get('tab'));
    if (Number.isInteger(tabParam) && tabParam > 0) {
      return this.reviewTab(tabParam, params.get('mode') === 'selection' ? 'selection' : 'auto');
    }
    // Opened by a trigger: the background holds it until this panel asks.
    const win = await browser.windows.getCurrent().catch(() => undefined);
    const { trigger } = await sendToBackground(browser, { kind: 'bg/panel-ready', windowId: win?.id }).catch(() => ({ trigger: undefined }));
    if (trigger) return this.runTrigger(trigger);
    // Opened some other way: offer to review the active tab.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Opened as a tab of its own (not in the side panel), the active tab is the panel itself: nothing to offer.
    const self = await browser.tabs.getCurrent().catch(() => undefined);
    if (tab?.id !== undefined && tab.id !== self?.id && this.state.tabId === undefined) this.set({ tabId: tab.id });
    this.set({ started: true });
  }

  private async loadStored() {
    try {
      const [settings, register] = await Promise.all([loadSettings(), loadRegister()]);
      setLocale(settings.locale);
      this.set({ settings, register: register.entries });
    } catch (e) {
      this.set({ notice: { code: 'storage', detail: String(e) } });
    }
    onSettingsChange((settings) => {
      const liveChanged = settings.liveRecheck !== this.state.settings.liveRecheck;
      setLocale(settings.locale);
      this.set({ settings });
      if (liveChanged && this.captureId !== undefined && this.state.tabId !== undefined) {
        sendToAgent(browser, this.state.tabId, { kind: 'agent/watch', captureId: this.captureId, on: settings.liveRecheck }).catch(() => {});
      }
      if (this.state.doc) this.rereview();
    });
  }

  private startWorker() {
    const worker = new ReviewWorker();
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.onWorkerMessage(e.data);
    worker.onerror = (e) => {
      console.error('[NormLint] review worker failed', e.message);
      this.set({ segmenter: 'failed' });
      for (const [id, done] of this.answered) {
        if (id === this.reviewSeq) this.set({ status: 'error', error: { code: 'review-failed', detail: e.message } });
        done();
      }
      this.answered.clear();
    };
    this.worker = worker;
  }

  private onWorkerMessage(m: FromWorker) {
    if (m.kind === 'segmenter') {
      if (m.state === 'ready') performance.mark('normlint:jieba-ready');
      // A document reviewed without words gets its full result from the worker by itself.
      this.set({ segmenter: m.state });
      return;
    }
    const done = this.answered.get(m.id);
    this.answered.delete(m.id);
    // A newer request replaced this one: its answer is out of date.
    if (m.id === this.reviewSeq && this.state.doc) {
      if (m.kind === 'error') this.set({ status: 'error', error: { code: 'review-failed', detail: m.message } });
      else void this.showResult(this.state.doc, m.result, m.phase, m.id);
    }
    done?.();
  }

  private onMessage = (message: unknown, sender: MessageSender) => {
    if (!isMessage(message)) return undefined;
    // Triggers come from the background only; page events from this extension's agent in the tab under review.
    if (message.kind === 'panel/review' && fromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      const tr = message.trigger;
      // Only the panel of the trigger's window (or the one reviewing that tab) takes it.
      browser.windows
        .getCurrent()
        .then((w) => {
          if (tr.windowId === undefined || tr.windowId === w.id || tr.tabId === this.state.tabId) this.runTrigger(tr);
        })
        .catch(() => {});
      return undefined;
    }
    if (isAgentEvent(message) && fromAgent(sender, browser.runtime.id, browser.runtime.getURL('/')) && sender.tab?.id === this.state.tabId) this.onAgentEvent(message);
    return undefined;
  };

  private onTabUpdated = (tabId: number, info: { status?: string }) => {
    if (tabId !== this.state.tabId || info.status !== 'loading' || !this.state.doc) return;
    // The page navigated or reloaded: the agent and its marks are gone.
    this.captureId = undefined;
    this.set({ notice: { code: 'page-navigated' }, markable: false });
  };

  private runTrigger(tr: Trigger) {
    if (tr.id === this.lastTrigger) return;
    this.lastTrigger = tr.id;
    return this.reviewTab(tr.tabId, tr.mode, tr.selectionText);
  }

  private port?: { tabId: number; port: Browser.runtime.Port };

  /** Keeps a port open to the tab's agent: when this panel goes, the agent clears its marks by itself. */
  private connect(tabId: number, fresh: boolean) {
    if (this.port?.tabId === tabId && !fresh) return;
    this.port?.port.disconnect();
    this.port = undefined;
    try {
      const port = browser.tabs.connect(tabId, { name: PANEL_PORT, frameId: 0 });
      port.onDisconnect.addListener(() => {
        if (this.port?.port === port) this.port = undefined;
      });
      this.port = { tabId, port };
    } catch {
      // The tab has no agent to talk to; marks will not be sent either.
    }
  }

  /** Injects the agent unless it already answers in the tab. */
  /** Returns true when it had to inject (a new page, or the first review of this one). */
  private async ensureAgent(tabId: number): Promise<boolean> {
    try {
      const pong = await sendToAgent(browser, tabId, { kind: 'agent/ping' });
      if (pong?.ok) return false;
    } catch {
      // No agent yet.
    }
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [AGENT_SCRIPT] });
    return true;
  }

  /** Captures and reviews a tab. */
  async reviewTab(tabId: number, mode: TriggerMode = 'auto', selectionText?: string, pick?: number) {
    const t0 = now();
    this.state.started = true;
    performance.mark('normlint:capture-start');
    if (this.state.tabId !== undefined && this.state.tabId !== tabId) {
      this.clearMarks();
      this.state.fixes = [];
    }
    this.captureId = undefined;
    this.set({ status: 'capturing', tabId, error: undefined, notice: undefined, confirmation: undefined, saved: undefined, active: undefined });
    try {
      this.connect(tabId, await this.ensureAgent(tabId));
      const res = await sendToAgent(browser, tabId, { kind: 'agent/capture', mode, watch: this.state.settings.liveRecheck, ...(pick !== undefined ? { pick } : {}) });
      if (!res) throw new Error('no answer from the page');
      if (!res.ok) {
        if (res.error === 'cross-origin-frame' && selectionText?.trim()) return this.reviewPlain(tabId, selectionText, t0);
        this.set({ status: 'error', error: { code: res.error, detail: res.detail } });
        return;
      }
      this.captureId = res.captureId;
      this.version = res.version;
      this.state.timings = { capture: now() - t0 };
      performance.mark('normlint:captured');
      this.set({ target: res.target, doc: res.doc, markable: true, findings: [], result: undefined, editors: res.editors, chosenEditor: res.chosen });
      // The capture ran with live re-check on; settings (read meanwhile) may say otherwise.
      await this.stored;
      if (!this.state.settings.liveRecheck) {
        sendToAgent(browser, tabId, { kind: 'agent/watch', captureId: res.captureId, on: false }).catch(() => {});
      }
      await this.runReview(res.doc);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      if (selectionText?.trim()) return this.reviewPlain(tabId, selectionText, t0);
      this.set({ status: 'error', error: { code: classifyInjectionError(detail), detail } });
    }
  }

  /** A selection the page would not let us read (a cross-origin frame): reviewed as text, without marks. */
  private async reviewPlain(tabId: number, text: string, t0: number) {
    await this.stored;
    this.captureId = undefined;
    this.state.timings = { capture: now() - t0 };
    const doc: CapturedDocument = { text, metadata: {}, source: 'selection' };
    this.set({
      tabId,
      target: { kind: 'selection', label: '选中内容', editable: false },
      doc,
      markable: false,
      notice: { code: 'plain-selection' },
    });
    await this.runReview(doc);
  }

  /** Reviews another of the page's editors instead (the reviewer's choice in the header). */
  switchEditor(index: number) {
    if (this.state.tabId === undefined) return;
    this.state.fixes = [];
    this.pinned = { tabId: this.state.tabId, index };
    return this.reviewTab(this.state.tabId, 'auto', undefined, index);
  }

  /** The editor the reviewer switched to stays the target when the review is run again. */
  private pinned?: { tabId: number; index: number };

  /** 重新审查: the same tab, and the same editor when the reviewer chose one. */
  rerun() {
    const tabId = this.state.tabId;
    if (tabId === undefined) return;
    const pick = this.pinned?.tabId === tabId ? this.pinned.index : undefined;
    return this.reviewTab(tabId, 'auto', undefined, pick);
  }

  /** Runs the same review again: settings changed, jieba became ready, or the reviewer asked. */
  rereview() {
    if (this.state.doc) void this.runReview(this.state.doc);
  }

  private engineOptions(): WorkerReviewOptions {
    const s = this.state.settings;
    return {
      profile: s.profileId,
      customProfiles: s.customProfiles,
      disabledRules: s.disabledRules,
      register: this.state.register.length ? this.state.register : undefined,
      // The audit date the reviewer set (options or 备案审查 page); empty means today.
      today: s.reviewDate || undefined,
      // The worker reviews within the engine's time budget (REVIEW_BUDGET_MS): past it the panel shows the findings
      // so far and says so.
    };
  }

  /** Sends the document to the worker; resolves once its first result (or error) is shown. */
  private runReview(doc: CapturedDocument): Promise<void> {
    const id = ++this.reviewSeq;
    this.reviewStart = now();
    this.set({ status: 'reviewing' });
    const request: ToWorker = { kind: 'review', id, doc: { text: doc.text, metadata: doc.metadata, source: doc.source }, options: this.engineOptions() };
    return new Promise<void>((resolve) => {
      this.answered.set(id, resolve);
      try {
        this.worker!.postMessage(request);
      } catch (e) {
        this.answered.delete(id);
        this.set({ status: 'error', error: { code: 'review-failed', detail: e instanceof Error ? e.message : String(e) } });
        resolve();
      }
    });
  }

  private reviewStart = 0;

  private async showResult(doc: CapturedDocument, result: ReviewResult, phase: 'fast' | 'all', seq: number) {
    const t0 = this.reviewStart;
    // Decisions taken in this panel stay with their findings across re-checks.
    const findings = keepDecisions(this.state.findings, withKeys(result.findings));
    const active = findings.some((f) => f.key === this.state.active) ? this.state.active : undefined;
    performance.measure(`normlint:review-${phase}`, { start: t0 });
    const timings = { ...this.state.timings, review: now() - t0 };
    this.set({ status: 'ready', result, findings, phase, active, revision: this.state.revision + 1, timings });
    this.sendMarks(false);
    // What earlier reviews of this document decided (remembered dismissals, rules turned off, confirmations) comes
    // from IndexedDB: shown when read, without holding back the findings.
    try {
      const recalled = await recallDecisions(this.docRef(doc, result), findings, doc.text);
      if (seq !== this.reviewSeq || !recalled.some((f) => f.dismissal || f.previous)) return;
      this.set({ findings: withRecalled(this.state.findings, recalled) });
      this.sendMarks(false);
    } catch (e) {
      console.warn('[NormLint] earlier decisions unavailable', e);
    }
  }

  /** How the log knows this document: its 文号, the page's address and the text. */
  private docRef(doc: CapturedDocument, result: ReviewResult) {
    return { docNumber: result.summary.docNumber ?? doc.metadata.docNumber, url: doc.url, text: doc.text };
  }

  private onAgentEvent(e: AgentEvent) {
    if (e.captureId !== this.captureId) return;
    if (e.kind === 'page/lost') {
      this.captureId = undefined;
      this.set({ notice: { code: 'page-lost' }, markable: false });
      return;
    }
    if (e.version <= this.version) return;
    this.version = e.version;
    performance.mark('normlint:recheck-start');
    this.set({ doc: e.doc, saved: undefined });
    void this.runReview(e.doc);
  }

  /** The view tells which findings its filters show: only those are marked. */
  setVisible(keys: Set<string>) {
    const same = this.visibleKeys && keys.size === this.visibleKeys.size && [...keys].every((k) => this.visibleKeys!.has(k));
    this.visibleKeys = keys;
    if (!same) this.sendMarks(false);
  }

  /** Selects a finding (and one of its places, when it has several): marks it and scrolls the page to it. */
  select(key: string | undefined, scroll = true, place?: number) {
    this.set({ active: key, activePlace: key === undefined ? undefined : place });
    this.sendMarks(scroll && key !== undefined);
  }

  private sendMarks(scroll: boolean) {
    const tabId = this.state.tabId;
    if (tabId === undefined || this.captureId === undefined || !this.state.markable) return;
    const { marks, active } = pageMarks(this.state.findings, { active: this.state.active, activePlace: this.state.activePlace, visible: this.visibleKeys });
    sendToAgent(browser, tabId, { kind: 'agent/mark', captureId: this.captureId, version: this.version, marks, active, scroll }).catch(() => {});
  }

  private clearMarks() {
    const tabId = this.state.tabId;
    if (tabId !== undefined) sendToAgent(browser, tabId, { kind: 'agent/clear' }).catch(() => {});
  }

  /** Applies a finding's fix in the page through the editor's input path. */
  async applyFix(key: string) {
    const f = this.state.findings.find((x) => x.key === key);
    if (f?.fix) await this.applyFixes([{ finding: f, fix: f.fix }]);
  }

  /** Applies the fix of every place of a grouped finding, each through the same path as a single fix. */
  async applyFixAll(key: string) {
    const f = this.state.findings.find((x) => x.key === key);
    const places = f?.places;
    if (!f || !places?.length || !places.every((p) => p.fix)) return;
    const { places: _all, ...one } = f;
    // Each place is recorded as a fixed finding of its own, where it was.
    await this.applyFixes(places.map((p) => ({ finding: { ...one, start: p.start, end: p.end, excerpt: p.excerpt, where: p.where, fix: p.fix }, fix: p.fix! })));
  }

  // From the last place to the first, so that each fix leaves the offsets of those before it as they were.
  private async applyFixes(items: { finding: PanelFinding; fix: Fix }[]) {
    const tabId = this.state.tabId;
    const doc = this.state.doc;
    if (tabId === undefined || this.captureId === undefined || !doc) return;
    const records: FixRecord[] = [];
    let latest: CapturedDocument | undefined;
    let failure: PanelState['notice'];
    for (const { finding, fix } of [...items].sort((a, b) => b.fix.start - a.fix.start)) {
      const { start, end, replacement } = fix;
      const res = await sendToAgent(browser, tabId, {
        kind: 'agent/apply-fix',
        captureId: this.captureId,
        start,
        end,
        replacement,
        expected: doc.text.slice(start, end),
      }).catch((e: unknown) => ({ ok: false as const, reason: 'failed' as const, detail: String(e), version: undefined, doc: undefined }));
      if (!res.ok) {
        const code = res.reason === 'stale' ? 'fix-stale' : res.reason === 'refused' ? 'fix-refused' : 'fix-failed';
        failure = { code, detail: res.detail };
        // The editor kept its own text: review what it holds now.
        if (res.doc && res.version !== undefined && res.version > this.version) {
          this.version = res.version;
          latest = res.doc;
        }
        break;
      }
      const near = phraseAround(doc.text, start, end);
      records.push({ finding: { ...finding, decision: 'fixed' }, change: { before: near.before + near.at + near.after, after: near.before + replacement + near.after } });
      this.version = Math.max(this.version, res.version);
      latest = res.doc;
    }
    if (!latest) {
      this.set({ notice: failure, confirmation: undefined });
      return;
    }
    records.reverse();
    const only = records.length === 1 ? records[0].change : undefined;
    const confirmation = only ? `已修改：“${only.before}”→“${only.after}”` : records.length ? `已修改 ${records.length} 处` : undefined;
    this.set({
      doc: latest,
      notice: failure,
      active: undefined,
      activePlace: undefined,
      fixes: [...this.state.fixes, ...records],
      saved: undefined,
      confirmation,
    });
    await this.runReview(latest);
  }

  /** The fixes applied this review whose result is still in the text, placed where their new text now is. */
  private fixedFindings(text: string): DecidedFinding[] {
    const out: DecidedFinding[] = [];
    for (const { finding, change } of this.state.fixes) {
      const at = text.indexOf(change.after);
      if (at < 0) continue; // undone or rewritten since
      const { key: _k, dismissal: _d, previous: _p, ...f } = finding;
      const replacement = finding.fix?.replacement ?? '';
      const lead = change.after.indexOf(replacement);
      const start = at + Math.max(0, lead);
      const end = start + replacement.length;
      out.push({ ...f, start, end, excerpt: text.slice(start, end), decision: 'fixed', edit: change });
    }
    return out;
  }

  /** New decisions on the findings: a dismissed finding leaves the page at once, and stops being the active one. */
  private decided(findings: PanelFinding[]) {
    const a = findings.find((f) => f.key === this.state.active);
    this.set({ findings, saved: undefined, active: a?.decision === 'dismissed' ? undefined : this.state.active });
    this.sendMarks(false);
  }

  decide(key: string, decision: Decision | undefined, reason?: string) {
    this.decided(decideOne(this.state.findings, key, decision, reason));
  }

  /** 全部忽略同类: every finding of the code in this document. */
  dismissCode(code: string, reason: string) {
    this.decided(dismissCode(this.state.findings, code, reason));
  }

  /** 本文件不再检查此规则: remembered for this document at once (IndexedDB), until restored. */
  async ruleOff(key: string, reason: string) {
    const f = this.state.findings.find((x) => x.key === key);
    const { doc, result } = this.state;
    if (!f || !doc || !result) return;
    try {
      const off = await turnRuleOff(this.docRef(doc, result), f, reason, this.state.settings.reviewer);
      this.decided(ruleTurnedOff(this.state.findings, off));
    } catch (e) {
      this.set({ notice: { code: 'storage', detail: e instanceof Error ? e.message : String(e) } });
    }
  }

  /** Forgets a remembered dismissal (or a rule turned off): the findings it set aside count again. */
  async restore(key: string) {
    const { findings, forget } = restoreFinding(this.state.findings, key);
    if (forget !== undefined) {
      try {
        await restoreDismissal(forget);
      } catch (e) {
        this.set({ notice: { code: 'storage', detail: String(e) } });
        return;
      }
    }
    this.set({ findings, saved: undefined });
    this.sendMarks(false);
  }

  async save(conclusion: Conclusion, remarks: string): Promise<number | undefined> {
    const { doc, result, findings, settings } = this.state;
    if (!doc || !result) return undefined;
    try {
      const saved = await saveReview(
        reviewInputOf(doc, result, {
          findings: [...findings.map(({ key: _k, dismissal: _d, previous: _p, ...f }) => f), ...this.fixedFindings(doc.text)],
          fallbackTitle: doc.metadata.title,
          conclusion,
          reviewer: settings.reviewer,
          remarks,
        }),
      );
      this.set({ saved: { id: saved.id }, notice: undefined });
      return saved.id;
    } catch (e) {
      this.set({ notice: { code: 'save-failed', detail: e instanceof Error ? e.message : String(e) } });
      return undefined;
    }
  }

  dispose() {
    this.worker?.terminate();
    this.port?.port.disconnect();
    browser.runtime.onMessage.removeListener(this.onMessage);
    browser.tabs.onUpdated.removeListener(this.onTabUpdated);
    this.clearMarks();
  }
}

/** Keys that survive edits elsewhere in the text: rule, excerpt and the how-manieth such finding it is. */
export function withKeys(findings: readonly Finding[]): PanelFinding[] {
  const keys = findingKeys(findings);
  return findings.map((f, i) => ({ ...f, key: keys[i] }));
}

