/**
 * Finds the document on a government portal page: the element holding the text, the title just outside it, and the
 * page furniture to leave out (navigation, breadcrumbs, share/print toolbars, footers).
 *
 * Why not @mozilla/readability itself: it works on linkedom, but it clones the page and rebuilds the article from
 * the clone (stripping classes, merging siblings, dropping the h1 that repeats the title), so its result is not a
 * node of the live page and offsets could not map back. It also chose the whole container with the metadata table
 * on one corpus page. The scoring below follows its idea — paragraphs score their ancestors by text and
 * punctuation, discounted by link density and by class/id hints — but reads the original DOM and never changes it.
 */
import { documentOrder, precedes } from './order';
import { BLOCK_TAGS } from './text';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION', 'IFRAME', 'SVG', 'svg', 'CANVAS']);
/** Blocks that can themselves be the content element when text sits directly in them (<div id="zoom">text<br>…). */
const CONTAINER_TAGS = new Set(['DIV', 'TD', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'FORM', 'CENTER', 'FONT', 'SPAN']);

/** Class/id words that mark the document's text (portal CMSs: TRS, UCAP, Hanweb…). */
const POSITIVE = new Set([
  'zoom', 'content', 'article', 'detail', 'details', 'text', 'body', 'main', 'zw', 'zwnr', 'wz', 'txt', 'con', 'art',
  'doc', 'nr', 'xxnr', 'wznr', 'zhengwen', 'trs', 'editor', 'ueditor', 'pages', 'ucap', 'view', 'news', 'mainbody',
  'maintext', 'contents', 'article_content', 'artcontent', 'content_text', 'bodytext', 'entry', 'post', 'gknr',
]);
/** Class/id words of page furniture. */
const NEGATIVE = new Set([
  'nav', 'navbar', 'menu', 'header', 'head', 'hd', 'top', 'banner', 'footer', 'foot', 'ft', 'bottom', 'btm', 'copyright',
  'side', 'sidebar', 'aside', 'crumb', 'crumbs', 'breadcrumb', 'bread', 'position', 'pos', 'loc', 'location', 'where',
  'dqwz', 'share', 'bdshare', 'fenxiang', 'tool', 'tools', 'toolbar', 'print', 'related', 'relate', 'xgwz', 'xglj',
  'link', 'links', 'friend', 'yqlj', 'comment', 'comments', 'qr', 'qrcode', 'ewm', 'login', 'search', 'ad', 'ads',
  'pager', 'pagination', 'prev', 'next', 'hot', 'rank', 'widget', 'popup', 'modal', 'skip',
]);
/** Small furniture, left out wherever it sits, even inside the content element. */
const FURNITURE = new Set([
  'crumb', 'crumbs', 'breadcrumb', 'bread', 'position', 'location', 'dqwz', 'share', 'bdshare', 'fenxiang', 'tool',
  'tools', 'toolbar', 'print', 'qr', 'qrcode', 'ewm', 'pager', 'pagination', 'prev', 'next', 'login', 'search', 'skip',
  'popup', 'modal',
]);
/** Site-wide furniture: after it nothing of the document follows. */
const SITE_TOKENS = new Set(['nav', 'navbar', 'menu', 'footer', 'foot', 'ft', 'bottom', 'btm', 'copyright', 'sidebar']);

/** Class and id words of an element ("pages_content" → pages, content, pages_content). Not cached: pages change. */
export function classTokens(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  const t = raw.split(/[\s_\-]+|(?<=[a-z])(?=\d)/).filter(Boolean);
  // Whole names too: "pages_content", "trs_editor", "article-content".
  for (const w of raw.split(/\s+/)) if (w) t.push(w.replace(/-/g, '_'));
  return t;
}

/** Whether the element is laid out (a real page); always true where there is no layout (linkedom). */
function isRendered(el: Element): boolean {
  if (typeof (el as HTMLElement).getClientRects !== 'function') return true;
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return true;
  return el.getClientRects().length > 0;
}

