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
  const { text, map } = extractText(scope.root, { exclude: scope.exclude, computedStyle: opts.computedStyle });

  const metadata: PageMetadata = { ...completeTitle(found.metadata, doc, scope.title) };
  const pageUrl = url ?? (doc.location?.href && !/^about:/.test(doc.location.href) ? doc.location.href : undefined);
  if (pageUrl) metadata.url = pageUrl;
  return { text, map, metadata, source: 'portal', url: pageUrl, main, titleElement: scope.title };
}

/** The serializable part of a capture (to send between extension contexts or write as JSON). */
export const toCapturedDocument = (c: CapturedDocument): CapturedDocument => ({
  text: c.text,
  metadata: c.metadata,
  source: c.source,
  ...(c.url ? { url: c.url } : {}),
});
