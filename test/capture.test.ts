import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  capturePage,
  extractText,
  findMainContent,
  readMetadata,
  splitLabelled,
  stripSiteSuffix,
  type TextMap,
} from '../utils/capture';
import { normalizeHtmlSkeleton } from '../utils/io/html';

// The shared corpus sits beside the project (../shared), wherever the checkout is.
const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const PAGES = join(import.meta.dirname, 'fixtures/io/pages');

const dom = (html: string) => parseHTML(normalizeHtmlSkeleton(html)).document as unknown as Document;
const corpusPage = (name: string) => dom(readFileSync(join(CORPUS, name), 'utf8'));
const fixturePage = (name: string) => dom(readFileSync(join(PAGES, name), 'utf8'));
const corpusHtml = readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort();
const text = (html: string) => extractText(dom(html).body).text;

/** Which text positions come from the DOM (true) and which the extractor made up (breaks, tabs, collapsed spaces). */
function coverage(t: string, map: TextMap): boolean[] {
  const cov = new Array<boolean>(t.length).fill(false);
  for (const s of map.segments) for (let i = s.start; i < s.end; i++) cov[i] = true;
  return cov;
}

/** The round-trip contract of the map, checked over many ranges of a captured text. */
function checkRoundTrip(t: string, map: TextMap, samples = 400) {
  const cov = coverage(t, map);
  // Every segment is a verbatim copy of its DOM text.
  let prevEnd = 0;
  for (const s of map.segments) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(t.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeOffset, s.nodeOffset + (s.end - s.start)));
    prevEnd = s.end;
  }
  // Made-up characters are only line breaks, tabs and single spaces.
  cov.forEach((c, i) => {
    if (!c) expect(['\n', '\t', ' ']).toContain(t[i]);
  });
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let k = 0; k < samples; k++) {
    const s = rnd(t.length);
    const e = s + 1 + rnd(Math.min(80, t.length - s));
    const joined = map.pieces(s, e).map((p) => p.node.data.slice(p.startOffset, p.endOffset)).join('');
    const expected = [...t.slice(s, e)].filter((_, i) => cov[s + i]).join('');
    expect(joined).toBe(expected);
    // Ranges without made-up characters round-trip exactly.
    if (cov.slice(s, e).every(Boolean)) expect(joined).toBe(t.slice(s, e));
  }
}