function classWeight(el: Element): number {
  const t = classTokens(el);
  let w = 0;
  if (t.some((x) => POSITIVE.has(x))) w += 25;
  if (t.some((x) => NEGATIVE.has(x))) w -= 25;
  const id = (el.getAttribute('id') ?? '').toLowerCase();
  // Names that on portals always mean the document body.
  if (/^(zoom|ucap-content|mainText|article|content|zw|wz)$/i.test(id) || t.some((x) => /^(trs_editor|trs_ueditor|pages_content|article_content|view_trs_ueditor)$/.test(x))) w += 25;
  return w;
}

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

/** The text of `el` if it has at most `max` characters, else undefined; stops reading as soon as it knows. */
function textUpTo(el: Element, max: number): string | undefined {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      out += (n as Text).data;
      if (out.length > max) return undefined;
    } else if (n.nodeType === 1) {
      if (n !== el && SKIP.has((n as Element).tagName.toUpperCase())) continue;
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}
const isHiddenInline = (el: Element) =>
  el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '');

// Footer and breadcrumb and toolbar text, for furniture without telling class names.
const BREADCRUMB_TEXT = /^(当前位置|您当前的位置|您的位置|您现在的位置|所在位置|当前所在位置|现在位置|位置)[：:]/;
const FOOTER_TEXT = /版权所有|Copyright|©|ICP备|网站标识码|公网安备|主办单位[：:]|^主办[：:]|技术支持[：:]|网站地图|建议使用.{0,20}浏览|责任编辑[：:]|^【?我要纠错】?/i;
const TOOL_WORDS = /打印本页|打印文章|打印|关闭本页|关闭窗口|关闭|字体|字号|[大中小]|分享到|分享|收藏|返回顶部|返回|保存|下载|扫一扫在手机打开当前页|手机扫一扫|扫一扫|微信|微博|QQ空间|上一篇|下一篇|默认|增大|减小|恢复|纠错|我要纠错|视力保护色|放大|缩小|【|】|\[|\]|[：:|｜丨/（）()、，]/g;

/** Toolbar-like text: nothing left once the toolbar words are removed. */
export function isToolbarText(t: string): boolean {
  const s = squash(t);
  return s.length > 0 && s.length <= 120 && s.replace(TOOL_WORDS, '') === '';
}

export type FurnitureKind = 'toolbar' | 'site';

/**
 * Page furniture to leave out of the text: `toolbar` (breadcrumbs, share/print bars, pagers: small, may sit between
 * parts of the document) or `site` (navigation, footers, sidebars: nothing of the document comes after them).
 * `inside`: the element is inside the content element, where only clear toolbars go.
 */
export function furnitureKind(el: Element, inside = false): FurnitureKind | undefined {
  const tag = el.tagName.toUpperCase();
  if (tag === 'NAV') return 'site';
  if (!inside && (tag === 'FOOTER' || tag === 'ASIDE')) return 'site';
  const t = classTokens(el);
  const text = textUpTo(el, 1200);
  if (text === undefined) return undefined; // a wrapper named "main-bottom" can still hold the text: only short furniture goes
  const s = squash(text);
  if (s.length < 600) {
    if (t.some((x) => SITE_TOKENS.has(x))) {
      if (!inside) return 'site';
    } else if (t.some((x) => FURNITURE.has(x))) return 'toolbar';
  }
  if (!s) return undefined;
  if (BREADCRUMB_TEXT.test(s) && s.length < 200) return 'toolbar';
  if (isToolbarText(s)) return 'toolbar';
  if (!inside && FOOTER_TEXT.test(s) && s.length < 400) return 'site';
  return undefined;
}

export const isFurniture = (el: Element, inside = false) => furnitureKind(el, inside) !== undefined;

interface Stat {
  /** Visible non-space characters inside. */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  score: number;
}

