// A namespace import: the extension's file page bundles this module too, where node:zlib is an empty stand-in and
// only the zip directory's sizes are checked (the page also caps the file at 10 MB before reading it).
import * as zlib from 'node:zlib';
import { renderNumbering } from './docx-numbering';
import { xmlFault } from './xml-scan';
import { InputError } from './errors';
import { MAX_DOCX_ENTRIES, MAX_DOCX_UNCOMPRESSED, readZipDirectory, zipParts } from './zip-limits';

const MB = 1024 * 1024;
// Real documents nest a few dozen levels (tables within tables); mammoth's parser would build any depth.
const MAX_XML_DEPTH = 512;

/**
 * Refuses a .docx whose parts would expand past the cap, before anything is inflated: first from the sizes its zip
 * directory states, then — sizes can be forged — by inflating each part under what is left of the cap (zlib stops
 * at maxOutputLength instead of filling memory).
 */
function checkZipSizes(path: string, bytes: Uint8Array): void {
  const dir = readZipDirectory(bytes);
  if (!dir) return; // no directory to read: JSZip reports the broken zip
  const tooLarge = (size: string) =>
    new InputError(path, `Word 文档解压后过大（${size}），上限为 ${MAX_DOCX_UNCOMPRESSED / MB} MB，可能是压缩炸弹（.docx too large when uncompressed）`);
  if (dir.entries > MAX_DOCX_ENTRIES) throw new InputError(path, `Word 文档含有 ${dir.entries} 个部件，上限为 ${MAX_DOCX_ENTRIES}（too many parts in .docx）`);
  if (dir.uncompressed > MAX_DOCX_UNCOMPRESSED) throw tooLarge(Number.isFinite(dir.uncompressed) ? `${(dir.uncompressed / MB).toFixed(1)} MB` : '超过 4 GB');
  let left = MAX_DOCX_UNCOMPRESSED;
  for (const part of zipParts(bytes)) {
    if (part.method !== 8) {
      left -= part.data.length;
    } else {
      try {
        if (typeof zlib.inflateRawSync !== 'function') break;
        left -= zlib.inflateRawSync(part.data, { maxOutputLength: left + 1 }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') left = -1;
        else continue; // a corrupt part: mammoth says so when it reads it
      }
    }
    if (left < 0) throw tooLarge(`超过 ${MAX_DOCX_UNCOMPRESSED / MB} MB`);
  }
}

/**
 * .docx → HTML with mammoth. convertToHtml keeps paragraphs, headings and table cells apart (extractRawText runs
 * cells together). mammoth does not render Word's automatic list numbering, so the labels (第一条, 一、, （一）) are
 * written into the paragraphs first (see docx-numbering.ts).
 */
export async function docxToHtml(path: string, bytes: Uint8Array): Promise<string> {
  // A .docx is a zip: "PK\x03\x04" (an empty archive starts "PK\x05\x06").
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) {
    throw new InputError(path, '不是有效的 Word 文档：.docx 应为 ZIP 格式，旧版 .doc 请另存为 .docx（not a .docx/zip file）');
  }
  checkZipSizes(path, bytes);
  const [{ default: JSZip }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new InputError(path, '不是有效的 Word 文档：ZIP 结构已损坏（broken .docx/zip）');
  }
  const document = zip.file('word/document.xml');
  if (!document) throw new InputError(path, 'Word 文档已损坏：缺少正文部分 word/document.xml（broken .docx）');
  let input = bytes;
  const xml = await document.async('string');
  // Every XML part mammoth may parse (document, numbering, styles, notes, relationships), checked before it does.
  for (const name of Object.keys(zip.files)) {
    if (!/\.(?:xml|rels)$/i.test(name) || zip.files[name].dir) continue;
    const fault = xmlFault(name === 'word/document.xml' ? xml : await zip.files[name].async('string'), MAX_XML_DEPTH);
    const part = name === 'word/document.xml' ? '正文' : `部件 ${name}`;
    if (fault === 'depth') throw new InputError(path, `Word 文档结构异常：${part}的 XML 元素嵌套超过 ${MAX_XML_DEPTH} 层（malformed .docx: nesting too deep）`);
    if (fault === 'doctype') throw new InputError(path, `Word 文档结构异常：${part}含有文档类型声明（DOCTYPE），Word 不会写入，不予读取（malformed .docx: DOCTYPE）`);
    if (fault === 'unclosed') throw new InputError(path, `Word 文档结构异常：${part}的 XML 有未闭合的标签（malformed .docx: unclosed tag）`);
  }
  const numbering = zip.file('word/numbering.xml');
  if (numbering) {
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    const rendered = renderNumbering(xml, await numbering.async('string'), styles);
    if (rendered !== xml) {
      zip.file('word/document.xml', rendered);
      input = await zip.generateAsync({ type: 'uint8array' });
    }
  }
  try {
    // Node's mammoth reads a Buffer; its browser build (the extension's file page) an ArrayBuffer.
    const source =
      typeof Buffer !== 'undefined'
        ? { buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength) }
        : { arrayBuffer: input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer };
    const result = await mammoth.convertToHtml(source as Parameters<typeof mammoth.convertToHtml>[0]);
    return result.value;
  } catch (e) {
    const msg = String((e as Error)?.message ?? e).split('\n')[0];
    throw new InputError(path, `无法解析 Word 文档：${msg}（broken .docx）`);
  }
}
