import type { PageMetadata } from '../capture/types';
import type { Segmenter } from '../segment';
import { findBasisClause, findEffective, findInterpretation, findValidity } from './clauses';
import { scanCitations } from './citations';
import { findComments, findConsultations } from './comment';
import {
  findDocNumber,
  findProposedIssuer,
  findPublishedInText,
  findRegNumber,
  findSignatures,
  issuerAboveHeadline,
  issuerFromHeadline,
  issuerNames,
  metaDate,
} from './meta';
import { layoutDocument } from './parts';
import { findArticles, findHeadings, findItems, span, splitLines, splitSentences } from './structure';
import type { DocModel, Line, PartKind, Sentence, Span, Token } from './types';
import type { CaptureSource } from '../capture/types';
import { DOCUMENT_TITLE, isListPage, newsOrSpeech, notNormativeGenre, titleCandidates, type Genre } from './kind';

const SELF_REFERENCE = /本(?:办法|规定|细则|通知|通告|意见|决定|方案|措施|公告|规则|制度|标准|导则|指引|实施办法|实施细则|若干措施|规范)/g;
const MODAL = /应当|不得|禁止|严禁|可以|须|必须/g;
// A clause label opening a text: the reviewer selected clauses, not a document with its title.
const CLAUSE_START = /^(?:第[〇零一二两三四五六七八九十百0-9０-９]{1,6}条|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、])/;

// Counts matches without building an array: these run over whole documents.
const count = (re: RegExp, s: string, cap = 1e9) => {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(s)) n++;
  return n;
};

/** Whether a text that is neither a draft nor an explanation reads as a norm at all. */
function classifyNormative(body: string, titles: string[], articles: number, items: number, fragment: boolean): { normative: boolean; reason: string; genre?: Genre } {
  if (articles >= 1) return { normative: true, reason: '' };
  const news = newsOrSpeech(titles[0] ?? '', body);
  if (news) return { normative: false, ...news };
  // An official document names itself in its title (关于…的通知, …实施意见, …工作方案), also when its words are
  // policy language (加强, 推进, 要) rather than 应当 and 不得.
  if (titles.some((t) => DOCUMENT_TITLE.test(t))) return { normative: true, reason: '' };
  if (count(SELF_REFERENCE, body, 3) >= 1) return { normative: true, reason: '' };
  // A selected paragraph or clause is reviewed as the reviewer chose it.
  if (fragment || body.length <= 600) return { normative: true, reason: '' };
  const modals = count(MODAL, body, 50);
  if (items >= 2 && modals >= 2) return { normative: true, reason: '' };
  if (modals >= 4 && modals * 400 >= body.length) return { normative: true, reason: '' };
  return { normative: false, reason: '没有文件标题和条款结构，也没有“本办法”“应当”“不得”一类规范用语' };
}

/**
 * A fragment: the reviewer's selection, or a text that starts in the middle of a document (at 第九条, at an item,
 * or with a sentence instead of a title). It is reviewed for what it holds, not for clauses it was not chosen to hold.
 */
function isFragment(lines: Line[], text: string, source?: CaptureSource): boolean {
  if (source === 'selection') return true;
  const first = lines.find((l) => l.text)?.text ?? '';
  if (!first) return false;
  if (CLAUSE_START.test(first)) return !/^第[一1１]条|^一、/.test(first);
  // A sentence first (no title line) in a short text.
  return /[。；]/.test(first) && !DOCUMENT_TITLE.test(first) && text.length <= 1500;
}

/**
 * Text plus page metadata → the document model every rule reads. One linear pass per concern; jieba words
 * only when a rule asks for them.
 */
