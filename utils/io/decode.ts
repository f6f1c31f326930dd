/**
 * Byte → string decoding for text and HTML files: BOMs, declared charsets, then UTF-8, then GB18030 (the superset
 * of GBK and GB2312 that older portal pages and Windows Notepad files use).
 */

export type Decoded = { text: string; encoding: string };

export class DecodeError extends Error {
  constructor(readonly kind: 'binary' | 'undecodable') {
    super(kind);
  }
}

const tryDecode = (bytes: Uint8Array, label: string): string | undefined => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/** Encoding named by a byte-order mark, and the BOM's length. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** GBK and GB2312 labels decode as GB18030, their superset (a GBK page may use characters GB2312 lacks). */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(gb2312|gbk|gb_2312-80|x-gbk|cp936|ms936|windows-936|gb18030|euc-cn|csgb2312|chinese)$/.test(l)) return 'gb18030';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

// Control characters other than tab, newline, form feed and carriage return: text files have none or nearly none.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Decodes a text file. With a BOM it is taken at its word; without one a NUL byte means binary, then UTF-8 is tried
 * strictly and GB18030 after it. `declared` (an HTML page's <meta charset>) is tried before the guesses.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = sniffBom(bytes);
  if (bom) {
    const text = tryDecode(bytes.subarray(bom.length), bom.encoding);
    if (text === undefined) throw new DecodeError('undecodable');
    return check({ text, encoding: bom.encoding });
  }
  if (bytes.includes(0)) throw new DecodeError('binary');
  const order = [...new Set([declared, 'utf-8', 'gb18030'].filter(Boolean) as string[])];
  for (const enc of order) {
    const text = tryDecode(bytes, enc);
    if (text !== undefined) return check({ text, encoding: enc });
  }
  throw new DecodeError('undecodable');
}

function check(d: Decoded): Decoded {
  const controls = d.text.match(CONTROL)?.length ?? 0;
  if (d.text.includes('\u0000') || controls > Math.max(2, d.text.length / 200)) throw new DecodeError('binary');
  return d;
}

/** The charset an HTML page declares in its first bytes: <meta charset=…> or http-equiv Content-Type. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i);
  return normalizeCharset(m?.[1]);
}

/** CRLF and lone CR to LF. */
export const normalizeNewlines = (s: string) => s.replace(/\r\n?/g, '\n');
