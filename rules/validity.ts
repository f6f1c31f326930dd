import { cn, isNormText, isWholeNormText, referenceDate } from '../utils/engine/helpers';
import type { Rule } from '../utils/engine/types';
import type { DocModel } from '../utils/model/types';
import { addDays, addYears } from '../utils/text/dates';

const VALIDITY_BASIS = '省级行政规范性文件有效期制度（有效期一般不超过5年，名称冠以“暂行”“试行”的不超过2年）；国办发〔2018〕37号（定期清理）';

/** The day the document starts to have effect: the stated date, publication plus the grace days, or publication. */
function startDate(doc: DocModel): string | undefined {
  const e = doc.effective;
  if (e?.mode === 'date' && e.date) return e.date;
  const ref = referenceDate(doc);
  if (!ref) return undefined;
  return e?.mode === 'after-days' && e.days ? addDays(ref.iso, e.days) : ref.iso;
}

/** The last day of validity, when the text (or, failing it, the page's 有效期至) lets us compute it. */
export function validityEnd(doc: DocModel): string | undefined {
  const v = doc.validity;
  if (!v) return doc.metadata.validUntil;
  if (v.until) return v.until;
  const start = startDate(doc);
  if (!start || (v.years === undefined && v.months === undefined)) return undefined;
  return addDays(addYears(start, v.years ?? 0, v.months ?? 0), -1);
}

const REPEAL_DECISION = /(?:废止|宣布失效|清理)[^。]{0,30}(?:决定|通知|公告)$|清理结果/;

export const missing: Rule = {
  meta: {
    id: 'validity/missing',
    code: 'validity.missing',
    severity: 'warning',
    title: '未设有效期',
    basis: VALIDITY_BASIS,
    explanation: '实行有效期制度的地方，规范性文件应当在施行日期条款中写明有效期，到期自动失效，防止过时文件继续适用。',
  },
  examples: {
    valid: [
      { text: '第十条　本办法自2022年5月1日起施行，有效期5年。', why: '写明了有效期。' },
      { text: '第十条　本办法自2022年5月1日起施行。', context: { profilePatch: { validityRequired: false } }, why: '所选地区配置不要求设有效期。' },
      {
        text: '青溪市人民政府关于废止和宣布失效一批行政规范性文件的决定\n经清理，市人民政府决定废止6件、宣布失效4件行政规范性文件。\n本决定自公布之日起施行。',
        why: '废止、宣布失效文件的决定本身没有需要到期的规范，不设有效期。',
      },
      {
        text: '湖滨市行政审批局关于征求《湖滨市个体工商户转型升级实施方案（征求意见稿）》意见的公告\n现向社会公开征求意见，反馈时间2023年9月30日前，电子邮箱：hb@hb.gov.cn。\n湖滨市个体工商户转型升级实施方案\n（征求意见稿）\n一、对转型企业给予登记便利。\n二、本方案自2024年1月1日起施行。',
        why: '公开征求意见的草案尚未定稿，缺少有效期只作提示（info），送审稿中应补上。',
      },
    ],
    invalid: [
      {
        text: '第九条　本通告自2022年8月1日起施行。',
        errors: [{}],
        corrected: '第九条　本通告自2022年8月1日起施行，有效期5年。',
        why: '没有有效期条款。',
      },
      {
        text: '临江省人民政府办公厅关于印发支持智能制造发展若干政策和临江省智能制造行动计划（2023-2025年）的通知\n各市人民政府，省政府各部门：\n经省政府同意，现将两份文件印发给你们，请认真抓好落实。\n临江省人民政府办公厅\n2023年5月8日\n支持智能制造发展若干政策\n为加快智能制造发展，根据《中华人民共和国中小企业促进法》，制定以下政策。\n一、对智能工厂建设项目给予奖补。\n二、本政策自2023年6月10日起执行。\n临江省智能制造行动计划（2023-2025年）\n一、到2025年，建成智能工厂100家。',
        errors: [{}],
        why: '一件通知印发两份文件：行动计划标题中的“2023-2025年”是计划期，不是所附政策的有效期。',
      },
    ],
  },
  check(doc, ctx, report) {
    // A fragment holds its 有效期 only where it holds the effective clause the period goes with.
    if (!ctx.profile.validityRequired || !isNormText(doc) || doc.validity || doc.metadata.validUntil || (!isWholeNormText(doc) && !doc.effective)) return;
    // A decision that repeals or declares other documents void has nothing left to expire.
    if (REPEAL_DECISION.test(doc.title?.text ?? doc.headline?.text ?? '')) return;
    const at = doc.effective?.sentence ?? doc.title ?? doc.headline;
    const cap = doc.provisional ? ctx.profile.provisionalValidityMaxYears : ctx.profile.validityMaxYears;
    const insertAt = doc.effective?.span.end;
    // A draft put out for public comment may still gain its term before it is submitted: a hint, not a defect yet.
    const forComment = doc.kind === 'draft' && /征求[^。]{0,60}意见/.test(doc.headline?.text ?? '');
    report({
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      documentLevel: true,
      severity: forComment ? 'info' : undefined,
      message: `未设有效期：请在施行日期条款后写明有效期（不超过${cap}年）`,
      fix: insertAt !== undefined ? { start: insertAt, end: insertAt, replacement: `，有效期${cap}年`, label: `补充“有效期${cap}年”` } : undefined,
    });
  },
};

