/**
 * A portal column (栏目) page: which links are the documents it lists, and which link is the next page. Reads the
 * DOM only; works on the live page, on a DOMParser document in an extension page and on linkedom in Node.
 */
export interface ListedLink {
  url: string;
  /** The link's title attribute when the text is cut short (…), else its text. */
  title: string;
  /** A YYYY-MM-DD date shown beside the link, when the row has one. */
  date?: string;
}

export interface ColumnPage {
  links: ListedLink[];
  /** The next page of the column, when the page links to one. */
  next?: string;
}

const HAN = /[\u4e00-\u9fa5]/g;
// Site furniture that is never a document: navigation, paging, accounts, sharing.
const FURNITURE = /^(?:首页|上一?页|下一?页|尾页|末页|更多|more|返回|登录|注册|打印|关闭|分享|收藏|网站地图|English|无障碍|长者模式)/i;
const NEXT = /^(?:(?:下一?页|后一页|next(?: page)?)\s*[>›»＞]*|[>›»＞])$/i;
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const ATTACHMENT = /\.(?:pdf|docx?|wps)(?:$|[?#])/i;

const pad = (s: string) => s.padStart(2, '0');

function resolve(href: string, base: string): URL | undefined {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The row a link sits in: a list item or table row, else its parent. */
const rowOf = (a: Element): Element => a.closest('li, tr, dd, dt') ?? a.parentElement ?? a;
/** The row's text, with the <dd> that follows a <dt> title (a date list as <dl>). */
function rowText(row: Element): string {
  const next = row.tagName === 'DT' ? row.nextElementSibling : null;
  return textOf(row) + (next?.tagName === 'DD' ? ` ${textOf(next)}` : '');
}
/** The list a row sits in: the container that repeats one row per document. */
const listOf = (row: Element): Element => row.closest('ul, ol, table, dl') ?? row.parentElement ?? row;

function dateIn(s: string): string | undefined {
  const m = DATE.exec(s);
  return m ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : undefined;
}

// A date printed inside the link after the title (<a><span>标题</span><i>2024-03-05</i></a>), with its brackets.
const TRAILING_DATE = new RegExp(`[\\s\\[［【(（]*${DATE.source}日?[\\s\\]］】)）]*$`);

// Where scripted paging keeps the next page's address: a data attribute, or a quoted path in onclick/href="javascript:…".
const URL_ATTRIBUTES = ['data-url', 'data-href', 'data-link', 'data-page-url', 'data-src'];
const QUOTED_PATH = /['"]((?:[\w./-]*\.(?:s?html?|jsp|aspx?|php)|[\w./-]*\?[\w=&%.-]+|\/[\w./-]+\/?)(?:\?[\w=&%.-]*)?)['"]/i;

/** The next page's address a scripted 下一页 control keeps outside its href, when it keeps one. */
function scriptedTarget(el: Element): string | undefined {
  for (const name of URL_ATTRIBUTES) {
    const v = el.getAttribute(name)?.trim();
    if (v) return v;
  }
  for (const code of [el.getAttribute('onclick'), el.getAttribute('href')]) {
    if (!code || !/^\s*(?:javascript:|[\w.]+\s*\(|(?:window\.)?location)/i.test(code)) continue;
    const m = QUOTED_PATH.exec(code);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The next page when the 下一页 control is not a plain link: an element (a, span, button, input…) labelled 下一页 whose
 * data-url or onclick holds the address. A control without one (the last page's greyed-out 下一页) gives nothing.
 */
function scriptedNext(doc: Document, pageUrl: string, origin: string | undefined): string | undefined {
  for (const el of doc.querySelectorAll('a, span, button, input, li, div[onclick], em, b')) {
    const label = el.tagName === 'INPUT' ? (el.getAttribute('value') ?? '') : textOf(el);
    if (!NEXT.test(label.trim()) && !NEXT.test((el.getAttribute('title') ?? '').trim())) continue;
    const target = scriptedTarget(el);
    const url = target ? resolve(target, pageUrl) : undefined;
    if (url && url.origin === origin && url.href !== pageUrl) return url.href;
  }
  return undefined;
}

/**
 * The document links of a column page: same-origin links with a title-like text (at least six Chinese characters),
 * taken from the list that holds most of them (a sidebar of 热点 links is another, shorter list), each once.
 */
export function readColumnPage(doc: Document, pageUrl: string): ColumnPage {
  const origin = resolve(pageUrl, pageUrl)?.origin;
  const byList = new Map<Element, ListedLink[]>();
  const seen = new Set<string>();
  let next: string | undefined;
  for (const a of doc.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    const url = resolve(href, pageUrl);
    if (!url || url.origin !== origin) continue;
    url.hash = '';
    const text = textOf(a);
    const title = (a.getAttribute('title') ?? '').trim();
    if (!next && (NEXT.test(text) || NEXT.test(title)) && url.href !== pageUrl && !/^\s*javascript:/i.test(href)) {
      next = url.href;
      continue;
    }
    let name = title && (title.length > text.length || /[…]|\.\.\.$/.test(text)) ? title : text;
    const inLink = TRAILING_DATE.exec(name);
    if (inLink) name = name.slice(0, inLink.index).trim();
    if ((name.match(HAN) ?? []).length < 6 || FURNITURE.test(name) || url.href === pageUrl) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const row = rowOf(a);
    const list = listOf(row);
    const date = (inLink && dateIn(inLink[0])) || dateIn(rowText(row).replace(name, ''));
    const item: ListedLink = { url: url.href, title: name, ...(date ? { date } : {}) };
    const arr = byList.get(list);
    if (arr) arr.push(item);
    else byList.set(list, [item]);
  }
  next ??= scriptedNext(doc, pageUrl, origin);
  // The column's list: most links; rows with dates count double (a document list shows its dates, a menu does not).
  const weight = (items: ListedLink[]) => items.length + items.filter((i) => i.date).length;
  let best: [Element, ListedLink[]] | undefined;
  for (const entry of byList) if (!best || weight(entry[1]) > weight(best[1])) best = entry;
  if (!best) return next ? { links: [], next } : { links: [] };
  // Some portals split the column into blocks (one <ul> per five rows): blocks built like the best one (same tag and
  // class, dated when it is) and about as long join it. A sidebar of 热点 links is built otherwise and stays out.
  const [bestList, bestItems] = best;
  const dated = bestItems.every((i) => i.date);
  const sameShape = (el: Element, items: ListedLink[]) =>
    el.tagName === bestList.tagName && (el.getAttribute('class') ?? '') === (bestList.getAttribute('class') ?? '') && (!dated || items.every((i) => i.date));
  const links = [...byList].filter(([el, items]) => el === bestList || (sameShape(el, items) && weight(items) >= weight(bestItems) / 2)).flatMap(([, items]) => items);
  const order = new Map([...seen].map((u, i) => [u, i]));
  links.sort((x, y) => order.get(x.url)! - order.get(y.url)!);
  return { links, ...(next ? { next } : {}) };
}

/** True for a link to an attachment file rather than a page. */
export const isAttachment = (url: string) => ATTACHMENT.test(url);
