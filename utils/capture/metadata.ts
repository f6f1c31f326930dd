/**
 * The portal metadata block (索引号, 发布机构, 文号, 成文日期, 发布日期, 登记号, 有效性, …) in whatever layout a site
 * uses: th/td pairs (several per row), dl/dt/dd, "label：value" lists, and one-line info bars
 * (发布时间：2021-10-20　　来源：东山区教育局　　浏览次数：317). Pure DOM code, read only.
 */
import { parseDate } from '../text/dates';
import { findMainContent, findTitleElement, isFurniture, stripSiteSuffix } from './main';
import { documentOrder } from './order';
import type { PageMetadata } from './types';

type Field = Exclude<keyof PageMetadata, 'raw' | 'url'>;

/** Labels as sites write them (spaces removed), by field. Data, not code: add a site's wording here. */
export const METADATA_LABELS: Record<Field, readonly string[]> = {
  indexNo: ['索引号', '信息索引号', '索取号'],
  issuer: ['发布机构', '发文机关', '发文单位', '制发机关', '发布单位', '发文机构', '制定机关', '制文机关', '成文单位', '发布机关', '公开责任部门'],
  writtenDate: ['成文日期', '印发日期', '成文时间', '发文日期', '制发日期', '签发日期'],
  publishedDate: ['发布日期', '公开日期', '发布时间', '公布日期', '公开时间', '发文时间', '生成日期', '信息发布日期'],
  docNumber: ['文号', '发文字号', '发文文号', '文件编号', '发文号'],
  regNumber: ['登记号', '统一编号', '规范性文件编号', '统一登记号', '登记编号', '规范性文件登记号', '备案登记号', '统一登记编号', '规范性文件统一编号', '规范性文件统一登记号', '统一登记号码', '备案号'],
  validityStatus: ['有效性', '时效性', '效力状态', '时效', '有效状态', '效力', '是否有效', '效力级别', '时效状态', '有效性状态'],
  effectiveDate: ['施行日期', '生效日期', '实施日期', '施行时间', '生效时间', '实施时间'],
  validUntil: ['有效期至', '失效日期', '失效时间', '有效期截止日期', '截止日期', '废止日期'],
  topic: ['主题分类', '主题词', '分类', '信息分类', '组配分类', '主题'],
  title: ['标题', '名称', '文件名称', '信息名称', '文件标题'],
  source: ['来源', '信息来源', '文章来源', '稿件来源'],
};

/**
 * Labels that fill a field only when no other label does: 生成日期 is when the page was generated, which some
 * portals print beside the real 发布日期/公开日期.
 */
const WEAK_LABELS = new Set(['生成日期']);

/** Labels of an info bar that carry nothing for the review but separate values (浏览次数：317). */
const IGNORED_LABELS = ['浏览次数', '点击数', '访问量', '阅读次数', '浏览量', '作者', '责任编辑', '编辑', '字号', '字体', '打印', '分享到', '点击率', '阅读量'];

/** Page controls that look like labels (字号：大 中 小): not metadata at all. */
const UI_LABELS = ['字号', '字体', '打印', '分享到'];

/** Fields that make a block a catalogue table (excluded from the text) rather than an info bar (kept). */
const CATALOGUE_FIELDS: readonly Field[] = ['indexNo', 'issuer', 'writtenDate', 'docNumber', 'regNumber', 'validityStatus', 'topic', 'effectiveDate', 'validUntil'];

const LABEL_TO_FIELD = new Map<string, Field>();
for (const [field, labels] of Object.entries(METADATA_LABELS) as [Field, readonly string[]][]) {
  for (const l of labels) LABEL_TO_FIELD.set(l, field);
}
const ALL_LABELS = [...LABEL_TO_FIELD.keys(), ...IGNORED_LABELS].sort((a, b) => b.length - a.length);

