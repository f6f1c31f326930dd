import { cn, describesAnother, isNormText, isWholeNormText, referenceDate } from '../utils/engine/helpers';
import type { Rule } from '../utils/engine/types';
import { daysBetween } from '../utils/text/dates';

// 《规章制定程序条例》第三十二条 sets the 30-day grace period for rules; provincial rules apply it to normative
// documents, with the same three exceptions. The minimum comes from the profile.
const GRACE_BASIS = '《规章制定程序条例》第三十二条（参照）；省级行政规范性文件制定和备案规定：应当自公布之日起30日后施行';

// 自发布起执行 → 自发布之日起30日后施行; 自正式印发之日起施行 → 自正式印发之日起30日后施行.
const graceText = (clause: string, min: number) => clause.replace(/(?:之日)?起.*$/, `之日起${min}日后施行`);

export const noGrace: Rule = {
  meta: {
    id: 'effective/no-grace',
    code: 'effective.no-grace',
    severity: 'error',
    title: '施行日期未设宽限期',
    basis: GRACE_BASIS,
    explanation:
      '涉及公民、法人和其他组织权利义务的规范性文件，应当给社会留出知悉和准备的时间，一般自公布之日起30日后施行。' +
      '只有因保障国家安全、重大公共利益需要，或者公布后不立即施行将有碍施行的，才可以自公布之日起施行，并应在文件或起草说明中写明理由。',
  },
  examples: {
    valid: [
      { text: '第十条　本办法自公布之日起30日后施行，有效期5年。', why: '留出了30日的宽限期。' },
      {
        text: '第十三条　本办法自2021年8月1日起施行，有效期5年。',
        metadata: { publishedDate: '2021-06-28' },
        why: '发布（6月28日）至施行（8月1日）相隔34日，不少于30日。',
      },
      {
        text: '《湖滨市教育行政处罚裁量基准》政策解读\n一、制定背景\n为规范行政处罚裁量权，市教育局制定了《基准》。\n二、施行时间\n《基准》自印发之日起施行。',
        why: '解读转述的是所解读文件的施行日期，只作提示（info）；缺陷在文件本身，由审查该文件时认定。',
      },
      {
        text: '五、鉴于当前燃气安全形势严峻，因涉及重大公共利益，本通知自印发之日起施行。',
        why: '写明了“重大公共利益”这一法定例外，只作提示（info），不作为缺陷。',
      },
    ],
    invalid: [
      {
        text: '第十条　本细则自发布之日起施行，有效期5年。',
        errors: [{ excerpt: '自发布之日起施行' }],
        corrected: '第十条　本细则自发布之日起30日后施行，有效期5年。',
        why: '自发布之日起即施行，且未说明法定例外情形。',
      },
      {
        text: '第十六条　本办法自2022年4月1日起施行。',
        metadata: { publishedDate: '2022-03-22' },
        errors: [{ excerpt: '自2022年4月1日起施行' }],
        why: '发布后第10日即施行，少于30日。',
      },
      {
        text: '第二十六条　本办法自发布起执行，有效期五年。',
        errors: [{ excerpt: '自发布起执行' }],
        corrected: '第二十六条　本办法自发布之日起30日后施行，有效期五年。',
        why: '“自发布起执行”省略了“之日”，仍是发布即施行。',
      },
      {
        text: '（四）本措施自正式印发之日起施行，有效期3年。',
        errors: [{ excerpt: '自正式印发之日起施行' }],
        why: '“正式印发”之日同样是发布之日，没有宽限期。',
      },
      {
        text: '第二十条　本细则自公布之日起实施。',
        errors: [{ excerpt: '自公布之日起实施' }],
        why: '“起实施”“起执行”与“起施行”相同。',
      },
      {
        text: '关于印发《青溪市农机购置补贴实施办法》的通知\n各县（区）农业农村局：\n现将《青溪市农机购置补贴实施办法》印发给你们，请遵照执行。\n青溪市农业农村局\n2023年3月6日\n青溪市农机购置补贴实施办法\n第一条　为规范农机购置补贴，根据《农业机械化促进法》，制定本办法。\n第二条　本办法自2023年3月15日起施行，有效期5年。',
        errors: [{ excerpt: '自2023年3月15日起施行' }],
        why: '页面没有发布日期时，按印发通知落款的成文日期计算：3月6日成文、3月15日施行，只隔9日，发布只会更晚。',
      },
      {
        text: '第九条　本规定自公布之日起15日后施行。',
        errors: [{ excerpt: '自公布之日起15日后施行' }],
        why: '宽限期15日，少于30日。',
      },
      {
        text: '关于印发《临江省建设工程质量保证金管理办法》的通知各市人力资源社会保障局、住房城乡建设局：现将《临江省建设工程质量保证金管理办法》印发给你们，请认真贯彻执行。临江省人力资源和社会保障厅临江省住房和城乡建设厅临江省交通运输厅临江省水利厅国家金融监督管理总局临江监管局2023年4月3日（此件主动公开）临江省建设工程质量保证金管理办法第一章总则第一条　为规范质量保证金管理，根据《建设工程质量保证金管理办法》，制定本办法。第二章附则第二条　本办法自2023年4月10日起施行，有效期5年。',
        errors: [{ excerpt: '自2023年4月10日起施行' }],
        why: '页面复制时换行全部丢失，五个联合发文机关的落款连成一串，但成文日期仍是4月3日：4月10日施行只隔7日。',
      },
      {
        text: '青溪市管委会关于印发《青溪市公共自行车运营补贴管理办法》的通知\n青综管规〔2021〕8号\n各片区管理局，区直各单位：《青溪市公共自行车运营补贴管理办法》已经管委会主任办公会议审议通过，现印发给你们，请认真贯彻落实。\n青溪市管委会\n2021年9月3日\n青溪市公共自行车运营补贴管理办法 依照《城市公共汽车和电车客运管理规定》，结合本市实际，制定本办法。 一、补贴对象(一)本办法所称运营企业，是指承担公共自行车运营的企业。二、附则(一)本办法自正式印发之日起施行，有效期5年。',
        errors: [{ excerpt: '自正式印发之日起施行' }],
        why: '所附办法的标题与首句连在一行，办法正文就在页面上，不是“只有印发通知”：印发即施行，没有宽限期。',
      },
    ],
  },
  check(doc, ctx, report) {
    if (!isNormText(doc) && !describesAnother(doc)) return;
    const e = doc.effective;
    if (!e) return;
    const min = ctx.profile.graceMinDays;
    // An 起草说明 or 解读 reports the clause of the document it describes: that document is where the defect lies
    // (and is reviewed on its own), so the report only points at it.
    const reported = describesAnother(doc);
    const because = e.exception
      ? `（文中已说明“${e.exception.text}”，属法定例外情形，请核实理由是否成立）`
      : reported
        ? '（这是所说明文件的施行日期，请在审查该文件时核实是否有法定例外理由）'
        : '';
    const severity = e.exception || reported ? ('info' as const) : undefined;
    const fix = e.exception
      ? undefined
      : { start: e.span.start, end: e.span.end, replacement: `自公布之日起${min}日后施行`, label: `改为“自公布之日起${min}日后施行”` };
    if (e.mode === 'on-issue') {
      report({
        start: e.span.start,
        end: e.span.end,
        severity,
        message: `“${e.span.text}”未设置宽限期：应当自公布之日起${min}日后施行${because || '，或写明国家安全、重大公共利益等法定例外理由'}`,
        fix: fix && { ...fix, replacement: graceText(e.span.text, min), label: `改为“${graceText(e.span.text, min)}”` },
      });
    } else if (e.mode === 'after-days' && e.days !== undefined && e.days < min) {
      report({ start: e.span.start, end: e.span.end, severity, message: `宽限期仅${e.days}日，少于${min}日${because}`, fix });
    } else if (e.mode === 'date' && e.date) {
      const ref = referenceDate(doc);
      if (!ref) return;
      const gap = daysBetween(ref.iso, e.date);
      if (gap < 0 || gap >= min) return; // before publication is effective.retroactive
      report({
        start: e.span.start,
        end: e.span.end,
        severity,
        message: `施行日期（${cn(e.date)}）距${ref.label}（${cn(ref.iso)}）仅${gap}日，少于${min}日${because}`,
      });
    }
  },
};

