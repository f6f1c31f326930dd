import { isNormText } from '../utils/engine/helpers';
import type { Rule, Severity } from '../utils/engine/types';
import WORDS from './data/wording.json';

interface WordEntry {
  word: string;
  severity: Severity;
  message: string;
  /** The replacement, when one word says it better. */
  suggest?: string;
  /** jieba may keep the word inside a longer token (尽量减少): accept a token that starts with it. */
  prefix?: boolean;
}

const ENTRIES = WORDS as WordEntry[];
const BY_WORD = new Map(ENTRIES.map((e) => [e.word, e]));
// Longest first, so 视情况 wins over 视情.
const PATTERN = new RegExp(
  [...ENTRIES]
    .sort((a, b) => b.word.length - a.word.length)
    .map((e) => e.word)
    .join('|'),
  'g',
);

export const wording: Rule = {
  meta: {
    id: 'drafting/wording',
    code: 'drafting.wording',
    severity: 'warning',
    title: '表述不规范',
    basis: '规范性文件起草规范（用语准确、简洁，规范性用语统一）',
    explanation:
      '规范性文件的用语应当准确、确定。“原则上”“酌情”“视情况”使规范可执行可不执行，给执法留下不受约束的裁量；“等等”“必须”“务必”是口语或不规范用法，义务性规范一般用“应当”。词表见 rules/data/wording.json，以分词结果判断，避免把“等等级”之类误判。',
    needsWords: true,
  },
  examples: {
    valid: [
      { text: '第五条　配送人员应当穿着统一工装、佩戴工作证件等。', why: '用“等”结束列举。' },
      { text: '第三条　按照等级划分标准，确定补贴档次。', why: '“等等级”中的“等等”不是一个词（分词为“等/等级”），不误报。' },
      { text: '二、因生产工艺上要求或者特殊需要必须连续作业的，施工单位应当取得证明。', why: '这里的“必须”表示客观需要（引自法律的条件），不是义务性规范的用语。' },
    ],
    invalid: [
      {
        text: '第九条　对紧急情况下的维修项目，县住房和城乡建设局可以酌情简化审核程序。',
        errors: [{ excerpt: '酌情' }],
        why: '“酌情”没有标准。',
      },
      {
        text: '（二）配送时应当穿着统一工装、佩戴工作证件等等。',
        errors: [{ excerpt: '等等' }],
        corrected: '（二）配送时应当穿着统一工装、佩戴工作证件等。',
        why: '“等等”应为“等”。',
      },
    ],
  },
  check(doc, _ctx, report) {
    if (!isNormText(doc)) return;
    const body = doc.parts.filter((p) => p.kind === 'body');
    // The word list is the cheap test: only the lines holding a listed word are cut by jieba.
    for (const m of doc.text.matchAll(PATTERN)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!body.some((p) => start >= p.start && start < p.end)) continue;
      const words = doc.wordsIn(start, end);
      if (!words.length) return;
      const starts = new Map<number, number>();
      for (const w of words) starts.set(w.start, w.end);
      const entry = BY_WORD.get(m[0])!;
      const tokenEnd = starts.get(start);
      if (tokenEnd === undefined) continue;
      // 因特殊需要必须连续作业的: 必须 states a need inside a condition, not the document's command.
      if (entry.word === '必须' && (/需要$|要求$/.test(doc.text.slice(start - 2, start)) || /^[^，。；]{0,16}的(?:[，,]|除外)/.test(doc.text.slice(end, end + 20)))) continue;
      if (tokenEnd !== end && !(entry.prefix && tokenEnd > end) && !endsOnBoundary(starts, words, end)) continue;
      report({
        start,
        end,
        severity: entry.severity,
        message: entry.message,
        fix: entry.suggest ? { start, end, replacement: entry.suggest, label: `改为“${entry.suggest}”` } : undefined,
      });
    }
  },
};

// A phrase of several tokens (视情况 → 视/情况) ends where a token ends.
function endsOnBoundary(starts: Map<number, number>, words: { start: number; end: number }[], end: number): boolean {
  return starts.has(end) || words.length > 0 && words[words.length - 1].end === end;
}

export default [wording];
