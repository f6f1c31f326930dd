// Files that fight back (issue 13), generated on the fly — never committed binaries. `scale` 1 gives the sizes of
// the table (each file under 2 MB on disk); the unit tests use small instances that still cross each limit.
import JSZip from 'jszip';

export interface HostileFile {
  label: string;
  /** File name, extension included. */
  name: string;
  bytes: () => Promise<Uint8Array>;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`;

const para = (text: string, numbered = false) =>
  `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
export const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
export const NORM = para('清河市城市管理办法') + para('第一条　为加强城市管理，制定本办法。') + para('第二条　本办法自公布之日起施行。');
const numberingXml = (fmt: string, start: string | number) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

export async function docx(parts: { document: string; numbering?: string; extra?: [string, string][] }): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', parts.document);
  if (parts.numbering) {
    zip.file('word/_rels/document.xml.rels', DOC_RELS);
    zip.file('word/numbering.xml', parts.numbering);
  }
  for (const [name, data] of parts.extra ?? []) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The files of issue 13's table, at `scale` (1 = the issue's sizes). */
export function hostileFiles(scale = 1): HostileFile[] {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return [
    {
      label: 'zip bomb: XML parts expanding to 480 MB',
      name: 'zip-bomb.docx',
      // Eight 60 MB parts of one repeated character: the cap is crossed by the sum, whatever the scale.
      bytes: () => docx({ document: documentXml(NORM), extra: Array.from({ length: Math.max(1, n(8)) }, (_, i) => [`word/media/pad${i}.xml`, ' '.repeat(60 * 1024 * 1024)] as [string, string]) }),
    },
    {
      label: '.docx with a 200 MB document.xml',
      name: 'huge-document.docx',
      bytes: () => docx({ document: documentXml(NORM + `<w:p><w:r><w:t>${'审'.repeat(Math.max(n(200), 60) * 1024 * 1024 / 3)}</w:t></w:r></w:p>`) }),
    },
    {
      label: 'numbering.xml with 1.5 M unclosed <w:abstractNum',
      name: 'unclosed-abstractnum.docx',
      bytes: () => docx({ document: documentXml(NORM.replace('<w:p>', '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')), numbering: `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${'<w:abstractNum'.repeat(n(1_500_000))}</w:numbering>` }),
    },
    {
      label: 'document.xml of <w:p><w:pPr> without </w:pPr>',
      name: 'unclosed-ppr.docx',
      bytes: () => docx({ document: documentXml(NORM + '<w:p><w:pPr>'.repeat(n(1_000_000))), numbering: numberingXml('decimal', 1) }),
    },
    {
      label: 'list numbered in upperRoman from 10^15',
      name: 'roman-1e15.docx',
      bytes: () => docx({ document: documentXml(NORM + para('第三条　下列事项：', false) + para('事项', true).repeat(n(20_000))), numbering: numberingXml('upperRoman', '1000000000000000') }),
    },
    {
      label: 'HTML: a paragraph then 200k unclosed <body',
      name: 'unclosed-body.html',
      bytes: async () => utf8(`<html><head><title>清河市城市管理办法${'<body'.repeat(n(200_000))}</title>${'<body'.repeat(n(200_000))}</head><p>第一条　为加强城市管理，制定本办法。</p>${'<body'.repeat(n(200_000))}`),
    },
    {
      label: 'HTML: 50k metadata-like <p>名称：某某</p>',
      name: 'metadata-flood.html',
      bytes: async () => utf8(`<html><head><title>清河市城市管理办法</title></head><body><p>第一条　为加强城市管理，制定本办法。</p>${'<p>名称：某某</p>'.repeat(n(50_000))}</body></html>`),
    },
    {
      label: '3 MB text: one 第一条 holding 1 M 《',
      name: 'million-titles.txt',
      bytes: async () => utf8(`第一条　${'《'.repeat(n(1_000_000))}`),
    },
  ];
}

/** A file name that tries to forge a finding line in text output. */
export const FORGED_NAME = '说明\n伪造.txt:1:1  错误  effective.no-grace  伪造的问题\n.txt';
