/**
 * Fixture portal columns (栏目) for the column audit, built in memory at test time and served by servePortal: a
 * column whose pages use six list layouts as provinces build them, joined by six kinds of paging (a 下一页 link, an
 * onclick address, a query string ?page=N, a data-url on a <span>, a javascript: call, a greyed-out last 下一页), and
 * documents in eight detail layouts (metadata tables and lists with varied labels, a gov.cn-style grid, documents
 * published only as a .docx or .pdf attachment, a list entry that is the .pdf itself), a dead link, and a filing
 * register with timely, late and missing filings. Every document is synthetic; the indicators' values are known.
 * `buildBenchColumn` makes a long column of the same layouts for `npm run bench:audit`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import { writeTextPdf } from './pdf-writer';

export type DetailLayout = 'table' | 'dl' | 'div' | 'grid' | 'spaced-ul' | 'docx' | 'pdf-page' | 'pdf-file';

export interface FixtureDoc {
  id: string;
  /** The measure's name without the county: 农村公路养护管理办法. */
  subject: string;
  number: string;
  published: string;
  /** The date it takes effect; null for 自印发之日起施行 (no grace period). */
  effective: string | null;
  years: number;
  basis: string;
  duty: string;
  /** The page's 有效性 label. */
  validity?: string;
  detail: DetailLayout;
  /** 报送备案日期 in the register; absent: the register does not hold the 文号. */
  filed?: string;
  regNo?: string;
}

