import { cn } from '../utils/engine/helpers';
import type { Rule, RuleContext } from '../utils/engine/types';
import type { DocModel, Span } from '../utils/model/types';
import { matchRegister } from '../utils/register';

/** A document as published: filing and registration apply to it, not to drafts. */
const isPublished = (doc: DocModel) => doc.kind === 'normative' && !!(doc.docNumber || doc.dates.published || doc.dates.written);

const anchor = (doc: DocModel): Span | undefined => doc.docNumber?.span ?? doc.title ?? doc.headline;

const registerMatchOf = (doc: DocModel, ctx: RuleContext) =>
  matchRegister(
    { docNumber: doc.docNumber?.text, publishedDate: doc.dates.published?.iso, writtenDate: doc.dates.written?.iso },
    ctx.register,
    ctx.profile.filingDeadlineDays,
    ctx.today,
  );

export const unregistered: Rule = {
  meta: {
    id: 'filing/unregistered',
    code: 'filing.unregistered',
    severity: 'error',
    title: '未登记备案',
    basis: '国办发〔2018〕37号（统一登记、统一编号、统一印发“三统一”制度；及时报送备案）；省级规范性文件备案规定',
    explanation:
      '实行“三统一”的地方，规范性文件须经统一登记、取得登记号后方可公布，公布的文本应载明登记号。文号不在备案登记簿中的，说明文件可能未报送备案（漏报）。',
  },
  examples: {
    valid: [
      {
        text: '清河市公共租赁住房管理办法\n第十六条　本办法自2022年5月1日起施行，有效期5年。',
        metadata: { docNumber: '清政办规〔2022〕3号', regNumber: 'QHGS—2022—003', publishedDate: '2022-03-22' },
        context: { profile: 'strict' },
        why: '页面载明了登记号。',
      },
      {
        text: '临江县农村公路养护管理办法\n第十二条　本办法自2023年6月1日起施行，有效期5年。',
        metadata: { docNumber: '临交发〔2023〕8号', publishedDate: '2023-04-20' },
        context: { profile: 'strict', register: [{ docNumber: '临交发〔2023〕8号', regNumber: 'LJDR—2023—011', publishedDate: '2023-04-20', filedDate: '2023-05-06' }] },
        why: '页面没有印出登记号，但备案登记簿中该文号已有登记号，说明已经统一登记。',
      },
    ],
    invalid: [
      {
        text: '清河市机动车停车场管理实施细则\n第十条　本细则自2021年10月8日起施行，有效期5年。',
        metadata: { docNumber: '清交运办〔2021〕27号', publishedDate: '2021-09-08' },
        context: { profile: 'strict' },
        errors: [{}],
        why: '所选配置要求登记号，页面和正文都没有。',
      },
      {
        text: '临江县职业技能培训补贴实施办法\n第十条　本办法自2021年2月15日起施行，有效期2年。',
        metadata: { docNumber: '临人社发〔2021〕3号', publishedDate: '2021-01-15' },
        context: { register: [{ docNumber: '临人社发〔2020〕3号', publishedDate: '2020-02-18', filedDate: '2020-03-02' }] },
        errors: [{}],
        why: '文号不在备案登记簿中（登记簿中只有2020年的3号文）。',
      },
    ],
  },
  check(doc, ctx, report) {
    if (!isPublished(doc)) return;
    const at = anchor(doc);
    const match = registerMatchOf(doc, ctx);
    const reasons: string[] = [];
    // A 登记号 the register holds for this 文号 counts as registered, even when the page does not print it.
    const registered = !!doc.regNumber || (match.status === 'matched' && !!match.entry.regNumber);
    if (ctx.profile.registrationRequired && !registered) reasons.push('未载明统一登记号（规范性文件编号）');
    if (match.status === 'missing') reasons.push(`文号“${match.docNumber}”不在备案登记簿中`);
    if (!reasons.length) return;
    report({ start: at?.start ?? 0, end: at?.end ?? 0, documentLevel: true, message: `${reasons.join('；')}，可能未登记或漏报备案` });
  },
};

