import { isNormText, sameOrgan, splitOrganNames } from '../utils/engine/helpers';
import type { Rule } from '../utils/engine/types';
import type { DocModel } from '../utils/model/types';
import { ORGAN_SUFFIX } from '../utils/model/meta';

// A government and its general office speak for the same issuer: 市人民政府办公室 印发、市人民政府 解释 is fine.
const sameIssuer = (a: string, b: string) => {
  const gov = (s: string) => s.replace(/(?:办公室|办公厅)$/, '');
  return sameOrgan(a, b) || sameOrgan(gov(a), gov(b));
};

const ORGAN_RUN = /^[\u4e00-\u9fa5（）\s\u3000、]{3,120}$/;
const DATE_AT_END = /[0-9０-９〇零一二三四五六七八九十]{4}\s*年\s*[0-9０-９〇一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９〇一二三四五六七八九十]{1,3}\s*日/g;

/**
 * Every organ that signs the document: the issuer, the joint issuers of the headline, and the names of the
 * signature above the date of the cover notice, also when a copy ran them together (河北省教育厅河北省财政厅) or ran
 * them into the text (…请遵照执行。甲厅乙局2022年3月4日).
 */
function signingOrgans(doc: DocModel, issuer: string | undefined): string[] {
  const pool = new Set<string>();
  const add = (s: string) => {
    const names = splitOrganNames(s);
    if (names.length && names.every((n) => ORGAN_SUFFIX.test(n))) for (const n of names) pool.add(n);
  };
  if (issuer) add(issuer);
  for (const i of doc.issuers) add(i);
  for (const sig of doc.signatures) if (sig.organ) add(sig.organ.text);
  const leadEnd = doc.parts.find((p) => p.kind === 'body')?.start || doc.interpretation?.sentence.start || 0;
  const lead = doc.text.slice(0, leadEnd);
  for (const l of doc.lines) if (l.end <= leadEnd && l.text.length <= 120 && ORGAN_RUN.test(l.text)) add(l.text);
  for (const m of lead.matchAll(DATE_AT_END)) {
    const before = lead.slice(Math.max(0, m.index! - 160), m.index!);
    const run = /[^。：:；;，,\n]*$/.exec(before)![0].trim();
    if (run.length >= 3) add(run);
  }
  return [...pool];
}

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
      {
        text: '关于印发《临江省中职学生资助评审细则》的通知\n各市教育局、财政局：\n现将《临江省中职学生资助评审细则》印发给你们，请遵照执行。\n临江省教育厅临江省人力资源和社会保障厅\n临江省财政厅\n2021年5月10日\n临江省中职学生资助评审细则\n第一条　为规范评审工作，根据《中等职业学校学生资助管理办法》，制定本细则。\n第十九条　本细则由省教育厅、省人力资源社会保障厅、省财政厅负责解释。',
        why: '三个厅联合印发（落款连在一行），由三厅共同解释；“省人力资源社会保障厅”是落款“人力资源和社会保障厅”的简称。',
      },
      {
        text: '湖滨市人民政府办公室关于印发《湖滨市政务数据共享管理办法》的通知\n各区人民政府，市政府各部门：\n经市人民政府同意，现将《湖滨市政务数据共享管理办法》印发给你们，请认真贯彻执行。\n湖滨市人民政府办公室\n2022年3月1日\n湖滨市政务数据共享管理办法\n第一条　为规范政务数据共享，根据《政务信息资源共享管理暂行办法》，制定本办法。\n第三十条　本办法由湖滨市人民政府负责解释。',
        why: '政府办公室代政府印发，由政府解释，解释主体与制定机关一致。',
      },
    ],
    invalid: [
      {
        text: '湖滨省人民政府办公厅关于印发支持数字经济发展若干政策的通知\n各市人民政府，省政府各部门：\n《支持数字经济发展若干政策》已经省政府同意，现印发给你们，请认真抓好落实。\n湖滨省人民政府办公厅\n2022年6月1日\n支持数字经济发展若干政策\n一、对新建数据中心给予奖补。\n二、本政策由省经济和信息化厅负责解释。',
        errors: [{ excerpt: '省经济和信息化厅' }],
        why: '省政府办公厅印发，却交由省经信厅解释：部门不是制定机关。',
      },
      {
        text: '临江省人民政府办公厅关于印发支持智能制造发展若干政策和临江省智能制造行动计划（2023-2025年）的通知\n各市人民政府，省政府各部门：\n经省政府同意，现将两份文件印发给你们，请认真抓好落实。\n临江省人民政府办公厅\n2023年5月8日\n支持智能制造发展若干政策\n为加快智能制造发展，制定以下政策。\n一、对智能工厂建设项目给予奖补。\n二、本政策自2023年6月10日起执行，由省工业和信息化厅负责解释。\n临江省智能制造行动计划（2023-2025年）\n一、到2025年，建成智能工厂100家。',
        errors: [{ excerpt: '省工业和信息化厅' }],
        why: '一件通知印发两份文件，所附政策由省政府办公厅印发，却交部门解释。',
      },
      {
        text: '临江省科学技术厅关于印发《临江省科技成果转化基金管理细则（暂行）》的通知\n各市科技局：\n现将《临江省科技成果转化基金管理细则（暂行）》印发给你们，请遵照执行。\n临江省科学技术厅\n2020年4月8日\n临江省科技成果转化基金管理细则（暂行）\n第一条　为规范基金管理，根据《政府投资基金暂行管理办法》，制定本细则。\n第三十条　本细则由省科技厅会同省财政厅负责解释。',
        errors: [{ excerpt: '省科技厅会同省财政厅' }],
        why: '科技厅一家印发，却与没有参与制定的财政厅共同解释。',
      },
      {
        text: '青溪市人民政府关于印发《青溪市建筑垃圾运输管理规定》的通知\n各区人民政府：\n现将《青溪市建筑垃圾运输管理规定》印发给你们，请认真贯彻执行。\n青溪市人民政府\n2019年7月2日\n青溪市建筑垃圾运输管理规定\n第一条　为规范建筑垃圾运输，根据《城市建筑垃圾管理规定》，制定本规定。\n第二十条　青溪市城市管理局对本规定的具体应用问题进行解释。',
        errors: [{ excerpt: '青溪市城市管理局' }],
        why: '“××局对本规定的具体应用问题进行解释”同样把政府文件的解释权交给了部门。',
      },
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
    const issuers = issuer ? (ownHeadline ? signingOrgans(doc, issuer) : [issuer]) : [];
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
