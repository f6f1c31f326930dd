/**
 * linkedom is not an HTML5 tree builder: a page without <body> (or with text outside it) comes out with an empty
 * body and the content hanging off <html>. Browsers fix such pages up; this rebuilds the same head/body skeleton
 * from the source first, so the capture code sees what a browser would.
 */
export function normalizeHtmlSkeleton(page: string): string {
  // A tag name that runs into the next '<' (<body<body<body…) never closed its tag: the parser would glue the
  // openers and everything up to the next '>' into one element and lose the text after it. A browser shows no such
  // tag either: it is dropped.
  const src = page.replace(/<[A-Za-z][A-Za-z0-9:-]*(?=<|$)/g, '');
  // Searched by offsets, each at most once: a page of 200k unclosed <body or <head openers is read in one pass.
  const lower = src.toLowerCase();
  const head = element(src, lower, 'head');
  const title = head ? undefined : element(src, lower, 'title');
  const open = opener(src, 'body');
  let body: string;
  if (open) {
    const start = open.index + open.tag.length;
    const close = lower.lastIndexOf('</body');
    body = src.slice(start, close > start ? close : undefined);
  } else {
    // No <body>: everything but the head, the title, the document type and the <html> tags is the body.
    const cut = [head, title].filter((x): x is Span => !!x).sort((a, b) => a.start - b.start);
    let rest = '';
    let at = 0;
    for (const c of cut) {
      if (c.start < at) continue;
      rest += src.slice(at, c.start);
      at = c.end;
    }
    body = (rest + src.slice(at)).replace(/<!doctype[^<>]*>/i, '').replace(/<\/?html(?=[\s/>])[^<>]*>/gi, '');
  }
  const headText = head ? head.inner : (title?.outer ?? '');
  const bodyTag = open ? open.tag : '<body>';
  return `<!DOCTYPE html><html><head>${headText}</head>${bodyTag}${body}</body></html>`;
}

interface Span {
  start: number;
  end: number;
  inner: string;
  outer: string;
}

// The first opening tag <name …> whose attributes hold no '<' (<body<body… never closed its tag; <header> is not <head>).
function opener(src: string, name: string): { index: number; tag: string } | undefined {
  const m = new RegExp(`<${name}(?=[\\s/>])[^<>]*>`, 'i').exec(src);
  return m ? { index: m.index, tag: m[0] } : undefined;
}

// The first <name …>…</name> element: its opener, then the first close after it (none after it, none after any).
function element(src: string, lower: string, name: string): Span | undefined {
  const open = opener(src, name);
  if (!open) return undefined;
  const from = open.index + open.tag.length;
  const close = lower.indexOf(`</${name}`, from);
  if (close < 0) return undefined;
  const gt = src.indexOf('>', close);
  const end = gt < 0 ? src.length : gt + 1;
  return { start: open.index, end, inner: src.slice(from, close), outer: src.slice(open.index, end) };
}

// Kept once imported: each import() call resolves its specifier again, which costs a batch of pages real time.
let linkedom: Promise<typeof import('linkedom')> | undefined;

/** Parses an HTML string into a DOM Document (Node only: linkedom, imported on first use: it takes ~200 ms to load). */
export async function parseHtmlDocument(src: string): Promise<Document> {
  const { parseHTML } = await (linkedom ??= import('linkedom'));
  const { document } = parseHTML(normalizeHtmlSkeleton(src));
  return document as unknown as Document;
}
