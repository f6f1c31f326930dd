import type { DocKind, Line, Part, Span } from './types';
import { span } from './structure';
import { INTERPRETATION_TITLE } from './kind';
import { DATE_LINE } from './meta';
import { COVER, bareTitle, compactTitle, splitNamedTitles } from './titles';

/** A draft mark: the title line's suffix or the line under it. */
export const DRAFT_MARK = /(送审稿|征求意见稿|讨论稿|修改稿|草案|代拟稿|初稿|审议稿)/;
// The title of a comment notice (not a sentence that mentions consultation): it ends like a notice's title.
const COMMENT_NOTICE = /^[^。；]{0,120}(?:征求[^。；]{0,80}意见(?:建议)?的?(?:公告|通知|函|启事|公示)|意见征集(?:公告|通知)?|征求意见公告)$/;
const EXPLANATION = /(?:起草|制定|修订)(?:情况的?)?说明$/;
const TITLE_LIKE = /关于|办法|规定|细则|通知|通告|意见|决定|方案|措施|公告|说明|解读|规则|条例|规范|标准|指引|导则|制度/;
const CHROME = /当前位置|您的位置|首页|[>＞»]|发布时间|来源[：:]|浏览次数|索引号/;

export interface Layout {
  kind: DocKind;
  kindReason: string;
  parts: Part[];
  headline?: Span;
  title?: Span;
  /** The body starts here: the title line of the normative text itself, or 0. */
  bodyStart: number;
  bodyEnd: number;
}

const nonEmpty = (lines: Line[]) => lines.filter((l) => l.text);

/**
 * Splits the text into its parts: a cover notice (关于印发《…》的通知) or a comment notice before the body,
 * the body (the normative text), and an appended 起草说明. Decides what kind of text this is.
 */