describe('extractText', () => {
  it('puts blocks on their own lines and separates table cells with a tab', () => {
    expect(text('<div><h1>标题</h1><p>第一段</p><div>第二段<br>换行</div><ul><li>甲</li><li>乙</li></ul></div>')).toBe(
      '标题\n第一段\n第二段\n换行\n甲\n乙',
    );
    expect(text('<table><tr><th>文号</th><td>清政规〔2021〕5号</td></tr><tr><td><p>甲</p></td><td><p>乙</p></td></tr></table>')).toBe(
      '文号\t清政规〔2021〕5号\n甲\t乙',
    );
    expect(text('<p>一<br><br>二</p>')).toBe('一\n\n二');
  });

  it('collapses HTML whitespace but keeps U+3000 and no-break spaces', () => {
    expect(text('<p>  第一条\u3000为了   <b>规范</b>  管理  </p>')).toBe('第一条\u3000为了 规范 管理');
    expect(text('<p>&nbsp;&nbsp;现将</p>')).toBe('\u00a0\u00a0现将');
    expect(text('<p>\u3000\u3000为规范</p>')).toBe('\u3000\u3000为规范');
  });

  it('drops a source line break between Chinese characters but not between Latin words', () => {
    expect(text('<p>本办法自印发之日起\n    施行。</p>')).toBe('本办法自印发之日起施行。');
    expect(text('<p>Article\n  one</p>')).toBe('Article one');
    expect(text('<p>第一条  规范</p>')).toBe('第一条 规范');
  });

  it('skips script, style, noscript, template, form controls and hidden elements', () => {
    const t = text(`<div>甲<script>var a = "脚本";</script><style>p{}</style><noscript>无脚本</noscript>
      <template><p>模板</p></template><p hidden>隐藏</p><p aria-hidden="true">读屏隐藏</p>
      <p style="color:red; display : none">内联隐藏</p><span style="visibility:hidden">不可见</span>
      <select><option>选项</option></select><button>按钮</button><p>乙</p></div>`);
    expect(t).toBe('甲\n乙');
  });

  it('keeps preformatted text as it is', () => {
    expect(text('<pre>第一行\n  第二行</pre><p>后</p>')).toBe('第一行\n  第二行\nq'.replace('q', '后'));
    expect(text('<div style="white-space: pre-line">甲   乙\n丙</div>')).toBe('甲 乙\n丙');
  });

  it('takes several roots in order, and an exclude filter', () => {
    const d = dom('<div id="a"><p>甲</p><p class="x">去掉</p></div><div id="b">乙</div>');
    const r = extractText([d.getElementById('b')!, d.getElementById('a')!], { exclude: (el) => el.classList.contains('x') });
    expect(r.text).toBe('乙\n甲');
  });

  it('maps offsets back to DOM text exactly', () => {
    const d = dom('<div><p>第一条\u3000为了\n  <b>规范</b>管理，</p><table><tr><td>甲 </td><td> 乙</td></tr></table><p>a  b<br>c</p></div>');
    const { text: t, map } = extractText(d.body);
    expect(t).toBe('第一条\u3000为了规范管理，\n甲\t乙\na b\nc');
    checkRoundTrip(t, map, 200);
    const ps = map.pieces(t.indexOf('为了'), t.indexOf('管理') + 2);
    expect(ps.map((p) => p.node.data.slice(p.startOffset, p.endOffset))).toEqual(['为了', '规范', '管理']);
    // The space of "a  b" is a real space in the DOM: it maps.
    expect(map.pieces(t.indexOf('a b'), t.indexOf('a b') + 3).map((p) => p.node.data.slice(p.startOffset, p.endOffset)).join('')).toBe('a b');
  });

  it('round-trips offsets on every corpus page and fixture page', () => {
    const pages = [...corpusHtml.map(corpusPage), ...readdirSync(PAGES).filter((f) => f.endsWith('.html') && f !== 'gbk-page.html').map(fixturePage)];
    for (const d of pages) {
      const whole = extractText(d.body);
      checkRoundTrip(whole.text, whole.map, 150);
      const c = capturePage(d);
      checkRoundTrip(c.text, c.map, 150);
    }
  });

  it('turns a DOM position back into a text offset', () => {
    const d = dom('<p>前言</p><p>第一条\u3000为了<b>规范</b>管理</p>');
    const { text: t, map } = extractText(d.body);
    const b = d.querySelector('b')!.firstChild!;
    expect(map.offsetOf(b, 0)).toBe(t.indexOf('规范'));
    expect(map.offsetOf(b, 2)).toBe(t.indexOf('规范') + 2);
    for (const s of map.segments) expect(map.offsetOf(s.node, s.nodeOffset)).toBe(s.start);
    expect(map.offsetOf(d.querySelector('p')!, 0)).toBeUndefined();
  });

  it('gives the pieces a Range is built from (the Range itself is checked in a real browser: capture.browser.test.ts)', () => {
    const d = dom('<p>第一条\u3000为了<b>规范</b>管理</p>');
    const { text: t, map } = extractText(d.body);
    const ps = map.pieces(t.indexOf('为了'), t.indexOf('管理'));
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatchObject({ node: d.querySelector('p')!.firstChild, startOffset: 4, endOffset: 6 });
    expect(ps[1]).toMatchObject({ node: d.querySelector('b')!.firstChild, startOffset: 0, endOffset: 2 });
    expect(map.pieces(3, 3)).toEqual([]);
    // linkedom's Range cannot be positioned: toRange says so instead of throwing.
    expect(map.toRange(0, 2)).toBeNull();
  });

  it('runs in linear time on a large page', () => {
    const page = (n: number) =>
      dom(`<div>${Array.from({ length: n }, (_, i) => `<p>第${i}条　为了规范<b>管理</b>，  制定本办法。<br>附：<span>说明</span></p>`).join('')}</div>`);
    const time = (d: Document) => {
      const t0 = performance.now();
      const r = extractText(d.body);
      r.map.pieces(r.text.length / 2, r.text.length / 2 + 100);
      return performance.now() - t0;
    };
    const small = page(3000);
    const large = page(12000);
    time(small); // warm up
    const best = (d: Document) => Math.min(time(d), time(d), time(d));
    const ts = best(small);
    const tl = best(large);
    // Four times the input: about four times the time, far from the ~16x of a quadratic walk (room for GC and load).
    expect(tl / ts).toBeLessThan(10);
    expect(tl).toBeLessThan(3000);
  });
});

