// The column audit in Node: every list layout and paging of the fixture portal read by readColumnPage, every detail
// layout captured and reviewed (HTML pages, .docx and .pdf attachments read by mammoth and pdf.js), and the
// indicators of the fixture's period against its known values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, percent } from '../../utils/audit/indicators';
import { readColumnPage } from '../../utils/audit/links';
import { readColumn, reviewItem, type AuditEnv } from '../../utils/audit/run';
import type { AuditItemRow } from '../../utils/audit/types';
import { review } from '../../utils/engine';
import { docxToHtml } from '../../utils/io/docx';
import { normalizeHtmlSkeleton } from '../../utils/io/html';
import { pdfLines, type PdfJs } from '../../utils/io/pdf';
import { parseRegister } from '../../utils/register';
import { nodeSegmenter } from '../../utils/segment/node';
import { writeTextPdf } from '../e2e/pdf-writer';
import { loadNodePdfjs } from '../node-pdfjs';
import { COLUMN_PAGES, DEAD, DOCS, EXPECTED, REGISTER_CSV, attachmentOf, buildPortalColumn, docById, linkOf, servePortal, titleOf, type PortalServer } from '../e2e/portal-column';

let server: PortalServer;
let parse: (html: string) => Document;
let pdfjs: PdfJs;
const signal = new AbortController().signal;

beforeAll(async () => {
  server = await servePortal(await buildPortalColumn());
  const { parseHTML } = await import('linkedom');
  parse = (html) => parseHTML(normalizeHtmlSkeleton(html)).document as unknown as Document;
  pdfjs = await loadNodePdfjs();
});

afterAll(() => server.close());

const env = (): AuditEnv => {
  const register = parseRegister(REGISTER_CSV);
  return {
    fetch: (url, s) => fetch(url, { signal: s }),
    parseHtml: parse,
    review: (doc) => review(doc, { today: EXPECTED.today, register, segmenter: nodeSegmenter }),
    save: async () => undefined,
    docxToHtml: (bytes) => docxToHtml('附件', bytes),
    pdfLines: (bytes) => pdfLines(pdfjs, '附件', bytes),
    register,
    deadlineDays: 30,
    today: EXPECTED.today,
  };
};

describe('list layouts and paging', () => {
  for (const [i, p] of COLUMN_PAGES.entries()) {
    it(`${p.layout} list, ${p.paging} paging (${p.path})`, async () => {
      const page = await readColumn(env(), server.url(p.path), signal);
      const expected = p.ids.map((id) => {
        const d = id === DEAD.id ? { href: `/col/${DEAD.id}.html`, title: DEAD.title, published: DEAD.published } : { href: linkOf(docById(id)), title: titleOf(docById(id)), published: docById(id).published };
        return { url: server.url(d.href), title: d.title, date: d.published };
      });
      // The whole title (not the cut text nor the date printed in the link), the date, and nothing from the sidebar.
      expect(page.links).toEqual(expected);
      const next = COLUMN_PAGES[i + 1];
      expect(page.next).toBe(next ? server.url(next.path) : undefined);
    });
  }

  it('ignores links to other sites, javascript: links and paging furniture', () => {
    const doc = parse(
      '<ul><li><a href="https://other.example/a.html">某某县人民政府关于印发某某办法的通知</a></li>' +
        '<li><a href="javascript:alert(1)">某某县人民政府关于印发某某规定的通知</a></li>' +
        '<li><a href="/x/1.html">某某县人民政府关于印发某某细则的通知</a> 2024-01-02</li>' +
        '<li><a href="/x/2.html">下一页</a></li></ul>',
    );
    const page = readColumnPage(doc, 'http://gov.example/x/');
    expect(page.links).toEqual([{ url: 'http://gov.example/x/1.html', title: '某某县人民政府关于印发某某细则的通知', date: '2024-01-02' }]);
    expect(page.next).toBe('http://gov.example/x/2.html');
  });

  it('finds a scripted 下一页 in a button or an input, never one that leaves the site or has no address', () => {
    const at = (html: string) => readColumnPage(parse(html), 'http://gov.example/col/list.aspx?p=1').next;
    expect(at('<button type="button" data-href="list.aspx?p=2">下一页</button>')).toBe('http://gov.example/col/list.aspx?p=2');
    expect(at(`<input type="button" value="下一页" onclick="location.href='/col/list.aspx?p=2'">`)).toBe('http://gov.example/col/list.aspx?p=2');
    expect(at('<a href="javascript:goto(\'list_2.html\')">下页&gt;&gt;</a>')).toBe('http://gov.example/col/list_2.html');
    expect(at('<span class="next" data-url="https://elsewhere.example/list_2.html">下一页</span>')).toBeUndefined();
    expect(at('<a href="javascript:void(0)" class="disabled">下一页</a>')).toBeUndefined();
    // A script call whose argument is a page number, not an address, is not guessed at.
    expect(at('<a href="javascript:;" onclick="goPage(2)">下一页</a>')).toBeUndefined();
  });
});

