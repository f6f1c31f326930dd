import { csvTable, RegisterError, type RawTable } from './index';

/**
 * Filing offices export registers from Excel, often as GBK-encoded CSV: read UTF-8 when the bytes are valid
 * UTF-8, else GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** A register file (.csv or .xlsx, told apart by its bytes, not its name) as a table of text cells. */
export async function readRegisterTable(data: ArrayBuffer | Uint8Array): Promise<RawTable> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isOle(bytes)) throw new RegisterError('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再载入');
  if (isZip(bytes)) {
    const { xlsxTable } = await import('./xlsx');
    return xlsxTable(bytes);
  }
  const text = decodeCsv(bytes);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new RegisterError('文件不是 CSV 文本，也不是 .xlsx 表格');
  return csvTable(text);
}
