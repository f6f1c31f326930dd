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
  /**
   * The word softens a rule (原则上): a defect where the rule is a right or duty of the public, only a hint where it
   * schedules the administration's own work.
   */
  softener?: boolean;
}

// What the public gets or must do: amounts, charges, free services, prohibitions, standards of a benefit.
const PUBLIC_STAKE = /[0-9０-９一二两三四五六七八九十百千万]\s*(?:元|万元|%|％|分钟|小时)|免费|免收|减免|收取|收费|押金|不发放|发放给|不得|禁止|不予|补助标准|补贴标准|资助标准|经营|停止供/;
// The administration's own work: how often it assesses, reviews or replenishes, its deadlines for rectification.
const OWN_WORK = /工作|认定|评定|评审|审核|审批|验收|考核|检查|督导|核查|整改|进行一次|每学年|每年度|(?:省|市|县|区)(?:级)?按|补充和更新|上报|报送|事项/;

/** The clause around a word: from the previous comma or stop to the next stop. */
function clauseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && start - a < 80 && !/[，。；：\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 80 && !/[。；\n]/.test(text[b])) b++;
  return text.slice(a, b);
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
      '规范性文件的用语应当准确、确定。“原则上”“酌情”“视情况”使规范可执行可不执行，给执法留下不受约束的裁量；“等等”“必须”“务必”是口语或不规范用法，义务性规范一般用“应当”。按词语判断，不会把“等等级”之类的词误作“等等”。',
    needsWords: true,
  },
  examples: {
    valid: [
      { text: '第五条　配送人员应当穿着统一工装、佩戴工作证件等。', why: '用“等”结束列举。' },
      { text: '第三条　按照等级划分标准，确定补贴档次。', why: '“等等级”中的“等等”不是一个词（分词为“等/等级”），不误报。' },
      { text: '二、因生产工艺上要求或者特殊需要必须连续作业的，施工单位应当取得证明。', why: '这里的“必须”表示客观需要（引自法律的条件），不是义务性规范的用语。' },
      { text: '第十八条　困难学生认定工作原则上每学年进行一次，每学期动态调整。', why: '“原则上”安排的是学校和主管部门自己的认定工作，不涉及公众的权利义务，只作提示（info）。' },
    ],
    invalid: [
      {
        text: '第九条　对紧急情况下的维修项目，县住房和城乡建设局可以酌情简化审核程序。',
        errors: [{ excerpt: '酌情' }],
        why: '“酌情”没有标准。',
      },
      {
        text: '第五条　学前教育资助标准原则上为每生每年800元。',
        errors: [{ excerpt: '原则上' }],
        why: '资助标准是儿童的权益，“原则上”让这一标准可以不执行。',
      },
      {
        text: '第九条　政府定价的停车场原则上对停放30分钟以内的车辆免费。',
        errors: [{ excerpt: '原则上' }],
        why: '“原则上”让给予公众的免费待遇变得可有可无。',
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
      let severity = entry.severity;
      let message = entry.message;
      if (entry.softener) {
        const clause = clauseAround(doc.text, start, end);
        if (!PUBLIC_STAKE.test(clause) && OWN_WORK.test(clause)) {
          severity = 'info';
          message = `“${entry.word}”用于行政机关自身的工作安排，不涉及公众的权利义务，可保留；如有例外情形，宜写明`;
        }
      }
      report({
        start,
        end,
        severity,
        message,
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