export function parseDocument(text: string, metadata: PageMetadata, segmenter?: Segmenter, source?: CaptureSource): DocModel {
  const lines = splitLines(text);
  const remarks = findRemarks(text);
  // Sentences of the text itself: a drafter's 【…】 remark is not part of the document.
  const sentences = outsideRemarks(splitSentences(text), remarks);
  const layout = layoutDocument(text, lines, metadata.title);
  const { parts, bodyStart, bodyEnd } = layout;
  let { kind, kindReason } = layout;
  let genre: Genre | undefined;
  const fragment = isFragment(lines, text, source);
  const titles = titleCandidates(lines, layout.headline?.text);
  // What the text calls itself comes first: a report, a record or an internal assessment is not a norm however
  // many 第X条 it cites.
  if (kind === 'normative' || kind === 'draft') {
    const g =
      [...titles, metadata.title ?? ''].reduce<ReturnType<typeof notNormativeGenre>>((found, t) => found ?? notNormativeGenre(t, text), undefined) ??
      (isListPage(lines) ? { genre: 'list-page' as const, reason: '门户网站的文件列表页，不是规范性文件' } : undefined);
    if (g) {
      kind = 'not-normative';
      kindReason = g.reason;
      genre = g.genre;
    }
  }

  const articles = findArticles(text, lines, bodyStart, bodyEnd);
  const items = findItems(text, lines, articles);
  const inBody = (s: { start: number }) => s.start >= bodyStart && s.start < bodyEnd;
  const bodySentences = sentences.filter(inBody);
  // A cover notice may carry the effective clause for the document it issues (本通知自印发之日起施行).
  const leadSentences = sentences.filter((s) => s.start < bodyStart && parts.some((p) => (p.kind === 'cover' || p.kind === 'notice') && s.start >= p.start && s.start < p.end));
  const describes = kind === 'explanation' || kind === 'interpretation';
  // An 起草说明 or 解读 states the clauses of the document it describes; search all of it.
  const clauseSentences = describes ? sentences : bodySentences;

  const firstArticleEnd = articles[0]?.end ?? items.find((i) => i.start >= bodyStart)?.start ?? bodyEnd;
  const basisClause = describes ? undefined : findBasisClause(text, sentences, bodyStart, Math.max(firstArticleEnd, bodyStart + 1));
  const { citations, nested, aliases } = scanCitations(text, basisClause);

  if (kind === 'normative') {
    const body = text.slice(bodyStart, bodyEnd);
    const c = classifyNormative(body, titles, articles.length, items.filter(inBody).length, fragment);
    if (!c.normative) {
      kind = 'not-normative';
      kindReason = c.reason;
      genre = c.genre;
    } else if (fragment) {
      kindReason = source === 'selection' ? '选中的片段：只审查所选内容，不检查其中没有的条款' : '条文片段（没有文件标题）：只审查其中的内容，不检查其中没有的条款';
    }
  }

  const signatures = findSignatures(text, lines, parts);
  const leadSig = signatures.find((s) => s.part === 'cover' || s.part === 'notice');
  const bodySig = signatures.find((s) => s.part === 'body');
  const anySig = (k: PartKind) => signatures.find((s) => s.part === k);

  const published = metaDate(metadata.publishedDate) ?? findPublishedInText(text, lines);
  const writtenSig = (kind === 'normative' ? (leadSig ?? bodySig) : (bodySig ?? leadSig))?.date;
  const written = metaDate(metadata.writtenDate) ?? (writtenSig && !writtenSig.partial ? writtenSig : undefined);

  const headlineIssuer = issuerFromHeadline(text, layout.headline) ?? issuerAboveHeadline(text, lines, layout.headline);
  const sigOrgan = (kind === 'explanation' || kind === 'interpretation' ? undefined : (leadSig ?? bodySig)?.organ);
  const issuer = metadata.issuer?.trim()
    ? { name: metadata.issuer.trim(), span: findName(text, metadata.issuer.trim(), headlineIssuer), source: 'metadata' as const }
    : headlineIssuer && kind !== 'explanation'
      ? { name: headlineIssuer.text, span: headlineIssuer, source: 'title' as const }
      : sigOrgan
        ? { name: sigOrgan.text, span: sigOrgan, source: 'signature' as const }
        : undefined;

  const title = layout.title;
  const titleText = title?.text ?? metadata.title ?? '';
  const noticeDate = published?.iso ?? anySig('notice')?.date?.iso;

  const runWords = runWordsOf(text, segmenter);
  const model: DocModel = {
    text,
    kind,
    kindReason,
    genre,
    fragment,
    parts,
    title,
    headline: layout.headline,
    docNumber: findDocNumber(text, lines, metadata) ?? docNumberOfDescribed(citations, title, describes),
    regNumber: findRegNumber(text, metadata),
    issuer,
    dates: { written, published },
    provisional: /暂行|试行/.test(titleText),
    chapters: findHeadings(text, lines, bodyStart, bodyEnd),
    articles,
    items,
    citations,
    basisClause,
    effective: findEffective(text, clauseSentences) ?? (describes ? undefined : findEffective(text, leadSentences)),
    validity: findValidity(text, clauseSentences),
    interpretation: describes ? undefined : findInterpretation(text, bodySentences),
    comments: findComments(text, lines, sentences, noticeDate),
    consultations: findConsultations(text, sentences),
    proposedIssuer: findProposedIssuer(text, 0, bodyStart > 0 ? bodyStart : Math.min(text.length, 2000), headlineIssuer),
    issuers: issuerNames(lines, layout.headline, metadata, signatures),
    remarks,
    signatures,
    lines,
    sentences,
    metadata,
    words: () => runWords(0, text.length),
    wordsIn: runWords,
    inParts: (kinds, start) => kinds.includes(parts.find((p) => start >= p.start && start < p.end)?.kind ?? 'other'),
  };
  nestedTitles.set(model, nested);
  aliasTitles.set(model, aliases);
  return model;
}