describe('findMainContent and capturePage on the corpus pages', () => {
  for (const name of corpusHtml) {
    it(`${name}: title first, body in, furniture and metadata table out`, () => {
      const d = corpusPage(name);
      const main = findMainContent(d);
      expect(main.textContent).toContain('第一条');
      expect(main.textContent).not.toContain('首页');
      const c = capturePage(d);
      const h1 = d.querySelector('h1')!.textContent!.trim();
      expect(c.text.startsWith(h1)).toBe(true);
      expect(c.metadata.title).toBe(h1);
      expect(c.source).toBe('portal');
      expect(c.text).toContain('第一条　');
      for (const junk of ['首页', '当前位置', '主办', '地址：', '打印', '关闭', '索引号', '主题分类', '字体']) expect(c.text).not.toContain(junk);
      // The last article (effective date, validity) is captured.
      expect(c.text).toMatch(/施行|有效期/);
    });
  }

  it('keeps the related-links list that sits in the same container (03)', () => {
    const c = capturePage(corpusPage('03-public-rental-housing.html'));
    expect(c.text).toContain('【意见征集】《清河市公共租赁住房管理办法（征求意见稿）》已于2022年1月10日至2022年2月10日');
    expect(c.text.indexOf('相关链接')).toBeGreaterThan(c.text.indexOf('第一条'));
  });

  it('keeps the info bar line under the title (10, 12)', () => {
    const c10 = capturePage(corpusPage('10-tutoring-institutions.html'));
    expect(c10.text.split('\n')[1]).toBe('发布时间：2021-10-20\u3000\u3000来源：东山区教育局\u3000\u3000浏览次数：317');
    expect(c10.metadata).toMatchObject({ publishedDate: '2021-10-20', source: '东山区教育局' });
    const c12 = capturePage(corpusPage('12-old-neighbourhood-renovation.html'));
    expect(c12.metadata).toMatchObject({ publishedDate: '2022-07-01', source: '市住房和城乡建设局' });
  });

  it('reads the metadata table of every published corpus page', () => {
    expect(readMetadata(corpusPage('01-parking-rules.html'))).toMatchObject({
      indexNo: '11411300MB1C57384R/2021-00418',
      issuer: '清河市交通运输局办公室',
      docNumber: '清交运办〔2021〕27号',
      writtenDate: '2021-09-06',
      publishedDate: '2021-09-08',
      validityStatus: '有效',
      topic: '交通运输',
    });
    expect(readMetadata(corpusPage('03-public-rental-housing.html'))).toMatchObject({ regNumber: 'QHGS—2022—003', docNumber: '清政办规〔2022〕3号' });
    expect(readMetadata(corpusPage('05-household-migration.html'))).toMatchObject({ regNumber: 'QHGS—2021—011', publishedDate: '2021-04-12' });
    expect(readMetadata(corpusPage('04-skills-training-subsidy.html')).validityStatus).toBe('现行有效');
  });
});

