import { isNormText, sameOrgan } from '../utils/engine/helpers';
import type { Rule } from '../utils/engine/types';

// A government and its general office speak for the same issuer: 市人民政府办公室 印发、市人民政府 解释 is fine.
const sameIssuer = (a: string, b: string) => {
  const gov = (s: string) => s.replace(/(?:办公室|办公厅)$/, '');
  return sameOrgan(a, b) || sameOrgan(gov(a), gov(b));
};

export const interpretation: Rule = {
  meta: {
    id: 'content/interpretation',
    code: 'content.interpretation',
    severity: 'error',
    title: '解释主体不当',
    basis: '省级行政规范性文件制定和备案规定：规范性文件由制定机关负责解释',
    explanation:
      '规范性文件的解释权属于制定机关。以政府名义印发的文件写“由市××局负责解释”，等于把政府的解释权交给了部门；写“解释权归××所有”也不规范。可改为“本办法由××（制定机关）负责解释”，具体应用问题可另行规定由部门答复。',
  },
  examples: {
    valid: [
      {
        text: '临江县人力资源和社会保障局关于印发《临江县职业技能培训补贴实施办法》的通知\n第九条　本办法由临江县人力资源和社会保障局负责解释。',
        why: '由制定机关自己解释。',
      },
    ],
    invalid: [
      {
        text:
          '东山区教育局关于《东山区校外培训机构管理办法（征求意见稿）》公开征求意见的公告\n区教育局起草了《东山区校外培训机构管理办法（征求意见稿）》，拟提请区人民政府印发。现向社会公开征求意见。\n东山区校外培训机构管理办法\n（征求意见稿）\n第十条　本办法由区教育局负责解释。',
        errors: [{ excerpt: '区教育局' }],
        why: '文件将以区政府名义印发，却由区教育局解释。',
      },
    ],
  },
  check(doc, _ctx, report) {
    const c = doc.interpretation;
    if (!c || !isNormText(doc)) return;
    const issuer = doc.proposedIssuer?.text ?? doc.issuer?.name;
    const body = c.body.text;
    if (issuer && sameIssuer(issuer, body)) return;
    const fix = issuer ? { start: c.body.start, end: c.body.end, replacement: issuer, label: `改为“${issuer}”` } : undefined;
    report({
      start: c.body.start,
      end: c.body.end,
      severity: issuer ? undefined : 'info',
      message: issuer
        ? `文件由“${issuer}”制定，却规定由“${body}”解释：规范性文件应当由制定机关负责解释`
        : `规定由“${body}”解释：请确认其是否为制定机关（规范性文件应当由制定机关负责解释）`,
      fix,
    });
  },
};

export default [interpretation];