export function layoutDocument(text: string, lines: Line[], metaTitle?: string): Layout {
  const filled = nonEmpty(lines);
  if (!filled.length) return { kind: 'not-normative', kindReason: '没有正文', parts: [], bodyStart: 0, bodyEnd: text.length };
  // The headline is the first line that reads as a document title: a portal page may put its site name,
  // menu or breadcrumb above it.
  const top = filled.slice(0, 12);
  const head =
    (metaTitle && top.find((l) => l.text === metaTitle || l.text.startsWith(metaTitle))) ||
    top.find((l) => TITLE_LIKE.test(l.text) && l.text.length >= 6 && l.text.length <= 120 && !CHROME.test(l.text) && !/[。，；：:]/.test(l.text)) ||
    filled[0];
  const headline = span(text, head.textStart, head.textStart + head.text.length);
  const after = filled.filter((l) => l.start > head.start);
  const parts: Part[] = [];

  // An appended 起草说明 (关于《…》的起草说明) later in the text.
  const expl = after.find((l) => EXPLANATION.test(l.text) && l.text.length <= 80);
  const explStart = expl ? (prevMarker(filled, expl)?.start ?? expl.start) : text.length;

  // An 起草说明 or 政策解读 describes a document named in its headline: 关于《…》的起草说明, 《…》政策解读.
  const described = EXPLANATION.test(headline.text)
    ? ({ kind: 'explanation', reason: '标题为起草（制定）说明' } as const)
    : INTERPRETATION_TITLE.test(headline.text)
      ? ({ kind: 'interpretation', reason: /问答|答问|答疑|问$/.test(headline.text) ? '标题为政策问答，解释所述文件' : /答记者问/.test(headline.text) ? '就所述文件答记者问，属于政策解读' : '标题为政策解读（简介），解释所述文件' } as const)
      : undefined;
  if (described) {
    const inner = /《(.+?)》/.exec(headline.text);
    const at = inner ? headline.start + inner.index + 1 : 0;
    return {
      kind: described.kind,
      kindReason: described.reason,
      parts: [{ kind: described.kind, start: 0, end: text.length, title: headline }],
      headline,
      title: inner ? span(text, at, at + inner[1].length) : undefined,
      bodyStart: text.length,
      bodyEnd: text.length,
    };
  }

  let bodyTitle: Line | undefined;
  let leadKind: Part['kind'] | undefined;
  const cover = COVER.exec(headline.text);
  const notice = !cover && COMMENT_NOTICE.test(headline.text);
  if (cover || notice) {
    leadKind = cover ? 'cover' : 'notice';
    const inner = cover ? (cover[1] ?? cover[2]) : /《(.+?)》/.exec(headline.text)?.[1];
    // A cover notice may issue several documents (关于印发甲和乙的通知): the first one found opens the body.
    const wants = inner ? splitNamedTitles(inner).map((t) => compactTitle(bareTitle(t))) : [];
    const candidates = after.filter((l) => l.start < explStart);
    // The notice's own 附件 list names the title too, right above its signature: that line is not the body's title.
    const opens = (l: Line) => !signedBelow(candidates, l);
    bodyTitle =
      candidates.find((l) => wants.includes(compactTitle(bareTitle(l.text))) && opens(l)) ||
      candidates.find((l) => wants.some((w) => compactTitle(l.text).startsWith(w) && compactTitle(l.text).length <= w.length + 12) && opens(l)) ||
      titleAboveFirstArticle(candidates);
  }

  let bodyStart = 0;
  if (bodyTitle) {
    bodyStart = bodyTitle.start;
    parts.push({ kind: leadKind!, start: 0, end: bodyStart, title: headline });
  } else if (leadKind) {
    // A cover or comment notice whose document is not on the page (an attachment to download): only the notice,
    // and an appended 起草说明 if there is one.
    const explanation = filled.find((l) => l.start >= explStart);
    return {
      kind: notice ? 'draft' : 'normative',
      kindReason: notice ? '征求意见公告（页面上没有草案正文）' : '印发通知（页面上没有所附文件正文）',
      parts: [
        { kind: leadKind, start: 0, end: explStart, title: headline },
        ...(explanation ? [{ kind: 'explanation' as const, start: explStart, end: text.length, title: span(text, explanation.textStart, explanation.textStart + explanation.text.length) }] : []),
      ],
      headline,
      bodyStart: explStart,
      bodyEnd: explStart,
    };
  }
  const bodyEnd = explStart;
  const titleLine = bodyTitle ?? head;
  const title = span(text, titleLine.textStart, titleLine.textStart + titleLine.text.length);
  parts.push({ kind: 'body', start: bodyStart, end: bodyEnd, title });
  if (expl) parts.push({ kind: 'explanation', start: explStart, end: text.length, title: span(text, expl.textStart, expl.textStart + expl.text.length) });

  // Draft marks sit on the title line or within the first lines of the body or the notice's headline.
  const bodyHead = filled.filter((l) => l.start >= bodyStart && l.start < bodyEnd).slice(0, 4);
  const draftLine = [headline.text, ...bodyHead.map((l) => l.text)].find((t) => DRAFT_MARK.test(t) && t.length <= 80);
  let kind: DocKind = 'normative';
  let kindReason = leadKind === 'cover' ? '印发通知及所附规范性文件' : '规范性文件正文';
  if (notice) {
    kind = 'draft';
    kindReason = '公开征求意见的公告及所附草案';
  } else if (draftLine) {
    kind = 'draft';
    kindReason = `草案（${DRAFT_MARK.exec(draftLine)![1]}）`;
  }
  return { kind, kindReason, parts, headline, title, bodyStart, bodyEnd };
}

// A signature (an organ line and a date line, or a date line) within the two lines below a line.
function signedBelow(lines: Line[], line: Line): boolean {
  const i = lines.indexOf(line);
  return lines.slice(i + 1, i + 3).some((l) => DATE_LINE.test(l.text));
}

// A line such as （附） or 附件： right before an appended part belongs to it.
function prevMarker(filled: Line[], line: Line): Line | undefined {
  const i = filled.indexOf(line);
  const prev = filled[i - 1];
  return prev && /^[（(]?附(件)?[）)]?[:：]?\s*\d*$/.test(prev.text) ? prev : undefined;
}

// Without a title that matches the notice's headline: the title-like line above the first article (skipping
// draft marks and chapter headings), else the first article itself.
function titleAboveFirstArticle(lines: Line[]): Line | undefined {
  const i = lines.findIndex((l) => /^第[一1]条/.test(l.text));
  if (i < 0) return undefined;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const t = lines[j].text;
    if ((/^[（(].*[）)]$/.test(t) && DRAFT_MARK.test(t)) || /^第[一1]章/.test(t)) continue;
    if (TITLE_LIKE.test(t) && !/[。，；：:]/.test(t) && t.length <= 80) return lines[j];
    break;
  }
  return lines[i];
}
