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
      {
        text: '青溪市财政局 青溪市人力资源和社会保障局关于印发《青溪市就业补助资金管理办法》的通知\n第二十条　本办法由青溪市财政局、青溪市人力资源和社会保障局负责解释。',
        why: '联合发文的，由联合制定机关共同解释。',
      },
      {
        text: '湖滨市卫生健康委员会　湖滨市发展和改革委员会\n湖滨市民政局\n\n湖卫规〔2024〕3号\n\n湖滨市卫生健康委员会等五部门关于推进普惠托育服务发展的通知\n七、本通知由市卫生健康委员会负责解释。',
        why: '牵头的联合制定机关解释，发文机关标志列出了全部制定机关。',
      },
      {
        text: '湖滨市住房和城乡建设局关于公开征求《湖滨市推进装配式建筑发展实施办法（征求意见稿）》意见的公告\n我局起草了《湖滨市推进装配式建筑发展实施办法（征求意见稿）》，拟以我局名义印发。现向社会公开征求意见。\n湖滨市推进装配式建筑发展实施办法\n（征求意见稿）\n第十条　本办法由市住房和城乡建设局负责解释。',
        why: '“拟以我局名义印发”：制定机关就是发布公告的住建局。',
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
    // Joint issuers (甲局、乙局关于…) may interpret together: every interpreting body must be one of them.
    // A draft's intended issuer is the one it names; otherwise every organ named as issuer (joint documents).
    const ownHeadline = !doc.proposedIssuer && !doc.parts.some((p) => p.kind === 'notice');
    const issuers = issuer ? [issuer, ...(ownHeadline ? doc.issuers : [])] : [];
    // Split on list marks only: 和 and 与 occur inside names (住房和城乡建设局, 自然资源与规划局).
    const interpreters = body.split(/、|会同|，/).filter((x) => x.length >= 2);
    if (issuers.length && interpreters.every((x) => issuers.some((i) => sameIssuer(i, x)))) return;
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