export const tooLong: Rule = {
  meta: {
    id: 'validity/too-long',
    code: 'validity.too-long',
    severity: 'error',
    title: '有效期过长',
    basis: VALIDITY_BASIS,
    explanation: '规范性文件有效期一般不超过5年；名称冠以“暂行”“试行”的，有效期不超过2年。有效期恰好等于上限的，符合要求。',
  },
  examples: {
    valid: [
      { text: '清河市户口迁移登记管理暂行规定\n第十条　本规定自2021年5月1日起施行，有效期2年。', why: '暂行规定有效期恰为2年，等于上限。' },
      { text: '第十条　本办法自2022年5月1日起施行，有效期5年。', why: '5年，等于上限。' },
      {
        text: '临江县职业技能培训补贴实施办法（试行）\n第九条　本办法自2021年2月1日起施行，有效期至2023年1月31日。',
        why: '试行办法有效期自2021年2月1日至2023年1月31日，恰为2年。',
      },
    ],
    invalid: [
      {
        text: '第十一条　本办法自公布之日起30日后施行，有效期10年。',
        errors: [{ excerpt: '有效期10年' }],
        corrected: '第十一条　本办法自公布之日起30日后施行，有效期5年。',
        why: '10年超过5年上限。',
      },
      {
        text: '某市养老服务补贴办法（试行）\n第八条　本办法自2022年1月1日起施行，有效期3年。',
        errors: [{ excerpt: '有效期3年' }],
        why: '试行文件有效期不得超过2年。',
      },
      {
        text: '第二十条　本办法自2024年1月1日起施行，执行期至2030年底。',
        errors: [{ excerpt: '执行期至2030年底' }],
        why: '“执行期至2030年底”即有效期到2030年12月31日，约7年。',
      },
    ],
  },
  check(doc, ctx, report) {
    const v = doc.validity;
    if (!v) return;
    const cap = doc.provisional ? ctx.profile.provisionalValidityMaxYears : ctx.profile.validityMaxYears;
    const kind = doc.provisional ? '名称冠以“暂行”“试行”的文件' : '规范性文件';
    const fix = { start: v.span.start, end: v.span.end, replacement: v.span.text.replace(/[0-9０-９〇零一二两三四五六七八九十百]+\s*(年|个月)$/, `${cap}年`), label: `改为“有效期${cap}年”` };
    if (v.years !== undefined || v.months !== undefined) {
      const months = (v.years ?? 0) * 12 + (v.months ?? 0);
      if (months <= cap * 12) return;
      const said = v.years !== undefined ? `${v.years}年` : `${v.months}个月`;
      report({ start: v.span.start, end: v.span.end, message: `有效期${said}，超过${kind}${cap}年的上限`, fix: v.years !== undefined ? fix : undefined });
      return;
    }
    if (v.until) {
      const start = startDate(doc);
      if (!start) return;
      const last = addDays(addYears(start, cap), -1);
      if (v.until <= last) return;
      report({ start: v.span.start, end: v.span.end, message: `有效期自${cn(start)}至${cn(v.until)}，超过${kind}${cap}年的上限（最迟至${cn(last)}）` });
    }
  },
};

const NOT_IN_FORCE = /失效|废止|已修订|已修改|停止执行|终止|过期/;
const IN_FORCE = /有效/;

export const expired: Rule = {
  meta: {
    id: 'validity/expired',
    code: 'validity.expired',
    severity: 'error',
    title: '已过有效期仍标注有效',
    basis: `${VALIDITY_BASIS}；规范性文件动态清理制度`,
    explanation: '有效期届满的规范性文件自动失效。门户网站仍标注“有效”“现行有效”的，会误导公众继续适用，应当及时更新有效性标注或按程序延续、重新制定。',
  },
  examples: {
    valid: [
      {
        text: '第十条　本规定自2021年4月1日起施行，有效期2年。',
        metadata: { publishedDate: '2021-03-20', validityStatus: '有效' },
        context: { today: '2022-06-30' },
        why: '审查之日仍在有效期内。',
      },
      {
        text: '第十条　本办法有效期至2022年12月31日。',
        metadata: { publishedDate: '2021-01-15', validityStatus: '失效' },
        context: { today: '2023-10-16' },
        why: '已过有效期，且网站已标注失效。',
      },
    ],
    invalid: [
      {
        text: '澄江市城市管理局关于印发《澄江市户外广告设置管理办法》的通知\n各区城市管理局：\n现将《澄江市户外广告设置管理办法》印发给你们，请认真贯彻执行。\n附件：澄江市户外广告设置管理办法.pdf',
        metadata: { publishedDate: '2018-07-02', validUntil: '2023-07-31', validityStatus: '现行有效' },
        context: { today: '2024-03-15' },
        errors: [{}],
        why: '正文只在附件中，但页面写明“有效期至2023-07-31”，仍标注“现行有效”。',
      },
      {
        text: '第十条　本办法自2021年2月1日起施行，有效期至2022年12月31日。',
        metadata: { publishedDate: '2021-01-15', validityStatus: '现行有效' },
        context: { today: '2023-10-16' },
        errors: [{ excerpt: '有效期至2022年12月31日' }],
        why: '有效期已于2022年底届满，网站仍标注“现行有效”。',
      },
    ],
  },
  check(doc, ctx, report) {
    if (doc.kind !== 'normative') return;
    const end = validityEnd(doc);
    if (!end || ctx.today <= end) return;
    const status = doc.metadata.validityStatus?.trim();
    if (status && NOT_IN_FORCE.test(status)) return;
    // The clause in the text, else (a page whose document is an attachment) the title.
    const at = doc.validity?.span ?? doc.title ?? doc.headline;
    const shown = status && IN_FORCE.test(status);
    report({
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      documentLevel: !doc.validity,
      severity: shown ? undefined : 'warning',
      message: shown
        ? `有效期已于${cn(end)}届满，页面仍标注为“${status}”`
        : `有效期已于${cn(end)}届满（审查日${cn(ctx.today)}），请确认文件是否已失效或已延续`,
    });
  },
};

export default [missing, tooLong, expired];