// Spaces inside labels ("索 引 号", "文　　号") are common: match each label with optional spaces between characters.
const spaced = (l: string) => [...l].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u3000]*');
const LABEL_RE = new RegExp(`(?:^|(?<=[\\s\\u3000|｜丨/【\\[（(]))(${ALL_LABELS.map(spaced).join('|')})[\\s\\u3000]*[：:]`, 'g');

const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
const LINE_START = new RegExp(`^[\\s\\u3000]*(?:${ALL_LABELS.map(spaced).join('|')})[\\s\\u3000]*[：:]`);
const DATE_START = /^[\s\u3000]*\d{4}[-./年]\d{1,2}/;

/**
 * The text of an element with a space where one child element ends and the next begins ("来源：X<span>字号：</span>"
 * reads "来源：X 字号："), or undefined when longer than `max`. Script and style are skipped.
 */
function spacedText(el: Element, max: number): string | undefined {
  let out = '';
  const walk = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        out += (c as Text).data.replace(/[\s\u00a0]+/g, ' ');
        if (out.length > max) return false;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(tag)) continue;
        // A block boundary ends a value (two spaces); an inline one only separates words.
        const block = BLOCKISH.test(tag);
        const gap = () => {
          if (block) out = out.replace(/ *$/, '  ');
          else if (!out.endsWith(' ')) out += ' ';
        };
        gap();
        if (!walk(c)) return false;
        gap();
      }
    }
    return true;
  };
  return walk(el) ? out.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/ {3,}/g, '  ') : undefined;
}
const labelKey = (s: string) => s.replace(/[\s\u3000\u00a0]/g, '').replace(/[：:]$/, '');
const BLOCKISH = /^(P|DIV|LI|TR|TD|TH|TABLE|TBODY|UL|OL|DL|DT|DD|H[1-6]|BR|SECTION|ARTICLE|HEADER|FOOTER)$/;

/** The field a label cell names, or undefined. */
export function fieldOfLabel(label: string): Field | undefined {
  const key = labelKey(label);
  return LABEL_TO_FIELD.get(key) ?? LABEL_SHAPES.find(([re]) => re.test(key))?.[1];
}

// Labels no list foresaw still end the way their field's labels do: 规范性文件统一登记编号, 政策文件发布时间…
const LABEL_SHAPES: [RegExp, Field][] = [
  [/^.{0,8}(?:统一|登记|备案)(?:登记)?(?:编号|号码?)$|^规范性文件.{0,4}编号$/, 'regNumber'],
  [/^.{0,6}(?:发文字号|文号)$/, 'docNumber'],
  [/^.{0,6}(?:发布|公开|公布)(?:日期|时间)$/, 'publishedDate'],
  [/^.{0,6}(?:成文|印发)(?:日期|时间)$/, 'writtenDate'],
  [/^.{0,6}(?:发文|发布|制发|制定|印发)(?:机关|机构|单位)$/, 'issuer'],
  [/^.{0,4}(?:有效性|时效性|效力状态|效力)$/, 'validityStatus'],
];

const text = (el: Element) => squash(el.textContent ?? '');

export interface MetadataBlock {
  el: Element;
  kind: 'table' | 'list' | 'bar';
  pairs: [string, string][];
}

export interface FoundMetadata {
  metadata: PageMetadata;
  /** Catalogue blocks (tables, dl, label lists): returned as metadata, left out of the captured text. */
  blocks: MetadataBlock[];
  /** Info bars (发布时间：…　来源：…): kept in the text. */
  bars: MetadataBlock[];
}