const COUNTY = '临江县';
export const titleOf = (d: FixtureDoc) => `${COUNTY}人民政府关于印发《${COUNTY}${d.subject}》的通知`;
const cn = (date: string) => `${+date.slice(0, 4)}年${+date.slice(5, 7)}月${+date.slice(8, 10)}日`;
const cn0 = (date: string) => `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;

/** The document's text: the notice, its signature, the measure's articles. */
export function bodyOf(d: FixtureDoc): string[] {
  return [
    `各乡镇人民政府，县政府各部门：现将《${COUNTY}${d.subject}》印发给你们，请认真贯彻执行。`,
    `${COUNTY}人民政府`,
    cn(d.published),
    `${COUNTY}${d.subject}`,
    `第一条　为加强相关管理工作，根据${d.basis}，结合本县实际，制定本办法。`,
    `第二条　${d.duty}`,
    '第三条　本办法由县人民政府负责解释。',
    `第四条　本办法自${d.effective ? cn(d.effective) : '印发之日'}起施行，有效期${d.years}年。`,
  ];
}

/** What an attachment holds: the title and 文号 above the body, as issued files print them. */
const attachmentLines = (d: FixtureDoc) => [titleOf(d), d.number, ...bodyOf(d)];

export const DOCS: FixtureDoc[] = [
  { id: 'd1', subject: '农村公路养护管理办法', number: '临政发〔2024〕3号', published: '2024-02-01', effective: '2024-03-15', years: 5, basis: '《中华人民共和国公路法》', duty: '县交通运输局负责全县农村公路养护的监督管理。', validity: '有效', detail: 'table', filed: '2024-02-20', regNo: 'LJDR-2024-001' },
  { id: 'd2', subject: '城区停车场管理办法', number: '临政发〔2024〕7号', published: '2024-04-10', effective: null, years: 5, basis: '《中华人民共和国道路交通安全法》', duty: '县公安局交通管理大队负责城区道路停车秩序的管理。', validity: '有效', detail: 'dl', filed: '2024-05-25', regNo: 'LJDR-2024-002' },
  { id: 'd3', subject: '集贸市场管理暂行办法', number: '临政发〔2021〕12号', published: '2021-06-01', effective: '2021-07-10', years: 2, basis: '《中华人民共和国消费者权益保护法》', duty: '县市场监督管理局负责集贸市场的监督管理。', validity: '有效', detail: 'div', filed: '2021-06-15', regNo: 'LJDR-2021-009' },
  { id: 'd4', subject: '城乡居民临时救助实施办法', number: '临政发〔2024〕15号', published: '2024-08-20', effective: '2024-10-01', years: 5, basis: '《社会救助暂行办法》', duty: '县民政局负责全县临时救助工作。', validity: '有效', detail: 'table' },
  { id: 'd5', subject: '公共租赁住房管理办法', number: '临政发〔2024〕20号', published: '2024-09-05', effective: '2024-11-01', years: 5, basis: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）', duty: '县住房和城乡建设局负责公共租赁住房的管理。', detail: 'docx', filed: '2024-09-20', regNo: 'LJDR-2024-006' },
  { id: 'd7', subject: '城市绿化管理办法', number: '临政规〔2023〕2号', published: '2023-05-08', effective: '2023-06-10', years: 5, basis: '《城市绿化条例》', duty: '县住房和城乡建设局负责城市绿化的监督管理。', validity: '有效', detail: 'grid', filed: '2023-05-30', regNo: 'LJDR-2023-004' },
  { id: 'd8', subject: '农贸市场建设管理办法', number: '临政规〔2023〕5号', published: '2023-09-12', effective: '2023-10-20', years: 5, basis: '《中华人民共和国农产品质量安全法》', duty: '县商务局负责农贸市场建设的指导。', validity: '现行有效', detail: 'spaced-ul', filed: '2023-09-28', regNo: 'LJDR-2023-011' },
  { id: 'd9', subject: '政府投资项目管理办法', number: '临政规〔2024〕1号', published: '2024-01-15', effective: '2024-02-20', years: 5, basis: '《政府投资条例》', duty: '县发展和改革局负责政府投资项目的综合管理。', validity: '有效', detail: 'pdf-page', filed: '2024-02-05', regNo: 'LJDR-2024-003' },
  { id: 'd10', subject: '供热管理办法', number: '临政规〔2022〕4号', published: '2022-10-10', effective: '2022-11-15', years: 5, basis: '《中华人民共和国节约能源法》', duty: '县住房和城乡建设局负责全县供热的监督管理。', validity: '有效', detail: 'grid', filed: '2022-10-25', regNo: 'LJDR-2022-007' },
  { id: 'd11', subject: '城市道路挖掘管理办法', number: '临政规〔2024〕6号', published: '2024-06-03', effective: '2024-07-10', years: 5, basis: '《城市道路管理条例》', duty: '县住房和城乡建设局负责城市道路挖掘的审批管理。', detail: 'pdf-file', filed: '2024-07-30', regNo: 'LJDR-2024-005' },
  { id: 'd12', subject: '殡葬管理实施办法', number: '临政规〔2022〕2号', published: '2022-03-01', effective: '2022-04-10', years: 5, basis: '《殡葬管理条例》', duty: '县民政局负责全县殡葬管理工作。', validity: '有效', detail: 'dl', filed: '2022-03-20', regNo: 'LJDR-2022-002' },
  { id: 'd13', subject: '物业管理暂行办法', number: '临政发〔2019〕8号', published: '2019-04-01', effective: '2019-05-10', years: 2, basis: '《物业管理条例》', duty: '县住房和城乡建设局负责物业管理活动的监督管理。', validity: '失效', detail: 'div', filed: '2019-04-15', regNo: 'LJDR-2019-003' },
  { id: 'd14', subject: '养犬管理办法', number: '临政规〔2024〕9号', published: '2024-11-01', effective: '2024-12-05', years: 5, basis: '《中华人民共和国动物防疫法》', duty: '县公安局负责养犬登记和管理工作。', validity: '有效', detail: 'spaced-ul', filed: '2024-11-15', regNo: 'LJDR-2024-008' },
];

export const docById = (id: string) => DOCS.find((d) => d.id === id)!;
/** A listed link whose page is gone. */
export const DEAD = { id: 'd6', title: `${COUNTY}人民政府关于已撤下页面的某某管理规定的通知`, published: '2024-10-01' };

/**
 * What the indicators of 2021-01-01…2024-12-31 must show at the review date 2024-12-31: twelve documents (d13 is of
 * 2019); filed eleven (d4 is missing); in time nine of eleven (d2 45 days, d11 57 days after publication, the
 * national 30-day deadline); still marked 有效 after expiry one (d3: 2 years from 2021-07-10; d13 is marked 失效).
 */
export const EXPECTED = {
  from: '2021-01-01',
  to: '2024-12-31',
  today: '2024-12-31',
  documents: 12,
  filed: { count: 11, of: 12 },
  timely: { count: 9, of: 11 },
  expired: ['临政发〔2021〕12号'],
  late: { d2: 15, d11: 27 },
};

export const REGISTER_CSV = [
  '文件名称,文号,登记号,公布日期,报送备案日期',
  ...DOCS.filter((d) => d.filed).map((d) => `${d.subject},${d.number},${d.regNo},${d.published},${d.filed}`),
].join('\n');

// ---- detail pages -------------------------------------------------------------------------------------------

const page = (title: string, main: string, script = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_${COUNTY}人民政府</title>${script}</head><body>` +
  `<header>${COUNTY}人民政府门户网站</header><nav><a href="/">首页</a><a href="/col/index.html">规范性文件</a><a href="/about.html">网站地图</a></nav>${main}` +
  `<footer>主办：${COUNTY}人民政府办公室</footer></body></html>`;

