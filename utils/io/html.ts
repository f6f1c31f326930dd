/**
 * linkedom is not an HTML5 tree builder: a page without <body> (or with text outside it) comes out with an empty
 * body and the content hanging off <html>. Browsers fix such pages up; this rebuilds the same head/body skeleton
 * from the source first, so the capture code sees what a browser would.
 */
export function normalizeHtmlSkeleton(src: string): string {
  const head = src.match(/<head[^>]*>([\s\S]*?)<\/head\s*>/i)?.[1] ?? src.match(/<title[^>]*>[\s\S]*?<\/title\s*>/i)?.[0] ?? '';
  const open = src.match(/<body[^>]*>/i);
  let body: string;
  if (open) {
    const start = open.index! + open[0].length;
    const close = src.toLowerCase().lastIndexOf('</body');
    body = src.slice(start, close > start ? close : undefined);
  } else {
    body = src
      .replace(/<!doctype[^>]*>/i, '')
      .replace(/<head[^>]*>[\s\S]*?<\/head\s*>/i, '')
      .replace(/<title[^>]*>[\s\S]*?<\/title\s*>/i, '')
      .replace(/<\/?html[^>]*>/gi, '');
  }
  const bodyTag = open ? open[0] : '<body>';
  return `<!DOCTYPE html><html><head>${head}</head>${bodyTag}${body}</body></html>`;
}

// Kept once imported: each import() call resolves its specifier again, which costs a batch of pages real time.
let linkedom: Promise<typeof import('linkedom')> | undefined;

/** Parses an HTML string into a DOM Document (Node only: linkedom, imported on first use: it takes ~200 ms to load). */
export async function parseHtmlDocument(src: string): Promise<Document> {
  const { parseHTML } = await (linkedom ??= import('linkedom'));
  const { document } = parseHTML(normalizeHtmlSkeleton(src));
  return document as unknown as Document;
}
