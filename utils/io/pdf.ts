/**
 * The text layer of a PDF with pdf.js, line by line. The caller passes the pdf.js module (the extension's, with its
 * worker; the legacy build in Node), so this file loads nothing itself. Bad input throws InputError in Chinese.
 */
import { InputError } from './errors';

export type PdfJs = typeof import('pdfjs-dist');

/**
 * PDF fonts often map ideographs to the look-alike radicals (⼈ U+2F08 for 人, ⺠ U+2EA0 for 民): the text reads
 * right but matches nothing. Kangxi radicals fold by NFKC; the supplement's simplified forms by this table.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⺟': '母', '⺡': '氵', '⺢': '水', '⺣': '灬', '⺤': '爫', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻',
  '⻆': '角', '⻅': '见', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青', '⻚': '页', '⻛': '风',
  '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻩': '黄', '⻬': '齐', '⻮': '齿',
  '⻰': '龙', '⻳': '龟', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺺': '聿', '⺼': '月', '⻊': '足', '⻌': '辶', '⻏': '阝',
};

export function foldRadicals(s: string): string {
  return s.replace(/[⺀-⻿⼀-⿟]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/** Each line of the text layer, page after page, trimmed; empty lines dropped. */
export async function pdfLines(pdfjs: PdfJs, name: string, bytes: Uint8Array): Promise<string[]> {
  const task = pdfjs.getDocument({ data: bytes, disableFontFace: true });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    throw new InputError(name, /password/i.test(msg) ? 'PDF 文件有密码保护，无法读取' : `不是有效的 PDF 文件（${msg.split('\n')[0]}）`);
  }
  const lines: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += foldRadicals(item.str);
        if (item.hasEOL) {
          if (line.trim()) lines.push(line.trim());
          line = '';
        }
      }
      if (line.trim()) lines.push(line.trim());
    }
  } finally {
    await task.destroy();
  }
  return lines;
}