const indexNo = (d: FixtureDoc) => `11330000MB0000000X/${d.published.slice(0, 4)}-${d.id.slice(1).padStart(5, '0')}`;

/** The metadata block of a detail page, in the layout's own labels. */
function meta(d: FixtureDoc, layout: DetailLayout): string {
  const v = d.validity;
  switch (layout) {
    case 'table':
    case 'docx':
      return `<table class="xxgk"><tr><td>发文字号：</td><td>${d.number}</td></tr><tr><td>发布机构：</td><td>${COUNTY}人民政府</td></tr><tr><td>成文日期：</td><td>${d.published}</td></tr><tr><td>发布日期：</td><td>${d.published}</td></tr>${v ? `<tr><td>有效性：</td><td>${v}</td></tr>` : ''}</table>`;
    case 'dl':
    case 'pdf-page':
      return `<dl class="info"><dt>文号：</dt><dd>${d.number}</dd><dt>发布机构：</dt><dd>${COUNTY}人民政府</dd><dt>成文日期：</dt><dd>${d.published}</dd><dt>公开日期：</dt><dd>${d.published}</dd>${v ? `<dt>有效性：</dt><dd>${v}</dd>` : ''}</dl>`;
    case 'div':
      return `<div class="meta"><p><span>发文字号：</span>${d.number}</p><p><span>成文日期：</span>${d.published}</p><p><span>发文日期：</span>${d.published}</p>${v ? `<p><span>有效性：</span>${v}</p>` : ''}</div>`;
    case 'grid':
      // gov.cn style: two label/value pairs a row, spaced labels, dates in 年月日.
      return (
        `<table class="bd1"><tr><td><b>索\u3000引\u3000号：</b></td><td>${indexNo(d)}</td><td><b>主题分类：</b></td><td>城乡建设、环境保护</td></tr>` +
        `<tr><td><b>发文机关：</b></td><td>${COUNTY}人民政府</td><td><b>成文日期：</b></td><td>${cn0(d.published)}</td></tr>` +
        `<tr><td><b>标\u3000\u3000题：</b></td><td colspan="3">${titleOf(d)}</td></tr>` +
        `<tr><td><b>发文字号：</b></td><td>${d.number}</td><td><b>发布日期：</b></td><td>${cn0(d.published)}</td></tr>` +
        (v ? `<tr><td><b>有\u00a0效\u00a0性：</b></td><td colspan="3">${v}</td></tr>` : '') +
        '</table>'
      );
    case 'spaced-ul':
      return `<ul class="zwgk-info"><li><b>索引号：</b><span>${indexNo(d)}</span></li><li><b>文\u3000\u3000号：</b><span>${d.number}</span></li><li><b>发布单位：</b><span>${COUNTY}人民政府</span></li><li><b>公开日期：</b><span>${d.published}</span></li>${v ? `<li><b>时\u3000效\u3000性：</b><span>${v}</span></li>` : ''}<li><b>浏览次数：</b><span>128</span></li></ul>`;
    case 'pdf-file':
      return '';
  }
}

/** Where the list links to the document: its page, or for a file-only document the file. */
export const linkOf = (d: FixtureDoc) => (d.detail === 'pdf-file' ? `/col/files/${d.id}.pdf` : `/col/${d.id}.html`);
export const attachmentOf = (d: FixtureDoc) => (d.detail === 'docx' ? `/col/files/${d.id}.docx` : d.detail === 'pdf-page' || d.detail === 'pdf-file' ? `/col/files/${d.id}.pdf` : undefined);

function detailPage(d: FixtureDoc): string {
  const title = titleOf(d);
  const file = attachmentOf(d);
  const content = file
    ? `<p>附件：<a href="${file}">${title}${file.slice(file.lastIndexOf('.'))}</a></p>`
    : bodyOf(d).map((p) => `<p>${p}</p>`).join('');
  return page(title, `<div class="wrap">${meta(d, d.detail)}<h1 class="title">${title}</h1><div class="content" id="zoom">${content}</div><div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>`);
}

// ---- list pages ---------------------------------------------------------------------------------------------