export const retroactive: Rule = {
  meta: {
    id: 'effective/retroactive',
    code: 'effective.retroactive',
    severity: 'error',
    title: '施行日期早于发布日期（溯及既往）',
    basis: '《中华人民共和国立法法》第一百零四条（不溯及既往原则）；国办发〔2018〕37号',
    explanation: '规范性文件只能向后发生效力。施行日期早于发布日期，等于要求公民、法人和其他组织遵守其无从知晓的规定，除非是为了更好地保护其权利和利益而作的特别规定。',
  },
  examples: {
    valid: [
      { text: '第十六条　本办法自2022年5月1日起施行。', metadata: { publishedDate: '2022-03-22' }, why: '施行日期在发布日期之后。' },
      { text: '（六）本政策自2024年起执行，有效期3年。', metadata: { publishedDate: '2023-11-20' }, why: '自2024年1月1日起执行，在11月20日发布之后，相隔42日。' },
    ],
    invalid: [
      {
        text: '第十条　本规定自2021年4月1日起施行，有效期2年。',
        metadata: { publishedDate: '2021-04-12' },
        errors: [{ excerpt: '自2021年4月1日起施行' }],
        why: '4月12日发布，却自4月1日起施行。',
      },
      {
        text: '本政策自2020年开始执行，有效期2年。',
        metadata: { publishedDate: '2020-08-19' },
        errors: [{ excerpt: '自2020年开始执行' }],
        why: '只写年份的，自该年1月1日起执行：8月发布的政策回溯到了年初。',
      },
      {
        text: '湖滨省人民政府办公厅关于印发促进软件产业发展若干政策和湖滨省软件产业行动计划（2022-2024年）的通知\n各市人民政府，省政府各部门：\n《促进软件产业发展若干政策》《湖滨省软件产业行动计划（2022-2024年）》已经省政府同意，现印发给你们，请认真抓好落实。\n湖滨省人民政府办公厅\n2022年8月15日\n促进软件产业发展若干政策\n为加快软件产业发展，制定以下政策。\n一、对首次通过能力评估的软件企业给予奖补。\n二、本政策自2022年开始执行。\n湖滨省软件产业行动计划（2022-2024年）\n一、到2024年，全省软件业务收入翻一番。',
        errors: [{ excerpt: '自2022年开始执行' }],
        why: '一件通知印发两份文件，所附政策就在页面上：8月15日成文，却自当年1月1日起执行。',
      },
    ],
  },
  check(doc, _ctx, report) {
    if (!isNormText(doc) && !describesAnother(doc)) return;
    const e = doc.effective;
    if (e?.mode !== 'date' || !e.date) return;
    const ref = referenceDate(doc);
    if (!ref || e.date >= ref.iso) return;
    report({
      start: e.span.start,
      end: e.span.end,
      message: `施行日期（${cn(e.date)}）早于${ref.label}（${cn(ref.iso)}），文件溯及既往`,
    });
  },
};

