import { useEffect, useState } from 'preact/hooks';
import { getReview } from '../../utils/storage/reviews';
import { buildOpinion, chineseNumber, type OpinionModel } from './opinion';
import { fixSentence, opinionDocx } from './opinion-docx';
import { downloadBlob, errorText } from './download';

const ORGAN_KEY = 'normlint.opinion.organ';

/** An editable line: typed text is printed; empty, it prints blank and shows the hint on screen only. */
function Editable({ value, hint, onInput, class: cls }: { value: string; hint: string; onInput(v: string): void; class?: string }) {
  return (
    <span
      class={`editable ${cls ?? ''}`}
      contentEditable
      data-hint={hint}
      onBlur={(e) => onInput((e.target as HTMLElement).innerText.trim())}
      dangerouslySetInnerHTML={{ __html: escapeHtml(value) }}
    />
  );
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** opinion.html?id=N: the 审查意见书 of one saved review, laid out for A4 and printing to PDF. */
export function OpinionPage({ id }: { id: number | undefined }) {
  const [model, setModel] = useState<OpinionModel | null | undefined>();
  const [error, setError] = useState<string>();
  const [organ, setOrgan] = useState(() => localStorage.getItem(ORGAN_KEY) ?? '');
  const [number, setNumber] = useState('');
  const [addressee, setAddressee] = useState<string>();
  const [exportError, setExportError] = useState<string>();

  useEffect(() => {
    if (id === undefined) {
      setModel(null);
      return;
    }
    getReview(id).then((r) => setModel(r ? buildOpinion(r) : null), (e) => setError(errorText(e)));
  }, [id]);

  useEffect(() => {
    if (model) document.title = model.title;
  }, [model]);

  if (error) return <p class="opinion-error" role="alert">{error}</p>;
  if (model === undefined) return <p class="opinion-loading">正在读取审查记录…</p>;
  if (model === null) return <p class="opinion-error" role="alert">找不到审查记录{id !== undefined ? ` ${id}` : ''}，无法生成审查意见书。</p>;

  const saveOrgan = (v: string) => {
    setOrgan(v);
    localStorage.setItem(ORGAN_KEY, v);
  };

  const exportDocx = async () => {
    setExportError(undefined);
    try {
      const blob = await opinionDocx(model, { organ, number, addressee: addressee ?? model.addressee });
      downloadBlob(blob, `${model.title}.docx`);
    } catch (e) {
      setExportError(`导出 Word 文件失败：${errorText(e)}`);
    }
  };

  return (
    <>
      <div class="opinion-toolbar no-print">
        <button type="button" class="btn primary" onClick={() => print()} data-action="print">
          打印 / 另存为 PDF
        </button>
        <button type="button" class="btn" onClick={exportDocx} data-action="export-docx">
          导出 Word（.docx）
        </button>
        <span class="small muted">虚线框内的文字可直接修改后再打印或导出；审查机关名称会记住。打印时请在“目标打印机”中选择“另存为 PDF”，纸张 A4，取消“页眉和页脚”。</span>
        {exportError ? <p class="notice error" role="alert">{exportError}</p> : null}
      </div>
      <main class="opinion" data-review-id={model.recordId} data-kind={model.kind}>
        <h1 class="opinion-title">{model.title}</h1>
        <p class="opinion-number">
          <Editable value={number} hint="意见书文号（可填写）" onInput={setNumber} />
        </p>
        {model.docNumber && <p class="opinion-docno">送审文件文号：{model.docNumber}</p>}
        <p class="opinion-addressee">
          <Editable value={addressee ?? model.addressee ?? ''} hint="主送机关" onInput={setAddressee} />：
        </p>
        <p class="para">{model.opening}</p>
        {model.items.map((item, i) => (
          <section class="opinion-item" key={item.code} data-code={item.code} data-articles={item.articles.join(' ')}>
            <p class="para">
              <span class="item-heading">
                {chineseNumber(i + 1)}、{item.heading}
                {item.points.length > 1 ? `（${item.points.length}处）` : ''}。
              </span>
              {item.points.length === 1 && item.points[0]}
            </p>
            {item.points.length > 1 &&
              item.points.map((p, k) => (
                <p class="para" key={k}>
                  （{chineseNumber(k + 1)}）{p}
                </p>
              ))}
            <p class="para basis">依据：{item.basis}</p>
          </section>
        ))}
        {model.fixes.length > 0 && (
          <section class="opinion-item opinion-fixes" data-fixed={model.fixes.length}>
            <p class="para">
              <span class="item-heading">
                {chineseNumber(model.items.length + 1)}、{model.kind === 'draft' ? '审核' : '审查'}过程中已修改的问题（{model.fixes.length}处）。
              </span>
            </p>
            {model.fixes.map((f, k) => (
              <p class="para" key={k}>
                （{chineseNumber(k + 1)}）{fixSentence(f)}
              </p>
            ))}
          </section>
        )}
        {model.remarks && <p class="para">{model.remarks}</p>}
        <p class="para opinion-conclusion" data-conclusion={model.conclusion}>
          {model.conclusionHeading}：<b>{model.conclusionLabel}</b>。{model.conclusionText}
        </p>
        <div class="opinion-sign">
          <p>
            <Editable value={organ} hint="审查机关名称" onInput={saveOrgan} class="organ" />
          </p>
          <p>{model.date}</p>
        </div>
        {model.reviewer ? <p class="opinion-reviewer">审核人：{model.reviewer}</p> : null}
      </main>
    </>
  );
}
