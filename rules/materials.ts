import type { Rule } from '../utils/engine/types';

// What an 起草说明 must account for, and the words that show it does.
const REQUIRED: { label: string; re: RegExp }[] = [
  { label: '制定依据', re: /制定依据|法律依据|政策依据|上位法|(?:主要)?依据《|根据《[^》]{2,60}》[^。]{0,40}(?:制定|起草)/ },
  { label: '征求意见情况', re: /征求(?:了)?[^。]{0,60}意见|征求意见情况|意见建议|听取[^。]{0,30}意见/ },
  { label: '合法性审核情况', re: /合法性(?:审核|审查)|法制审核|法律审核|公职律师|法律顾问[^。]{0,10}(?:审核|审查|意见)/ },
  { label: '集体审议（讨论）情况', re: /常务会议|常委会|办公会议?|局务会议?|党组(?:会议)?|集体(?:审议|讨论|研究|决定)|审议通过|会议研究/ },
];

export const materialsMissing: Rule = {
  meta: {
    id: 'review/materials-missing',
    code: 'review.materials-missing',
    severity: 'warning',
    title: '起草说明要素不全',
    basis: '省级行政规范性文件制定和备案规定（报送合法性审核、集体审议应当提交起草说明，说明制定依据、征求意见、合法性审核等情况）；国办发〔2018〕115号',
    explanation: '起草说明是合法性审核和集体审议的基础材料，应当说明制定的必要性、制定依据、征求意见及采纳情况、合法性审核情况和集体审议（讨论）情况。缺少其中任何一项，审核机关无法判断程序是否完备。',
  },
  examples: {
    valid: [
      {
        text: '关于《××办法（送审稿）》的起草说明\n一、制定依据：依据《中华人民共和国就业促进法》制定。\n二、征求意见情况：在政府网站公开征求社会公众意见30日。\n三、合法性审核：经县司法局合法性审核。\n四、经局务会议审议通过。',
        why: '四项均已说明。',
      },
    ],
    invalid: [
      {
        text: '关于《××若干措施（送审稿）》的起草说明\n二、制定依据\n主要依据《优化营商环境条例》制定。\n三、起草过程\n起草后发至各部门征求意见，共收到反馈意见31条。\n以上说明，请提请市人民政府常务会议审议。',
        errors: [{}],
        why: '没有说明合法性审核情况。',
      },
    ],
  },
  check(doc, _ctx, report) {
    for (const part of doc.parts) {
      if (part.kind !== 'explanation') continue;
      const text = doc.text.slice(part.start, part.end);
      const missing = REQUIRED.filter((r) => !r.re.test(text)).map((r) => r.label);
      if (!missing.length) continue;
      const at = part.title ?? { start: part.start, end: part.start };
      report({ start: at.start, end: at.end, documentLevel: true, message: `起草说明未说明${missing.join('、')}` });
    }
  },
};

export default [materialsMissing];