/** Splits "发布时间：2021-10-20　　来源：东山区教育局　　浏览次数：317" into label/value pairs. */
export function splitLabelled(line: string): [string, string][] {
  const out: [string, string][] = [];
  const ms = [...line.matchAll(LABEL_RE)];
  ms.forEach((m, i) => {
    const from = m.index! + m[0].length;
    const to = i + 1 < ms.length ? ms[i + 1].index! : line.length;
    let value = line.slice(from, to).replace(/^[\s\u3000\u00a0]+/, '');
    // A value ends at a wide gap when another field follows without a known label ("来源：X　　【打印】").
    // …or at a label this table does not know ("来源：X　解读类型：文字解读"), or at a bracketed control (【字号：…】).
    value = value.split(/[\s\u3000\u00a0]{2,}|\s*[|｜丨]\s*|[\s\u3000]+(?=[\u4e00-\u9fff]{2,8}[：:])|[\s\u3000]*[【\[]/)[0];
    // A "value" running on for a paragraph is body text that happened to follow a label.
    if (value.length <= 200) out.push([labelKey(m[1]), squash(value)]);
  });
  return out;
}

const cellsOf = (row: Element) => [...row.children].filter((c) => /^(TD|TH)$/i.test(c.tagName));

function readTable(table: Element): [string, string][] {
  const pairs: [string, string][] = [];
  for (const row of table.querySelectorAll('tr')) {
    if (row.closest('table') !== table) continue;
    const cells = cellsOf(row);
    for (let i = 0; i < cells.length; i++) {
      const t = text(cells[i]);
      const field = fieldOfLabel(t);
      if (field && i + 1 < cells.length && !fieldOfLabel(text(cells[i + 1]))) {
        pairs.push([labelKey(t), text(cells[i + 1])]);
        i++;
      } else {
        // "标签：值" in a single cell.
        const inCell = splitLabelled(t);
        if (inCell.length && inCell.every(([l]) => fieldOfLabel(l) || IGNORED_LABELS.includes(l))) pairs.push(...inCell);
      }
    }
  }
  return pairs;
}

function readDl(dl: Element): [string, string][] {
  const pairs: [string, string][] = [];
  let label: string | undefined;
  for (const c of dl.querySelectorAll('dt, dd')) {
    if (c.closest('dl') !== dl) continue;
    if (/^dt$/i.test(c.tagName)) {
      const t = text(c);
      const split = splitLabelled(t);
      if (split.length) {
        pairs.push(...split.filter(([, v]) => v));
        label = split[split.length - 1][1] ? undefined : split[split.length - 1][0];
      } else label = fieldOfLabel(t) ? labelKey(t) : undefined;
    } else if (label) {
      pairs.push([label, text(c)]);
      label = undefined;
    } else pairs.push(...splitLabelled(text(c)));
  }
  return pairs.filter(([l]) => fieldOfLabel(l));
}

const MAX_BLOCK_CHARS = 1500;

/** Finds the metadata blocks of a page; `main` (the content element) helps pick the block nearest to it. */
export function findMetadata(doc: Document, main?: Element | null): FoundMetadata {
  const blocks: MetadataBlock[] = [];
  const bars: MetadataBlock[] = [];
  const taken = new Set<Element>();
  const inTaken = (el: Element) => {
    for (let a: Element | null = el; a; a = a.parentElement) if (taken.has(a)) return true;
    return false;
  };
  const body = doc.body ?? doc.documentElement;
  if (!body) return { metadata: {}, blocks, bars };

  for (const table of body.querySelectorAll('table')) {
    if (inTaken(table) || (table.textContent ?? '').length > MAX_BLOCK_CHARS * 2) continue;
    const pairs = readTable(table);
    if (new Set(pairs.map(([l]) => fieldOfLabel(l))).size >= 2) {
      // A layout table wrapping the whole page would "contain" the metadata too: take the innermost table.
      const inner = [...table.querySelectorAll('table')].some((t) => new Set(readTable(t).map(([l]) => fieldOfLabel(l))).size >= 2);
      if (inner) continue;
      blocks.push({ el: table, kind: 'table', pairs });
      taken.add(table);
    }
  }
  for (const dl of body.querySelectorAll('dl')) {
    if (inTaken(dl)) continue;
    const pairs = readDl(dl);
    if (pairs.length >= 2) {
      blocks.push({ el: dl, kind: 'list', pairs });
      taken.add(dl);
    }
  }

  // Items whose first child is a bare label and the rest its value: <li><b>发文字号</b><span>…</span></li>.
  for (const list of body.querySelectorAll('ul, ol, div, p')) {
    if (inTaken(list) || (list.textContent ?? '').length > MAX_BLOCK_CHARS) continue;
    const pairs: [string, string][] = [];
    for (const item of list.children) {
      const kids = [...item.children];
      if (kids.length < 2) continue;
      const label = text(kids[0]).replace(/[：:]$/, '');
      if (!fieldOfLabel(label)) continue;
      pairs.push([labelKey(label), squash(kids.slice(1).map(text).join(''))]);
    }
    const fields = new Set(pairs.map(([l]) => fieldOfLabel(l)));
    if (fields.size >= 2 && [...fields].some((f) => CATALOGUE_FIELDS.includes(f!))) {
      blocks.push({ el: list, kind: 'list', pairs });
      taken.add(list);
    }
  }

  // "label：value" elements: leaf-ish elements (no block children with labels of their own).
  const labelled: { el: Element; pairs: [string, string][] }[] = [];
  const same = (a: [string, string][], b: [string, string][]) => a.length === b.length && a.every(([l, v], i) => l === b[i][0] && v === b[i][1]);
  const takenEls = () => [...taken];
  for (const el of body.querySelectorAll('li, p, span, div, td, em, label, font, strong, b, i, h4, h5, h6')) {
    const t = spacedText(el, 400);
    if (t === undefined || (!t.includes('：') && !t.includes(':'))) continue;
    if (inTaken(el) || takenEls().some((x) => el.contains(x))) continue;
    const pairs = splitLabelled(t);
    if (!pairs.some(([, v]) => v)) continue;
    // Only the innermost element holding the whole of these pairs counts.
    if ([...el.children].some((c) => same(splitLabelled(spacedText(c, 400) ?? ''), pairs))) continue;
    // The line must begin with a label (or, in an info bar, a date): "本办法发布时间：" inside a sentence is not metadata.
    if (!LINE_START.test(t) && !(DATE_START.test(t) && pairs.every(([l]) => !CATALOGUE_FIELDS.includes(fieldOfLabel(l)!)))) continue;
    labelled.push({ el, pairs });
  }
  // Group the single-pair elements by their parent: a <ul> of "索引号：…" items is one catalogue block.
  const groups = new Map<Element, { el: Element; pairs: [string, string][] }[]>();
  // The fields each parent's labelled children name, counted once: a page of 50k "名称：…" lines is not read 50k times.
  const siblingFields = new Map<Element | null, Set<Field | undefined>>();
  for (const o of labelled) {
    const set = siblingFields.get(o.el.parentElement) ?? new Set();
    for (const [lab] of o.pairs) set.add(fieldOfLabel(lab));
    siblingFields.set(o.el.parentElement, set);
  }
  for (const l of labelled) {
    const multi = new Set(l.pairs.map(([lab]) => fieldOfLabel(lab)).filter(Boolean)).size >= 2;
    // Inside the document body a lone "名称：…" line is text, not metadata.
    if (!multi && main?.contains(l.el) && !groups.has(l.el.parentElement!)) {
      if (siblingFields.get(l.el.parentElement)!.size < 3) continue;
    }
    const parent = l.el.parentElement;
    if (multi || !parent) {
      const fields = l.pairs.map(([lab]) => fieldOfLabel(lab)).filter(Boolean) as Field[];
      const kind = fields.some((f) => CATALOGUE_FIELDS.includes(f)) ? 'list' : 'bar';
      (kind === 'bar' ? bars : blocks).push({ el: l.el, kind, pairs: l.pairs });
      continue;
    }
    // Pairs spread over sibling elements, possibly one more level down (<li><span>文号：</span>…</li>).
    const key = parent.tagName === 'LI' && parent.parentElement ? parent.parentElement : parent;
    const g = groups.get(key) ?? [];
    g.push(l);
    groups.set(key, g);
  }
  for (const [parent, items] of groups) {
    const pairs = items.flatMap((i) => i.pairs);
    const fields = new Set(pairs.map(([l]) => fieldOfLabel(l)).filter(Boolean) as Field[]);
    if (fields.size >= 2 && [...fields].some((f) => CATALOGUE_FIELDS.includes(f))) {
      if ((parent.textContent ?? '').length <= MAX_BLOCK_CHARS) blocks.push({ el: parent, kind: 'list', pairs });
      else for (const i of items) blocks.push({ el: i.el, kind: 'list', pairs: i.pairs });
    } else if (fields.size >= 1) {
      for (const i of items) bars.push({ el: i.el, kind: 'bar', pairs: i.pairs });
    }
  }

  // One element can qualify twice (as a multi-pair line and as the parent of its lines): keep it once.
  const seen = new Set<Element>();
  const unique = (list: MetadataBlock[]) => list.filter((b) => !seen.has(b.el) && seen.add(b.el));
  blocks.splice(0, blocks.length, ...unique(blocks));
  bars.splice(0, bars.length, ...unique(bars));
  const metadata = mergeBlocks(blocks, bars, main);
  return { metadata, blocks, bars };
}

/** Document order of two nodes: negative when a precedes b. */
const order = documentOrder;

function distance(el: Element, main: Element | null | undefined): number {
  if (!main) return 0;
  // Blocks inside or right around the content come first; then by how far up their common ancestor is.
  let d = 0;
  for (let a: Element | null = main; a; a = a.parentElement, d++) if (a.contains(el)) return d;
  return 99;
}

function mergeBlocks(blocks: MetadataBlock[], bars: MetadataBlock[], main?: Element | null): PageMetadata {
  const md: PageMetadata = {};
  const raw: Record<string, string> = {};
  const weakFields = new Set<Field>();
  // The catalogue block nearest to the content wins over blocks elsewhere (a "latest documents" list).
  const ordered = [
    ...[...blocks].sort((a, b) => distance(a.el, main) - distance(b.el, main) || order(a.el, b.el)),
    ...[...bars].sort((a, b) => distance(a.el, main) - distance(b.el, main) || order(a.el, b.el)),
  ];
  for (const b of ordered) {
    for (const [label, value] of b.pairs) {
      if (!value || UI_LABELS.includes(label)) continue;
      raw[label] ??= value;
      const field = fieldOfLabel(label);
      if (!field) continue;
      const weak = WEAK_LABELS.has(label);
      if (md[field] !== undefined && (weak || !weakFields.has(field))) continue;
      if (weak) weakFields.add(field);
      else weakFields.delete(field);
      if (field === 'writtenDate' || field === 'publishedDate' || field === 'effectiveDate' || field === 'validUntil') {
        const d = parseDate(value);
        if (d) md[field] = d.iso;
      } else md[field] = value;
    }
  }
  if (Object.keys(raw).length) md.raw = raw;
  return md;
}

/**
 * The title when the metadata block has none: the heading that titles the content (`titleElement`), else
 * document.title without the site's suffix.
 */
export function completeTitle(md: PageMetadata, doc: Document, titleElement?: Element): PageMetadata {
  if (md.title) return md;
  const title = (titleElement ? squash(titleElement.textContent ?? '') : '') || stripSiteSuffix(doc.title ?? '');
  return title ? { ...md, title } : md;
}

/**
 * The portal metadata of a page: the metadata block's fields, the title (标题 in the block, else the heading over the
 * content, else document.title without the site suffix). `main` is the content element (found when not given).
 */
export function readMetadata(doc: Document, main?: Element | null): PageMetadata {
  const content = main ?? findMainContent(doc);
  const found = findMetadata(doc, content);
  if (found.metadata.title) return found.metadata;
  const drop = new Set(found.blocks.map((b) => b.el));
  return completeTitle(found.metadata, doc, findTitleElement(doc, content, (el) => drop.has(el) || isFurniture(el, content.contains(el))));
}
