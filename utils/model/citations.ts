import type { Citation, Span } from './types';
import { span } from './structure';

export interface CitationScan {
  citations: Citation[];
  /** 《》 written inside another 《》: GB/T 15834 wants the inner pair as 〈〉. */
  nested: Span[];
  /** Aliases the text defines: （以下简称《办法》） → 办法. Citations of an alias are not statute names. */
  aliases: Set<string>;
}

const normTitle = (t: string) => t.replace(/[\s\u3000]/g, '').replace(/〈|</g, '《').replace(/〉|>/g, '》');

/**
 * Every 《…》 in one pass, with nesting: the outer pair is the citation, inner pairs are reported as nested.
 * A bracketed note right after the title that holds a 文号 or order number is the citation's docNumber.
 */
export function scanCitations(text: string, basis?: Span): CitationScan {
  const citations: Citation[] = [];
  const nested: Span[] = [];
  const aliases = new Set<string>();
  const seen = new Set<string>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      stack.length = 0; // a title never spans lines: an unclosed 《 is a typo, not a citation
      continue;
    }
    if (c === '《') stack.push(i);
    else if (c === '》' && stack.length) {
      const open = stack.pop()!;
      if (stack.length) {
        nested.push(span(text, open, i + 1));
        continue;
      }
      const title = text.slice(open + 1, i);
      const end = i + 1;
      let docNumber: Span | undefined;
      const note = /^[（(]([^（）()\n]{2,40}?)[）)]/.exec(text.slice(end, end + 44));
      if (note && /号/.test(note[1]) && !/以下简称/.test(note[1].split(/[，,]/)[0])) {
        const numText = note[1].split(/[，,]/)[0];
        docNumber = span(text, end + 1, end + 1 + numText.length);
      }
      const key = normTitle(title);
      const alias = /(?:以下简称|下称|简称)$/.test(text.slice(Math.max(0, open - 6), open));
      if (alias) aliases.add(key);
      citations.push({
        title,
        span: span(text, open, end),
        docNumber,
        first: !seen.has(key),
        inBasis: !!basis && open >= basis.start && end <= basis.end,
      });
      seen.add(key);
    }
  }
  return { citations, nested, aliases };
}

export { normTitle };
