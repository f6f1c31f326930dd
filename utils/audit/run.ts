/**
 * Runs a column audit (栏目审查) in an extension page: one document page fetched at a time with a pause between,
 * each captured with the same code as a page the reviewer opens, reviewed, saved to the review log and summed up
 * for the audit table. Everything is written as it goes, so an audit stopped (cancel, page closed) resumes where
 * it stopped.
 */
import { capturePage } from '../capture/page';
import type { CapturedDocument } from '../capture/types';
import type { ReviewOptions, ReviewResult } from '../engine';
import { matchRegister, type RegisterEntry } from '../register';
import { decodeBytes, sniffHtmlCharset } from '../io/decode';
import { isAttachment, readColumnPage, type ColumnPage } from './links';
import type { AuditItemRow, AuditResult } from './types';

/** What the runner needs from its surroundings: the network, the engine, the log. Tests give fakes of none but fetch. */
export interface AuditEnv {
  fetch(url: string, signal: AbortSignal): Promise<Response>;
  parseHtml(html: string): Document;
  review(doc: CapturedDocument): ReviewResult;
  /** Saves the review to the log; returns its id. */
  save(doc: CapturedDocument, result: ReviewResult): Promise<number | undefined>;
  /** Reads a .docx attachment into HTML (mammoth), when the page holds only a link to it. */
  docxToHtml?(bytes: Uint8Array): Promise<string>;
  /** Reads a .pdf attachment's text layer (pdf.js), one string per line. */
  pdfLines?(bytes: Uint8Array): Promise<string[]>;
  register: readonly RegisterEntry[];
  deadlineDays: number;
  today: string;
}

export class AuditFetchError extends Error {}

const MAX_BYTES = 10 * 1024 * 1024;

