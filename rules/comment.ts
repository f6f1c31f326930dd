import { cn } from '../utils/engine/helpers';
import type { Rule } from '../utils/engine/types';

const COMMENT_BASIS = '国办发〔2018〕37号（对涉及群众切身利益或者对公民、法人和其他组织权利义务有重大影响的规范性文件，要向社会公开征求意见，期限一般不少于30日）';

export const periodShort: Rule = {
  meta: {
    id: 'comment/period-short',
    code: 'comment.period-short',
    severity: 'error',
    title: '征求意见期限不足或要素不全',
    basis: COMMENT_BASIS,
    explanation:
      '公开征求意见的期限一般不少于30日（按地区配置），起止日期均计入，恰好30日的符合要求。征求意见公告还应写明截止日期和反馈渠道（电子邮箱、通信地址、网上留言等）。',
  },
  examples: {
    valid: [
      { text: '现向社会公开征求意见。征求意见时间：2022年7月1日至2022年7月30日。电子邮箱：abc@qhs.gov.cn。', why: '起止日期均计入，恰为30日。' },
    ],
    invalid: [
      {
        text: '现向社会公开征求意见，有关事项公告如下：\n一、征求意见时间\n2021年10月20日至2021年11月3日。\n二、电子邮件：dsjyj@dsq.gov.cn',
        errors: [{ excerpt: '2021年10月20日至2021年11月3日' }],
        why: '只有15日。',
      },
      {
        text: '《办法》于2021年9月1日至9月10日在县人民政府门户网站公开征求社会公众意见。',
        errors: [{ excerpt: '2021年9月1日至9月10日' }],
        why: '解读中说明的征求意见期只有10日。',
      },
      {
        text: '澄江市民政局关于公开征求《澄江市殡葬管理办法（征求意见稿）》意见的公告\n现向社会公开征求意见，征求意见期限为15日。电子邮箱：mz@cj.gov.cn',
        errors: [{ excerpt: '征求意见期限为15日' }],
        why: '公告写明的期限只有15日。',
      },
      {
        text: '北塘县交通运输局关于公开征求《北塘县网约车管理实施细则（征求意见稿）》意见的公告\n发布日期：2023-06-01\n现向社会公开征求意见，征求意见时间自即日起至2023年6月20日。联系电话：0571-8888888',
        errors: [{ excerpt: '自即日起至2023年6月20日' }],
        why: '自发布之日（6月1日）至6月20日，只有20日。',
      },
      {
        text: '临江市行政审批局关于征求《临江市企业开办便利化措施（征求意见稿）》意见建议的公告\n我局起草了《临江市企业开办便利化措施（征求意见稿）》，现面向社会公开征求意见，有关事项公告如下:一、反馈时间2023年5月20日前二、反馈方式：电子邮箱lj@lj.gov.cn。临江市行政审批局　2023年5月12日',
        errors: [{ excerpt: '反馈时间2023年5月20日前' }],
        why: '“反馈时间××前”也是截止日期；落款日期连在正文后，从5月12日算起只有9日。',
      },
      {
        text: '湖滨市市场监督管理局关于征求《湖滨市知识产权质押融资实施方案（征求意见稿）》意见的公告\n我局起草了实施方案，现向社会公开征求意见。公开征求意见时间截止为2024年3月8日，欢迎来电来信提出意见建议。联系电话：0571-12345678。湖滨市市场监督管理局2024年3月1日',
        errors: [{ excerpt: '截止为2024年3月8日' }],
        why: '“截止为”给出截止日期，自公告落款之日起算只有8日。',
      },
    ],
  },
  check(doc, ctx, report) {
    const min = ctx.profile.commentMinDays;
    for (const c of doc.comments) {
      if (c.days !== undefined && c.days < min) {
        const range = c.from && c.to ? `（${cn(c.from)}至${cn(c.to)}）` : c.to ? `（截至${cn(c.to)}）` : '';
        report({ start: c.span.start, end: c.span.end, message: `征求意见期限为${c.days}日${range}，少于${min}日` });
      }
    }
    // A public-comment notice must say until when and where to send comments.
    const notice = doc.parts.find((p) => p.kind === 'notice');
    if (!notice) return;
    const invitation = doc.sentences.find(
      (s) => s.start >= notice.start && s.start < notice.end && s.start !== notice.title?.start && INVITES.test(s.text.replace(/《[^《》]*》/g, '《》')),
    );
    const at = invitation ?? notice.title ?? doc.headline;
    const inNotice = doc.comments.filter((c) => c.span.start < notice.end);
    if (!inNotice.length) {
      report({ start: at?.start ?? 0, end: at?.end ?? 0, severity: 'warning', documentLevel: true, message: '征求意见公告未写明征求意见的起止日期或截止日期' });
    }
    const channels = doc.comments[0]?.channels ?? [];
    if (inNotice.length && !channels.length) {
      report({ start: at?.start ?? 0, end: at?.end ?? 0, severity: 'warning', documentLevel: true, message: '征求意见公告未写明意见反馈渠道（电子邮箱、通信地址或网上留言方式）' });
    }
  },
};

