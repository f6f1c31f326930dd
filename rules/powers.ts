import { articleText, normSentences, restatesHigherLaw, splitClauses } from '../utils/engine/helpers';
import type { Report, Rule, RuleContext, Severity } from '../utils/engine/types';
import type { DocModel, Sentence } from '../utils/model/types';
import STATUTORY_LICENCES from './data/statutory-licences.json';

/**
 * Licences, penalties, compulsory measures and fees may only be created by higher law. A normative document
 * may restate them (依照《…》第X条的规定处罚), never create them. Each rule below finds the power in a clause,
 * then asks whether the clause takes it from a higher law.
 */

interface Pattern {
  re: RegExp;
  severity?: Severity;
  /** The pattern names who approves; only an administrative approver makes it a licence. */
  approver?: boolean;
}

// The cited statutes whose subject a sentence talks about: 占用城市道路 in a document citing 《城市道路管理条例》.
function citedStatuteCores(doc: DocModel, ctx: RuleContext): string[] {
  const cores = new Set<string>();
  for (const c of doc.citations) {
    const hit = ctx.statutes.lookup(c.title.replace(/[\s\u3000]/g, ''));
    if (!hit || (hit.statute.kind !== 'law' && hit.statute.kind !== 'regulation')) continue;
    const core = hit.statute.name
      .replace(/^中华人民共和国/, '')
      .replace(/(?:实施条例|实施细则|管理条例|管理办法|条例|法|规定|办法)$/, '')
      .replace(/管理$/, '');
    if (core.length >= 2) cores.add(core);
  }
  return [...cores];
}

// Four characters at least: a two-character subject (旅游, 消防) names a whole field, not the permit at hand.
const sharesSubject = (text: string, cores: string[]) =>
  cores.some((core) => {
    for (let i = 0; i + 4 <= core.length; i++) if (text.includes(core.slice(i, i + 4))) return true;
    return false;
  });

// A clause whose actor is the administration itself (由市住房和城乡建设局拟订，报市人民政府批准) is internal procedure.
const ADMIN_ACTOR = /^(?:由)?[^，。；]{0,20}?(?:人民政府|局|委员会|委|部门|机关|办公室|办事处)(?:应当|会同|负责|拟订|制定|根据|按照|可以|审核)|由[^，。；]{1,20}?(?:局|部门|人民政府|委员会|机关)(?:会同|拟订|制定|负责|组织)/;
// The administration's own plans and standards (年度计划应当经市人民政府批准) go through internal approval, not a licence.
// Only when the plan is the clause's subject: 经营者应当将进货清单报…审核同意后方可 is still a licence.
const ADMIN_OBJECT = /^[^，。；的将把]{0,16}(?:方案|计划|标准|预算|规划|名单|目录|清单|结果|调整|指标|办法|细则|制度)(?:应当|须|需|必须)?(?:报)?$/;
const NEGATED = /(?:不得|严禁|禁止|不再|不予|无需|无须|免于|免予|不需要|不必)[^，。；]{0,6}$/;

interface Hit {
  start: number;
  end: number;
  clause: Sentence;
  sentence: Sentence;
  severity?: Severity;
  pattern: Pattern;
}

// A global copy of each pattern, made once: matchAll needs the g flag.
const globals = new WeakMap<RegExp, RegExp>();
const globalOf = (re: RegExp) => {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, 'g')));
  return g;
};

// Every power in a clause (没收其物品，并处罚款 sets two), patterns in order of preference, none overlapping another.
// Clauses of the norm sentences, split once per document for all four rules.
const clauseCache = new WeakMap<DocModel, { s: Sentence; clause: Sentence }[]>();
function normClauses(doc: DocModel) {
  let out = clauseCache.get(doc);
  if (!out) {
    out = normSentences(doc).flatMap((s) => splitClauses(s).map((clause) => ({ s, clause })));
    clauseCache.set(doc, out);
  }
  return out;
}