/** Readability-style scores of every element that holds paragraphs, in one pass over the DOM. */
function scoreElements(body: Element): Map<Element, Stat> {
  const stats = new Map<Element, Stat>();
  const paragraphs = new Map<Element, { chars: number; punct: number }>();
  const stat = (el: Element) => {
    let s = stats.get(el);
    if (!s) stats.set(el, (s = { chars: 0, linkChars: 0, score: 0 }));
    return s;
  };
  // Iterative DFS keeping the ancestor stack, so each text node adds to every ancestor in O(depth).
  const stack: { el: Element; block: boolean; link: boolean }[] = [];
  const visit = (el: Element) => {
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHiddenInline(el)) return;
    const link = tag === 'A' || (stack.length > 0 && stack[stack.length - 1].link);
    stack.push({ el, block: BLOCK_TAGS.has(tag) || tag === 'TD' || tag === 'TH', link });
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) visit(c as Element);
      else if (c.nodeType === 3) {
        const data = (c as Text).data;
        const n = squash(data).length;
        if (!n) continue;
        for (const f of stack) {
          const s = stat(f.el);
          s.chars += n;
          if (link) s.linkChars += n;
        }
        // The paragraph is the nearest block ancestor.
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i].block) {
            const p = paragraphs.get(stack[i].el) ?? { chars: 0, punct: 0 };
            p.chars += link ? 0 : n;
            p.punct += (data.match(/[，。；、：,;]/g) ?? []).length;
            paragraphs.set(stack[i].el, p);
            break;
          }
        }
      }
    }
    stack.pop();
  };
  // Recursion depth is the DOM depth; portal pages stay far below the engine's limit.
  visit(body);

  for (const [p, { chars, punct }] of paragraphs) {
    if (chars < 10) continue;
    const score = 1 + punct + Math.min(Math.floor(chars / 40), 5);
    let el: Element | null = CONTAINER_TAGS.has(p.tagName.toUpperCase()) ? p : p.parentElement;
    for (let level = 0; el && level < 5; level++, el = el.parentElement) {
      stat(el).score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      if (el === body) break;
    }
  }
  return stats;
}

/** Final score of a candidate: paragraph score plus class hints, discounted by the share of text in links. */
function finalScore(el: Element, s: Stat): number {
  const density = s.chars ? s.linkChars / s.chars : 1;
  return (s.score + classWeight(el)) * (1 - density);
}

/**
 * The element holding the main content of a page: an element of `doc` itself (not a copy), so text offsets map to
 * the live page. Falls back to <body> when nothing stands out.
 */
export function findMainContent(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  if (!body) throw new Error('文档没有 <body>');
  const stats = scoreElements(body);
  const ranked: [Element, number][] = [];
  for (const [el, s] of stats) {
    if (s.score <= 0 || el === body) continue;
    ranked.push([el, finalScore(el, s)]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  // The best candidate that is not furniture and is shown (a page may carry a hidden copy for mobile).
  let top = ranked.find(([el]) => !isFurniture(el) && isRendered(el))?.[0];
  if (!top) return body;
  // Text split over sibling blocks (two content divs, a table per chapter): take their parent.
  for (let guard = 0; guard < 3; guard++) {
    const cur: Element = top;
    const parent: Element | null = cur.parentElement;
    const curStat = stats.get(cur);
    if (!parent || !curStat || parent === body || parent === doc.documentElement) break;
    const topScore = finalScore(cur, curStat);
    const rival = [...parent.children].some((c) => {
      if (c === cur) return false;
      const s = stats.get(c);
      return !!s && !isFurniture(c) && finalScore(c, s) >= Math.max(10, topScore * 0.3) && s.chars >= curStat.chars * 0.2 && isRendered(c);
    });
    if (!rival) break;
    top = parent;
  }
  return top;
}

/** True when nothing but whitespace or furniture separates a and b. */
function textBetween(from: Node, to: Node, exclude: (el: Element) => boolean, limit: number): number {
  // Walks document order from the end of `from` (from its start when `to` lies inside it) to the start of `to`,
  // counting visible characters.
  let n = 0;
  let node: Node | null = from;
  const next = (x: Node, descend: boolean): Node | null => {
    if (descend && x.firstChild) return x.firstChild;
    for (let y: Node | null = x; y; y = y.parentNode) if (y.nextSibling) return y.nextSibling;
    return null;
  };
  node = from.contains(to) ? from.firstChild : next(from, false);
  while (node && node !== to) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.contains(to)) {
        node = next(el, true);
        continue;
      }
      if (SKIP.has(el.tagName.toUpperCase()) || isHiddenInline(el) || exclude(el)) {
        node = next(el, false);
        continue;
      }
    } else if (node.nodeType === 3) {
      n += squash((node as Text).data).length;
      if (n > limit) return n;
    }
    node = next(node, true);
  }
  return n;
}

