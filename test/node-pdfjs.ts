/**
 * pdf.js in Node for tests and benchmarks: the legacy build, with Promise.withResolvers supplied on Node 20 (pdf.js 6
 * uses it; Chromium and Node 22 have it). The extension loads its own build with a worker (utils/io/browser.ts).
 */
import type { PdfJs } from '../utils/io/pdf';

export async function loadNodePdfjs(): Promise<PdfJs> {
  (Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
    return { promise, resolve, reject };
  };
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
}