/**
 * The words of a hit's clause before it, at most LEAD_WINDOW characters: what says who acts, under which law, or
 * that the power is negated is close to the power. Bounded, so that a clause of thousands of powers without a comma
 * is read in linear time, not once per power.
 */
// A cut lead starts with a comma, which no `^`-anchored pattern (ADMIN_ACTOR, ADMIN_OBJECT) can take for the
// clause's start.
const LEAD_WINDOW = 160;
const leadOf = (doc: DocModel, h: Hit) =>
  h.start - h.clause.start > LEAD_WINDOW ? `，${doc.text.slice(h.start - LEAD_WINDOW, h.start)}` : doc.text.slice(h.clause.start, h.start);

// Whether [start, end) overlaps one of `sorted` (sorted by start, none overlapping another): a binary search.
function overlapsAny(sorted: Hit[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < end;
}

function findPowers(doc: DocModel, patterns: Pattern[], trigger: RegExp, accept?: (h: Hit, m: RegExpExecArray) => boolean): Hit[] {
  const hits: Hit[] = [];
  for (const { s, clause } of normClauses(doc)) {
    // A cheap test of the words every pattern needs keeps the patterns off most clauses.
    if (!trigger.test(clause.text)) continue;
    // The hits of earlier (preferred) patterns, kept sorted: one pattern's matches never overlap each other.
    let inClause: Hit[] = [];
    for (const pattern of patterns) {
      const found: Hit[] = [];
      for (const m of clause.text.matchAll(globalOf(pattern.re))) {
        const h: Hit = { start: clause.start + m.index!, end: clause.start + m.index! + m[0].length, clause, sentence: s, severity: pattern.severity, pattern };
        if (overlapsAny(inClause, h.start, h.end)) continue;
        if (accept && !accept(h, m as RegExpExecArray)) continue;
        found.push(h);
      }
      if (found.length) inClause = inClause.concat(found).sort((a, b) => a.start - b.start);
    }
    hits.push(...inClause);
  }
  return hits;
}

/** Reports each power that the document creates; a power whose subject matches a cited statute is only a hint. */
function reportCreated(
  doc: DocModel,
  ctx: RuleContext,
  report: Report,
  hits: Hit[],
  message: (excerpt: string) => string,
  restated: (excerpt: string) => string,
  allowSubjectMatch = true,
) {
  const cores = allowSubjectMatch ? citedStatuteCores(doc, ctx) : [];
  // Asked once per sentence, not once per power: an article of many powers is read once.
  const subjectShared = new Map<Sentence, boolean>();
  const sharesCited = (s: Sentence) => {
    let shared = subjectShared.get(s);
    if (shared === undefined) subjectShared.set(s, (shared = sharesSubject(articleText(doc, s), cores)));
    return shared;
  };
  for (const h of hits) {
    const lead = leadOf(doc, h);
    if (restatesHigherLaw(lead) || restatesHigherLaw(doc.text.slice(h.start, h.end))) continue;
    if (NEGATED.test(lead)) continue;
    const excerpt = doc.text.slice(h.start, h.end);
    if (cores.length && sharesCited(h.sentence)) {
      report({ start: h.start, end: h.end, severity: 'info', message: restated(excerpt) });
      continue;
    }
    report({ start: h.start, end: h.end, severity: h.severity, message: message(excerpt) });
  }
}

// What a permit is called: 《…证》, …许可证, …合格证, …准运证, …执照, …资格.
const PERMIT = '(?:《[^》]{1,20}(?:证|证书|许可|执照)》|[\\u4e00-\\u9fa5]{0,10}?(?:许可证|合格证|资格证书?|经营证|准入证|准营证|准运证|登记证|上岗证|通行证|执照|许可))';
// Who approves: a licence is granted by the administration, not by an employer, a village or an owners' meeting.
const ADMIN_APPROVER = /人民政府|政府|局|委员会|委|厅|部门|机关|办公室|管理处|中心|所|站|街道办事处|乡（镇）|乡镇|管委会/;
const PRIVATE_APPROVER = /本单位|单位负责人|负责人|业主|村民|居民委员会|村民委员会|企业|公司|开办者|经营者|物业/;

const LICENCE_PATTERNS: Pattern[] = [
  // An obligation to obtain a permit (应当…取得…许可证), or an application for one (申领《…证》). A condition
  // (取得…证书的，给予补贴) is neither.
  { re: new RegExp(`(?:应当|须|需|必须)(?:向[^，。；]{1,30}?|[^，。；]{0,12}?)(?:申请办理|申请领取|申领|申请取得|办理|取得|领取)[^，。；]{0,24}?${PERMIT}(?:[^，。；]{0,4}?后[，,]?(?:方可|才能|方能|始得)[^，。；]{0,16})?`) },
  { re: new RegExp(`(?:申请办理|申请领取|申领)[^，。；]{0,16}?${PERMIT}`) },
  // 取得《景区经营许可证》后方可经营: the permit as the condition of the activity, with or without 应当.
  { re: new RegExp(`取得[^，。；]{0,20}?${PERMIT}[^，。；]{0,4}?后[，,]?(?:方可|才能|方能|始得|才可)[^，。；]{0,16}`) },
  { re: /(?:应当|须|需|必须)?(?:取得|经|报)[^，。；]{1,30}?(?:批准|审批|核准|审核同意|审查同意|同意|许可|备案)(?:后)?[，,]?(?:方可|才能|方能|始得)[^，。；]{0,16}/, approver: true },
  { re: /(?:应当|须|需|必须)经[^，。；]{1,30}?(?:批准|审批|核准|许可)/, approver: true },
  { re: /未(?:取得|经|办理|领取)[^，。；]{0,30}?(?:许可证|许可|批准|审批|核准|同意|资格证|证》|证)[^，。；]{0,6}?[，,]?\s*(?:的[，,]?\s*)?(?:任何[^，。；]{0,6}?)?(?:不得|禁止|严禁)[^，。；]{0,12}/, approver: true },
  { re: /(?:实行|实施)[^，。；]{0,12}?(?:许可|审批|准入|资格)(?:管理|制度)(?!改革)/, severity: 'warning' },
  { re: /(?:办理|申请)[^，。；]{0,12}?(?:审批|核准|批准)手续/, severity: 'warning' },
];

// The body named between 经/报 and 批准: 经市城市管理局批准 → 市城市管理局.
function approverOf(text: string): string | undefined {
  return /(?:经|报|未经)([^，。；]{1,30}?)(?:审核|审查)?(?:批准|审批|核准|同意|许可|备案)/.exec(text)?.[1];
}

const STATUTORY_LICENCE = new RegExp(STATUTORY_LICENCES.names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

export const license: Rule = {
  meta: {
    id: 'content/license',
    code: 'content.license',
    severity: 'error',
    title: '违法设定行政许可',
    basis: '《中华人民共和国行政许可法》第十四条至第十七条（规范性文件一律不得设定行政许可）；国办发〔2018〕37号',
    explanation:
      '行政许可只能由法律、行政法规、地方性法规和省级政府规章设定。规范性文件要求相对人“申领××证”“经××批准（审核同意）后方可”，或规定“未取得××的不得”，就是自行设定许可，即使换成“资格管理”“审核同意”“备案”等名称也是如此。依照法律法规实施已有许可（“依法取得燃气经营许可证”）不是设定。',
  },
  examples: {
    valid: [
      { text: '一、从事瓶装燃气经营活动的企业，应当依法取得燃气经营许可证，并在许可范围内从事经营活动。', why: '“依法取得”：实施《城镇燃气管理条例》已设定的许可。' },
      { text: '第七条　依照《中华人民共和国土地管理法》第六十二条的规定，农村村民住宅用地由乡（镇）人民政府审核批准。', why: '复述法律的规定。' },
      { text: '第五条　前款规定的收入、财产标准，由市住房和城乡建设局会同市民政局拟订，报市人民政府批准后向社会公布。', why: '行政机关内部的报批程序，不是对相对人设定许可。' },
      { text: '第二十三条　住房租赁企业应当自领取营业执照之日起30日内，通过服务平台报送开业信息。', why: '“自领取营业执照之日起”只是期限的起算点。' },
      { text: '第九条　年度改造计划应当经市人民政府批准后组织实施。', why: '行政机关自己的计划报批，不是对相对人设定许可。' },
      { text: '三、深入推进行政审批制度改革，实行告知承诺制。', why: '“审批制度改革”是政策表述，不是设定许可。' },
      { text: '第八条　进入有限空间作业的，未经本单位作业负责人审批，任何人不得进入。', why: '单位内部的安全管理审批，不是行政许可。' },
      { text: '五、因生活物资保障等特殊原因确需进入限行区域的，可以通过“交管12123”APP申请办理城区通行证。', why: '“可以申请”是文件提供的办理途径，不是要求相对人取得许可。' },
      {
        text: '第十五条　产生建筑渣土的单位，应当在开工前向市城市管理局提出申请，取得建筑垃圾处置核准后，方可处置。',
        why: '建筑垃圾处置核准是国务院决定已设定的许可，文件要求依法办理，不是新设许可（只作提示）。',
      },
      {
        text: '第一条　根据《城市道路管理条例》，制定本办法。\n第四条　因特殊情况需要临时占用城市道路的，应当经市城市管理局和公安机关交通管理部门批准。',
        why: '复述所引《城市道路管理条例》已设定的占道许可，仅作提示（info）。',
      },
    ],
    invalid: [
      {
        text: '二、在本区城市建成区饲养犬只的，应当向区公安分局申请办理《养犬许可证》。未取得《养犬许可证》的，不得饲养犬只。',
        errors: [{ excerpt: '申请办理《养犬许可证》' }, { excerpt: '未取得《养犬许可证》的，不得饲养犬只' }],
        why: '区政府通告自行设定了养犬许可。',
      },
      {
        text: '第五条　校外培训机构新聘用教学人员的，应当报区教育局审核同意后方可上岗。',
        errors: [{ excerpt: '报区教育局审核同意后方可上岗' }],
        why: '以“审核同意后方可”的形式设定了许可。',
      },
      {
        text: '第十六条　建筑垃圾运输车辆应当取得县城市管理局核发的车辆准运合格证后方可从事建筑垃圾运输。',
        errors: [{ excerpt: '取得县城市管理局核发的车辆准运合格证后方可' }],
        why: '以“合格证”的名义设定了许可。',
      },
      {
        text: '第一条　根据《中华人民共和国旅游法》，制定本办法。\n第五条　开办乡村民宿，应当取得民宿经营合格证后方可营业。',
        errors: [{ excerpt: '应当取得民宿经营合格证后方可营业', severity: 'error' }],
        why: '《旅游法》没有设定民宿经营许可：引用了同一领域的法律，不等于该许可有上位法依据。',
      },
      {
        text: '第十四条　景区经营单位取得《景区经营许可证》后方可经营。',
        errors: [{ excerpt: '取得《景区经营许可证》后方可经营' }],
        why: '以“取得…后方可”设定了许可。',
      },
      {
        text: '二、农药经营者购进限制使用农药的，应当将进货清单报所在乡镇农业综合服务站审核同意后方可入库销售。',
        errors: [{ excerpt: '报所在乡镇农业综合服务站审核同意后方可入库销售' }],
        why: '经营者报送清单、经审核同意后方可销售：以审核同意的形式设定了许可。',
      },
    ],
  },
  check(doc, ctx, report) {
    const hits = findPowers(doc, LICENCE_PATTERNS, /证|批|审|许可|准入|资格|同意|核准|备案|执照/, (h, m) => {
      const lead = leadOf(doc, h);
      if (ADMIN_ACTOR.test(lead) || ADMIN_OBJECT.test(lead)) return false;
      // 自领取营业执照之日起30日内: the permit only marks when a time limit starts.
      if (/自[^，。；]{0,4}(?:取得|领取|办理)/.test(m[0]) || doc.text.startsWith('之日', h.end)) return false;
      // 可以…申请办理通行证: an avenue the document offers, not a permit it requires.
      if (/可以[^，。；]{0,24}$/.test(lead) && !/(?:应当|须|必须|方可)/.test(m[0])) return false;
      if (!h.pattern.approver) return true;
      const who = approverOf(m[0]);
      // 未经批准 names no one: the approval meant is the administration's.
      return !who || (!PRIVATE_APPROVER.test(who) && (ADMIN_APPROVER.test(who) || /有关|主管/.test(who)));
    });
    // A licence that higher law already sets (建筑垃圾处置核准, 道路运输经营许可) is implemented, not created: a hint.
    for (const h of hits) if (STATUTORY_LICENCE.test(doc.text.slice(h.start, h.end))) h.severity = 'info';
    reportCreated(
      doc,
      ctx,
      report,
      hits,
      (x) =>
        STATUTORY_LICENCE.test(x)
          ? `“${x}”是上位法已设定的许可，文件只是要求依法办理；建议写明“依法取得”及所依据的法律、法规`
          : `“${x}”设定了行政许可：规范性文件不得设定行政许可，请删除或写明所依据的法律、法规条款`,
      (x) => `“${x}”涉及行政许可，与所引法律法规的调整事项相同，可能是复述上位法；请核对上位法是否已设定该许可`,
    );
  },
};

const AMOUNT = '(?:[0-9０-９.]+|[一二两三四五六七八九十百千万]+)\\s*(?:元|万元|倍)';
const PENALTY_PATTERNS: Pattern[] = [
  { re: new RegExp(`(?:处|并处|处以|予以|给予|可以处)[^，。；]{0,12}?${AMOUNT}(?:以上[^，。；]{0,16}?(?:以下)?)?(?:的)?罚款`) },
  { re: /(?:处以|并处|予以|给予|处|可以)[^，。；]{0,6}?(?:罚款|没收(?:违法所得|非法财物|[^，。；]{1,8}(?:工具|物品|设备|车辆|犬只))|吊销[^，。；]{0,12}?(?:证|执照)|暂扣[^，。；]{0,8}?(?:证|执照)|责令停产停业|责令关闭|行政拘留|拘留|降低资质等级|限制开展生产经营活动|责令停止营业)/ },
  // Confiscation, revocation, closure and detention need no 处/予以 before them to be penalties.
  { re: /没收(?:其)?[^，。；]{1,12}?(?:违法所得|非法财物|物品|工具|设备|车辆|犬只|财物|货物|商品|产品)|吊销(?:其)?[^，。；]{0,12}?(?:许可证|执照|证书|资格证)|责令停产停业|责令关闭|行政拘留/ },
  // 暂停其投标资格6个月: barring a party from bidding, trading or practising is a penalty (限制从业), unlike losing a subsidy.
  { re: /(?:暂停|取消|限制|禁止)(?:其)?[^，。；]{0,24}?(?:投标|竞标|参与|承接|从业|执业|经营)[^，。；]{0,10}?资格(?:[^，。；]{0,8}?(?:个月|年))?/ },
  // 警告 is a penalty on the public; given to staff it is discipline (处分). 通报批评 is left out: documents use it
  // mostly for supervising schools, units and staff, where it is not a penalty.
  { re: /(?:处以|予以|给予|处)警告(?![^。]{0,12}处分)/ },
];

// 应当给予罚款处罚的，按照…: the penalty is the condition of a clause about something else. 责令停产停业、吊销许可证件、
// 没收较大数额违法所得等: a list of penalty kinds (whose hearing rights a text restates) sets none of them.
const inCondition = (doc: DocModel, h: Hit) =>
  /^[^，。；]{0,6}?的[，,]/.test(doc.text.slice(h.end, h.end + 8)) || doc.text[h.start - 1] === '、' || /^[、等]/.test(doc.text.slice(h.end, h.end + 1));

export const penalty: Rule = {
  meta: {
    id: 'content/penalty',
    code: 'content.penalty',
    severity: 'error',
    title: '违法设定行政处罚',
    basis: '《中华人民共和国行政处罚法》第十六条（除法律、法规、规章外，其他规范性文件不得设定行政处罚）',
    explanation:
      '规范性文件不得设定罚款、没收、吊销、暂扣证照、责令停产停业、拘留等行政处罚。需要处罚的，只能写“由××依照《××法》第×条的规定处罚”，处罚种类和幅度以上位法为准。',
  },
  examples: {
    valid: [
      { text: '第八条　在城市道路上违反规定停放机动车的，由公安机关交通管理部门依照《中华人民共和国道路交通安全法》第九十三条的规定予以处罚。', why: '依照法律条文处罚，没有自设处罚。' },
      { text: '第十二条　挪用维修资金的，由县住房和城乡建设局依法予以处理。', why: '“依法处理”，没有设定新的处罚。' },
      { text: '第十四条　工作人员玩忽职守的，给予警告处分。', why: '对工作人员的处分是内部纪律，不是行政处罚。' },
      { text: '第十一条　以虚报等手段骗取补贴的，取消其享受补贴资格，追回已发放的资金。', why: '取消补贴资格是收回授益，不是行政处罚。' },
      { text: '第九条　作出责令停产停业、吊销许可证件、没收较大数额违法所得等行政处罚决定前，应当告知当事人有要求听证的权利。', why: '列举处罚种类以告知听证权利，没有设定处罚。' },
      {
        text: '第五条　同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。',
        why: '“给予罚款处罚的”是条件，这句复述的是《行政处罚法》第二十九条的适用规则。',
      },
    ],
    invalid: [
      {
        text: '六、携犬出户未束犬链（绳）的，由区城市管理局责令改正，并处200元以上500元以下罚款。',
        errors: [{ excerpt: '并处200元以上500元以下罚款' }],
        why: '区政府通告自行设定了罚款。',
      },
      {
        text: '第十二条　经营者未按照规定公示收费标准的，由区市场监督管理局给予警告。',
        errors: [{ excerpt: '给予警告' }],
        why: '警告也是行政处罚，规范性文件不得设定。',
      },
      {
        text: '（二）逾期不改正的，没收其违法回收的物品，并处1000元以上5000元以下罚款。',
        errors: [{ excerpt: '没收其违法回收的物品' }, { excerpt: '并处1000元以上5000元以下罚款' }],
        why: '同一句设定了没收和罚款两种处罚。',
      },
      {
        text: '2.对同一工地一个月内被通报两次以上的施工单位，暂停其在本区参与政府投资项目投标资格6个月。',
        errors: [{ excerpt: '暂停其在本区参与政府投资项目投标资格6个月' }],
        why: '限制参与投标是对经营活动的限制，属于行政处罚（限制开展生产经营活动）。',
      },
    ],
  },
  check(doc, ctx, report) {
    reportCreated(
      doc,
      ctx,
      report,
      findPowers(doc, PENALTY_PATTERNS, /罚|没收|吊销|拘留|停产|关闭|警告|资格|暂扣|降低/, (h, m) => !inCondition(doc, h) && !/补贴|奖励|优惠|扶持|评优|评先/.test(m[0])),
      (x) => `“${x}”设定了行政处罚：规范性文件不得设定处罚，应改为“依照《××》第×条的规定处罚”`,
      (x) => `“${x}”涉及行政处罚，请核对是否与上位法规定的种类、幅度一致`,
      false,
    );
  },
};

const COERCION_PATTERNS: Pattern[] = [
  {
    re: /(?:可以|应当|予以|有权|将|即)?(?:当场|先行)?(?:查封|(?<!克)扣押(?!金)|冻结|扣留|(?<!(?:碳|捕集|地质)[^，。；]{0,6})封存|封堵其|查扣|暂扣(?![^，。；]{0,8}?(?:证|执照))|强制(?:拆除|清除|清理|收回|扣缴|划拨|隔离|带离|搬离|停止)|强行(?:拆除|清除|带离|拖离|拖移)|代履行)[^，。；]{0,12}/,
  },
];

export const coercion: Rule = {
  meta: {
    id: 'content/coercion',
    code: 'content.coercion',
    severity: 'error',
    title: '违法设定行政强制措施',
    basis: '《中华人民共和国行政强制法》第十条（法律、法规以外的其他规范性文件不得设定行政强制措施）、第十三条',
    explanation: '查封、扣押、冻结、暂扣物品、强制拆除等行政强制措施和强制执行，只能由法律、法规设定。规范性文件规定“可以当场暂扣”“予以查封”，属于违法设定强制措施。',
  },
  examples: {
    valid: [
      { text: '第九条　对违法建筑，由城市管理部门依照《中华人民共和国城乡规划法》第六十八条的规定，责令停止建设、限期拆除。', why: '依照法律条文实施。' },
      { text: '第十五条　出租人不得克扣押金，租赁期满应当及时退还。', why: '“克扣押金”不是“扣押”。' },
      { text: '第二十条　专户资金专款专用，除法律另有规定外，不得因其他原因被查封、冻结或者划拨。', why: '保护专户资金免受查封、冻结，没有设定强制措施。' },
      { text: '第十三条　行政机关查封、扣押车辆，不得向当事人收取停车费。', why: '查封、扣押是其他机关依法行使的职权，这里只是限制其收费。' },
      {
        text: '三、推动工业减碳。支持钢铁、水泥企业开展二氧化碳捕集、利用与封存技术攻关，建成一批碳捕集封存示范工程。',
        why: '“捕集、利用与封存”是减碳技术的名称，封存的是二氧化碳，不是封存财物的强制措施。',
      },
    ],
    invalid: [
      {
        text: '七、对无人牵领的犬只，区公安分局可以当场暂扣犬只，并通知饲养人限期补办手续。',
        errors: [{ excerpt: '可以当场暂扣犬只' }],
        why: '自行设定了暂扣这一强制措施。',
      },
      {
        text: '第十八条　排水户擅自向雨水管网排放污水的，区水务局可以先行封堵其排水接驳口。',
        errors: [{ excerpt: '先行封堵其排水接驳口' }],
        why: '封堵排水口是行政强制措施，规范性文件不得设定。',
      },
      {
        text: '第二十一条　运输车辆未按照规定密闭运输，经责令改正拒不改正的，由县城市管理局扣押其运输车辆。',
        errors: [{ excerpt: '扣押其运输车辆' }],
        why: '“未按照规定”描述的是违法行为，不是上位法依据；扣押车辆系自行设定。',
      },
    ],
  },
  check(doc, ctx, report) {
    reportCreated(
      doc,
      ctx,
      report,
      findPowers(doc, COERCION_PATTERNS, /查封|扣|冻结|封|强制|强行|代履行/, (h) => {
        const lead = leadOf(doc, h);
        // 不得…被查封、冻结 / 防止被不当查封 / 作出限制查封设置: the text shields something from the measure.
        if (/(?:被|遭|受|免于|防止|避免|限制)[^，。；]{0,4}$/.test(lead)) return false;
        // 行政机关查封、扣押车辆，不得收取停车费: the measure is another body's, named to limit what follows.
        const modal = /(?:可以|应当|予以|有权|将|即|当场|先行|须|必须)/.test(lead + doc.text.slice(h.start, h.end));
        return modal || !/^[^，。；]{0,16}?[的]?[，,]\s*(?:不得|严禁|禁止|不能|不准)/.test(doc.text.slice(h.end, h.end + 24));
      }),
      (x) => `“${x}”设定了行政强制措施：规范性文件不得设定查封、扣押、暂扣等强制措施`,
      (x) => `“${x}”涉及行政强制，与所引法律法规的调整事项相同，请核对上位法是否已有规定`,
    );
  },
};

const ORGAN = /(?:人民政府|局|委员会|委|部门|机关|管理所|监督所|中心|站|管理处|办事处|办公室|财政专户|管理机构|主管机构|监管机构|执法机构)/;
// Deposits of a transaction the law itself provides for: a bid, an auction, a contract's performance.
// A 履约保证金 paid to a regulator (预付卡发卡企业向商务局缴纳) is not one of them.
const TRANSACTION_DEPOSIT = /(?:竞买|投标|竞拍|竞得|拍卖|挂牌)保证金/;
const FEE_PATTERNS: Pattern[] = [
  { re: /(?:缴纳|交纳|缴存|预交|预缴|交付|缴交)[^，。；]{0,16}?(?:保证金|押金|风险金|抵押金|质保金|[^，。；租]{0,6}?费(?![用率]))(?:[0-9０-９]+(?:元|万元))?/ },
  { re: /(?:收取|征收|加收)[^，。；]{0,12}?(?:保证金|押金|风险金|[^，。；租]{0,6}?费(?![用率]))/ },
];

export const fee: Rule = {
  meta: {
    id: 'content/fee',
    code: 'content.fee',
    severity: 'error',
    title: '违法设定收费或保证金',
    basis: '国办发〔2018〕37号（规范性文件不得增设行政收费）；《国务院办公厅关于清理规范工程建设领域保证金的通知》等',
    explanation: '行政事业性收费、保证金、押金只能依据法律法规和国家规定的收费项目设立。规范性文件要求相对人向行政机关缴纳“××保证金”“××费”，属于违法增加相对人义务。',
  },
  examples: {
    valid: [
      { text: '第十条　承租人应当按照合同约定按时缴纳租金。', why: '合同租金，不是行政收费。' },
      { text: '第二十条　竞买人应当在挂牌截止前交纳竞买保证金。', why: '竞买保证金是出让交易的保证金，由土地出让的法规规章规定，不是行政收费。' },
      { text: '（三）市场开办者收取摊位租金的，应当明码标价，不得在标价之外加价收取未予标明的费用。', why: '规范经营者收费行为，不是设定行政收费。' },
    ],
    invalid: [
      {
        text: '第五条　经营性公共停车场经营者应当在开业前向所在区交通运输主管部门缴纳停车场管理保证金，保证金标准为每个停车泊位500元。',
        errors: [{ excerpt: '缴纳停车场管理保证金' }],
        why: '向行政机关缴纳保证金，没有法律法规依据。',
      },
      {
        text: '第九条　单用途预付卡发卡企业应当向区商务局缴纳履约保证金。',
        errors: [{ excerpt: '缴纳履约保证金' }],
        why: '向监管部门缴纳的“履约保证金”是行政机关收取的保证金，不是交易双方之间的保证金。',
      },
      {
        text: '第十二条　新建建筑申请接入城市集中供热管网的，建设单位应当在接入前向市供热管理机构缴纳管网接入保证金。',
        errors: [{ excerpt: '缴纳管网接入保证金' }],
        why: '向管理机构缴纳保证金，没有法律法规依据。',
      },
    ],
  },
  check(doc, ctx, report) {
    const hits = findPowers(doc, FEE_PATTERNS, /缴|交纳|交付|预交|收取|征收|加收/, (h, m) => {
      // Payable to the administration (向…局缴纳 / 由…局收取), or a deposit whose amount the document sets.
      const lead = leadOf(doc, h);
      const payee = /向([^，。；]{1,30}?)$/.exec(lead)?.[1];
      const collector = /^(?:由)?([^，。；]{1,24}?)(?:统一|按照[^，。；]{0,10})?$/.exec(lead)?.[1];
      if (TRANSACTION_DEPOSIT.test(m[0])) return false;
      if (m[0].startsWith('收取') || m[0].startsWith('征收') || m[0].startsWith('加收')) return !!collector && ORGAN.test(collector);
      if (payee) return ORGAN.test(payee);
      return /保证金|押金|风险金/.test(m[0]) && /应当|须|必须/.test(lead);
    });
    reportCreated(
      doc,
      ctx,
      report,
      hits,
      (x) => `“${x}”设定了收费或保证金：规范性文件不得增设行政收费、保证金`,
      (x) => `“${x}”涉及收费，请核对所引法律法规是否设立了该收费项目`,
    );
  },
};

export default [license, penalty, coercion, fee];
