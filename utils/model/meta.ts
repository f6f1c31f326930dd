import type { PageMetadata } from '../capture/types';
import { findDates, parseDate } from '../text/dates';
import { matchDocNumbers } from '../text/docnumber';
import type { DateValue, Line, Part, Signature, Span } from './types';
import { span } from './structure';

/** Names of organs: what a signature line or an issuer prefix ends with. */
export const ORGAN_SUFFIX =
  /(?:人民政府|人民代表大会常务委员会|政府|办公室|办公厅|委员会|局|厅|委|办|署|院|中心|支行|分行|公司|所|处|科|股|室|站|队|部|会|街道办事处|管委会|管理委员会)$/;

export const DATE_LINE = /^[0-9０-９〇零一二两三四五六七八九十OoＯ]{4}\s*年[\s\u3000]*[0-9０-９〇零一二三四五六七八九十]{0,3}[\s\u3000]*月[\s\u3000]*[0-9０-９〇零一二三四五六七八九十]{0,3}[\s\u3000]*日$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const SKIPPABLE_TAIL = /^[（(][^）)]{0,20}[）)]$|^此页无正文|^（此件/;

/** Signature blocks: an organ line above a date line at the end of a part (the date may be left blank). */
export function findSignatures(text: string, lines: Line[], parts: Part[]): Signature[] {
  const out: Signature[] = [];
  for (const part of parts) {
    const inPart = lines.filter((l) => l.text && l.start >= part.start && l.start < part.end);
    for (let i = inPart.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
      const line = inPart[i];
      if (SKIPPABLE_TAIL.test(line.text)) continue;
      if (!DATE_LINE.test(line.text)) continue;
      const d = parseDate(line.text);
      const organLine = inPart[i - 1];
      const organ =
        organLine && organLine.text.length <= 40 && ORGAN_SUFFIX.test(organLine.text) && !/[，。：:；]/.test(organLine.text)
          ? span(text, organLine.textStart, organLine.textStart + organLine.text.length)
          : undefined;
      const date: DateValue | undefined = d
        ? { iso: d.iso, partial: d.partial, source: 'signature', span: span(text, line.textStart + d.index, line.textStart + d.index + d.length) }
        : undefined;
      out.push({ organ, date, part: part.kind });
      break;
    }
  }
  return out;
}

/** The document's own 文号: from the page metadata, else a line near the top that is only a 文号. */
export function findDocNumber(text: string, lines: Line[], metadata: PageMetadata): { text: string; year?: number; span?: Span } | undefined {
  const fromMeta = metadata.docNumber?.trim();
  if (fromMeta) {
    const at = text.indexOf(fromMeta);
    return { text: fromMeta, year: yearOf(fromMeta), span: at >= 0 ? span(text, at, at + fromMeta.length) : undefined };
  }
  for (const line of lines.slice(0, 30)) {
    const t = line.text.replace(/^(?:文号|发文字号|发文文号)[：:]\s*/, '');
    const m = matchDocNumbers(t).next().value;
    if (m && m.index === 0 && m[0].length === t.length) {
      const at = line.textStart + (line.text.length - t.length);
      return { text: t, year: yearOf(t), span: span(text, at, at + t.length) };
    }
    // 发文机关：…　文号：北政告〔2024〕1号　发布日期：…
    const labelled = /(?:文号|发文字号|发文文号)[：:]\s*/.exec(line.text);
    if (labelled) {
      const rest = line.text.slice(labelled.index + labelled[0].length);
      const n = matchDocNumbers(rest).next().value;
      if (n && n.index === 0) {
        const at = line.textStart + labelled.index + labelled[0].length;
        return { text: n[0], year: yearOf(n[0]), span: span(text, at, at + n[0].length) };
      }
    }
  }
  return undefined;
}

const yearOf = (s: string) => {
  const m = /((?:19|20)\d{2})/.exec(s);
  return m ? Number(m[1]) : undefined;
};

const REG_LABEL = /(?:统一)?(?:登记号|登记编号|统一编号|规范性文件编号|备案号|统一登记号)[：:]\s*([A-Za-z0-9\-—－–_〔〕\[\]（）()\u4e00-\u9fa5]{4,40})/;
const REG_CODE = /\b[A-Z]{2,8}[—\-－–]\d{4}[—\-－–]\d{1,5}\b/;

export function findRegNumber(text: string, metadata: PageMetadata): { text: string; span?: Span } | undefined {
  if (metadata.regNumber?.trim()) return { text: metadata.regNumber.trim() };
  const m = REG_LABEL.exec(text) ?? REG_CODE.exec(text);
  if (!m) return undefined;
  const value = m[1] ?? m[0];
  const at = m.index + m[0].indexOf(value);
  return { text: value, span: span(text, at, at + value.length) };
}