export const late: Rule = {
  meta: {
    id: 'filing/late',
    code: 'filing.late',
    severity: 'error',
    title: '逾期报送备案',
    basis: '《法规规章备案审查条例》（2024年11月1日起施行，原《法规规章备案条例》）；省级规范性文件备案规定（报送期限见所选地区配置）',
    explanation: '规范性文件应当自公布之日起在规定期限内报送备案。根据备案登记簿，报送日期晚于期限的，属于迟报。期限恰好届满当日报送的，不算逾期。',
  },
  examples: {
    valid: [
      {
        text: '清河市公共租赁住房管理办法\n第十六条　本办法自2022年5月1日起施行。',
        metadata: { docNumber: '清政办规〔2022〕3号', publishedDate: '2022-03-22' },
        context: { register: [{ docNumber: '清政办规〔2022〕3号', publishedDate: '2022-03-22', filedDate: '2022-03-30' }] },
        why: '公布后第8日报送备案。',
      },
    ],
    invalid: [
      {
        text: '临江县住宅专项维修资金管理实施办法\n第十三条　本办法自2021年8月1日起施行，有效期5年。',
        metadata: { docNumber: '临住建发〔2021〕46号', publishedDate: '2021-06-28' },
        context: { register: [{ docNumber: '临住建发〔2021〕46号', publishedDate: '2021-06-28', filedDate: '2021-08-20' }] },
        errors: [{}],
        why: '6月28日公布，8月20日才报送备案，超过30日。',
      },
    ],
  },
  check(doc, ctx, report) {
    if (!isPublished(doc)) return;
    const match = registerMatchOf(doc, ctx);
    // Not filed at all is filing.unregistered; a filing in time, or still within the deadline, is fine.
    if (match.status !== 'matched' || !match.daysLate || !match.published) return;
    const limit = ctx.profile.filingDeadlineDays;
    const at = anchor(doc);
    const published = cn(match.published);
    if (match.entry.filedDate) {
      report({
        start: at?.start ?? 0,
        end: at?.end ?? 0,
        documentLevel: true,
        message: `${published}公布，${cn(match.entry.filedDate)}报送备案，相隔${match.filedAfter}日，超过${limit}日的报送期限`,
      });
      return;
    }
    report({
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      documentLevel: true,
      severity: 'warning',
      message: `登记簿中没有报送备案日期；自${published}公布已${match.daysLate + limit}日，超过${limit}日的报送期限`,
    });
  },
};

// 局办公室, 委员会法规处, 局治安管理支队…: a department's internal unit. A government's 办公室/办公厅 is not:
// it issues documents for the government itself.
const INTERNAL_UNIT =
  /(?:局|委员会|委|厅|署|办)(?:办公室|[\u4e00-\u9fa5]{0,16}?(?:科|处|股|室|支队|大队|中队))$/;
// Also a party committee's office (市委办公室), which issues 两办 documents jointly with the government's.
// A 管委会 (开发区、实验区、新区) is the government of its area: its 办公室 is a government's general office too.
const GOVERNMENT_OFFICE = /人民政府(?:办公室|办公厅)$|政府办$|(?:省|市|州|县|区|旗|党)委(?:办公室|办公厅)$|人大常委会办公[室厅]$|(?:管委会|管理委员会)(?:办公室|办公厅)$/;

export const isInternalUnit = (name: string) => INTERNAL_UNIT.test(name) && !GOVERNMENT_OFFICE.test(name);

export const internalIssuer: Rule = {
  meta: {
    id: 'filing/internal-issuer',
    code: 'filing.internal-issuer',
    severity: 'error',
    title: '以内设机构名义发文',
    basis: '国办发〔2018〕37号（严禁以部门内设机构名义制发行政规范性文件）',
    explanation: '部门的办公室、科、处、室、支队等内设机构不是行政机关，不能以自己的名义制发规范性文件。应当以部门名义印发。政府办公室（办公厅）经政府同意印发的文件不在此列。',
  },
  examples: {
    valid: [
      { text: '清河市人民政府办公室关于印发《清河市公共租赁住房管理办法》的通知\n第一条　本办法适用于本市。', why: '政府办公室可以经政府同意印发文件。' },
      { text: '临江县住房和城乡建设局关于印发《临江县住宅专项维修资金管理实施办法》的通知\n第一条　本办法适用于本县。', why: '以部门名义印发。' },
      { text: '中共青溪市委办公室 青溪市人民政府办公室关于印发《青溪市河长制工作规定》的通知\n第一条　本规定适用于本市。', why: '党委办公室与政府办公室联合印发（“两办”文件），不是部门内设机构。' },
      { text: '湖滨高新技术产业开发区管委会办公室关于印发《湖滨高新区人才公寓管理办法》的通知\n第一条　本办法适用于本区。', why: '开发区管委会行使区域内的政府职能，其办公室相当于政府办公室，不是部门的内设机构。' },
    ],
    invalid: [
      {
        text: '临江县市场监督管理局办公室关于加强农贸市场摊位经营管理的通知\n一、经营户应当在核定的摊位内经营。',
        errors: [{ excerpt: '临江县市场监督管理局办公室' }],
        why: '以局办公室（内设机构）名义发文。',
      },
    ],
  },
  check(doc, _ctx, report) {
    if (doc.kind !== 'normative' && doc.kind !== 'draft') return;
    const names: { name: string; span?: Span }[] = [];
    if (doc.issuer) names.push({ name: doc.issuer.name, span: doc.issuer.span });
    for (const s of doc.signatures) if (s.organ && (s.part === 'cover' || s.part === 'body')) names.push({ name: s.organ.text, span: s.organ });
    const hit = names.find((n) => isInternalUnit(n.name));
    if (!hit) return;
    const at = hit.span ?? doc.headline ?? doc.title;
    report({
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      message: `“${hit.name}”是部门内设机构，不得以其名义制发规范性文件，应以部门名义印发`,
    });
  },
};

export default [unregistered, late, internalIssuer];
