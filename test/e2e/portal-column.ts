/**
 * A portal column (栏目) for the column-audit browser test, written to a temp folder at test time: two list pages in
 * two layouts (ul with dates and a sidebar of other links; a table) joined by a 下一页 link, detail pages in three
 * layouts with varied metadata labels, one document published only as a .docx attachment, one dead link, and a
 * filing register with a timely, a late and a missing filing. Every value the indicators should show is known.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';

interface Doc {
  file: string;
  title: string;
  number: string;
  published: string;
  layout: 'table' | 'dl' | 'div';
  validity?: string;
  body: string[];
}

const sign = (date: string) => ['临江县人民政府', `${+date.slice(0, 4)}年${+date.slice(5, 7)}月${+date.slice(8, 10)}日`];

export const DOCS: Doc[] = [
  {
    file: 'd1.html',
    title: '临江县人民政府关于印发《临江县农村公路养护管理办法》的通知',
    number: '临政发〔2024〕3号',
    published: '2024-02-01',
    layout: 'table',
    validity: '有效',
    body: [
      '各乡镇人民政府，县政府各部门：现将《临江县农村公路养护管理办法》印发给你们，请认真贯彻执行。',
      ...sign('2024-02-01'),
      '临江县农村公路养护管理办法',
      '第一条　为加强农村公路养护管理，根据《中华人民共和国公路法》，结合本县实际，制定本办法。',
      '第二条　县交通运输局负责全县农村公路养护的监督管理。',
      '第三条　本办法由县人民政府负责解释。',
      '第四条　本办法自2024年3月15日起施行，有效期5年。',
    ],
  },
  {
    file: 'd2.html',
    title: '临江县人民政府关于印发《临江县城区停车场管理办法》的通知',
    number: '临政发〔2024〕7号',
    published: '2024-04-10',
    layout: 'dl',
    validity: '有效',
    body: [
      '各乡镇人民政府，县政府各部门：现将《临江县城区停车场管理办法》印发给你们，请遵照执行。',
      ...sign('2024-04-10'),
      '临江县城区停车场管理办法',
      '第一条　为规范城区停车场管理，根据《中华人民共和国道路交通安全法》，制定本办法。',
      '第二条　县公安局交通管理大队负责城区道路停车秩序的管理。',
      '第三条　本办法由县人民政府负责解释。',
      '第四条　本办法自印发之日起施行，有效期5年。',
    ],
  },
  {
    file: 'd3.html',
    title: '临江县人民政府关于印发《临江县集贸市场管理暂行办法》的通知',
    number: '临政发〔2021〕12号',
    published: '2021-06-01',
    layout: 'div',
    validity: '有效',
    body: [
      '各乡镇人民政府，县政府各部门：现将《临江县集贸市场管理暂行办法》印发给你们，请认真贯彻执行。',
      ...sign('2021-06-01'),
      '临江县集贸市场管理暂行办法',
      '第一条　为规范集贸市场秩序，根据《中华人民共和国消费者权益保护法》，制定本办法。',
      '第二条　县市场监督管理局负责集贸市场的监督管理。',
      '第三条　本办法由县人民政府负责解释。',
      '第四条　本办法自2021年7月10日起施行，有效期2年。',
    ],
  },
  {
    file: 'd4.html',
    title: '临江县人民政府关于印发《临江县城乡居民临时救助实施办法》的通知',
    number: '临政发〔2024〕15号',
    published: '2024-08-20',
    layout: 'table',
    validity: '有效',
    body: [
      '各乡镇人民政府，县政府各部门：现将《临江县城乡居民临时救助实施办法》印发给你们，请认真贯彻执行。',
      ...sign('2024-08-20'),
      '临江县城乡居民临时救助实施办法',
      '第一条　为做好临时救助工作，根据《社会救助暂行办法》，制定本办法。',
      '第二条　县民政局负责全县临时救助工作。',
      '第三条　本办法由县人民政府负责解释。',
      '第四条　本办法自2024年10月1日起施行，有效期5年。',
    ],
  },
];

/** The document published only as an attachment: its page lists metadata and a link to the .docx. */
export const ATTACHMENT_DOC = {
  file: 'd5.html',
  docx: 'd5.docx',
  title: '临江县人民政府关于印发《临江县公共租赁住房管理办法》的通知',
  number: '临政发〔2024〕20号',
  published: '2024-09-05',
  body: [
    '临江县人民政府关于印发《临江县公共租赁住房管理办法》的通知',
    '各乡镇人民政府，县政府各部门：现将《临江县公共租赁住房管理办法》印发给你们，请认真贯彻执行。',
    ...sign('2024-09-05'),
    '临江县公共租赁住房管理办法',
    '第一条　为规范公共租赁住房管理，根据《公共租赁住房管理办法》（住房和城乡建设部令第11号），制定本办法。',
    '第二条　县住房和城乡建设局负责公共租赁住房的管理。',
    '第三条　本办法由县人民政府负责解释。',
    '第四条　本办法自2024年11月1日起施行，有效期5年。',
  ],
};

