// Files that fight back, small instances generated here (never committed): each ends with its one-line message or
// a normal review. The full-size files are timed, with their memory, by `npm run bench:adversarial`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../utils/cli/main';
import { csvTable } from '../../utils/cli/format';
import { readDocumentFile, InputError, MAX_TEXT_CHARS } from '../../utils/io';
import { renderNumbering } from '../../utils/io/docx-numbering';
import { readZipDirectory } from '../../utils/io/zip-limits';
import { docx, documentXml, FORGED_NAME, hostileFiles, NORM } from './files';

const dir = mkdtempSync(join(tmpdir(), 'normlint-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = new Map(hostileFiles(0.01).map((f) => [f.name, f]));
async function write(name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await files.get(name)!.bytes());
  return path;
}
async function failure(path: string): Promise<string> {
  try {
    await readDocumentFile(path);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('read without error');
}

describe('Word files that fight back', { timeout: 60_000 }, () => {
  it('a zip bomb is refused from its zip directory, before anything is inflated', async () => {
    const path = await write('zip-bomb.docx');
    const { readFileSync } = await import('node:fs');
    expect(readZipDirectory(new Uint8Array(readFileSync(path)))!.uncompressed).toBeGreaterThan(50 * 1024 * 1024);
    const msg = await failure(path);
    expect(msg).toMatch(/Word 文档解压后过大（60\.\d MB），上限为 50 MB/);
    expect(msg).not.toContain('\n');
  });
  it('a document.xml over the cap is refused the same way', async () => {
    expect(await failure(await write('huge-document.docx'))).toContain('上限为 50 MB');
  });
  it('unclosed <w:abstractNum openers: refused in one pass before the XML parser sees them, in one line', async () => {
    const msg = await failure(await write('unclosed-abstractnum.docx'));
    expect(msg).toContain('Word 文档结构异常：部件 word/numbering.xml的 XML 有未闭合的标签');
    expect(msg).not.toContain('\n');
  });
  it('a part with a document type (entities: XXE, billion laughs) is refused, whichever part it is', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:styles>&lol2;</w:styles>';
    const path = join(dir, 'laughs.docx');
    writeFileSync(path, await docx({ document: documentXml(NORM), extra: [['word/styles.xml', laughs]] }));
    expect(await failure(path)).toContain('部件 word/styles.xml含有文档类型声明（DOCTYPE）');
  });
  it('comments, CDATA and processing instructions holding < are not taken for unclosed tags', async () => {
    const path = join(dir, 'comments.docx');
    writeFileSync(path, await docx({ document: documentXml(`<!-- a <b --><w:p><w:r><w:t><![CDATA[x<y]]></w:t></w:r></w:p>${NORM}`) }));
    expect((await readDocumentFile(path)).text).toContain('第一条');
  });
  it('a document.xml of unclosed <w:p><w:pPr> is refused before the XML parser builds its tree', async () => {
    const msg = await failure(await write('unclosed-ppr.docx'));
    expect(msg).toContain('嵌套超过 512 层');
  });
  it('<w:pPr> without its close: the paragraphs before are read, no label is invented', () => {
    const xml = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>' + '<w:p><w:pPr>'.repeat(2000);
    const num = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const out = renderNumbering(xml, num);
    expect(out.match(/xml:space="preserve">([^<]*)</g)).toEqual(['xml:space="preserve">1. <']);
  });
  it('a list started at 10^15 in upperRoman counts from 1; past 3999 Roman numerals turn to digits', async () => {
    const doc = await readDocumentFile(await write('roman-1e15.docx'));
    const labels = doc.text.split('\n').filter((l) => l.endsWith('事项')).map((l) => l.split(/\s/)[0]);
    expect(labels.slice(0, 3)).toEqual(['I.', 'II.', 'III.']);
    expect(labels).toHaveLength(200);
    const num = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const p = '<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>';
    expect(renderNumbering(p + p, num).match(/preserve">([^<]*)</g)).toEqual(['preserve">MMMCMXCIX. <', 'preserve">4000. <']);
    // A labelled paragraph keeps no <w:numPr>: mammoth does not make a list of it again.
    expect(renderNumbering(p + p, num)).not.toContain('<w:numPr>');
  });
});

describe('HTML and text that fight back', { timeout: 60_000 }, () => {
  it('unclosed <body openers (in head, title and body) are dropped: the paragraph is read and reviewed', async () => {
    const doc = await readDocumentFile(await write('unclosed-body.html'));
    expect(doc.text).toBe('第一条　为加强城市管理，制定本办法。');
    expect(doc.metadata.title).toBe('清河市城市管理办法');
  });
  it('<header> is not <head>, and a page without <body> keeps its text', async () => {
    const { normalizeHtmlSkeleton } = await import('../../utils/io/html');
    expect(normalizeHtmlSkeleton('<header>甲</header><p>乙</p>')).toBe('<!DOCTYPE html><html><head></head><body><header>甲</header><p>乙</p></body></html>');
  });
  it('a text over a million characters once decoded is refused in one line; one at the cap is read', async () => {
    const over = join(dir, 'over.txt');
    writeFileSync(over, `第一条　${'审'.repeat(MAX_TEXT_CHARS - 4)}`);
    expect((await readDocumentFile(over)).text).toHaveLength(MAX_TEXT_CHARS);
    writeFileSync(over, `第一条　${'审'.repeat(MAX_TEXT_CHARS - 3)}`);
    expect(await failure(over)).toMatch(/：文字过长（100\.0 万字），上限为 100 万字，请分段审查（text too long）$/);
  });
  it('a million-《 text reviews (small instance)', async () => {
    const doc = await readDocumentFile(await write('million-titles.txt'));
    expect(doc.text.startsWith('第一条　《《')).toBe(true);
  });
});

describe('names and cells that fight back', { timeout: 60_000 }, () => {
  it('a file name with a line break cannot forge a finding line in text output', async () => {
    const path = join(dir, FORGED_NAME);
    writeFileSync(path, '第一条　为加强城市管理，制定本办法。\n第二条　本办法自公布之日起施行。\n');
    let stdout = '';
    let stderr = '';
    await run([path, join(dir, 'missing\r\n伪造.txt')], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
    const lines = stdout.trim().split('\n');
    expect(lines.some((l) => l.startsWith('伪造.txt:1:1'))).toBe(false);
    expect(lines.filter((l) => l.includes('伪造.txt:1:1')).every((l) => l.includes('说明\\n伪造.txt'))).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('missing\\r\\n伪造.txt');
  });
  it('CSV cells from a page never run as formulas', () => {
    const csv = csvTable([
      { path: '=cmd|"/c calc"!A1.txt', summary: { title: '+HYPERLINK("http://x")', docNumber: '@SUM(A1)', issuer: '-1+1' } as never, findings: [] },
    ]);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1.txt"`);
    expect(csv).toContain(`"'+HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'-1+1");
  });
});
