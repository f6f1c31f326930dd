/**
 * The file page's controller: a document read from a file or pasted, shown in the page itself, reviewed by the same
 * engine as the panel (fast rules first, then the word rules once jieba is ready), marked in the page's own
 * rendering of the text, decided on and saved to the same log.
 */
import { extractText, type TextMap } from '../../utils/capture/text';
import type { TextSource } from '../../utils/capture/editor';
import { review, type ReviewResult } from '../../utils/engine';
import { Marker } from '../../utils/highlight';
import type { LoadedDocument } from '../../utils/io/browser';
import type { RegisterEntry } from '../../utils/register';
import type { Segmenter } from '../../utils/segment';
import { loadWebSegmenter } from '../../utils/segment/web';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { recallDecisions, restoreDismissal, saveReview, turnRuleOff } from '../../utils/storage/reviews';
import { reviewInputOf } from '../../utils/storage/review-input';
import { loadRegister, loadSettings } from '../../utils/storage/settings';
import type { Conclusion, Decision } from '../../utils/storage/types';
import { decideOne, dismissCode, keepDecisions, restoreFinding, ruleTurnedOff, withRecalled } from '../decisions';
import { findingKeys, pageMarks } from '../findings';
import type { ListedFinding } from '../FindingList';
import { setLocale } from '../i18n';

export interface FileState {
  status: 'empty' | 'reading' | 'reviewing' | 'ready';
  error?: string;
  doc?: { name: string; kind: LoadedDocument['kind']; text: string };
  result?: ReviewResult;
  findings: ListedFinding[];
  phase?: 'fast' | 'all';
  active?: string;
  /** The marked place of the active grouped finding. */
  activePlace?: number;
  revision: number;
  saved?: { id: number };
  saveError?: string;
  settings: Settings;
}

type Listener = (s: FileState) => void;

export class FileReview {
  state: FileState = { status: 'empty', findings: [], revision: 0, settings: DEFAULT_SETTINGS };
  private listeners = new Set<Listener>();
  private marker = new Marker();
  private source?: TextSource;
  private segmenter?: Segmenter;
  private register: RegisterEntry[] = [];
  private visible?: Set<string>;
  private stored: Promise<void>;

  constructor() {
    this.stored = Promise.all([loadSettings(), loadRegister()])
      .then(([settings, register]) => {
        setLocale(settings.locale);
        this.register = register.entries;
        this.set({ settings });
      })
      .catch(() => undefined);
    loadWebSegmenter()
      .then((s) => {
        this.segmenter = s;
        if (this.state.doc) void this.run();
      })
      .catch((e) => console.error('[NormLint] jieba-wasm failed to load', e));
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(patch: Partial<FileState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  reading() {
    this.set({ status: 'reading', error: undefined });
  }

  failed(message: string) {
    this.set({ status: this.state.doc ? 'ready' : 'empty', error: message });
  }

  /** Shows the loaded document in `root` (emptied first) and reviews its text. */
  async load(loaded: LoadedDocument, root: HTMLElement) {
    this.marker.clear();
    root.replaceChildren(loaded.content);
    const { text, map } = extractText(root);
    this.source = { kind: 'dom', root, map: map as TextMap, base: 0, length: text.length };
    this.set({ doc: { name: loaded.name, kind: loaded.kind, text }, findings: [], result: undefined, active: undefined, saved: undefined, error: undefined });
    await this.stored;
    await this.run();
  }

  private async run() {
    const doc = this.state.doc;
    if (!doc) return;
    const phase = this.segmenter ? 'all' : 'fast';
    const s = this.state.settings;
    this.set({ status: 'reviewing' });
    const result = review(
      { text: doc.text, metadata: {} },
      {
        profile: s.profileId,
        customProfiles: s.customProfiles,
        disabledRules: s.disabledRules,
        register: this.register.length ? this.register : undefined,
        segmenter: phase === 'all' ? this.segmenter : undefined,
        phase,
      },
    );
    const keys = findingKeys(result.findings);
    let findings = keepDecisions(this.state.findings, result.findings.map((f, i): ListedFinding => ({ ...f, key: keys[i] })));
    try {
      findings = withRecalled(findings, await recallDecisions(this.docRef(result), findings, doc.text));
    } catch {
      // No log to read: the findings stand as they are.
    }
    this.set({ status: 'ready', result, findings, phase, revision: this.state.revision + 1 });
    this.mark(false);
  }

  setVisible(keys: Set<string>) {
    this.visible = keys;
    this.mark(false);
  }

  /** Selects a finding (and one of its places, when it has several) and marks it. */
  select(key: string | undefined, place?: number) {
    this.set({ active: key, activePlace: key === undefined ? undefined : place });
    this.mark(key !== undefined);
  }

  private mark(scroll: boolean) {
    if (!this.source) return;
    const { marks, active } = pageMarks(this.state.findings, { active: this.state.active, activePlace: this.state.activePlace, visible: this.visible });
    this.marker.set(this.source, marks, active);
    if (scroll) this.marker.scrollToActive();
  }

  /** How the log knows this document: its 文号 and its text. */
  private docRef(result: ReviewResult) {
    return { docNumber: result.summary.docNumber, text: this.state.doc?.text ?? '' };
  }

  /** New decisions: a dismissed finding loses its mark at once, and stops being the active one. */
  private decided(findings: ListedFinding[]) {
    const a = findings.find((f) => f.key === this.state.active);
    this.set({ findings, saved: undefined, active: a?.decision === 'dismissed' ? undefined : this.state.active });
    this.mark(false);
  }

  decide(key: string, decision: Decision | undefined, reason?: string) {
    this.decided(decideOne(this.state.findings, key, decision, reason));
  }

  dismissCode(code: string, reason: string) {
    this.decided(dismissCode(this.state.findings, code, reason));
  }

  async ruleOff(key: string, reason: string) {
    const f = this.state.findings.find((x) => x.key === key);
    if (!f || !this.state.result) return;
    try {
      this.decided(ruleTurnedOff(this.state.findings, await turnRuleOff(this.docRef(this.state.result), f, reason, this.state.settings.reviewer)));
    } catch (e) {
      this.set({ saveError: e instanceof Error ? e.message : String(e) });
    }
  }

  async restore(key: string) {
    const { findings, forget } = restoreFinding(this.state.findings, key);
    if (forget !== undefined) await restoreDismissal(forget).catch(() => undefined);
    this.set({ findings, saved: undefined });
    this.mark(false);
  }

  async save(conclusion: Conclusion, remarks: string): Promise<number | undefined> {
    const { doc, result, findings, settings } = this.state;
    if (!doc || !result) return undefined;
    try {
      const saved = await saveReview(
        reviewInputOf({ text: doc.text, source: doc.kind === 'text' ? 'text' : 'file' }, result, {
          findings: findings.map(({ key: _k, dismissal: _d, previous: _p, ...f }) => f),
          fallbackTitle: doc.name.replace(/\.[^.]+$/, ''),
          conclusion,
          reviewer: settings.reviewer,
          remarks,
        }),
      );
      this.set({ saved: { id: saved.id }, saveError: undefined });
      return saved.id;
    } catch (e) {
      this.set({ saveError: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }
}

