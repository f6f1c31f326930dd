import { mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, MAX_FILE_BYTES, readDocumentFile } from '../utils/io';
import { decodeBytes, normalizeCharset, sniffHtmlCharset } from '../utils/io/decode';
import { normalizeHtmlSkeleton } from '../utils/io/html';
import { formatNumber, renderNumbering } from '../utils/io/docx-numbering';

const FIX = join(import.meta.dirname, 'fixtures/io');
// The shared corpus sits beside the project (../shared), wherever the checkout is.
const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const SAMPLE_FIRST = '青山县市场监督管理局关于规范集贸市场经营秩序的通知';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'normlint-io-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The InputError a read throws (fails the test when it does not throw one). */
async function failure(path: string): Promise<InputError> {
  try {
    await readDocumentFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const err = e as InputError;
    // One line, naming the file, Chinese first.
    expect(err.message.split('\n')).toHaveLength(1);
    expect(err.message.startsWith(`${path}：`)).toBe(true);
    expect(err.reason).toMatch(/^[^(（]{0,5}[\u4e00-\u9fff]/);
    return err;
  }
  throw new Error(`${path} was read without error`);
}

describe('text files', () => {
  for (const name of ['utf8-crlf.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'gbk.txt']) {
    it(`${name}: decoded, BOM dropped, line ends normalised`, async () => {
      const doc = await readDocumentFile(join(FIX, 'txt', name));
      expect(doc.source).toBe('file');
      expect(doc.text.startsWith(SAMPLE_FIRST)).toBe(true);
      expect(doc.text).not.toContain('\r');
      expect(doc.text).not.toContain('\ufeff');
      expect(doc.text).toContain('\n第一条\u3000为规范集贸市场经营秩序');
      expect(doc.text.split('\n')).toHaveLength(9);
    });
  }

  it('reads every corpus text sample unchanged', async () => {
    const doc = await readDocumentFile(join(CORPUS, '06-dog-management.txt'));
    expect(doc.text.startsWith('东山区人民政府关于加强城市养犬管理的通告\n（讨论稿）')).toBe(true);
  });
});

describe('HTML files', () => {
  it('captures a corpus portal page with its metadata', async () => {
    const doc = await readDocumentFile(join(CORPUS, '01-parking-rules.html'));
    expect(doc.text.startsWith('清河市交通运输局办公室关于印发《清河市机动车停车场管理实施细则》的通知\n')).toBe(true);
    expect(doc.metadata).toMatchObject({ docNumber: '清交运办〔2021〕27号', publishedDate: '2021-09-08', issuer: '清河市交通运输局办公室' });
    expect(doc.text).not.toContain('索引号');
  });

  it('decodes a GBK page by its http-equiv charset', async () => {
    const doc = await readDocumentFile(join(FIX, 'pages/gbk-page.html'));
    expect(doc.text.startsWith(`${SAMPLE_FIRST}\n各乡镇人民政府`)).toBe(true);
    expect(doc.metadata).toMatchObject({ docNumber: '青市监〔2022〕3号', publishedDate: '2022-01-25', title: SAMPLE_FIRST });
    expect(doc.text).not.toContain('版权所有');
  });

  it('still captures malformed HTML', async () => {
    const doc = await readDocumentFile(join(FIX, 'pages/malformed.html'));
    expect(doc.text).toContain('第二条　在本县行政区域内河道采砂，应当遵守本通告。未经许可不得采砂。');
  });

  it('refuses a page with no visible text', async () => {
    expect((await failure(join(FIX, 'pages/no-text.html'))).reason).toContain('网页中没有可读取的正文');
  });

  it('a page without <html>/<body> tags reads like a browser would', async () => {
    const p = join(tmp, 'fragment.htm');
    writeFileSync(p, '<title>某县通知</title><div class="content"><p>第一条　为规范某事，制定本通知。</p><p>第二条　本通知自发布之日起施行。</p></div>');
    const doc = await readDocumentFile(p);
    expect(doc.text).toBe('第一条　为规范某事，制定本通知。\n第二条　本通知自发布之日起施行。');
    expect(doc.metadata.title).toBe('某县通知');
  });

  it('an HTML file in English only is refused as not Chinese', async () => {
    const p = join(tmp, 'english.html');
    writeFileSync(p, '<html><body><p>Hello world, this page is in English.</p></body></html>');
    expect((await failure(p)).reason).toContain('不含中文');
  });
});

describe('Word files', () => {
  it('reads a real .docx with mammoth: paragraphs on lines, table cells tab-separated', async () => {
    const doc = await readDocumentFile(join(FIX, 'docx/draft.docx'));
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('青山县集贸市场管理办法');
    expect(lines[1]).toBe('（征求意见稿）');
    expect(lines).toContain('第一条\u3000为规范集贸市场经营秩序，根据《中华人民共和国消费者权益保护法》，制定本办法。');
    // A line break inside a paragraph (w:br) is a line of its own.
    expect(lines).toContain('（一）公示管理制度；');
    expect(lines).toContain('摊位类型\t每月管理费');
    expect(lines).toContain('固定摊位\t200元');
    expect(lines[lines.length - 1]).toBe('第三条\u3000本办法自2022年3月1日起施行，有效期5年。');
    expect(doc.metadata).toEqual({});
  });

  it("renders Word's automatic numbering, which mammoth leaves out", async () => {
    const doc = await readDocumentFile(join(FIX, 'docx/auto-numbering.docx'));
    expect(doc.text.split('\n')).toEqual([
      '青山县集贸市场管理办法',
      '第一条\u3000为规范集贸市场经营秩序，制定本办法。',
      '第二条\u3000市场开办者不得有下列行为：',
      '（一）出租不符合安全条件的摊位；',
      '（二）擅自收取费用。',
      '第三条\u3000经营者应当遵守下列规定：',
      '（一）亮照经营。', // a deeper level restarts under each article
      '办理步骤：',
      '1. 提交申请',
      '2. 现场核查',
      '附带说明', // bullets add nothing
      '第四条\u3000本办法自2022年3月1日起施行。',
    ]);
  });

  it('refuses a file that is not a zip', async () => {
    expect((await failure(join(FIX, 'bad/not-a-zip.docx'))).reason).toContain('不是有效的 Word 文档');
  });

  it('refuses a zip without word/document.xml', async () => {
    expect((await failure(join(FIX, 'bad/no-document.docx'))).reason).toContain('word/document.xml');
  });

  it('refuses a Word document with no text', async () => {
    expect((await failure(join(FIX, 'bad/blank.docx'))).reason).toContain('没有文字');
  });
});

describe('bad input', () => {
  it.each([
    ['bad/empty.txt', '文件为空'],
    ['bad/whitespace.txt', '只有空白'],
    ['bad/english.txt', '不含中文文字'],
    ['bad/binary.txt', '二进制'],
    ['bad/undecodable.txt', '无法识别文件编码'],
    ['bad/sample.pdf', '不支持的文件类型“.pdf”'],
    ['bad/legacy.doc', '另存为 .docx'],
    ['bad/no-register-column.csv', '不支持的文件类型“.csv”'],
  ])('%s → %s', async (name, says) => {
    expect((await failure(join(FIX, name))).reason).toContain(says);
  });

  it('a missing file, a directory, a file without extension', async () => {
    expect((await failure(join(tmp, 'nope.txt'))).reason).toContain('文件不存在');
    const dir = join(tmp, 'folder.txt');
    mkdirSync(dir);
    expect((await failure(dir)).reason).toContain('目录');
    expect((await failure(join(tmp, 'README'))).reason).toContain('无扩展名');
  });

  it('a file over 10 MB is refused from its size alone', async () => {
    const p = join(tmp, 'huge.txt');
    copyFileSync(join(FIX, 'txt/utf8-crlf.txt'), p);
    // Sparse: 11 MB on paper, nothing on disk. The reader must say so without reading it.
    truncateSync(p, MAX_FILE_BYTES + 1024 * 1024);
    const err = await failure(p);
    expect(err.reason).toContain('文件过大（11.0 MB）');
    expect(err.reason).toContain('上限为 10 MB');
  });

  it('a file of exactly 10 MB passes the size check; as text it then meets the million-character cap', async () => {
    const p = join(tmp, 'ten.txt');
    const head = '第一条　为了规范管理，制定本办法。\n';
    const bytes = Buffer.alloc(MAX_FILE_BYTES, 0x20);
    bytes.write(head, 0, 'utf8');
    writeFileSync(p, bytes);
    await expect(readDocumentFile(p)).rejects.toThrow(/ten\.txt：文字过长（1048\.6 万字），上限为 100 万字/);
  });
});

describe('Word numbering', () => {
  const numbering = (lvls: string, override = '') => `<w:numbering>
    <w:abstractNum w:abstractNumId="0">${lvls}</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/>${override}</w:num></w:numbering>`;
  const lvl = (i: number, fmt: string, text: string, start = 1) =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`;
  const para = (t: string, numId?: string, ilvl = 0, style?: string) =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const labels = (xml: string) => [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);

  it('formats Word number formats', () => {
    expect(formatNumber(12, 'chineseCounting')).toBe('十二');
    expect(formatNumber(103, 'chineseCountingThousand')).toBe('一百零三');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'decimalEnclosedParen')).toBe('⑵');
    expect(formatNumber(4, 'decimalFullWidth')).toBe('４');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(7, 'decimal')).toBe('7');
  });

  it('counts per level, honours start overrides, skips numId 0, and reads numbering from paragraph styles', () => {
    const num = numbering(lvl(0, 'chineseCounting', '%1、') + lvl(1, 'decimal', '%1.%2'), '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>');
    const doc = para('甲', '1') + para('乙', '1', 1) + para('丙', '1', 1) + para('丁', '0') + para('戊', '1') + para('己', undefined, 0, 'Art');
    const styles = '<w:styles><w:style w:type="paragraph" w:styleId="Art"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>';
    // %1 inside a level-2 label keeps level 1's own format, as Word does (三.1).
    expect(labels(renderNumbering(doc, num, styles))).toEqual(['三、', '三.1', '三.2', '四、', '五、']);
    // Nothing numbered: the document comes back as it was.
    const plain = para('甲') + para('乙');
    expect(renderNumbering(plain, num)).toBe(plain);
  });
});

describe('decoding', () => {
  it('prefers a declared charset, then UTF-8, then GB18030', () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
    expect(decodeBytes(gbk).text).toBe('中文');
    expect(decodeBytes(gbk).encoding).toBe('gb18030');
    expect(decodeBytes(new TextEncoder().encode('中文')).encoding).toBe('utf-8');
    expect(normalizeCharset('GB2312')).toBe('gb18030');
    expect(normalizeCharset('"utf8"')).toBe('utf-8');
    expect(normalizeCharset('no-such-charset')).toBeUndefined();
    expect(sniffHtmlCharset(new TextEncoder().encode('<meta charset="gbk">'))).toBe('gb18030');
    expect(sniffHtmlCharset(new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'))).toBe('utf-8');
    expect(sniffHtmlCharset(new TextEncoder().encode('<p>no charset</p>'))).toBeUndefined();
  });

  it('rebuilds a missing head/body skeleton', () => {
    expect(normalizeHtmlSkeleton('<p>甲</p>')).toBe('<!DOCTYPE html><html><head></head><body><p>甲</p></body></html>');
    expect(normalizeHtmlSkeleton('<html><head><title>t</title></head><p>甲</p></html>')).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head><body><p>甲</p></body></html>',
    );
    expect(normalizeHtmlSkeleton('<html><body class="x"><p>甲</p></body></html><p>尾</p>')).toBe(
      '<!DOCTYPE html><html><head></head><body class="x"><p>甲</p></body></html>',
    );
  });
});