type Listed = { href: string; title: string; published: string; number?: string; id: string };
const listed = (d: FixtureDoc): Listed => ({ href: linkOf(d), title: titleOf(d), published: d.published, number: d.number, id: d.id });
const HOT = `<aside><h3>热点信息</h3><ul class="hot"><li><a href="/news/1.html">县长主持召开全县安全生产工作会议</a></li><li><a href="/news/2.html">我县举办农民丰收节庆祝活动</a></li><li><a href="/news/3.html">全县重点项目建设推进会召开</a></li></ul></aside>`;

/** The list layouts: each renders the rows and leaves the paging to the caller. */
export const LIST_LAYOUTS = {
  /** <ul> rows, the text cut short (…) with the whole title in title="", the date in a <span>. */
  ul: (rows: Listed[]) => `<div class="list"><ul>${rows.map((r) => `<li><a href="${r.href}" title="${r.title}" target="_blank">${r.title.slice(0, 18)}…</a><span>${r.published}</span></li>`).join('')}</ul></div>`,
  /** A table with a header row: title and date cells. */
  table: (rows: Listed[]) => `<table class="list"><tr><th>标题</th><th>日期</th></tr>${rows.map((r) => `<tr><td><a href="${r.href}">${r.title}</a></td><td>${r.published}</td></tr>`).join('')}</table>`,
  /** Rows as <div>s, the date in brackets in an <em>. */
  divs: (rows: Listed[]) => `<div class="news-list">${rows.map((r) => `<div class="item"><a href="${r.href}">${r.title}</a><em>[${r.published}]</em></div>`).join('')}</div>`,
  /** The 政府信息公开目录 table: 序号, 索引号, 名称, 文号, 成文日期, 发布日期. */
  catalogue: (rows: Listed[]) =>
    `<table class="xxgk-list"><thead><tr><th>序号</th><th>索引号</th><th>名称</th><th>文号</th><th>成文日期</th><th>发布日期</th></tr></thead><tbody>${rows
      .map((r, i) => `<tr><td>${i + 1}</td><td>11330000MB0000000X/${r.published.slice(0, 4)}-${r.id.slice(1).padStart(5, '0')}</td><td><a href="${r.href}" title="${r.title}">${r.title}</a></td><td>${r.number ?? ''}</td><td>${r.published}</td><td>${r.published}</td></tr>`)
      .join('')}</tbody></table>`,
  /** The date inside the link after the title, in 年月日. */
  dateInLink: (rows: Listed[]) => `<ul class="zfwj">${rows.map((r) => `<li><a href="${r.href}"><span class="t">${r.title}</span><span class="d">${cn0(r.published)}</span></a></li>`).join('')}</ul>`,
  /** <dl>: the title in <dt>, the date in the <dd> after it. */
  dl: (rows: Listed[]) => `<dl class="wj">${rows.map((r) => `<dt><a href="${r.href}">${r.title}</a></dt><dd>${r.published}</dd>`).join('')}</dl>`,
} satisfies Record<string, (rows: Listed[]) => string>;

export type ListLayout = keyof typeof LIST_LAYOUTS;

/** The paging controls: how each page of the fixture column leads to the next. */
export const PAGING = {
  link: (next: string) => `<div class="page"><a href="/col/index.html">首页</a> <a href="${next}">下一页</a> <a href="${next}">尾页</a></div>`,
  onclick: (next: string) => `<div class="page"><a href="javascript:void(0);" onclick="window.location.href='${next}'">下一页</a></div>`,
  query: (next: string) => `<div class="page"><a href="${next}">下一页&gt;</a></div>`,
  dataUrl: (next: string) => `<div class="page"><span class="prev disabled">上一页</span><span class="next" data-url="${next}">下一页</span></div>`,
  call: (next: string) => `<div class="page"><a href="#" onclick="turnPage('${next}');return false;">下页</a></div>`,
  last: () => `<div class="page"><a href="/col/index.html">首页</a><span class="disabled">下一页</span></div>`,
};

/** The column's pages in order: address, list layout, paging, the documents it lists. */
export const COLUMN_PAGES: { path: string; layout: ListLayout; paging: keyof typeof PAGING; next?: string; ids: string[] }[] = [
  { path: '/col/index.html', layout: 'ul', paging: 'link', next: 'index_1.html', ids: ['d1', 'd2', 'd3'] },
  { path: '/col/index_1.html', layout: 'table', paging: 'onclick', next: 'list.jsp?page=3', ids: ['d4', 'd5', 'd6'] },
  { path: '/col/list.jsp?page=3', layout: 'divs', paging: 'query', next: '?page=4', ids: ['d7', 'd8'] },
  { path: '/col/list.jsp?page=4', layout: 'catalogue', paging: 'dataUrl', next: '/col/zfwj_5.html', ids: ['d9', 'd10'] },
  { path: '/col/zfwj_5.html', layout: 'dateInLink', paging: 'call', next: 'zfwj_6.html', ids: ['d11', 'd12'] },
  { path: '/col/zfwj_6.html', layout: 'dl', paging: 'last', ids: ['d13', 'd14'] },
];