describe('capturePage on other portal layouts', () => {
  it('old TRS page: layout tables, title in a td, #zoom > .TRS_Editor, share bar, print row, footer', () => {
    const c = capturePage(fixturePage('trs-zoom.html'));
    expect(c.main.className).toBe('TRS_Editor');
    const lines = c.text.split('\n');
    expect(lines[0]).toBe('南岭市人民政府关于印发南岭市城市供水管理办法的通知');
    expect(lines[1]).toBe('南政规〔2020〕6号');
    expect(c.text).toContain('第三条　市城市管理局是本市城市供水行政主管部门，负责城市供水的监督管理工作。\n发展改革');
    expect(c.text.endsWith('第五条　本办法自2020年11月1日起施行，有效期5年。')).toBe(true);
    for (const junk of ['分享到', '打印本页', '版权所有', '您现在的位置', '索 引 号', '统计', '也不应出现', '搜索']) expect(c.text).not.toContain(junk);
    expect(c.metadata).toMatchObject({
      indexNo: '006942136/2020-00112',
      issuer: '南岭市人民政府',
      writtenDate: '2020-09-28',
      publishedDate: '2020-10-09',
      docNumber: '南政规〔2020〕6号',
      regNumber: 'NLSG-2020-0061',
      validityStatus: '失效',
      topic: '城乡建设、环境保护',
      title: '南岭市人民政府关于印发南岭市城市供水管理办法的通知',
    });
  });

  it('side column page: sidebar and pager out, label list read, related documents kept', () => {
    const c = capturePage(fixturePage('side-column.html'));
    expect(c.main.className).toBe('article-content');
    expect(c.text.split('\n').slice(0, 2)).toEqual([
      '西川县农业农村局关于印发《西川县农村人居环境整治奖补办法》的通知',
      '发布时间：2022-05-10 09:30\u3000\u3000来源：县农业农村局\u3000\u3000阅读次数：86',
    ]);
    expect(c.text).toContain('【解读】《西川县农村人居环境整治奖补办法》政策解读');
    for (const junk of ['信息公开目录', '机构职能', '上一篇', '下一篇', '主办单位', '西川县人民政府\n', '索引号']) expect(c.text).not.toContain(junk);
    expect(c.metadata).toMatchObject({
      indexNo: 'XC-NYNC-2022-0031',
      issuer: '西川县农业农村局',
      docNumber: '西农发〔2022〕12号',
      writtenDate: '2022-05-06',
      publishedDate: '2022-05-10',
      regNumber: 'XCGS-2022-007',
      validityStatus: '现行有效',
      source: '县农业农村局',
    });
  });

  it('gov.cn-style page: .pages_content, title div, date bar with font controls, editor line out', () => {
    const c = capturePage(fixturePage('pages-content.html'));
    expect(c.main.id).toBe('UCAP-CONTENT');
    expect(c.text.split('\n').slice(0, 3)).toEqual([
      '北河省人民政府办公厅关于规范行政事业性收费管理的通知',
      '2019-03-20 16:05\u3000来源：省政府办公厅',
      '北政办发〔2019〕15号',
    ]);
    expect(c.text).not.toContain('责任编辑');
    expect(c.text).not.toContain('字号');
    expect(c.metadata).toMatchObject({
      issuer: '北河省人民政府办公厅',
      docNumber: '北政办发〔2019〕15号',
      writtenDate: '2019-03-15',
      publishedDate: '2019-03-20',
      title: '北河省人民政府办公厅关于规范行政事业性收费管理的通知',
      source: '省政府办公厅',
    });
  });

  it('dl/dt/dd metadata and an h1 inside the article wrapper', () => {
    const c = capturePage(fixturePage('dl-metadata.html'));
    expect(c.text.startsWith('东湖区教育局关于规范中小学课后服务收费的通知\n各中小学校：')).toBe(true);
    expect(c.text).not.toContain('制发机关');
    expect(c.text).not.toContain('Copyright');
    expect(c.metadata).toMatchObject({
      indexNo: 'DHQJY/2023-00021',
      issuer: '东湖区教育局',
      docNumber: '东教发〔2023〕8号',
      writtenDate: '2023-02-01',
      publishedDate: '2023-02-03',
      regNumber: 'DHGS-2023-002',
      validityStatus: '有效',
    });
  });

  it('malformed HTML: still captures what is there', () => {
    const c = capturePage(fixturePage('malformed.html'));
    expect(c.text).toContain('第一条　为加强河道采砂管理');
    expect(c.text).toContain('第三条　本通告自2021年5月1日起施行');
    expect(c.metadata.title).toBe('临水县关于加强河道采砂管理的通告');
  });

  it('a page with no visible text captures nothing', () => {
    expect(capturePage(fixturePage('no-text.html')).text).toBe('');
  });

  it('does not change the page', () => {
    const d = fixturePage('side-column.html');
    const before = d.documentElement.outerHTML;
    capturePage(d);
    expect(d.documentElement.outerHTML).toBe(before);
  });
});

