/**
 * Files and pasted text in the extension (the file page): .docx, .txt and .pdf read in the browser into a small,
 * safe DOM fragment that the page shows as the document — the same text the engine reviews and the marks sit on.
 * Nothing is sent anywhere. Bad input throws InputError with one Chinese line.
 */
import { decodeBytes, DecodeError, normalizeNewlines } from './decode';
import { docxToHtml } from './docx';
import { InputError, MAX_FILE_BYTES, textTooLong } from './errors';
import { pdfLines, type PdfJs } from './pdf';

export { foldRadicals } from './pdf';

export type LoadedKind = 'docx' | 'txt' | 'pdf' | 'text';

export interface LoadedDocument {
  kind: LoadedKind;
  /** The file's name, or 粘贴的文本. */
  name: string;
  /** The document as block elements (p, h1–h6, table…), built in `doc` without any attribute or script. */
  content: DocumentFragment;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function loadedKind(name: string): Exclude<LoadedKind, 'text'> {
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (ext === '.docx') return 'docx';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.doc' || ext === '.wps') throw new InputError(name, `不支持旧版 Word 格式“${ext}”，请另存为 .docx 后再审查`);
  throw new InputError(name, `不支持的文件类型“${ext || '无扩展名'}”，请选择 .docx、.txt 或 .pdf 文件，或直接粘贴文本`);
}

/** Block and inline elements a reviewed document keeps; everything else is unwrapped to its text. */
const KEEP = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'B', 'I', 'U', 'SUP', 'SUB', 'BR']);
const DROP = new Set(['SCRIPT', 'STYLE', 'IMG', 'SVG', 'OBJECT', 'EMBED', 'IFRAME', 'TEMPLATE', 'LINK', 'META']);

/** Copies parsed HTML into `doc` element by element: kept tags without attributes (but cell spans), text as text. */
function copySafe(from: Node, to: Node, doc: Document) {
  for (const child of from.childNodes) {
    if (child.nodeType === 3) to.appendChild(doc.createTextNode(child.nodeValue ?? ''));
    else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (DROP.has(tag)) continue;
      if (!KEEP.has(tag)) {
        copySafe(el, to, doc);
        continue;
      }
      const out = doc.createElement(tag.toLowerCase());
      for (const span of ['colspan', 'rowspan']) {
        const v = el.getAttribute(span);
        if (v && /^\d{1,3}$/.test(v)) out.setAttribute(span, v);
      }
      copySafe(el, out, doc);
      to.appendChild(out);
    }
  }
}

/** Plain text as paragraphs, one per line (blank lines dropped). */
export function textFragment(text: string, doc: Document = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const line of normalizeNewlines(text).split('\n')) {
    if (!line.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = line;
    frag.appendChild(p);
  }
  return frag;
}

function checkText(name: string, text: string, what: string) {
  const tooLong = textTooLong(text);
  if (tooLong) throw new InputError(name, tooLong);
  if (!text.trim()) throw new InputError(name, `${what}中没有文字`);
  if (!HAN.test(text)) throw new InputError(name, `${what}不含中文文字，不像是规范性文件`);
}

/** Pasted text: checked like a file's. */
export function pastedDocument(text: string, doc: Document = document): LoadedDocument {
  const name = '粘贴的文本';
  checkText(name, text, '粘贴的内容');
  return { kind: 'text', name, content: textFragment(text, doc) };
}

/** The browser's pdf.js, its worker served from the extension (loaded on first use: the chunk is large). */
async function browserPdfjs(): Promise<PdfJs> {
  const pdfjs = await import('pdfjs-dist');
  const { default: workerUrl } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs;
}

/** The text layer of a PDF, one string per line (the column audit reads attachments with it). */
export const readPdfLines = async (name: string, bytes: Uint8Array) => pdfLines(await browserPdfjs(), name, bytes);

/** PDF text, page by page: each line of the text layer becomes a paragraph. */
async function pdfFragment(name: string, bytes: Uint8Array, doc: Document): Promise<DocumentFragment> {
  return textFragment((await readPdfLines(name, bytes)).join('\n'), doc);
}

/** Reads a dropped or picked file. */
export async function readBrowserFile(file: File, doc: Document = document): Promise<LoadedDocument> {
  const name = file.name;
  const kind = loadedKind(name);
  if (file.size > MAX_FILE_BYTES) throw new InputError(name, `文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），上限为 10 MB`);
  if (file.size === 0) throw new InputError(name, '文件为空');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let content: DocumentFragment;
  if (kind === 'txt') {
    let text: string;
    try {
      text = decodeBytes(bytes).text;
    } catch (e) {
      if (e instanceof DecodeError) {
        throw new InputError(name, e.kind === 'binary' ? '文件含有二进制内容，不是文本文件' : '无法识别文件编码：既不是 UTF-8/UTF-16，也不是 GB18030/GBK');
      }
      throw e;
    }
    checkText(name, text, '文件');
    content = textFragment(text, doc);
  } else if (kind === 'docx') {
    const html = await docxToHtml(name, bytes);
    const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
    content = doc.createDocumentFragment();
    copySafe(parsed.body, content, doc);
  } else {
    content = await pdfFragment(name, bytes, doc);
  }
  checkText(name, content.textContent ?? '', kind === 'docx' ? 'Word 文档' : kind === 'pdf' ? 'PDF 文件（可能是扫描件）' : '文件');
  return { kind, name, content };
}
