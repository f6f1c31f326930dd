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
const NEXT = /^(?:下一?页|下页|后一页|next|[>›»]|＞)$/i;
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
/** The list a row sits in: the container that repeats one row per document. */
const listOf = (row: Element): Element => row.closest('ul, ol, table, dl') ?? row.parentElement ?? row;

function dateIn(s: string): string | undefined {
  const m = DATE.exec(s);
  return m ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : undefined;
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
    if (!next && (NEXT.test(text) || NEXT.test(title)) && url.href !== pageUrl) {
      next = url.href;
      continue;
    }
    const name = title && (title.length > text.length || /[…]|\.\.\.$/.test(text)) ? title : text;
    if ((name.match(HAN) ?? []).length < 6 || FURNITURE.test(name) || url.href === pageUrl) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const row = rowOf(a);
    const list = listOf(row);
    const date = dateIn(textOf(row).replace(name, ''));
    const item: ListedLink = { url: url.href, title: name, ...(date ? { date } : {}) };
    const arr = byList.get(list);
    if (arr) arr.push(item);
    else byList.set(list, [item]);
  }
  // The column's list: most links; rows with dates count double (a document list shows its dates, a menu does not).
  const weight = (items: ListedLink[]) => items.length + items.filter((i) => i.date).length;
  let best: ListedLink[] = [];
  for (const items of byList.values()) if (weight(items) > weight(best)) best = items;
  // Lists as long as the best one are the same column split in blocks (some portals use one <ul> per five rows).
  const links = [...byList.values()].filter((items) => items === best || (weight(items) >= weight(best) / 2 && items.length >= 3)).flat();
  const order = new Map([...seen].map((u, i) => [u, i]));
  links.sort((x, y) => order.get(x.url)! - order.get(y.url)!);
  return { links, ...(next ? { next } : {}) };
}

/** True for a link to an attachment file rather than a page. */
export const isAttachment = (url: string) => ATTACHMENT.test(url);
