import { captureScope, findMainContent } from './main';
import { completeTitle, findMetadata } from './metadata';
import { extractText, type ExtractOptions, type TextMap } from './text';
import type { CapturedDocument, PageMetadata } from './types';

/** A captured page: the serializable document plus the offset map, which stays where the DOM is. */
export interface PageCapture extends CapturedDocument {
  map: TextMap;
  /** The content element and the title element found (for highlighting and debugging; not serializable). */
  main: Element;
  titleElement?: Element;
}

/**
 * Captures a portal page: the document's text (title, info bar, body, related links in the same container) with its
 * offset map, and the metadata table (left out of the text). Reads the DOM only.
 */
export function capturePage(doc: Document, url?: string, opts: Pick<ExtractOptions, 'computedStyle'> = {}): PageCapture {
  const main = findMainContent(doc);
  const found = findMetadata(doc, main);
  const scope = captureScope(doc, main, found.blocks.map((b) => b.el));
  const evidence = consultationEvidence(doc, scope.root);
  const { text, map } = extractText([scope.root, ...evidence], { exclude: scope.exclude, computedStyle: opts.computedStyle });

  const metadata: PageMetadata = { ...completeTitle(found.metadata, doc, scope.title) };
  const pageUrl = url ?? (doc.location?.href && !/^about:/.test(doc.location.href) ? doc.location.href : undefined);
  if (pageUrl) metadata.url = pageUrl;
  return { text, map, metadata, source: 'portal', url: pageUrl, main, titleElement: scope.title };
}

// A line that reports a public consultation with its dates: 【意见征集】《…（征求意见稿）》于2022年2月21日至3月2日…
const EVIDENCE = /(?:征求[^。]{0,40}意见|意见征集)[^。]{0,60}\d{4}\s*年|\d{4}\s*年[^。]{0,60}(?:征求[^。]{0,40}意见|意见征集)/;

/**
 * Related-links items elsewhere on the page (a sidebar 相关链接) that report the document's public consultation:
 * evidence the comment rules need, though it sits outside the content. Only such items, nothing else of the sidebar.
 */
function consultationEvidence(doc: Document, root: Element): Element[] {
  const out: Element[] = [];
  const body = doc.body ?? doc.documentElement;
  if (!body) return out;
  for (const el of body.querySelectorAll('li, dd, p')) {
    if (root.contains(el) || out.some((o) => o.contains(el))) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    if (text.length > 200 || !EVIDENCE.test(text)) continue;
    out.push(el);
  }
  return out;
}

/** The serializable part of a capture (to send between extension contexts or write as JSON). */
export const toCapturedDocument = (c: CapturedDocument): CapturedDocument => ({
  text: c.text,
  metadata: c.metadata,
  source: c.source,
  ...(c.url ? { url: c.url } : {}),
});