export const missing: Rule = {
  meta: {
    id: 'effective/missing',
    code: 'effective.missing',
    severity: 'warning',
    title: '缺少施行日期',
    basis: '省级行政规范性文件制定和备案规定：规范性文件应当载明施行日期',
    explanation: '规范性文件应当写明何时施行，通常在最后一条：“本办法自××××年×月×日起施行”或“自公布之日起30日后施行”。没有施行日期，执行机关和相对人无法确定文件何时生效。',
  },
  examples: {
    valid: [
      { text: '第十条　本办法自2022年5月1日起施行，有效期5年。', why: '载明了施行日期。' },
      { text: '第十一条　本办法自2023年1月1日起试行，试行期两年。', why: '“起试行”也是施行日期。' },
    ],
    invalid: [
      {
        text: '临江县职业技能培训补贴实施办法（试行）\n第一条　为规范培训补贴管理，根据有关规定，制定本办法。\n第二条　补贴对象应当符合下列条件。\n第三条　本办法有效期至2022年12月31日。',
        errors: [{}],
        why: '只写了有效期，没有写何时施行。',
      },
      {
        text: '关于征求《关于便利港澳居民来青溪创业的若干措施（征求意见稿）》意见的公告\n为服务港澳居民创业，我局起草了《关于便利港澳居民来青溪创业的若干措施（征求意见稿）》，现向社会公开征求意见。意见反馈截止时间为2024年3月31日，电子邮箱：qx@qx.gov.cn。附件：关于便利港澳居民来青溪创业的若干措施（征求意见稿）青溪区行政审批局　2024年3月1日 附件：关于便利港澳居民来青溪创业的若干措施为服务港澳居民来青溪创业，根据《优化营商环境条例》，现提出如下措施。一、简化登记手续（一）推行登记“一窗通办”。二、强化服务保障（一）设立港澳居民服务专窗。',
        errors: [{}],
        why: '征求意见公告后附有草案全文（换行丢失，草案标题与首句连在一起），草案没有写何时施行。',
      },
      {
        text: '青溪区行政审批局关于征求《青溪区“证照联办” 改革实施方案（征求意见稿）》 意见建议的公告\n区行政审批局起草了《青溪区“证照联办”改革实施方案（征求意见稿）》，现面向社会公开征求意见，反馈截止时间为2024年6月30日，电子邮箱：qx@qx.gov.cn。\n青溪区行政审批局\n2024年6月1日\n青溪区“证照联办”改革实施方案（征求意见稿） 为深化“放管服”改革，根据《优化营商环境条例》，制定本方案。 一、工作目标 到2024年底，实现证照联办全覆盖。 二、主要措施 （一）推行一表申请。',
        errors: [{}],
        why: '公告标题里的草案名多了一个空格，草案正文仍在页面上：方案全文没有施行日期。',
      },
    ],
  },
  check(doc, _ctx, report) {
    if (!isWholeNormText(doc) || doc.effective) return;
    const at = doc.validity?.sentence ?? doc.title ?? doc.headline;
    report({
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      documentLevel: true,
      message: '未找到施行日期条款（如“本办法自××××年×月×日起施行”），请补充',
    });
  },
};

export default [noGrace, retroactive, missing];
