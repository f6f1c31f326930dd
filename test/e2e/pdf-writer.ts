/**
 * A minimal text PDF for fixtures, written on the fly (no committed binaries): one page per 36 lines, the lines in a
 * Type0 font with Identity-H encoding and a ToUnicode map, the glyphs left to the reader's fallback font. pdf.js and
 * poppler read the text layer of such a file as it was given, which is all the audit looks at.
 */
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

export function writeTextPdf(lines: readonly string[]): Uint8Array {
  const chars = [...new Set(lines.join(''))].filter((c) => c.codePointAt(0)! <= 0xffff);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const perPage = 36;
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage) as string[]);
  if (!pages.length) pages.push([]);

  // ToUnicode: each CID is the character's own code unit.
  const bf: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const block = chars.slice(i, i + 100);
    bf.push(`${block.length} beginbfchar\n${block.map((c) => `<${hex4(c.charCodeAt(0))}> <${hex4(c.charCodeAt(0))}>`).join('\n')}\nendbfchar`);
  }
  const cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def ' +
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n' +
    bf.join('\n') +
    '\nendcmap CMapName currentdict /CMap defineresource pop end end';
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  const pagesObj = add(''); // filled below
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`);
  const cidFont = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /CIDToGIDMap /Identity >>');
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const ops = page.map((l, i) => `BT /F1 12 Tf 50 ${800 - i * 21} Td <${[...l].map((c) => hex4(c.charCodeAt(0))).join('')}> Tj ET`).join('\n');
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