// Characters jieba never puts inside a word: whitespace and punctuation. Its cut splits the text at every one of
// them before segmenting (each is a word of its own), so the words of the run between two of them are the words of
// cutting the whole line there.
const WORD_BREAKS = new Set(Array.from('，。；：、！？（）《》〈〉「」『』【】〔〕［］｛｝“”‘’…—,;:!?()[]{}<>"\'/|', (c) => c.charCodeAt(0)));
const breaksWords = (c: number) => c <= 32 || c === 0x3000 || c === 0xa0 || WORD_BREAKS.has(c);

/**
 * jieba words of the runs of text between punctuation or spaces that overlap [start, end), each run cut once on
 * first need; punctuation and spaces are one-character words, line breaks none. Word-based rules ask only where a
 * cheap test of their word list found a candidate, so jieba cuts the clause around each candidate (a few characters,
 * not its paragraph), and a text in which no rule finds one is never cut at all.
 */
function runWordsOf(text: string, segmenter: Segmenter | undefined): (start: number, end: number) => Token[] {
  const cut = new Map<number, Token[]>();
  return (start, end) => {
    if (!segmenter) return [];
    const out: Token[] = [];
    let at = Math.max(0, Math.min(start, text.length));
    const stop = Math.max(at + 1, end);
    // Back to the start of the run that holds `start`.
    if (at < text.length && !breaksWords(text.charCodeAt(at))) while (at > 0 && !breaksWords(text.charCodeAt(at - 1))) at--;
    while (at < stop && at < text.length) {
      const c = text.charCodeAt(at);
      if (breaksWords(c)) {
        if (c !== 10) out.push({ word: text[at], start: at, end: at + 1 });
        at++;
        continue;
      }
      let runEnd = at + 1;
      while (runEnd < text.length && !breaksWords(text.charCodeAt(runEnd))) runEnd++;
      let words = cut.get(at);
      if (!words) {
        const from = at;
        words = segmenter.tokenize(text.slice(from, runEnd)).map((w) => ({ word: w.word, start: w.start + from, end: w.end + from }));
        cut.set(from, words);
      }
      for (const w of words) out.push(w);
      at = runEnd;
    }
    return out;
  };
}

