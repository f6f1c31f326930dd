// Pathological texts for the engine: one 第一条 wrapping many copies of one unit. Each unit is a marker left
// unclosed, a run of one character, text without punctuation, or the input one risky regular expression of the
// engine once scanned to the end of the text from every match. Shared by the unit tests (short instances) and
// `npm run bench:adversarial` (50k and 200k characters).

export interface Pattern {
  /** What the unit stands for, in a few words. */
  label: string;
  unit: string;
}

export const PATTERNS: Pattern[] = [
  { label: 'unclosed 《', unit: '《' },
  { label: '根据《 unclosed', unit: '根据《' },
  { label: 'unclosed “', unit: '“' },
  { label: 'unclosed （', unit: '（' },
  { label: 'unclosed 〔', unit: '〔' },
  { label: 'unclosed 【 remark', unit: '【注：' },
  { label: 'unclosed [ remark', unit: '[意见：' },
  { label: '有效期 without a period', unit: '有效期' },
  { label: '第一 without 条', unit: '第一' },
  { label: 'year without a date', unit: '2024年' },
  { label: 'half-width comma after CJK', unit: '审,' },
  { label: 'no punctuation (one sentence)', unit: '市场监管部门依法履行职责' },
  { label: 'one Han character', unit: '一' },
  { label: 'ideographic spaces', unit: '　' },
  { label: 'blank lines', unit: '\n' },
  { label: 'tabs', unit: '\t' },
  { label: 'letters (e-mail local part)', unit: 'a' },
  { label: 'digits', unit: '1' },
  { label: 'numbered items 1.', unit: '1.' },
  { label: 'item markers （一）', unit: '（一）' },
  { label: 'telephone labels', unit: '电话：' },
  { label: 'metadata labels', unit: '名称：' },
  { label: '扣押 (power lookbehind)', unit: '扣押' },
  { label: '未取得 (licence pattern)', unit: '未取得' },
  { label: '根据 without a law', unit: '根据' },
  { label: '征求 without 意见', unit: '征求' },
  { label: 'comment dates in one sentence', unit: '征求意见2024年1月1日' },
  { label: '自 without 施行', unit: '自' },
  { label: '附件 lines', unit: '附件\n' },
  { label: 'closing 》 without opener', unit: '》' },
  { label: 'zero-width and RTL marks', unit: '\u200b\u202e审' },
  { label: 'HTML-looking text', unit: '<script>alert(1)</script>' },
  { label: 'closed remarks holding sentences', unit: '【注：此条待定。】' },
  { label: 'unclosed < (nested title pattern)', unit: '<审' },
  { label: 'hyphen runs (dash bullet pattern)', unit: '--' },
  { label: '应当向 (licence lead pattern)', unit: '应当向' },
  { label: '并处 without an amount (penalty)', unit: '并处' },
  { label: '缴纳 without a fee (fee pattern)', unit: '缴纳' },
];

/** One 第一条 wrapping `chars` characters of `unit`. */
export function pathologicalText(unit: string, chars: number): string {
  const head = '第一条　';
  return head + unit.repeat(Math.ceil((chars - head.length) / unit.length)).slice(0, chars - head.length);
}

/** Ordinary text of the same shape: real sentences of a normative document, repeated. */
export function ordinaryText(chars: number): string {
  return pathologicalText('市场监督管理部门应当依法履行监督检查职责，对违反本办法规定的行为依法予以处理。', chars);
}
