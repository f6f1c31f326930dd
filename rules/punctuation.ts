import type { Rule } from '../utils/engine/types';
import { nestedQuotes } from '../utils/model/parse';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };
const CJK = '\\u4e00-\\u9fa5';
// A half-width mark touching Chinese text on one side: 编号牌,标明 / 投诉电话. / 犬链(绳).
const HALF_WIDTH = new RegExp(`(?<=[${CJK}）》”])[,;:?!](?![0-9])|[,;:?!](?=[${CJK}（《“])|(?<=[${CJK}）》”])\\.(?![0-9A-Za-z])|(?<=[${CJK}])\\((?=[${CJK}])|(?<=[${CJK}])\\)|\\)(?=[${CJK}])|(?<=[${CJK}，。：；、])"(?=[${CJK}])|(?<=[${CJK}])"(?=[${CJK}，。：；、）])`, 'g');
// Year brackets of a 文号 belong to basis.citation-format.
const DOC_NUMBER_YEAR = /[\[（(【［](?:19|20)\d{2}[\]）)】］]/g;

// Half-width angle brackets for the inner title of a nested one: 《关于印发<××方案>的通知》.
const ANGLE_PAIR = new RegExp(`<([${CJK}][^<>《》\\n]{0,60})>|<([${CJK}][^<>《》\\n]{0,60})〉`, 'g');
// ASCII 「--」 opening a listed line (--平台建设长足进步): a bullet typed with hyphens.
const ASCII_DASH = new RegExp(`(?:^|\\n)[ \\t\\u3000]*(-{2,})(?=[${CJK}])`, 'g');
// Per kind of mark, the first few places are warnings; a text that uses the mark throughout has one defect, and
// the later places are listed as hints so that the list stays readable.
const WARN_PER_MARK = 3;

/** True when an odd number of straight quotes precede `at` on its line: the quote at `at` closes. */
function quoteParity(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let n = 0;
  for (let i = lineStart; i < at; i++) if (text[i] === '"') n++;
  return n % 2 === 1;
}

