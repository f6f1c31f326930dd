import { renderNumbering } from './docx-numbering';
import { InputError } from './errors';

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
  const numbering = zip.file('word/numbering.xml');
  if (numbering) {
    const xml = await document.async('string');
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    const rendered = renderNumbering(xml, await numbering.async('string'), styles);
    if (rendered !== xml) {
      zip.file('word/document.xml', rendered);
      input = await zip.generateAsync({ type: 'uint8array' });
    }
  }
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength) });
    return result.value;
  } catch (e) {
    const msg = String((e as Error)?.message ?? e).split('\n')[0];
    throw new InputError(path, `无法解析 Word 文档：${msg}（broken .docx）`);
  }
}