/** Fetches a page of the portal (same origin as the column, checked by the caller) as bytes. */
async function fetchBytes(env: AuditEnv, url: string, signal: AbortSignal): Promise<{ bytes: Uint8Array; type: string; url: string }> {
  let res: Response;
  try {
    res = await env.fetch(url, signal);
  } catch (e) {
    if (signal.aborted) throw e;
    throw new AuditFetchError('无法连接网站（网络错误或被拒绝）');
  }
  if (!res.ok) throw new AuditFetchError(`网站返回 ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new AuditFetchError('页面超过 10 MB，未读取');
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new AuditFetchError('页面超过 10 MB，未读取');
  return { bytes, type: res.headers.get('content-type') ?? '', url: res.url || url };
}

function decodeHtml(bytes: Uint8Array, type: string): string {
  const declared = /charset=([\w-]+)/i.exec(type)?.[1] ?? sniffHtmlCharset(bytes);
  return decodeBytes(bytes, declared).text;
}

/** Reads one page of the column: its document links and the next page. */
export async function readColumn(env: AuditEnv, url: string, signal: AbortSignal): Promise<ColumnPage> {
  const page = await fetchBytes(env, url, signal);
  return readColumnPage(env.parseHtml(decodeHtml(page.bytes, page.type)), page.url);
}

// A page whose body is little more than a link to the document as a file.
const THIN_PAGE_CHARS = 400;

/** Fetches, captures (from the attachment when the page only links to one) and reviews one listed document. */
export async function reviewItem(env: AuditEnv, item: Pick<AuditItemRow, 'url' | 'listTitle'>, signal: AbortSignal): Promise<AuditResult> {
  const origin = new URL(item.url).origin;
  let captured: CapturedDocument;
  let fromAttachment: string | undefined;
  if (isAttachment(item.url)) {
    captured = await attachmentDocument(env, item.url, item.listTitle, signal);
    fromAttachment = item.url;
  } else {
    const page = await fetchBytes(env, item.url, signal);
    const dom = env.parseHtml(decodeHtml(page.bytes, page.type));
    const c = capturePage(dom, page.url);
    captured = { text: c.text, metadata: c.metadata, source: c.source, url: page.url };
    const attachment = thinPageAttachment(dom, page.url, origin, c.text);
    if (attachment) {
      const fromFile = await attachmentDocument(env, attachment, item.listTitle, signal);
      // The page's metadata table (文号, dates, 有效性) still describes the document.
      captured = { ...fromFile, metadata: { ...fromFile.metadata, ...c.metadata }, url: page.url };
      fromAttachment = attachment;
    }
  }
  const result = env.review(captured);
  const reviewId = await env.save(captured, result);
  return summarizeResult(env, captured, result, reviewId, fromAttachment);
}

const DOCX = /\.docx$/i;
const PDF = /\.pdf$/i;

/** The attachment a thin page stands for: its .docx when it links one (Word keeps the structure), else its .pdf. */
function thinPageAttachment(dom: Document, pageUrl: string, origin: string, text: string): string | undefined {
  if (text.replace(/\s+/g, '').length > THIN_PAGE_CHARS) return undefined;
  const files: URL[] = [];
  for (const a of dom.querySelectorAll('a[href]')) {
    try {
      const u = new URL(a.getAttribute('href')!, pageUrl);
      if (u.origin === origin && (DOCX.test(u.pathname) || PDF.test(u.pathname))) files.push(u);
    } catch {
      /* not a URL */
    }
  }
  return (files.find((u) => DOCX.test(u.pathname)) ?? files[0])?.href;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);

/** The attachment as HTML for capture: Word through mammoth, a PDF's text layer one paragraph a line. */
async function attachmentHtml(env: AuditEnv, url: string, signal: AbortSignal): Promise<string> {
  const path = new URL(url).pathname;
  const isDocx = DOCX.test(path);
  if (!isDocx && !PDF.test(path)) throw new AuditFetchError('附件是旧版 Word（.doc）或 WPS 文件，未审查：请下载后另存为 .docx 再审查');
  if (isDocx ? !env.docxToHtml : !env.pdfLines) throw new AuditFetchError(isDocx ? '无法读取 Word 附件' : '无法读取 PDF 附件');
  const file = await fetchBytes(env, url, signal);
  if (isDocx) return env.docxToHtml!(file.bytes);
  const lines = await env.pdfLines!(file.bytes);
  if (!lines.join('').trim()) throw new AuditFetchError('PDF 附件中没有文字（可能是扫描件），未审查');
  return lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

async function attachmentDocument(env: AuditEnv, url: string, title: string, signal: AbortSignal): Promise<CapturedDocument> {
  const c = capturePage(env.parseHtml(await attachmentHtml(env, url, signal)), url);
  return { text: c.text, metadata: { ...c.metadata, title: c.metadata.title ?? title }, source: 'portal', url };
}

function summarizeResult(env: AuditEnv, doc: CapturedDocument, result: ReviewResult, reviewId: number | undefined, fromAttachment?: string): AuditResult {
  const s = result.summary;
  const counts = { error: 0, warning: 0, info: 0 };
  const codes: Record<string, number> = {};
  for (const f of result.findings) {
    counts[f.severity]++;
    if (f.severity !== 'info') codes[f.code] = (codes[f.code] ?? 0) + 1;
  }
  const out: AuditResult = {
    title: s.title ?? s.headline ?? doc.metadata.title ?? '',
    kind: s.kind,
    counts,
    codes,
    findings: result.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      excerpt: f.excerpt,
      ...((f as { where?: string }).where ? { where: (f as { where?: string }).where } : {}),
    })),
  };
  if (reviewId !== undefined) out.reviewId = reviewId;
  if (s.docNumber) out.docNumber = s.docNumber;
  if (s.issuer) out.issuer = s.issuer;
  if (s.publishedDate) out.publishedDate = s.publishedDate;
  if (s.writtenDate) out.writtenDate = s.writtenDate;
  const reg = s.regNumber ?? doc.metadata.regNumber;
  if (reg) out.regNumber = reg;
  if (doc.metadata.validityStatus) out.validityStatus = doc.metadata.validityStatus;
  if (fromAttachment) out.fromAttachment = fromAttachment;
  if (s.kind === 'normative') {
    const m = matchRegister(s, env.register, env.deadlineDays, env.today);
    out.register =
      m.status === 'matched'
        ? { status: 'matched', daysLate: m.daysLate, ...(m.entry.regNumber ? { regNumber: m.entry.regNumber } : {}), ...(m.entry.filedDate ? { filedDate: m.entry.filedDate } : {}) }
        : { status: m.status };
  }
  return out;
}

/** Waits `ms`, or until the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(t);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export type { ReviewOptions };
