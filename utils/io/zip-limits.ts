/**
 * Limits checked before a .docx is inflated. A zip's central directory states every entry's uncompressed size: a
 * 2 MB file that would expand to gigabytes (a zip bomb) is refused from those few bytes, without inflating any.
 * Sizes can be forged, so the parts that are read are inflated again under the same cap (see docx.ts).
 */

/** Everything in one .docx, uncompressed. Real documents, images included, stay far below. */
export const MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024;
/** Entries in one .docx: a real one has a few dozen. */
export const MAX_DOCX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface ZipDirectory {
  entries: number;
  /** The sum of the entries' stated uncompressed sizes (Infinity when a ZIP64 size hides behind 0xFFFFFFFF). */
  uncompressed: number;
}

/** The offset of the end-of-central-directory record: in the last 22 bytes plus a comment of at most 65535. */
function endRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 65535);
  for (let i = view.byteLength - 22; i >= lowest; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** The central directory's entry count and total uncompressed size, or undefined when there is none to read. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endRecord(view);
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64: the real values live in another record; a .docx never needs it, so such a file is treated as too large.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { entries: count, uncompressed: Infinity };
  if (offset + size > bytes.length) return undefined;
  let uncompressed = 0;
  let p = offset;
  let entries = 0;
  while (p + 46 <= offset + size && view.getUint32(p, true) === CENTRAL) {
    const stated = view.getUint32(p + 24, true);
    uncompressed += stated === 0xffffffff ? Infinity : stated;
    entries++;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { entries: Math.max(entries, count), uncompressed };
}

/** Each entry's compression method and compressed bytes, found through the central directory. */
export function* zipParts(bytes: Uint8Array): Generator<{ method: number; data: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endRecord(view);
  if (eocd < 0) return;
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  for (let p = offset; p + 46 <= Math.min(offset + size, bytes.length) && view.getUint32(p, true) === CENTRAL; ) {
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const local = view.getUint32(p + 42, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    yield { method, data: bytes.subarray(start, Math.min(bytes.length, start + compressed)) };
  }
}
