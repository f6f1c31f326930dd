import { InputError } from './errors';

/** Strings in mammoth's errors that mean the file is not a zip at all, or a zip that is not a Word document. */
const NOT_ZIP = /end of central directory|is this a zip file|corrupted zip|invalid signature|zip/i;
const NO_DOCUMENT = /main document part|word\/document\.xml|officeDocument/i;

/**
 * .docx → HTML with mammoth. convertToHtml keeps paragraphs, headings and table cells apart (extractRawText runs
 * cells together). Limit: mammoth does not render Word's automatic list numbering, so numbers Word generates
 * (自动编号 "第一条", "一、") are missing from the text; typed numbering is kept.
 */
export async function docxToHtml(path: string, bytes: Uint8Array): Promise<string> {
  // A .docx is a zip: "PK\x03\x04" (an empty archive starts "PK\x05\x06").
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) {
    throw new InputError(path, '不是有效的 Word 文档：.docx 应为 ZIP 格式，旧版 .doc 请另存为 .docx（not a .docx/zip file）');
  }
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (NO_DOCUMENT.test(msg)) throw new InputError(path, 'Word 文档已损坏：缺少正文部分 word/document.xml（broken .docx）');
    if (NOT_ZIP.test(msg)) throw new InputError(path, '不是有效的 Word 文档：ZIP 结构已损坏（broken .docx/zip）');
    throw new InputError(path, `无法解析 Word 文档：${msg.split('\n')[0]}（broken .docx）`);
  }
}