describe('readMetadata', () => {
  it('reads several th/td pairs per row and label variants', () => {
    const d = dom(`<title>x</title><table>
      <tr><th>索引号：</th><td>A-1</td><th>发文单位</th><td>某市司法局</td><th>发文字号</th><td>某司发〔2022〕1号</td></tr>
      <tr><th>印发日期</th><td>2022年1月5日</td><th>公开日期</th><td>2022.1.8</td><th>统一登记号</th><td>MSGS-2022-1</td></tr>
      <tr><th>效力状态</th><td>已废止</td><th>名称</th><td>某市关于某事的通知</td></tr></table><h1>页面标题</h1><div><p>第一条　内容。</p></div>`);
    expect(readMetadata(d)).toMatchObject({
      indexNo: 'A-1',
      issuer: '某市司法局',
      docNumber: '某司发〔2022〕1号',
      writtenDate: '2022-01-05',
      publishedDate: '2022-01-08',
      regNumber: 'MSGS-2022-1',
      validityStatus: '已废止',
      title: '某市关于某事的通知',
    });
  });

  it('takes the 发布日期 or 公开日期 over a 生成日期 beside it, whichever comes first', () => {
    for (const [a, b] of [
      ['<th>生成日期</th><td>2023-05-06</td>', '<th>发布日期</th><td>2021-03-02</td>'],
      ['<th>公开日期</th><td>2021-03-02</td>', '<th>生成日期</th><td>2023-05-06</td>'],
    ]) {
      const d = dom(`<title>x</title><table><tr><th>文号</th><td>某政发〔2021〕3号</td>${a}</tr><tr>${b}<th>索引号</th><td>A-2</td></tr></table><div><p>第一条　内容。</p></div>`);
      expect(readMetadata(d).publishedDate).toBe('2021-03-02');
    }
    // Alone, the 生成日期 is still the best date there is.
    const alone = dom(`<title>x</title><table><tr><th>文号</th><td>某政发〔2021〕3号</td><th>生成日期</th><td>2023-05-06</td></tr></table><div><p>第一条　内容。</p></div>`);
    expect(readMetadata(alone).publishedDate).toBe('2023-05-06');
  });

  it('reads div/span label lists and keeps raw pairs', () => {
    const d = dom(`<div class="info"><div><span>发布机构：</span><span>某县政府</span></div><div><span>文　　号：</span><span>某政发〔2021〕2号</span></div>
      <div><span>发布时间：</span><span>2021-03-04 10:00:00</span></div><div><span>时效：</span><span>有效</span></div></div>`);
    const md = readMetadata(d);
    expect(md).toMatchObject({ issuer: '某县政府', docNumber: '某政发〔2021〕2号', publishedDate: '2021-03-04', validityStatus: '有效' });
    expect(md.raw).toMatchObject({ 发布机构: '某县政府', 文号: '某政发〔2021〕2号' });
  });

  it('does not take a label inside a sentence of the body for metadata', () => {
    const d = dom('<div class="content"><p>第一条　本办法的发布时间：以公告为准。</p><p>名称：某公司</p></div>');
    const md = readMetadata(d, d.querySelector('.content'));
    expect(md.publishedDate).toBeUndefined();
    expect(md.title).toBeUndefined();
  });

  it('splits an info bar on its labels', () => {
    expect(splitLabelled('发布时间：2021-10-20\u3000\u3000来源：东山区教育局\u3000\u3000浏览次数：317')).toEqual([
      ['发布时间', '2021-10-20'],
      ['来源', '东山区教育局'],
      ['浏览次数', '317'],
    ]);
    expect(splitLabelled('发布时间：2022-12-12\u3000来源：青溪市科学技术局\u3000解读类型：文字解读')).toEqual([
      ['发布时间', '2022-12-12'],
      ['来源', '青溪市科学技术局'],
    ]);
    expect(splitLabelled('浏览次数：1206 【字号：大 中 小】')).toEqual([
      ['浏览次数', '1206'],
      ['字号', '大 中 小】'],
    ]);
    expect(splitLabelled('信息来源：市住建局 | 发布日期：2022-01-02')).toEqual([
      ['信息来源', '市住建局'],
      ['发布日期', '2022-01-02'],
    ]);
  });

  it('takes the title from the heading over the content when the block has none', () => {
    const md = readMetadata(corpusPage('10-tutoring-institutions.html'));
    expect(md.title).toBe('东山区教育局关于《东山区校外培训机构管理办法（征求意见稿）》公开征求意见的公告');
    // The block's own 标题 wins over the heading.
    expect(readMetadata(fixturePage('pages-content.html')).title).toBe('北河省人民政府办公厅关于规范行政事业性收费管理的通知');
  });

  it('falls back to document.title without the site suffix', () => {
    expect(stripSiteSuffix('某某的通知_政策文件_某市人民政府')).toBe('某某的通知');
    expect(stripSiteSuffix('某某的通知 - 某市人民政府门户网站')).toBe('某某的通知');
    expect(stripSiteSuffix('2021-2025年规划的通知-某市人民政府')).toBe('2021-2025年规划的通知');
    expect(stripSiteSuffix('某某的通知')).toBe('某某的通知');
    const d = dom('<title>某县关于某事的通知_某县人民政府</title><div class="x"><p>第一条　为了规范某事，制定本通知。</p></div>');
    expect(capturePage(d).metadata.title).toBe('某县关于某事的通知');
    expect(readMetadata(d).title).toBe('某县关于某事的通知');
  });
});