/** Register: d1 and d3 and d5 filed in time, d2 filed 45 days after publication, d4 absent. */
export const REGISTER_CSV = [
  '文件名称,文号,登记号,公布日期,报送备案日期',
  `农村公路养护管理办法,临政发〔2024〕3号,LJDR-2024-001,2024-02-01,2024-02-20`,
  `城区停车场管理办法,临政发〔2024〕7号,LJDR-2024-002,2024-04-10,2024-05-25`,
  `集贸市场管理暂行办法,临政发〔2021〕12号,LJDR-2021-009,2021-06-01,2021-06-15`,
  `公共租赁住房管理办法,临政发〔2024〕20号,LJDR-2024-006,2024-09-05,2024-09-20`,
].join('\n');

function meta(d: { number: string; published: string; validity?: string }, layout: Doc['layout']): string {
  const rows: [string, string][] = [
    ['发文字号', d.number],
    ['发布机构', '临江县人民政府'],
    ['成文日期', d.published],
    ['发布日期', d.published],
    ...(d.validity ? ([['有效性', d.validity]] as [string, string][]) : []),
  ];
  if (layout === 'table') return `<table class="xxgk">${rows.map(([k, v]) => `<tr><td>${k}：</td><td>${v}</td></tr>`).join('')}</table>`;
  if (layout === 'dl') return `<dl class="info">${rows.map(([k, v]) => `<dt>${k.replace('发文字号', '文号').replace('发布日期', '公开日期')}：</dt><dd>${v}</dd>`).join('')}</dl>`;
  return `<div class="meta">${rows.map(([k, v]) => `<p><span>${k.replace('发布日期', '发文日期')}：</span>${v}</p>`).join('')}</div>`;
}

const page = (title: string, main: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_临江县人民政府</title></head><body>` +
  `<header>临江县人民政府门户网站</header><nav><a href="/">首页</a><a href="/col/">规范性文件</a><a href="/about.html">网站地图</a></nav>${main}` +
  `<footer>主办：临江县人民政府办公室</footer></body></html>`;

const detail = (d: Doc) =>
  page(
    d.title,
    `<div class="wrap">${meta(d, d.layout)}<h1 class="title">${d.title}</h1><div class="content" id="zoom">${d.body.map((p) => `<p>${p}</p>`).join('')}</div></div>`,
  );

/** Writes the column into a new temp folder and returns it (serve it with startFixtureServer). */
export async function writePortalColumn(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'normlint-column-'));
  await mkdir(join(root, 'col'));
  const hot = `<aside><h3>热点信息</h3><ul class="hot"><li><a href="/news/1.html">县长主持召开全县安全生产工作会议</a></li><li><a href="/news/2.html">我县举办农民丰收节庆祝活动</a></li></ul></aside>`;
  const li = (d: { file: string; title: string; published: string }) => `<li><a href="/col/${d.file}" title="${d.title}">${d.title.slice(0, 18)}…</a><span>${d.published}</span></li>`;
  await writeFile(
    join(root, 'col/index.html'),
    page('规范性文件', `<div class="list"><ul>${DOCS.slice(0, 3).map(li).join('')}</ul><div class="page"><a href="/col/index.html">首页</a> <a href="/col/index_1.html">下一页</a></div></div>${hot}`),
  );
  const tr = (d: { file: string; title: string; published: string }) => `<tr><td><a href="/col/${d.file}">${d.title}</a></td><td>${d.published}</td></tr>`;
  const dead = { file: 'd6.html', title: '临江县人民政府关于已撤下页面的某某管理规定的通知', published: '2024-10-01' };
  await writeFile(
    join(root, 'col/index_1.html'),
    page('规范性文件', `<table class="list"><tr><th>标题</th><th>日期</th></tr>${[DOCS[3], ATTACHMENT_DOC, dead].map(tr).join('')}</table><a href="/col/index.html">上一页</a>${hot}`),
  );
  for (const d of DOCS) await writeFile(join(root, 'col', d.file), detail(d));
  const a = ATTACHMENT_DOC;
  await writeFile(
    join(root, 'col', a.file),
    page(a.title, `<div class="wrap">${meta(a, 'table')}<h1 class="title">${a.title}</h1><div class="content"><p>附件：<a href="/col/${a.docx}">${a.title}.docx</a></p></div></div>`),
  );
  const docx = new Document({ sections: [{ children: a.body.map((t) => new Paragraph(t)) }] });
  await writeFile(join(root, 'col', a.docx), await Packer.toBuffer(docx));
  await writeFile(join(root, 'register.csv'), REGISTER_CSV);
  return root;
}
