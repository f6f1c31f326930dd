/**
 * The opinion as a Word file (.docx), laid out after GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm (a 156 mm × 225 mm type area), title in 二号方正小标宋, body in 三号
 * 仿宋_GB2312 at a fixed 28.95 pt line pitch (22 lines of 28 characters), first-level headings in 黑体, page
 * numbers “— 1 —” in 四号宋体 at the foot. The same OpinionModel as the printed page: the two never disagree.
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';
import { chineseNumber, type OpinionModel } from './opinion';

/** What the reviewer typed on the page before exporting (the page's editable lines). */
export interface OpinionExtras {
  organ?: string;
  number?: string;
  addressee?: string;
}

const MM = 56.693; // twips per millimetre
const PT = 20; // twips per point

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_SIZE = 32; // half-points: 三号 16 pt
const TITLE_SIZE = 44; // 二号 22 pt
const LINE = Math.round(28.95 * PT);

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

const run = (text: string, o: Partial<IRunOptions> = {}) => new TextRun({ text, font: font(BODY_FONT), size: BODY_SIZE, ...o });

const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** A body paragraph: first line indented two characters, justified. */
const para = (children: TextRun[]) =>
  new Paragraph({ children, spacing, indent: { firstLine: 2 * 16 * PT }, alignment: AlignmentType.JUSTIFIED });

const plain = (children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
  new Paragraph({ children, spacing, alignment });

export function opinionDocument(m: OpinionModel, extras: OpinionExtras = {}): Document {
  const children: Paragraph[] = [];
  children.push(
    new Paragraph({
      children: [new TextRun({ text: m.title, font: font(TITLE_FONT), size: TITLE_SIZE })],
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(35 * PT), lineRule: LineRuleType.EXACT, before: 0, after: LINE },
    }),
  );
  if (extras.number) children.push(plain([run(extras.number)], AlignmentType.CENTER));
  if (m.docNumber) children.push(plain([run(`送审文件文号：${m.docNumber}`)], AlignmentType.CENTER));
  const addressee = extras.addressee ?? m.addressee;
  if (addressee) children.push(plain([run(`${addressee}：`)]));
  children.push(para([run(m.opening)]));
  m.items.forEach((item, i) => {
    const heading = `${chineseNumber(i + 1)}、${item.heading}${item.points.length > 1 ? `（${item.points.length}处）` : ''}。`;
    const headRun = run(heading, { font: font(HEADING_FONT) });
    if (item.points.length === 1) children.push(para([headRun, run(item.points[0])]));
    else {
      children.push(para([headRun]));
      item.points.forEach((p, k) => children.push(para([run(`（${chineseNumber(k + 1)}）${p}`)])));
    }
    children.push(para([run(`依据：${item.basis}`)]));
  });
  if (m.fixes.length) {
    children.push(para([run(`${chineseNumber(m.items.length + 1)}、审核过程中已修改的问题（${m.fixes.length}处）。`, { font: font(HEADING_FONT) })]));
    m.fixes.forEach((f, k) => children.push(para([run(`（${chineseNumber(k + 1)}）${fixSentence(f)}`)])));
  }
  if (m.remarks) children.push(para([run(m.remarks)]));
  children.push(para([run(`${m.conclusionHeading}：`), run(m.conclusionLabel, { bold: true }), run(`。${m.conclusionText}`)]));
  // Two blank lines, then the organ and the date, right-aligned four characters in (GB/T 9704 7.3.5.2).
  children.push(plain([run('')]), plain([run('')]));
  const sign = (t: string) => new Paragraph({ children: [run(t)], spacing, alignment: AlignmentType.RIGHT, indent: { right: 4 * 16 * PT } });
  if (extras.organ) children.push(sign(extras.organ));
  children.push(sign(m.date));
  if (m.reviewer) children.push(plain([run('')]), plain([run(`审核人：${m.reviewer}`)]));

  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 }),
    ],
  });
  return new Document({
    creator: extras.organ || '审查机关',
    title: m.title,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(28 * MM - 7 * MM) },
          },
        },
        footers: { default: new Footer({ children: [pageNumber] }) },
        children,
      },
    ],
  });
}

/** 第三条，标点符号不规范：“…工作,区公安分局…”已改为“…工作，区公安分局…”。 */
export function fixSentence(f: OpinionModel['fixes'][number]): string {
  return `${f.article ? `${f.article}，` : ''}${f.heading}：“${f.before}”已改为“${f.after}”。`;
}

export async function opinionDocx(m: OpinionModel, extras: OpinionExtras = {}): Promise<Blob> {
  return Packer.toBlob(opinionDocument(m, extras));
}