// 【区城市管理局意见：…】 and 【起草人注：…】 lines, which may run over several sentences but not over lines. A remark in
// square brackets names its speaker within its first 40 characters: [审核意见：…]. Read in one pass with the next
// closing bracket of each place computed once, not by a regular expression that tried 400 characters after every
// unclosed [ (a page of 50k "[意见：" took seconds).
const REMARK_BODY = 400;
const REMARK_SPEAKER = 40;
function findRemarks(text: string): Span[] {
  const out: Span[] = [];
  // nextClose[i]: the first ']' (or line break) at or after i; nextCjkClose: the same for '】'.
  const nextClose = new Int32Array(text.length + 1).fill(text.length);
  const nextCjkClose = new Int32Array(text.length + 1).fill(text.length);
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    nextClose[i] = c === ']' || c === '\n' ? i : nextClose[i + 1];
    nextCjkClose[i] = c === '】' || c === '\n' ? i : nextCjkClose[i + 1];
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let end = -1;
    if (c === '【') {
      const j = nextCjkClose[i + 1];
      if (text[j] === '】' && j - i - 1 <= REMARK_BODY) end = j + 1;
    } else if (c === '[') {
      const j = nextClose[i + 1];
      if (text[j] === ']' && squareRemark(text, i + 1, j)) end = j + 1;
    }
    if (end < 0) continue;
    // A bracketed label such as 【打印】 or 【意见征集】《…》 opens a line; a remark says who speaks (…注： / …意见：).
    if (/(?:注|意见|批注|说明|备注)[：:]/.test(text.slice(i, Math.min(end, i + 24)))) out.push(span(text, i, end));
    i = end - 1;
  }
  return out;
}

// The sentences not within a remark. Both lists are in text order and remarks never overlap: one walk, not a search
// of every remark for every sentence.
function outsideRemarks(sentences: Sentence[], remarks: Span[]): Sentence[] {
  if (!remarks.length) return sentences;
  let k = 0;
  return sentences.filter((s) => {
    while (k < remarks.length && remarks[k].end < s.end) k++;
    return !(k < remarks.length && remarks[k].start <= s.start);
  });
}

// Whether text[from, to) is 注：, 意见： or 批注： after at most REMARK_SPEAKER characters, then at most REMARK_BODY.
function squareRemark(text: string, from: number, to: number): boolean {
  for (let c = Math.min(to - 1, from + REMARK_SPEAKER + 2); c > from; c--) {
    if (text[c] !== '：' && text[c] !== ':') continue;
    if (to - c - 1 > REMARK_BODY) return false;
    const p = text[c - 1] === '注' ? (text[c - 2] === '批' && c - 2 >= from ? c - 2 : c - 1) : text.slice(c - 2, c) === '意见' && c - 2 >= from ? c - 2 : -1;
    if (p >= from && p - from <= REMARK_SPEAKER) return true;
  }
  return false;
}

// Derived scans the parser makes anyway; rules reach them through these accessors.
const nestedTitles = new WeakMap<DocModel, Span[]>();
const aliasTitles = new WeakMap<DocModel, Set<string>>();
export const nestedQuotes = (doc: DocModel) => nestedTitles.get(doc) ?? [];
export const definedAliases = (doc: DocModel) => aliasTitles.get(doc) ?? new Set<string>();

function findName(text: string, name: string, preferred?: Span): Span | undefined {
  if (preferred && preferred.text === name) return preferred;
  const at = text.indexOf(name);
  return at >= 0 ? span(text, at, at + name.length) : undefined;
}

// An explanation or 解读 names its document's 文号 right after the title: 《…》（临人社发〔2021〕28号，以下简称《办法》）.
function docNumberOfDescribed(citations: DocModel['citations'], title: Span | undefined, describes: boolean) {
  if (!describes || !title) return undefined;
  const c = citations.find((c) => c.docNumber && c.title.replace(/（[^）]*稿）$/, '') === title.text.replace(/（[^）]*稿）$/, ''));
  return c?.docNumber ? { text: c.docNumber.text, span: c.docNumber } : undefined;
}