export const punctuation: Rule = {
  meta: {
    id: 'drafting/punctuation',
    code: 'drafting.punctuation',
    severity: 'warning',
    title: '标点不规范',
    basis: 'GB/T 15834-2011《标点符号用法》（中文文本用全角标点；书名号内还要用书名号时，里面一层用单书名号〈〉）',
    explanation: '中文正文中应使用全角标点，不能混入半角的逗号、句号、分号、冒号、括号。书名号套用时，外层用《》，内层用〈〉，如《关于印发〈××方案〉的通知》。',
  },
  examples: {
    valid: [
      { text: '一、征求意见时间：2022年7月1日至2022年7月31日。电子邮箱：qhzjj_lgxq@qhs.gov.cn。', why: '邮箱地址中的半角点不是标点错误。' },
      { text: '第六条　线下培训结束时间不得晚于20:30，收费标准为每课时5.5元。', why: '时间和小数中的半角符号可以使用。' },
      { text: '根据《清河市人民政府关于印发〈清河市深化户籍制度改革实施方案〉的通知》，制定本规定。', why: '内层已用单书名号。' },
    ],
    invalid: [
      {
        text: '（一）市场开办者应当统一设置摊位编号牌,标明摊位编号和投诉电话.',
        errors: [{ excerpt: ',' }, { excerpt: '.' }],
        corrected: '（一）市场开办者应当统一设置摊位编号牌，标明摊位编号和投诉电话。',
        why: '混用了半角逗号和句号。',
      },
      {
        text: '第三条　推行"一窗受理"服务模式。',
        errors: [{ excerpt: '"一窗受理"' }],
        corrected: '第三条　推行“一窗受理”服务模式。',
        why: '中文引号应使用全角“”；一对引号是一处问题，一次改正。',
      },
      {
        text: '第二条　推行"一网通办"、"一窗受理"、"一次办好"、"一件事一次办"服务。',
        errors: [
          { excerpt: '"一网通办"' },
          { excerpt: '"一窗受理"' },
          { excerpt: '"一次办好"' },
          { excerpt: '"一件事一次办"', severity: 'info' },
        ],
        why: '通篇使用半角引号是同一个问题：前几处列为警告，其余作为提示列出，不再逐字刷屏。',
      },
      {
        text: '根据《湖滨省人民政府关于印发<湖滨省优化营商环境若干措施>的通知》要求，制定本方案。',
        errors: [{ excerpt: '<湖滨省优化营商环境若干措施>' }],
        corrected: '根据《湖滨省人民政府关于印发〈湖滨省优化营商环境若干措施〉的通知》要求，制定本方案。',
        why: '书名号内层应使用全角单书名号〈〉，不能用半角小于号、大于号代替。',
      },
      {
        text: '（一）发展目标\n--平台建设取得进展。培育3家综合型平台。\n--融合应用加速普及。',
        errors: [{ excerpt: '--' }, { excerpt: '--' }],
        why: '用两个半角连字符作列举符号，不是中文标点。',
      },
      {
        text: '根据《清河市人民政府关于印发《清河市深化户籍制度改革实施方案》的通知》，制定本规定。',
        errors: [{ excerpt: '《清河市深化户籍制度改革实施方案》' }],
        corrected: '根据《清河市人民政府关于印发〈清河市深化户籍制度改革实施方案〉的通知》，制定本规定。',
        why: '书名号套用时内层应为〈〉。',
      },
    ],
  },
  check(doc, _ctx, report) {
    const skip: [number, number][] = [];
    for (const m of doc.text.matchAll(DOC_NUMBER_YEAR)) skip.push([m.index!, m.index! + m[0].length]);
    const perMark = new Map<string, number>();
    const severityFor = (mark: string) => {
      const n = (perMark.get(mark) ?? 0) + 1;
      perMark.set(mark, n);
      return n > WARN_PER_MARK ? ('info' as const) : undefined;
    };
    let k = 0;
    let pairedUpTo = -1;
    for (const m of doc.text.matchAll(HALF_WIDTH)) {
      const at = m.index!;
      if (at <= pairedUpTo) continue;
      while (k < skip.length && skip[k][1] <= at) k++;
      if (skip[k] && skip[k][0] <= at && at < skip[k][1]) continue;
      // URLs and e-mail addresses keep their ASCII dots and colons.
      const around = doc.text.slice(Math.max(0, at - 24), at + 24);
      if (/https?:|www\.|@[A-Za-z0-9.-]*$/.test(doc.text.slice(Math.max(0, at - 40), at + 1)) && /[A-Za-z]/.test(around)) continue;
      const mark = m[0];
      if (mark === '"' && !quoteParity(doc.text, at)) {
        // A pair of straight quotes around a phrase is one slip: one finding, one fix for both marks.
        const close = /^[^"\n]{1,40}"/.exec(doc.text.slice(at + 1));
        if (close) {
          const end = at + 1 + close[0].length;
          const fixed = `“${doc.text.slice(at + 1, end - 1)}”`;
          pairedUpTo = end - 1;
          report({
            start: at,
            end,
            severity: severityFor(mark),
            message: '中文文本中使用了半角引号“"”，应为全角引号“”',
            fix: { start: at, end, replacement: fixed, label: `改为${fixed}` },
          });
          continue;
        }
      }
      // A straight quote opens or closes by its parity within the line.
      const full = mark === '"' ? (quoteParity(doc.text, at) ? '”' : '“') : FULL[mark];
      report({
        start: at,
        end: at + 1,
        severity: severityFor(mark),
        message: mark === '"' ? '中文文本中使用了半角引号“"”，应为全角引号“”' : `中文文本中使用了半角标点“${mark}”，应为全角“${full}”`,
        fix: { start: at, end: at + 1, replacement: full, label: `改为“${full}”` },
      });
    }
    for (const m of doc.text.matchAll(ANGLE_PAIR)) {
      const inner = m[1] ?? m[2];
      const fixed = `〈${inner}〉`;
      report({
        start: m.index!,
        end: m.index! + m[0].length,
        severity: severityFor('<>'),
        message: `书名号内套用书名号应使用全角单书名号〈〉，不能用半角“<>”：${fixed}`,
        fix: { start: m.index!, end: m.index! + m[0].length, replacement: fixed, label: `改为${fixed}` },
      });
    }
    for (const m of doc.text.matchAll(ASCII_DASH)) {
      const at = m.index! + m[0].length - m[1].length;
      report({
        start: at,
        end: at + m[1].length,
        severity: severityFor('--'),
        message: `列举项以半角连字符“${m[1]}”开头，中文文本应使用项目序号（一）、1. 或全角破折号“——”`,
        fix: { start: at, end: at + m[1].length, replacement: '——', label: '改为“——”' },
      });
    }
    for (const n of nestedQuotes(doc)) {
      const inner = `〈${n.text.slice(1, -1)}〉`;
      report({
        start: n.start,
        end: n.end,
        message: `书名号内套用书名号，内层应改为单书名号：${inner}`,
        fix: { start: n.start, end: n.end, replacement: inner, label: `改为“${inner}”` },
      });
    }
  },
};

export default [punctuation];