/** The issuer as a headline states it: 东山区人民政府关于加强…的通告 → 东山区人民政府 (of several, the first). */
export function issuerFromHeadline(text: string, headline?: Span): Span | undefined {
  if (!headline) return undefined;
  const m = /^(.{2,40}?)(?:等[一二三四五六七八九十0-9]*(?:个)?(?:部门|单位))?关于/.exec(headline.text);
  if (!m || !ORGAN_SUFFIX.test(m[1].split(/[、，,\s\u3000]+/)[0])) return undefined;
  // Joint issuers (A、B关于…) keep the first.
  const first = m[1].split(/[、，,\s]+/)[0];
  return span(text, headline.start, headline.start + first.length);
}

/**
 * The issuing organ's line above a headline that starts with 关于 (the 发文机关标志 of an official document:
 * 北塘县应急管理局 / 清河市人民政府文件).
 */
/**
 * Every organ named as issuer: in the headline (甲局、乙局关于…), on the organ lines above it (a joint document
 * prints one or two per line), in the metadata, in signatures.
 */
export function issuerNames(lines: Line[], headline: Span | undefined, metadata: PageMetadata, signatures: Signature[]): string[] {
  const names = new Set<string>();
  const add = (s: string) => {
    for (const n of s.replace(/文件$/, '').split(/[、，,\s\u3000]+/)) if (n.length >= 3 && ORGAN_SUFFIX.test(n)) names.add(n);
  };
  if (metadata.issuer) add(metadata.issuer);
  const lead = headline ? /^(.{2,80}?)(?:等[一二三四五六七八九十0-9]*(?:个)?(?:部门|单位))?关于/.exec(headline.text)?.[1] : undefined;
  if (lead) add(lead);
  if (headline) {
    const i = lines.findIndex((l) => l.textStart === headline.start);
    for (const l of lines.slice(Math.max(0, i - 8), Math.max(0, i))) {
      if (!l.text || matchDocNumbers(l.text).next().value || /[，。：:；]/.test(l.text)) continue;
      add(l.text);
    }
  }
  for (const s of signatures) if (s.organ && (s.part === 'cover' || s.part === 'body')) add(s.organ.text);
  return [...names];
}

export function issuerAboveHeadline(text: string, lines: Line[], headline?: Span): Span | undefined {
  if (!headline || !/^关于/.test(headline.text)) return undefined;
  const i = lines.findIndex((l) => l.textStart === headline.start);
  const above = [...lines.slice(Math.max(0, i - 3), Math.max(0, i))].reverse().find((l) => l.text);
  if (!above) return undefined;
  const name = above.text.replace(/文件$/, '');
  if (name.length > 40 || /[，。：:；、]/.test(name) || !ORGAN_SUFFIX.test(name)) return undefined;
  return span(text, above.textStart, above.textStart + name.length);
}

const PROPOSED = /拟(?:提请|报请|提交|由|以)?(?:以)?([^，。；,]{1,24}?(?:人民政府(?:办公室|办公厅)?|委员会|局|厅|委|办|中心|机关))(?:名义)?(?:印发|发布|出台|审议|常务会议)/;

export function findProposedIssuer(text: string, from: number, to: number, self?: Span): Span | undefined {
  const m = PROPOSED.exec(text.slice(from, to));
  if (!m) return undefined;
  // 拟以我局名义印发: the notice's own issuer.
  if (/^(?:我|本)(?:局|委|厅|办|中心|机关|部门|院|署)$/.test(m[1])) return self;
  const at = from + m.index + m[0].indexOf(m[1]);
  return span(text, at, at + m[1].length);
}

/** 发布日期：2022-06-06 or 发布时间：… in the text (a notice's info line), when the page gave no metadata. */
export function findPublishedInText(text: string, lines: Line[]): DateValue | undefined {
  for (const line of lines.slice(0, 40)) {
    const m = /(?:发布|公开|印发|公布)(?:日期|时间)[：:]\s*/.exec(line.text);
    if (!m) continue;
    const rest = line.text.slice(m.index + m[0].length);
    const d = findDates(rest)[0];
    if (d && d.index === 0) {
      const at = line.textStart + m.index + m[0].length;
      return { iso: d.iso, source: 'text', span: span(text, at, at + d.length) };
    }
  }
  return undefined;
}

export const metaDate = (iso: string | undefined): DateValue | undefined => (iso ? { iso, source: 'metadata' } : undefined);