// The sentence of a notice that asks for comments.
const INVITES = /征求[^。]{0,30}意见|提出[^。]{0,10}意见|意见(?:和|或)?建议|反馈意见/;

const EXEMPT = /依法需要保密|涉及国家秘密|不宜公开征求意见/;

export const missing: Rule = {
  meta: {
    id: 'comment/missing',
    code: 'comment.missing',
    severity: 'error',
    title: '未公开征求意见',
    basis: COMMENT_BASIS,
    explanation:
      '只书面征求有关部门、下级政府的意见，不等于公开征求意见。涉及公众权利义务的规范性文件，除依法需要保密的外，应当通过政府网站等向社会公开征求意见，并在起草说明中写明征求意见和采纳情况。',
  },
  examples: {
    valid: [
      {
        text: '关于《××办法（送审稿）》的起草说明\n二、起草过程\n起草小组在深入调研、广泛征求意见的基础上形成了送审稿。',
        why: '“广泛征求意见”没有说只征求了部门，不能据此认定未公开征求意见（只作提示）。',
      },
      {
        text: '梅岭县自然资源局关于公开征求《梅岭县农村村民住房建设风貌管理办法（征求意见稿）》意见的公告\n我局起草了《梅岭县农村村民住房建设风貌管理办法（征求意见稿）》，现予公布，公开征求社会各界意见。征求意见截止时间为2023年7月31日。',
        why: '征求意见公告本身就是公开征求意见；标题里的“征求意见稿”不是征求意见情况的说明。',
      },
      {
        text: '关于《××办法（送审稿）》的起草说明\n二、起草过程\n2022年3月，我局书面征求了县财政局等部门的意见；4月1日至5月6日在县政府门户网站公开征求社会公众意见。',
        why: '既征求了部门意见，也向社会公开征求了意见。',
      },
      {
        text: '湖滨市产业园区认定管理办法\n第一条　为规范园区认定，根据《中华人民共和国安全生产法》，制定本办法。\n第九条　审核通过的园区，市发展和改革委员会征求市有关部门意见后，确定拟认定名单。',
        why: '第九条规定的是今后认定园区的程序，不是说明本办法起草时如何征求意见。',
      },
      {
        text: '关于《青石县小微企业贷款贴息办法》的政策解读\n二、起草过程\n县工信局走访了二十余家企业，征求了企业、行业协会和金融专家的意见建议，并征求了县财政局的意见。',
        why: '征求对象有企业、行业协会和专家，不是“只征求了部门意见”。',
      },
      {
        text: '关于《××办法》的政策解读\n一、修订过程\n省教育厅结合我省实际，经深入调研、广泛征求意见，对原办法作了修订。',
        why: '句首的“省教育厅”是起草机关，不是征求意见的对象；“广泛征求意见”没有说只征求了部门。',
      },
    ],
    invalid: [
      {
        text: '关于《临江县农村宅基地审批管理办法（送审稿）》的起草说明\n二、起草过程\n3月上旬，我局书面征求了县自然资源局、县住房和城乡建设局等部门和各乡（镇）人民政府的意见，共收到意见建议18条。',
        errors: [{ excerpt: '书面征求了县自然资源局' }],
        why: '只征求了部门和乡镇意见，没有向社会公开征求意见。',
      },
    ],
  },
  check(doc, _ctx, report) {
    if (doc.kind === 'not-normative' || EXEMPT.test(doc.text)) return;
    const reports = doc.consultations;
    // A comment notice is itself the public consultation.
    const publicly = doc.parts.some((p) => p.kind === 'notice') || reports.some((r) => r.public) || doc.comments.some((c) => c.publicScope);
    if (publicly) return;
    // 广泛征求意见 says nothing of who was asked; only a report that names departments shows they alone were.
    // 第九条　主管部门征求有关部门意见后确定名单: an article that orders a consultation in the procedure it sets is a
    // norm, not a report of how this document was consulted on (征求了…意见 / 在征求…意见的基础上).
    const isNorm = (r: (typeof reports)[number]) =>
      (/^第[一二三四五六七八九十百零〇0-9]+条/.test(r.span.text) || doc.articles.some((a) => r.span.start >= a.start && r.span.start < a.end)) &&
      !/了|已|经过|基础上|先后/.test(r.span.text);
    const departmental = reports.filter((r) => r.departments && !isNorm(r));
    if (departmental.length) {
      const first = departmental[0].span;
      report({ start: first.start, end: first.end, message: '只征求了有关部门（单位）的意见，未见向社会公开征求意见' });
      return;
    }
    if (doc.kind === 'draft' || doc.kind === 'explanation') {
      const at = doc.title ?? doc.headline;
      report({
        start: at?.start ?? 0,
        end: at?.end ?? 0,
        severity: 'info',
        documentLevel: true,
        message: '文中未说明征求意见情况：涉及公众权利义务的，应当向社会公开征求意见（一般不少于30日）',
      });
    }
  },
};

export default [periodShort, missing];

