import { createServer, type Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, percent } from '../../utils/audit/indicators';
import { readColumnPage } from '../../utils/audit/links';
import { readColumn, reviewItem, type AuditEnv } from '../../utils/audit/run';
import type { AuditItemRow } from '../../utils/audit/types';
import { review } from '../../utils/engine';
import { docxToHtml } from '../../utils/io/docx';
import { normalizeHtmlSkeleton } from '../../utils/io/html';
import { parseRegister } from '../../utils/register';
import { nodeSegmenter } from '../../utils/segment/node';
import { ATTACHMENT_DOC, DOCS, REGISTER_CSV, writePortalColumn } from '../e2e/portal-column';

let root: string;
let server: Server;
let origin: string;
let parse: (html: string) => Document;

beforeAll(async () => {
  root = await writePortalColumn();
  server = createServer(async (req, res) => {
    const file = normalize(join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname)));
    try {
      const body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { parseHTML } = await import('linkedom');
  parse = (html) => parseHTML(normalizeHtmlSkeleton(html)).document as unknown as Document;
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await rm(root, { recursive: true, force: true });
});

const env = (): AuditEnv => {
  const register = parseRegister(REGISTER_CSV);
  return {
    fetch: (url, signal) => fetch(url, { signal }),
    parseHtml: parse,
    review: (doc) => review(doc, { today: '2024-12-31', register, segmenter: nodeSegmenter }),
    save: async () => undefined,
    docxToHtml: (bytes) => docxToHtml('附件', bytes),
    register,
    deadlineDays: 30,
    today: '2024-12-31',
  };
};

describe('column pages', () => {
  it('takes the column list (not the sidebar or the navigation) with dates, and the next page', async () => {
    const page = await readColumn(env(), `${origin}/col/index.html`, new AbortController().signal);
    expect(page.links.map((l) => l.url)).toEqual(DOCS.slice(0, 3).map((d) => `${origin}/col/${d.file}`));
    // The link text is cut short (…): the title attribute is the title.
    expect(page.links[0]).toEqual({ url: `${origin}/col/d1.html`, title: DOCS[0].title, date: '2024-02-01' });
    expect(page.next).toBe(`${origin}/col/index_1.html`);
  });

  it('reads a table layout and has no next page on the last one', async () => {
    const page = await readColumn(env(), `${origin}/col/index_1.html`, new AbortController().signal);
    expect(page.links.map((l) => l.url.replace(origin, ''))).toEqual(['/col/d4.html', '/col/d5.html', '/col/d6.html']);
    expect(page.next).toBeUndefined();
  });

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
});

describe('auditing documents', () => {
  const signal = new AbortController().signal;

  it('reviews a detail page with its metadata and what the register says', async () => {
    const r = await reviewItem(env(), { url: `${origin}/col/d2.html`, listTitle: DOCS[1].title }, signal);
    expect(r).toMatchObject({ docNumber: '临政发〔2024〕7号', publishedDate: '2024-04-10', validityStatus: '有效', kind: 'normative' });
    expect(r.codes['effective.no-grace']).toBeGreaterThan(0);
    expect(r.register).toEqual({ status: 'matched', regNumber: 'LJDR-2024-002', filedDate: '2024-05-25', daysLate: 15 });
  });

  it('reviews a document published only as a .docx attachment from the attachment', async () => {
    const r = await reviewItem(env(), { url: `${origin}/col/${ATTACHMENT_DOC.file}`, listTitle: ATTACHMENT_DOC.title }, signal);
    expect(r.fromAttachment).toBe(`${origin}/col/${ATTACHMENT_DOC.docx}`);
    expect(r.docNumber).toBe(ATTACHMENT_DOC.number);
    expect(r.kind).toBe('normative');
  });

  it('a dead link fails with a Chinese message', async () => {
    await expect(reviewItem(env(), { url: `${origin}/col/d6.html`, listTitle: 'x' }, signal)).rejects.toThrow('网站返回 404');
  });

  it('the indicators of the period follow from the results', async () => {
    const items: AuditItemRow[] = [];
    for (const [seq, d] of [...DOCS, ATTACHMENT_DOC].entries()) {
      const url = `${origin}/col/${d.file}`;
      items.push({ id: seq + 1, auditId: 1, seq, url, listTitle: d.title, status: 'done', result: await reviewItem(env(), { url, listTitle: d.title }, signal) });
    }
    items.push({ id: 9, auditId: 1, seq: 9, url: `${origin}/col/d6.html`, listTitle: 'x', status: 'failed', error: '网站返回 404' });
    const ind = computeIndicators(items, '2021-01-01', '2024-12-31', true);
    expect(ind.documents).toHaveLength(5);
    // Filed: d1, d2, d3, d5 of five; in time: all of them but d2 (45 days).
    expect(ind.filed).toEqual({ count: 4, of: 5 });
    expect(ind.timely).toEqual({ count: 3, of: 4 });
    expect(percent(ind.filed)).toBe('80.0%');
    // d3: 有效期2年 from 2021-07-10, still 有效 on the portal at the end of 2024.
    expect(ind.expired.map((d) => d.docNumber)).toEqual(['临政发〔2021〕12号']);
    expect(ind.clean.count).toBe(ind.documents.filter((d) => !d.counts.error).length);
    // d2 (no grace, late) and d4 (not in the register) and d3 (expired) carry errors.
    for (const n of ['临政发〔2024〕7号', '临政发〔2024〕15号', '临政发〔2021〕12号']) expect(ind.documents.find((d) => d.docNumber === n)!.counts.error).toBeGreaterThan(0);
    // A period that holds only 2021 counts only d3; without a register the filing shares are not given.
    const y2021 = computeIndicators(items, '2021-01-01', '2021-12-31', false);
    expect(y2021.documents.map((d) => d.docNumber)).toEqual(['临政发〔2021〕12号']);
    expect(y2021.filed).toBeUndefined();
  });
});