describe('the title just outside the content', () => {
  const page = (title: string, body: string) =>
    dom(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  const content = `<div class="content"><p>各有关单位：</p><p>第一条　为了规范某事，根据有关规定，制定本办法。</p><p>第二条　本办法自2022年1月1日起施行。</p></div>`;

  it("skips the site's logo heading and a sidebar box title", () => {
    const d = page(
      '详细信息 - 某市人民政府',
      `<div class="header"><h1>某市人民政府</h1><ul class="mainnav"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li></ul></div>
       <div class="wrap"><div class="leftbox"><h3 class="box-title">信息公开目录</h3><ul><li><a href="#">政策文件</a></li><li><a href="#">规划计划</a></li><li><a href="#">人事信息</a></li></ul></div>
       <div class="rightbox">${content}</div></div>`,
    );
    const c = capturePage(d);
    expect(c.titleElement).toBeUndefined();
    expect(c.text.startsWith('各有关单位：')).toBe(true);
    expect(c.text).not.toContain('信息公开目录');
    expect(c.text).not.toContain('某市人民政府');
  });

  it("takes an article's own head even when its class says head", () => {
    const d = page(
      '详细信息 - 某市人民政府',
      `<div class="header"><span class="logo">某市人民政府</span><ul><li><a href="#">首页</a></li></ul></div>
       <div class="detail"><div class="detail-head"><h2>某市关于某事的办法</h2><div class="info">发布日期：2022-01-05</div></div>${content}
       <div class="footer">版权所有：某市人民政府</div></div>`,
    );
    const c = capturePage(d);
    expect(c.titleElement?.tagName).toBe('H2');
    expect(c.text.split('\n').slice(0, 3)).toEqual(['某市关于某事的办法', '发布日期：2022-01-05', '各有关单位：']);
    expect(c.text).not.toContain('版权所有');
    expect(c.metadata).toMatchObject({ title: '某市关于某事的办法', publishedDate: '2022-01-05' });
  });

  it('a title far from the content (a long list between) is not taken', () => {
    const list = Array.from({ length: 30 }, (_, i) => `<li><a href="#">最新动态第${i}条：某项工作取得新进展并持续推进落实</a></li>`).join('');
    const d = page('某页', `<div class="wrap"><h1>某市关于某事的办法</h1><ul class="news">${list}</ul><div class="article">${content}</div></div>`);
    const c = capturePage(d);
    expect(c.text).not.toContain('最新动态');
    expect(c.text.startsWith('各有关单位：')).toBe(true);
  });
});

describe('document order', () => {
  it('orders nodes across branches (linkedom compareDocumentPosition does not)', async () => {
    const { precedes, documentOrder } = await import('../utils/capture/order');
    const d = dom('<div id="a"><div id="b"><h2 id="h">t</h2></div><div id="c"><p id="p">x</p></div></div>');
    const [a, h, c, p] = ['a', 'h', 'c', 'p'].map((id) => d.getElementById(id)!);
    expect(precedes(h, c)).toBe(true);
    expect(precedes(c, h)).toBe(false);
    expect(precedes(h, p)).toBe(true);
    expect(precedes(a, h)).toBe(true);
    expect(precedes(h, a)).toBe(false);
    expect([p, c, h, a].sort(documentOrder)).toEqual([a, h, c, p]);
  });
});

describe('consultation evidence outside the content', () => {
  const html = `<html><head><title>澄江市人民政府关于加大人才引进支持力度的实施意见_澄江市人民政府</title></head><body>
<div class="header"><a href="#">首页</a><a href="#">政务公开</a></div>
<div class="content"><h1>澄江市人民政府关于加大人才引进支持力度的实施意见</h1>
<div class="article"><p>一、对引进的高层次人才给予安家补贴。</p><p>二、本意见自2022年5月1日起施行。</p></div></div>
<aside class="sidebar"><h4>相关链接</h4><ul>
<li>【政策解读】一图读懂澄江人才新政</li>
<li>【意见征集】《澄江市人民政府关于加大人才引进支持力度的实施意见（征求意见稿）》于2022年2月21日至3月2日向社会公开征求意见</li>
<li>【办事指南】人才安家补贴申领指南</li></ul></aside>
<div class="footer">主办：澄江市人民政府办公室</div></body></html>`;
  it('appends a sidebar item that reports the public consultation, and nothing else of the sidebar', () => {
    const { text, map } = capturePage(dom(html));
    expect(text).toContain('于2022年2月21日至3月2日向社会公开征求意见');
    expect(text).not.toContain('办事指南');
    expect(text).not.toContain('一图读懂');
    expect(text).not.toContain('主办');
    const at = text.indexOf('2022年2月21日');
    expect(map.pieces(at, at + 10).map((p) => p.node.data.slice(p.startOffset, p.endOffset)).join('')).toBe('2022年2月21日');
  });
});
