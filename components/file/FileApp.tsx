import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FilterBar } from '../FilterBar';
import { FindingList } from '../FindingList';
import { SaveBar } from '../SaveBar';
import { Summary } from '../Summary';
import { countFindings, defaultFilter, groupFindings, passes, type FindingFilter } from '../findings';
import { useLocale } from '../hooks';
import { t } from '../i18n';
import { getProfile } from '../../utils/profiles';
import { InputError } from '../../utils/io/errors';
import { pastedDocument, readBrowserFile, type LoadedDocument } from '../../utils/io/browser';
import type { FileReview, FileState } from './file-review';

const KIND_LABEL: Record<LoadedDocument['kind'], string> = { docx: 'Word 文档', txt: '文本文件', pdf: 'PDF 文件', text: '粘贴的文本' };

const messageOf = (e: unknown) => (e instanceof InputError ? e.message : `无法读取：${e instanceof Error ? e.message : String(e)}`);

/** file.html: review a .docx, .txt or .pdf (dropped or picked) or pasted text, marked in the page's own rendering. */
export function FileApp({ review }: { review: FileReview }) {
  useLocale();
  const [state, setState] = useState<FileState>(review.state);
  const [filter, setFilter] = useState<FindingFilter>(defaultFilter);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const docRef = useRef<HTMLElement>(null);
  useEffect(() => review.subscribe(setState), [review]);

  const shown = useMemo(() => state.findings.filter((f) => passes(f, filter)), [state.findings, filter]);
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const counts = useMemo(() => countFindings(state.findings, filter.showDismissed), [state.findings, filter.showDismissed]);
  useEffect(() => review.setVisible(new Set(shown.map((f) => f.key))), [shown, review]);

  const open = async (file: File | undefined) => {
    if (!file || !docRef.current) return;
    review.reading();
    try {
      const loaded = await readBrowserFile(file);
      await review.load(loaded, docRef.current);
    } catch (e) {
      review.failed(messageOf(e));
    }
  };

  const reviewPasted = async () => {
    if (!docRef.current) return;
    try {
      await review.load(pastedDocument(pasted), docRef.current);
    } catch (e) {
      review.failed(messageOf(e));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void open(e.dataTransfer?.files[0]);
  };

  const profile = state.result?.profile ?? getProfile(state.settings.profileId, state.settings.customProfiles);
  const busy = state.status === 'reading' || state.status === 'reviewing';

  return (
    <div class="file-page" data-status={state.status} data-revision={state.revision} data-phase={state.phase ?? ''}>
      <header class="file-header">
        <h1>审查文件或文本</h1>
        <p class="muted small">在本机读取，不上传任何内容。支持 .docx、.txt、.pdf（文字版）或直接粘贴文本。</p>
      </header>
      <section
        class={`file-input card${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-dropzone
      >
        <label class="btn primary">
          选择文件…
          <input
            type="file"
            accept=".docx,.txt,.pdf,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            class="visually-hidden"
            data-action="pick-file"
            onChange={(e) => void open((e.target as HTMLInputElement).files?.[0])}
          />
        </label>
        <span class="muted">或把文件拖到这里</span>
        <details class="paste" open={!state.doc}>
          <summary>粘贴文本</summary>
          <textarea
            rows={6}
            placeholder="把规范性文件的全文粘贴到这里"
            value={pasted}
            onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)}
            data-input="paste"
          />
          <button type="button" class="btn" disabled={!pasted.trim() || busy} onClick={reviewPasted} data-action="review-pasted">
            审查粘贴的文本
          </button>
        </details>
        {state.error ? (
          <p class="notice error" role="alert" data-error>
            {state.error}
          </p>
        ) : null}
        {state.status === 'reading' ? <p class="muted" role="status">正在读取…</p> : null}
      </section>

      <div class="file-body">
        <article class="file-doc card" ref={docRef} aria-label="文件正文" data-doc-kind={state.doc?.kind ?? ''} />
        {state.result && state.doc ? (
          <aside class="file-findings">
            <p class="small muted" role="status">
              {KIND_LABEL[state.doc.kind]}：{state.doc.name} · {state.doc.text.length} 字
              {state.phase === 'fast' ? ' · 分词规则加载中' : ''}
            </p>
            <Summary summary={state.result.summary} scope={KIND_LABEL[state.doc.kind]} profileName={profile?.name} notice={state.result.notice} />
            <FilterBar filter={filter} counts={counts} dismissedCount={state.findings.filter((f) => f.decision === 'dismissed').length} onChange={setFilter} />
            {groups.length ? (
              <FindingList
                groups={groups}
                text={state.doc.text}
                active={state.active}
                activePlace={state.activePlace}
                canFix={false}
                onSelect={(key, place) => review.select(place === undefined && key === state.active ? undefined : key, place)}
                onDecide={(key, d, reason) => review.decide(key, d, reason)}
                onRestore={(key) => void review.restore(key)}
                onDismissCode={(code, reason) => review.dismissCode(code, reason)}
                onRuleOff={(key, reason) => void review.ruleOff(key, reason)}
              />
            ) : (
              <p class="muted" data-empty>
                {state.findings.length ? t('findingsFilteredAll') : t('findingsNone')}
              </p>
            )}
            {state.saveError ? <p class="notice error" role="alert">保存失败：{state.saveError}</p> : null}
            <SaveBar saved={state.saved} disabled={busy} counts={counts.bySeverity} onSave={(c, r) => review.save(c, r)} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