describe('detail layouts', () => {
  for (const d of DOCS) {
    it(`${d.detail}: ${d.id} ${d.number}`, async () => {
      const r = await reviewItem(env(), { url: server.url(linkOf(d)), listTitle: titleOf(d) }, signal);
      expect(r.kind).toBe('normative');
      expect(r.docNumber).toBe(d.number);
      expect(r.publishedDate ?? r.writtenDate).toBe(d.published);
      expect(r.validityStatus).toBe(d.validity);
      const file = attachmentOf(d);
      expect(r.fromAttachment).toBe(file && server.url(file));
      expect(r.register).toEqual(
        d.filed ? expect.objectContaining({ status: 'matched', regNumber: d.regNo, filedDate: d.filed }) : { status: 'missing' },
      );
      // 自印发之日起施行: the one document without a grace period says so, whatever its layout.
      expect((r.codes['effective.no-grace'] ?? 0) > 0).toBe(d.effective === null);
    });
  }

  it('a dead link fails with a Chinese message', async () => {
    await expect(reviewItem(env(), { url: server.url(`/col/${DEAD.id}.html`), listTitle: DEAD.title }, signal)).rejects.toThrow('网站返回 404');
  });

  it('an attachment it cannot read fails with the reason: old Word, a PDF without text, a broken PDF', async () => {
    const site = new Map([
      ['/a.doc', { type: 'application/msword', body: 'x' }],
      ['/scan.pdf', { type: 'application/pdf', body: writeTextPdf([]) }],
      ['/broken.pdf', { type: 'application/pdf', body: '%PDF-1.4 not really' }],
    ]);
    const other = await servePortal(site);
    try {
      await expect(reviewItem(env(), { url: other.url('/a.doc'), listTitle: 'x' }, signal)).rejects.toThrow('另存为 .docx');
      await expect(reviewItem(env(), { url: other.url('/scan.pdf'), listTitle: 'x' }, signal)).rejects.toThrow('可能是扫描件');
      await expect(reviewItem(env(), { url: other.url('/broken.pdf'), listTitle: 'x' }, signal)).rejects.toThrow('不是有效的 PDF 文件');
    } finally {
      await other.close();
    }
  });
});

describe('indicators', () => {
  it('the indicators of the period follow from the results and match the fixture', async () => {
    const items: AuditItemRow[] = [];
    for (const [seq, d] of DOCS.entries()) {
      const url = server.url(linkOf(d));
      items.push({ id: seq + 1, auditId: 1, seq, url, listTitle: titleOf(d), status: 'done', result: await reviewItem(env(), { url, listTitle: titleOf(d) }, signal) });
    }
    items.push({ id: 99, auditId: 1, seq: 99, url: server.url(`/col/${DEAD.id}.html`), listTitle: DEAD.title, status: 'failed', error: '网站返回 404' });
    const ind = computeIndicators(items, EXPECTED.from, EXPECTED.to, true);
    expect(ind.documents).toHaveLength(EXPECTED.documents);
    expect(ind.filed).toEqual(EXPECTED.filed);
    expect(ind.timely).toEqual(EXPECTED.timely);
    expect(ind.expired.map((d) => d.docNumber)).toEqual(EXPECTED.expired);
    expect(percent(ind.filed)).toBe(`${((100 * EXPECTED.filed.count) / EXPECTED.filed.of).toFixed(1)}%`);
    for (const [id, days] of Object.entries(EXPECTED.late)) expect(ind.documents.find((x) => x.docNumber === docById(id).number)!.register!.daysLate).toBe(days);
    expect(ind.clean.count).toBe(ind.documents.filter((d) => !d.counts.error).length);
    // A period that holds only 2021 counts only d3; without a register the filing shares are not given.
    const y2021 = computeIndicators(items, '2021-01-01', '2021-12-31', false);
    expect(y2021.documents.map((d) => d.docNumber)).toEqual([docById('d3').number]);
    expect(y2021.filed).toBeUndefined();
  });
});
