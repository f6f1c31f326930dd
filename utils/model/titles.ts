import { DOCUMENT_TITLE } from './kind';

/** A cover notice's headline: 关于印发《…》的通知, 关于印发…的决定. */
export const COVER = /关于印发(?:《(.+?)》|(.+?))的(?:通知|决定)/;
/** The document a comment notice puts out: 关于征求《…》意见的公告. */
const COMMENT_NAMED = /征求《(.+?)》(?:（[^）]{0,12}稿）)?\s*意见/;

/** Spaces a crawled page leaves inside a title (…基金管理　　实施细则) do not make it another title. */
export const compactTitle = (t: string) => t.replace(/[\s\u3000\u00a0]+/g, '');

/** Drops a trailing draft mark and brackets from a title: 清河市…办法（征求意见稿） → 清河市…办法. */
export const bareTitle = (t: string) =>
  t.replace(/[（(][^（）()]*(?:送审稿|征求意见稿|讨论稿|修改稿|草案|代拟稿|初稿)[^（）()]*[）)]$/, '').replace(/^《|》$/g, '').trim();

/**
 * The documents a cover notice issues, from what its headline names: 关于印发《甲办法》和《乙方案》的通知 and
 * 关于印发甲若干政策和乙行动计划的通知 issue two, each of which may stand as a title further down.
 */
export function splitNamedTitles(inner: string): string[] {
  const out: string[] = [];
  for (const piece of inner.split(/》\s*[和及与、]?\s*《/)) {
    out.push(piece);
    // Without 书名号 the titles are joined by 和/及: split where the left side ends as a title does.
    for (const m of piece.matchAll(/[和及与、]/g)) {
      const left = piece.slice(0, m.index);
      const right = piece.slice(m.index! + 1);
      if (left.length >= 4 && right.length >= 4 && DOCUMENT_TITLE.test(left) && DOCUMENT_TITLE.test(right)) {
        out.push(left, right);
        break;
      }
    }
  }
  return out;
}

/**
 * The titles of the documents a notice at the top of the text names (a cover notice's or a comment notice's), bare
 * of draft marks and spaces: what the document's own title line will read.
 */
export function titlesNamedAtTop(head: string): string[] {
  const cover = COVER.exec(head);
  const inner = cover ? (cover[1] ?? cover[2]) : COMMENT_NAMED.exec(head)?.[1];
  if (!inner) return [];
  return [...new Set(splitNamedTitles(inner).map((t) => compactTitle(bareTitle(t))).filter((t) => t.length >= 6))];
}