/** Class/id words of the site's own header and columns, where the site's name and box titles sit. */
const SITE_HEAD_TOKENS = new Set(['banner', 'logo', 'site', 'sitename', 'nav', 'menu', 'sidebar', 'side']);
/** Words an article's own head uses too ("detail-head"): a page header only when it also carries links. */
const HEAD_TOKENS = new Set(['header', 'head', 'hd', 'top']);

/** Share of an element's text inside links (reads at most a few thousand characters). */
function linkDensity(el: Element): number {
  let all = 0;
  let linked = 0;
  const walk = (n: Node, inLink: boolean) => {
    for (let c = n.firstChild; c && all < 5000; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const k = squash((c as Text).data).length;
        all += k;
        if (inLink) linked += k;
      } else if (c.nodeType === 1 && !SKIP.has((c as Element).tagName.toUpperCase())) {
        walk(c, inLink || (c as Element).tagName.toUpperCase() === 'A');
      }
    }
  };
  walk(el, false);
  return all ? linked / all : 0;
}

const TITLE_TOKENS = /^(title|tit|ttl|bt|biaoti|headline|wtitle|doctitle|article_title|detail_title|news_title|con_title|xxgk_title|h1)$/;

/** document.title without the site suffix ("…的通知_清河市交通运输局" → "…的通知"). */
export function stripSiteSuffix(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!t) return t;
  const underscore = t.split(/\s*_\s*/)[0];
  if (underscore !== t) return underscore.trim();
  const parts = t.split(/\s+[-–—|｜]\s+|\s*[|｜]\s*|-(?=[^-]*(?:政府|网|局|委|厅|办|门户|中心|院|部|署|会)$)/);
  return parts[0].trim();
}

const LCP = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

export interface CaptureScope {
  /** The element to extract text from. */
  root: Element;
  /** Parts of `root` to leave out. */
  exclude: (el: Element) => boolean;
  /** The document's title element, when found near the content. */
  title?: Element;
  main: Element;
}

/**
 * What to capture around the content element: the title just before it (and an info bar between), the content,
 * and what follows inside the same container (a related-links list) up to the first piece of site furniture.
 * `drop` are elements always left out (the metadata table, returned as metadata instead).
 */
export function captureScope(doc: Document, main: Element, drop: readonly Element[] = []): CaptureScope {
  const dropped = new Set(drop);
  const isDropped = (el: Element) => dropped.has(el);
  const innerExclude = (el: Element) => isDropped(el) || isFurniture(el, true);
  const outerExclude = (el: Element) => isDropped(el) || isFurniture(el, main.contains(el));

  // The content, the title and what holds them are never left out, whatever their text looks like.
  const keep = new Set<Element>();
  const keepUp = (el: Element, to: Element) => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      keep.add(a);
      if (a === to) break;
    }
  };
  const title = findTitleElement(doc, main, outerExclude);
  if (!title || main.contains(title)) {
    keep.add(main);
    if (title) keepUp(title, main);
    return { root: main, exclude: (el) => !keep.has(el) && innerExclude(el), title, main };
  }

  // The container holding both; nothing outside it is captured.
  let root: Element = main;
  while (!root.contains(title)) root = root.parentElement!;

  const out = new Set<Element>();
  // Before the title: everything on the way up from the title to the container (breadcrumbs, metadata table…).
  for (let a: Element = title; a !== root; a = a.parentElement!) {
    for (let s = a.previousElementSibling; s; s = s.previousElementSibling) out.add(s);
  }
  // After the content: siblings up to the first piece of furniture, on every level up to the container.
  let stopped = false;
  for (let a: Element = main; a !== root; a = a.parentElement!) {
    for (let s = a.nextElementSibling; s; s = s.nextElementSibling) {
      if (s.contains(title)) continue;
      const kind = furnitureKind(s);
      if (stopped || kind === 'site') {
        stopped = true;
        out.add(s);
      } else if (kind || isDropped(s)) out.add(s);
    }
  }
  keepUp(main, root);
  keepUp(title, root);
  const exclude = (el: Element) => !keep.has(el) && (out.has(el) || outerExclude(el));
  return { root, exclude, title, main };
}

