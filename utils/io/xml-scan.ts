/**
 * Linear scans of Word XML by plain string search. A regular expression such as <w:x\b[^>]*>([\s\S]*?)</w:x> tries
 * again from every opener, so a part with a million unclosed openers costs a million scans to its end. Here every
 * search for a '>' or a closing tag remembers where it found one (or that there is none): each is found once.
 */

export interface XmlElement {
  /** The text between the tag name and '>': the attributes (ends with '/' for an empty element). */
  attrs: string;
  /** The text between the opening and the closing tag ('' for an empty element). */
  body: string;
  /** Offsets of '<' of the opening tag and just past the element. */
  start: number;
  end: number;
}

// After a tag name comes white space, '>' or '/': <w:p> is not <w:pPr>.
const endsName = (xml: string, at: number) => {
  const c = xml.charCodeAt(at);
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13;
};

/** Finds `needle` at or after `from`, reusing the last answer while it still lies ahead. */
export function forwardSearch(xml: string, needle: string) {
  let found = -2;
  let searchedFrom = Infinity;
  return (from: number): number => {
    if (found === -1 && from >= searchedFrom) return -1;
    if (found >= from && searchedFrom <= from) return found;
    searchedFrom = from;
    found = xml.indexOf(needle, from);
    return found;
  };
}

/** The elements `<tag …>…</tag>` (and `<tag …/>`) in document order, not nested in one another. */
export function* elements(xml: string, tag: string): Generator<XmlElement> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  const nextGt = forwardSearch(xml, '>');
  const nextLt = forwardSearch(xml, '<');
  const nextClose = forwardSearch(xml, close);
  let pos = 0;
  for (;;) {
    const at = xml.indexOf(open, pos);
    if (at < 0) return;
    const nameEnd = at + open.length;
    if (!endsName(xml, nameEnd)) {
      pos = nameEnd;
      continue;
    }
    const gt = nextGt(nameEnd);
    if (gt < 0) return;
    // A '<' before the '>' means this opener never closed its tag: not an element (attributes cannot hold '<').
    const lt = nextLt(nameEnd);
    if (lt >= 0 && lt < gt) {
      pos = nameEnd;
      continue;
    }
    const attrs = xml.slice(nameEnd, gt);
    if (attrs.endsWith('/')) {
      yield { attrs, body: '', start: at, end: gt + 1 };
      pos = gt + 1;
      continue;
    }
    const end = nextClose(gt + 1);
    // No closing tag after this one: none after any later opener either.
    if (end < 0) return;
    yield { attrs, body: xml.slice(gt + 1, end), start: at, end: end + close.length };
    pos = end + close.length;
  }
}

const ATTR = new Map<string, RegExp>();
/** The value of attribute `name` in an attribute text. */
export function attrValue(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

/** The value of attribute `name` on the first `<tag …>` that has it (w:val by default). */
export function attr(xml: string, tag: string, name = 'w:val'): string | undefined {
  const open = `<${tag}`;
  const nextGt = forwardSearch(xml, '>');
  const nextLt = forwardSearch(xml, '<');
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    if (!endsName(xml, at + open.length)) continue;
    const gt = nextGt(at + open.length);
    if (gt < 0) return undefined;
    const lt = nextLt(at + open.length);
    if (lt >= 0 && lt < gt) continue;
    const value = attrValue(xml.slice(at + open.length, gt), name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The text between the first `open` and the `close` after it. */
export function between(xml: string, open: string, close: string): string | undefined {
  const at = xml.indexOf(open);
  if (at < 0) return undefined;
  const end = xml.indexOf(close, at + open.length);
  return end < 0 ? undefined : xml.slice(at + open.length, end);
}

/**
 * What makes an XML part unsafe to hand to the XML parser, found in one pass: elements nested deeper than `max` (Word
 * nests a few dozen levels at most; a million unclosed <w:p><w:pPr> would build a million-deep tree), or a tag left
 * open (a '<' before its '>': xmldom spent minutes on a numbering.xml of 1.5 M unclosed <w:abstractNum), or a
 * document type declaration. Comments, CDATA and processing instructions are skipped whole.
 */
export function xmlFault(xml: string, max: number): 'depth' | 'unclosed' | 'doctype' | undefined {
  let depth = 0;
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    // Word never writes a document type; one in a .docx carries entities (XXE, billion laughs).
    if (xml.startsWith('<!DOCTYPE', lt)) return 'doctype';
    const skip = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : xml[lt + 1] === '?' ? '?>' : undefined;
    if (skip) {
      const end = xml.indexOf(skip, lt);
      if (end < 0) return 'unclosed';
      lt = end + skip.length - 1;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return 'unclosed';
    // Attribute values cannot hold a raw '<' (it would be &lt;): one before the '>' means the tag never closed.
    const next = xml.indexOf('<', lt + 1);
    if (next >= 0 && next < gt) return 'unclosed';
    if (xml[lt + 1] === '/') depth--;
    else if (xml[lt + 1] !== '!' && xml[gt - 1] !== '/' && ++depth > max) return 'depth';
    lt = gt;
  }
  return undefined;
}