const listPage = (rows: Listed[], layout: ListLayout, paging: string) =>
  page('规范性文件', `<div class="main"><h2>规范性文件</h2>${LIST_LAYOUTS[layout](rows)}${paging}</div>${HOT}`, '<script>function turnPage(u){location.href=u}</script>');

export interface PortalFile {
  type: string;
  body: string | Uint8Array;
}
/** Path (with its query) → file. */
export type Portal = Map<string, PortalFile>;

const HTML = 'text/html; charset=utf-8';

export interface BuildOptions {
  /** Makes the .pdf attachments (default: writeTextPdf); the browser test prints them with Chromium instead. */
  pdf?: (lines: string[]) => Promise<Uint8Array>;
}

async function docx(lines: string[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: lines.map((t) => new Paragraph(t)) }] })));
}

async function addDocument(site: Portal, d: FixtureDoc, opts: BuildOptions) {
  if (d.detail !== 'pdf-file') site.set(`/col/${d.id}.html`, { type: HTML, body: detailPage(d) });
  const file = attachmentOf(d);
  if (file?.endsWith('.docx')) site.set(file, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await docx(attachmentLines(d)) });
  else if (file) site.set(file, { type: 'application/pdf', body: await (opts.pdf ?? (async (l) => writeTextPdf(l)))(attachmentLines(d)) });
}

/** The fixture column: its six list pages, the documents' pages and attachments, and register.csv. */
export async function buildPortalColumn(opts: BuildOptions = {}): Promise<Portal> {
  const site: Portal = new Map();
  for (const p of COLUMN_PAGES) {
    const rows = p.ids.map((id) => (id === DEAD.id ? { href: `/col/${DEAD.id}.html`, title: DEAD.title, published: DEAD.published, id: DEAD.id } : listed(docById(id))));
    site.set(p.path, { type: HTML, body: listPage(rows, p.layout, p.next ? PAGING[p.paging](p.next) : PAGING.last()) });
  }
  for (const d of DOCS) await addDocument(site, d, opts);
  site.set('/register.csv', { type: 'text/csv; charset=utf-8', body: REGISTER_CSV });
  return site;
}

/**
 * A long column for the benchmark: `count` documents in the detail layouts, one in ten from a .docx and one in ten from a .pdf (20 a list page, the list
 * layouts in turn, joined by 下一页 links), each with its own 文号.
 */
export async function buildBenchColumn(count: number, opts: BuildOptions = {}): Promise<{ site: Portal; first: string }> {
  const site: Portal = new Map();
  const layouts = Object.keys(LIST_LAYOUTS) as ListLayout[];
  const details: DetailLayout[] = ['table', 'dl', 'div', 'grid', 'spaced-ul', 'table', 'dl', 'grid', 'docx', 'pdf-page'];
  const docs = Array.from({ length: count }, (_, i) => {
    const base = DOCS[i % DOCS.length];
    const year = 2015 + (i % 10);
    return { ...base, id: `b${i + 1}`, number: `临政规〔${year}〕${i + 1}号`, published: `${year}${base.published.slice(4)}`, effective: base.effective && `${year}${base.effective.slice(4)}`, detail: details[i % details.length] };
  });
  const pages = Math.ceil(count / 20);
  for (let p = 0; p < pages; p++) {
    const rows = docs.slice(p * 20, p * 20 + 20).map(listed);
    const paging = p + 1 < pages ? PAGING.link(`/bench/list_${p + 1}.html`) : PAGING.last();
    site.set(`/bench/list_${p}.html`, { type: HTML, body: listPage(rows, layouts[p % layouts.length], paging) });
  }
  for (const d of docs) await addDocument(site, d, opts);
  return { site, first: '/bench/list_0.html' };
}

export interface PortalServer {
  origin: string;
  url(path: string): string;
  /** Paths (with their query) requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

/** Serves a portal on 127.0.0.1 at a free port; a path it does not hold is a 404. */
export async function servePortal(site: Portal): Promise<PortalServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const key = u.pathname + u.search;
    hits.push(key);
    const file = site.get(key);
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
