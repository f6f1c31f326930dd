/** Reads .txt, .html/.htm and .docx files into a CapturedDocument for the engine (Node only). */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { capturePage } from '../capture/page';
import { extractText } from '../capture/text';
import type { CapturedDocument } from '../capture/types';
import { decodeBytes, DecodeError, normalizeNewlines, sniffHtmlCharset } from './decode';
import { docxToHtml } from './docx';
import { InputError, MAX_FILE_BYTES, textTooLong } from './errors';
import { parseHtmlDocument } from './html';

export { InputError, MAX_FILE_BYTES, MAX_TEXT_CHARS } from './errors';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

// Synchronous: files are read one after another anyway, and a batch of small files spends more time handing each
// stat and read to the thread pool and back than reading.
function readBytes(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(path, '这是一个目录，不是文件（is a directory）');
    if (!st.isFile()) throw new InputError(path, '不是普通文件（not a regular file）');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(path, e);
  }
  // Checked before reading: a huge file is refused without loading it.
  if (size > MAX_FILE_BYTES) throw new InputError(path, `文件过大（${mb(size)}），上限为 10 MB（file too large, limit 10 MB）`);
  if (size === 0) throw new InputError(path, '文件为空（empty file）');
  try {
    const buf = readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw fsError(path, e);
  }
}

function fsError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new InputError(path, '文件不存在（file not found）');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(path, '没有读取权限（permission denied）');
  if (code === 'EISDIR') return new InputError(path, '这是一个目录，不是文件（is a directory）');
  return new InputError(path, `无法读取文件：${code ?? String((e as Error)?.message ?? e).split('\n')[0]}（read error）`);
}

function decode(path: string, bytes: Uint8Array, declared?: string): string {
  try {
    return normalizeNewlines(decodeBytes(bytes, declared).text);
  } catch (e) {
    if (e instanceof DecodeError) {
      throw new InputError(
        path,
        e.kind === 'binary'
          ? '文件含有二进制内容，不是文本文件（binary file）'
          : '无法识别文件编码：既不是 UTF-8/UTF-16，也不是 GB18030/GBK（undecodable text）',
      );
    }
    throw e;
  }
}

/** What every reader checks last: there is text, and it is Chinese. */
function checkText(path: string, text: string, what: string): void {
  const tooLong = textTooLong(text);
  if (tooLong) throw new InputError(path, tooLong);
  if (!text.trim()) throw new InputError(path, `${what}只有空白，没有文字（no text）`);
  if (!HAN.test(text)) throw new InputError(path, `${what}不含中文文字，不像是规范性文件（no Chinese text）`);
}

export type FileKind = 'txt' | 'html' | 'docx';

export function fileKind(path: string): FileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.shtml') return 'html';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.wps') throw new InputError(path, `不支持旧版 Word 格式“${ext}”，请另存为 .docx（unsupported file type）`);
  throw new InputError(
    path,
    `不支持的文件类型“${ext || '无扩展名'}”，请使用 .txt、.html/.htm 或 .docx（unsupported file type）`,
  );
}

/**
 * Reads one file for review. Throws InputError (one Chinese line naming the file) when it cannot: unknown type,
 * missing, empty, over 10 MB, binary, undecodable, no text, no Chinese, broken .docx.
 */
export async function readDocumentFile(path: string): Promise<CapturedDocument> {
  const kind = fileKind(path);
  const bytes = readBytes(path);

  if (kind === 'txt') {
    const text = decode(path, bytes);
    checkText(path, text, '文件');
    return { text, metadata: {}, source: 'file' };
  }

  if (kind === 'html') {
    const html = decode(path, bytes, sniffHtmlCharset(bytes));
    if (!html.trim()) throw new InputError(path, '文件只有空白，没有文字（no text）');
    let captured;
    try {
      captured = capturePage(await parseHtmlDocument(html));
    } catch (e) {
      throw new InputError(path, `无法解析网页：${String((e as Error)?.message ?? e).split('\n')[0]}（malformed HTML）`);
    }
    if (!captured.text.trim()) throw new InputError(path, '网页中没有可读取的正文（no text in HTML）');
    checkText(path, captured.text, '网页正文');
    return { text: captured.text, metadata: captured.metadata, source: 'file' };
  }

  const html = await docxToHtml(path, bytes);
  const doc = await parseHtmlDocument(`<html><body>${html}</body></html>`);
  const { text } = extractText(doc.body);
  if (!text.trim()) throw new InputError(path, 'Word 文档中没有文字（no text in .docx）');
  checkText(path, text, 'Word 文档');
  return { text, metadata: {}, source: 'file' };
}