/** The heading that titles the document: near the content, before it, best matching document.title. */
export function findTitleElement(doc: Document, main: Element, exclude: (el: Element) => boolean): Element | undefined {
  const body = doc.body ?? doc.documentElement;
  if (!body) return undefined;
  const docTitle = squash(stripSiteSuffix(doc.title ?? ''));
  const fullTitle = squash(doc.title ?? '');
  const siteName = fullTitle.length > docTitle.length ? fullTitle.slice(docTitle.length).replace(/^[-_|｜–—]+/, '').split(/[-_|｜–—]/).pop() : undefined;
  const candidates: { el: Element; rank: number }[] = [];
  for (const el of body.querySelectorAll('h1, h2, h3, [class], [id]')) {
    const tag = el.tagName.toUpperCase();
    const heading = /^H[1-3]$/.test(tag);
    if (!heading && !classTokens(el).some((t) => TITLE_TOKENS.test(t))) continue;
    if (el.contains(main)) continue;
    const before = precedes(el, main);
    const inside = main.contains(el);
    if (!before && !inside) continue;
    const text = squash(textUpTo(el, 400) ?? '');
    if (text.length < 4 || text.length > 200) continue;
    // The site's name (a logo heading) is not the document's title.
    if (siteName && (text === siteName || siteName.endsWith(text))) continue;
    let furniture = false;
    for (let a: Element | null = el; a && a !== body; a = a.parentElement) {
      if (a.contains(main)) break;
      const tokens = classTokens(a);
      if (
        exclude(a) ||
        isHiddenInline(a) ||
        /^(NAV|HEADER|ASIDE)$/.test(a.tagName.toUpperCase()) ||
        tokens.some((x) => SITE_HEAD_TOKENS.has(x)) ||
        (tokens.some((x) => HEAD_TOKENS.has(x)) && (linkDensity(a) > 0.3 || !!a.querySelector('nav, ul, ol'))) ||
        // A box title in a column of links (信息公开目录 over its list) is not the document's.
        (a !== el && linkDensity(a) > 0.4)
      ) {
        furniture = true;
        break;
      }
    }
    if (furniture) continue;
    // A heading inside the content only titles it when it opens it.
    if (inside && textBetween(main, el, exclude, 30) > 30) continue;
    const lcp = docTitle ? LCP(docTitle, text) : 0;
    // The whole page title in the heading beats a heading that is only part of it (the attached draft's title).
    const whole = docTitle.length >= 4 && text.includes(docTitle);
    const matches = docTitle.length >= 4 && (lcp >= Math.min(8, docTitle.length, text.length) || docTitle.includes(text));
    const rank = (whole ? 120 : matches ? 100 : 0) + (tag === 'H1' ? 20 : heading ? 10 : 5);
    candidates.push({ el, rank });
  }
  // Best rank first; among equals the one nearest to the content (last in document order).
  candidates.sort((a, b) => b.rank - a.rank || documentOrder(b.el, a.el));
  for (const { el } of candidates) {
    if (main.contains(el)) return el;
    // Near: the common container at most four levels above the content, little text in between.
    let root: Element | null = main;
    let up = 0;
    while (root && !root.contains(el)) {
      root = root.parentElement;
      up++;
    }
    if (!root || up > 4 || root === doc.documentElement) continue;
    // Only a few words (an info bar: 发布时间… 来源…) may sit between the title and the content.
    const gap = textBetween(el, main, exclude, 300);
    if (gap <= 300) return el;
  }
  return undefined;
}
