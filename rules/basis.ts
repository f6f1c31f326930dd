import { cn, isNormText, isWholeNormText, referenceDate } from '../utils/engine/helpers';
import type { Rule } from '../utils/engine/types';
import { definedAliases } from '../utils/model/parse';
import { normTitle } from '../utils/model/citations';
import type { DocModel } from '../utils/model/types';
import { matchDocNumbers, normalizeDocNumber } from '../utils/text/docnumber';
import KNOWN_DOCUMENTS from './data/known-documents.json';
import { statusAt } from '../utils/statutes';

const NAME_BASIS = '《党政机关公文处理工作条例》；规范性文件起草规范：引用法律、法规应当使用全称并加书名号';

export const missing: Rule = {
  meta: {
    id: 'basis/missing',
    code: 'basis.missing',
    severity: 'warning',
    title: '缺少制定依据',
    basis: '国办发〔2018〕37号；规范性文件起草规范：应当在首条或者前言中写明制定目的和依据',
    explanation: '规范性文件不得没有法律、法规、规章或上级文件依据。首条（或前言）应写明“根据《……》等规定，结合本地实际，制定本办法”。仅写“结合本区实际”不能说明依据。',
  },
  examples: {
    valid: [
      { text: '第一条　为加强停车场管理，根据《中华人民共和国道路交通安全法》等法律法规，结合本市实际，制定本细则。\n第二条　本细则适用于本市。', why: '首条写明了依据。' },
      { text: '为贯彻落实《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》，制定本办法。\n第一条　本办法适用于本市。', why: '前言写明了上级文件依据。' },
    ],
    invalid: [
      {
        text: '东山区人民政府关于加强城市养犬管理的通告\n为规范城市养犬行为，结合本区实际，现就有关事项通告如下：\n一、饲养犬只的单位和个人，应当遵守本通告。',
        errors: [{}],
        why: '只写了目的和“结合本区实际”，没有任何依据。',
      },
      {
        text: '第一条　为规范产业园区认定管理，依据相关法律、法规和标准规范，结合本省实际，制定本办法。\n第二条　本办法适用于本省行政区域内产业园区的认定。',
        errors: [{ excerpt: '依据相关法律、法规和标准规范' }],
        corrected: '第一条　为规范产业园区认定管理，依据《中华人民共和国安全生产法》等法律法规，结合本省实际，制定本办法。\n第二条　本办法适用于本省行政区域内产业园区的认定。',
        why: '“相关法律、法规”没有指明任何一部法律法规，等于没有写依据。',
      },
      {
        text: '支持数字经济发展若干政策\n为加快数字经济发展，推动产业转型，制定以下政策。\n一、对新建数据中心给予一次性奖补。\n二、对企业上云给予补贴。',
        errors: [{}],
        why: '只写了目的，没有写依据。',
      },
      {
        text: '临江省人民政府办公厅关于印发支持智能制造发展若干政策和临江省智能制造行动计划（2023-2025年）的通知\n各市人民政府，省政府各部门：\n经省政府同意，现将两份文件印发给你们，请认真抓好落实。\n临江省人民政府办公厅\n2023年5月8日\n支持智能制造发展若干政策\n为加快智能制造发展，推动制造业转型升级，制定和实施以下政策。\n一、对智能工厂建设项目给予奖补。\n临江省智能制造行动计划（2023-2025年）\n一、到2025年，建成智能工厂100家。',
        errors: [{}],
        why: '一件通知印发两份文件；所附政策的前言只写了目的，没有依据。',
      },
    ],
  },
  check(doc, _ctx, report) {
    if (!isNormText(doc)) return;
    // A fragment holds its basis only when it starts at the first article.
    const holdsStart = isWholeNormText(doc) || doc.articles[0]?.number === 1;
    const vague = doc.basisClause && namesNoBasis(doc.basisClause.text) ? doc.basisClause : undefined;
    if (doc.basisClause && !vague) return;
    if (vague) {
      report({
        start: vague.start,
        end: vague.end,
        message: '制定依据不明确：只写“依据相关法律、法规”，没有写明具体的法律、法规或上级文件名称（《……》）',
      });
      return;
    }
    if (!holdsStart) return;
    // A notice with nothing normative in its body does not need a basis clause of its own.
    if (!doc.articles.length && !doc.items.some((i) => i.start >= (doc.title?.end ?? 0))) return;
    const at = doc.articles[0]?.label ?? doc.title ?? doc.headline;
    report({
      start: at?.start ?? 0,
      end: at?.end ?? 0,
      documentLevel: true,
      message: '未写明制定依据：首条或前言应当写明“根据《……》等规定”',
    });
  },
};

// 依据相关法律、法规和标准规范 / 根据国家有关规定: a basis only in general words.
const GENERIC_BASIS = /(?:根据|依据|依照|按照|遵照)(?:国家|省|市|县|区|上级)?(?:的)?(?:相关|有关)(?:的)?(?:法律|法规|规章|规定|政策|标准|文件|要求)/;

/** Whether a basis clause names nothing: no 《title》, no 文号, no 关于… document, only 相关法律、法规. */
function namesNoBasis(clause: string): boolean {
  if (/《|关于|〔|\[(?:19|20)\d{2}\]/.test(clause)) return false;
  return GENERIC_BASIS.test(clause);
}

const KNOWN_BY_NUMBER = new Map(KNOWN_DOCUMENTS.documents.map((d) => [normalizeDocNumber(d.number), d.title]));
// Titles compared from 关于 on: a citation may leave out the issuing organs, and spacing varies.
const fromAbout = (t: string) => t.replace(/[\s\u3000]/g, '').replace(/^.*?(?=关于)/, '');

// A statute name written in the text without 书名号: scanned by suffix at each 法/条例/法典.
// Where a statute name could end: each 法/条例/法典 (not 法律, 法规, 法院…). Names are found backwards from here.
const NAME_END = /(?:法典|条例|法)(?![律规学院官人治制定令网庭警务])/g;
const isHan = (c: string | undefined) => !!c && c >= '\u4e00' && c <= '\u9fa5';

// 《中华人民共和国农业技术推广条例》: the 中华人民共和国 prefix marks a law, and the law of that name exists.
function lawForPrefixedRegulation(ctx: Parameters<Rule['check']>[1], title: string) {
  const m = /^中华人民共和国(.{2,30})条例$/.exec(title);
  const hit = m ? ctx.statutes.lookup(`中华人民共和国${m[1]}法`) : undefined;
  return hit?.statute.kind === 'law' ? hit.statute : undefined;
}

/** Citations that are statutes, in order, with what the table says of them. */
function statuteCitations(doc: DocModel, ctx: Parameters<Rule['check']>[1]) {
  const aliases = definedAliases(doc);
  return doc.citations
    .filter((c) => !aliases.has(normTitle(c.title)))
    .map((c) => ({ c, hit: ctx.statutes.lookup(c.title.replace(/[\s\u3000]/g, '')) }));
}

export const informalName: Rule = {
  meta: {
    id: 'basis/informal-name',
    code: 'basis.informal-name',
    severity: 'warning',
    title: '依据名称不规范',
    basis: NAME_BASIS,
    explanation:
      '引用法律、行政法规，首次出现时应当使用全称并加书名号，如《中华人民共和国道路交通安全法》，不能用简称《道路交通安全法》，也不能写成不存在的名称（如《中华人民共和国燃气管理条例》，实为《城镇燃气管理条例》）。之后再次引用可以使用简称。',
  },
  examples: {
    valid: [
      { text: '第一条　根据《中华人民共和国道路交通安全法》，制定本细则。\n第八条　违反《道路交通安全法》的，依法处理。', why: '首次引用用全称，之后用简称可以。' },
      { text: '第一条　根据《城镇燃气管理条例》，制定本办法。', why: '行政法规的全称本来就不冠“中华人民共和国”。' },
      { text: '第一条　根据《关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号），制定本办法。', why: '引用时省略发文机关名称，从“关于”起与原标题一致。' },
    ],
    invalid: [
      {
        text: '第一条　根据《道路交通安全法》《中华人民共和国道路交通安全法实施条例》等法律法规，制定本细则。',
        errors: [{ excerpt: '《道路交通安全法》' }],
        corrected: '第一条　根据《中华人民共和国道路交通安全法》《中华人民共和国道路交通安全法实施条例》等法律法规，制定本细则。',
        why: '首次引用法律用了简称。',
      },
      {
        text: '根据《中华人民共和国安全生产法》《中华人民共和国燃气管理条例》等有关规定，现就有关事项通知如下：',
        errors: [{ excerpt: '《中华人民共和国燃气管理条例》' }],
        why: '不存在该名称的法规，应为《城镇燃气管理条例》。',
      },
      {
        text: '第一条　根据《中华人民共和国农业技术推广条例》，制定本办法。',
        errors: [{ excerpt: '《中华人民共和国农业技术推广条例》' }],
        why: '冠以“中华人民共和国”的是法律：应为《中华人民共和国农业技术推广法》。',
      },
      {
        text: '根据《中华人民共和国土地管理法》《中华人民共和国土地征收补偿条例》，现将征地补偿有关事项公告如下：',
        errors: [{ excerpt: '《中华人民共和国土地征收补偿条例》' }],
        why: '没有这部法规：征收补偿由《土地管理法》及其实施条例规定。',
      },
      {
        text: '第八条　违反本办法规定的，依照行政处罚法的有关规定处理。',
        errors: [{ excerpt: '行政处罚法' }],
        why: '法律名称没有加书名号，且未用全称。',
      },
      {
        text: '第一条　根据《国务院办公厅关于加强规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号），制定本办法。',
        errors: [{ excerpt: '《国务院办公厅关于加强规范性文件制定和监督管理工作的通知》' }],
        corrected: '第一条　根据《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号），制定本办法。',
        why: '文号对应的文件标题是“加强行政规范性文件……”，所引名称漏了“行政”，这个名称的文件并不存在。',
      },
    ],
  },
  check(doc, ctx, report) {
    const cited = new Set<string>();
    const seenNames = new Set<string>();
    for (const { c, hit } of statuteCitations(doc, ctx)) {
      if (hit) {
        const full = hit.statute.name;
        if (hit.matched === 'short' && !cited.has(full)) {
          report({
            start: c.span.start,
            end: c.span.end,
            message: `首次引用应使用全称《${full}》，不宜用简称《${c.title}》`,
            fix: { start: c.span.start, end: c.span.end, replacement: `《${full}》`, label: `改为《${full}》` },
          });
        }
        cited.add(full);
        continue;
      }
      const title = c.title.replace(/[\s\u3000]/g, '');
      if (seenNames.has(title) || !ctx.statutes.looksLikeStatute(title)) continue;
      seenNames.add(title);
      const near = ctx.statutes.suggest(title) ?? lawForPrefixedRegulation(ctx, title);
      if (!near) {
        // The table lists every law and every 中华人民共和国… regulation: a 中华人民共和国…法/条例 it lacks does not exist.
        if (/^中华人民共和国.{2,40}(?:法|法典|条例)$/.test(title)) {
          report({ start: c.span.start, end: c.span.end, message: `未查到名为《${c.title}》的法律或行政法规，请核对名称` });
        }
        continue;
      }
      report({
        start: c.span.start,
        end: c.span.end,
        message: `未查到名为《${c.title}》的法律法规，可能是指《${near.name}》`,
        fix: { start: c.span.start, end: c.span.end, replacement: `《${near.name}》`, label: `改为《${near.name}》` },
      });
    }
    // 《关于做好…工作意见》（教财〔2018〕16号）: the 文号 names a document whose real title differs. A report that only
    // repeats such a name (a work summary) is not reviewed as a document.
    if (doc.kind !== 'not-normative') {
      for (const c of doc.citations) {
        if (!c.docNumber) continue;
        const real = KNOWN_BY_NUMBER.get(normalizeDocNumber(c.docNumber.text));
        if (!real || fromAbout(real) === fromAbout(c.title)) continue;
        report({ start: c.span.start, end: c.span.end, message: `${c.docNumber.text}的标题是《${real}》，所引名称《${c.title}》与之不符，请核对` });
      }
    }
    // Names written without 书名号 (依照行政处罚法…). Positions inside 《》 are skipped.
    const inside = doc.citations.map((c) => c.span);
    let k = 0;
    let floor = 0;
    for (const m of doc.text.matchAll(NAME_END)) {
      const end = m.index! + m[0].length;
      // The run of Chinese characters that ends here, back to the previous name end (at most 30).
      let from = m.index!;
      while (from > floor && end - from < 30 && isHan(doc.text[from - 1])) from--;
      floor = end;
      while (k < inside.length && inside[k].end <= m.index!) k++;
      if (inside[k] && inside[k].start <= m.index! && inside[k].end >= end) continue;
      let found: { start: number; full: string } | undefined;
      for (let len = Math.min(end - from, 30); len >= 4 && !found; len--) {
        const hit = ctx.statutes.lookup(doc.text.slice(end - len, end));
        // Only laws and regulations: a department rule's name (…管理办法) is also the tail of local titles.
        if (hit && (hit.statute.kind === 'law' || hit.statute.kind === 'regulation')) found = { start: end - len, full: hit.statute.name };
      }
      if (!found) continue;
      const start = found.start;
      if (doc.text[start - 1] === '《' || doc.text[end] === '》') continue;
      // 浙江省物业管理条例: a local regulation of the same subject, not the national one.
      if (/[省市县区州]/.test(doc.text[start - 1] ?? '')) continue;
      report({
        start,
        end,
        message: `法律法规名称应加书名号${doc.text.slice(start, end) === found.full ? '' : '并使用全称'}：《${found.full}》`,
        fix: { start, end, replacement: `《${found.full}》`, label: `改为《${found.full}》` },
      });
    }
  },
};

export const repealed: Rule = {
  meta: {
    id: 'basis/repealed',
    code: 'basis.repealed',
    severity: 'error',
    title: '引用已失效的法律法规',
    basis: '法律法规现行有效状态（国家法律法规数据库）；国办发〔2018〕37号（合法性审核应审查依据是否有效）',
    explanation:
      '制定依据必须是文件制定时现行有效的法律法规。例如2021年1月1日《中华人民共和国民法典》施行后，《物权法》《合同法》《担保法》等九部法律同时废止，此后制定的文件不能再以它们为依据。',
  },
  examples: {
    valid: [
      { text: '第一条　根据《中华人民共和国民法典》《物业管理条例》等规定，制定本办法。', why: '引用的是现行有效的法律法规。' },
      {
        text: '第一条　根据《中华人民共和国物权法》，制定本办法。\n第十条　本办法自2019年1月1日起施行。',
        metadata: { publishedDate: '2018-11-20' },
        why: '文件制定于2018年，当时《物权法》仍然有效。',
      },
    ],
    invalid: [
      {
        text: '第一条　根据《中华人民共和国物权法》《物业管理条例》等规定，制定本办法。',
        metadata: { publishedDate: '2021-06-28' },
        errors: [{ excerpt: '《中华人民共和国物权法》' }],
        corrected: '第一条　根据《中华人民共和国民法典》《物业管理条例》等规定，制定本办法。',
        why: '《物权法》已于2021年1月1日废止，由《民法典》取代。',
      },
    ],
  },
  check(doc, ctx, report) {
    const when = referenceDate(doc)?.iso ?? ctx.today;
    const done = new Set<string>();
    for (const { c, hit } of statuteCitations(doc, ctx)) {
      if (!hit || done.has(hit.statute.name)) continue;
      const s = hit.statute;
      if (statusAt(s, when) !== 'ended') continue;
      // A repeal clause or a historical mention is not reliance on the law.
      const sentence = doc.sentences.find((x) => x.start <= c.span.start && x.end >= c.span.end)?.text ?? '';
      const after = sentence.slice(sentence.indexOf(c.span.text) + c.span.text.length, sentence.indexOf(c.span.text) + c.span.text.length + 8);
      if (/废止|失效|原《/.test(after) || /原$/.test(doc.text.slice(c.span.start - 1, c.span.start))) continue;
      done.add(s.name);
      const by = s.replacedBy ? `，已由《${s.replacedBy}》取代` : '';
      report({
        start: c.span.start,
        end: c.span.end,
        message: `《${s.name}》已于${cn(s.endDate!)}${s.status === 'replaced' ? '失效' : '废止'}${by}，文件（${cn(when)}）不应再以其为依据`,
        fix: s.replacedBy ? { start: c.span.start, end: c.span.end, replacement: `《${s.replacedBy}》`, label: `改为《${s.replacedBy}》` } : undefined,
      });
    }
  },
};

const WRONG_BRACKETS = /[\[（(【［]/;

export const citationFormat: Rule = {
  meta: {
    id: 'basis/citation-format',
    code: 'basis.citation-format',
    severity: 'warning',
    title: '引文格式不规范',
    basis: 'GB/T 9704-2012《党政机关公文格式》（发文字号年份用六角括号〔〕）；《党政机关公文处理工作条例》（引用公文应当先引标题，后引发文字号）',
    explanation:
      '发文字号中的年份应当用六角括号“〔〕”括入，不能用方括号[ ]、圆括号（ ）或【】。引用公文应当先引标题，再在标题后用圆括号注明发文字号，如《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）。',
  },
  examples: {
    valid: [
      { text: '根据《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号），制定本办法。', why: '先标题后文号，年份用〔〕。' },
      {
        text: '湖滨省人民政府办公厅关于印发湖滨省数字经济促进措施的通知\n（湖政办秘〔2021〕82号）\n各市人民政府，省政府各部门：\n现将《湖滨省数字经济促进措施》印发给你们，请认真贯彻落实。',
        why: '标题下括号中的是本文件自己的发文字号，不是引文。',
      },
      {
        text: '临江省人民政府办公厅关于印发临江省化工园区认定管理办法的通知\n临政办字〔2023〕132号各市人民政府，省政府有关部门：现将《临江省化工园区认定管理办法》印发给你们，请认真贯彻执行。',
        why: '复制时发文字号与主送机关连在一行，它仍是本文件的文号。',
      },
      {
        text: '临江省科学技术厅　　关于印发《临江省科技成果转化基金管理　　细则（暂行）》的通知　　临科资〔2019〕6号各市科技局，各高新区管委会：　　现将《临江省科技成果转化基金管理细则（暂行）》印发给你们，请遵照执行。　　临江省科学技术厅　　2019年5月6日',
        why: '整件通知挤在一行，发文字号前后只有空格和主送机关，仍是本文件自己的文号。',
      },
    ],
    invalid: [
      {
        text: '根据《清河市人民政府办公室关于进一步加强住宅专项维修资金管理工作的通知》（清政办发[2019]31号），制定本办法。',
        errors: [{ excerpt: '清政办发[2019]31号' }],
        corrected: '根据《清河市人民政府办公室关于进一步加强住宅专项维修资金管理工作的通知》（清政办发〔2019〕31号），制定本办法。',
        why: '年份用了方括号。',
      },
      {
        text: '第十五条　本办法有效期5年。《临江省科技项目管理办法》（临科政2016〔22〕号）同时废止。',
        errors: [{ excerpt: '临科政2016〔22〕号' }],
        why: '年份写在了括号外、序号写进了六角括号，应为“临科政〔2016〕22号”。',
      },
      {
        text: '按照国办发〔2018〕37号文件要求，制定本办法。',
        errors: [{ excerpt: '国办发〔2018〕37号' }],
        why: '只引文号，没有引标题。',
      },
      {
        text: '二、下列文件宣布失效：\n1．《青溪市人民政府关于做好春运工作的通知》（青政发〔2019〕2号）\n2．青政办发〔2020〕11号',
        errors: [{ excerpt: '青政办发〔2020〕11号' }],
        why: '目录中第2项只列了文号，没有标题。',
      },
    ],
  },
  check(doc, _ctx, report) {
    const own = doc.docNumber?.span;
    // 冀科政2016〔22〕号: the year left out of the brackets and the serial put in them.
    for (const m of doc.text.matchAll(MISPLACED_YEAR)) {
      const start = m.index!;
      const end = start + m[0].length;
      const fixed = `${m[1]}〔${m[2]}〕${m[3]}号`;
      report({ start, end, message: `发文字号“${m[0]}”格式错误：年份应括入六角括号，应为“${fixed}”`, fix: { start, end, replacement: fixed, label: `改为“${fixed}”` } });
    }
    const ownAtTop = ownNumberAtTop(doc);
    for (const m of matchDocNumbers(doc.text)) {
      const start = m.index! + m[0].indexOf(m[1]);
      const end = m.index! + m[0].length;
      const text = doc.text.slice(start, end);
      if (WRONG_BRACKETS.test(m[2])) {
        const fixed = text.replace(/[\[（(【［]((?:19|20)\d{2})[\]）)】］]/, '〔$1〕');
        report({
          start,
          end,
          message: `发文字号“${text}”的年份应使用六角括号〔〕：${fixed}`,
          fix: { start, end, replacement: fixed, label: `改为“${fixed}”` },
        });
        continue;
      }
      if ((own && start >= own.start && end <= own.end) || start === ownAtTop) continue;
      const line = doc.lines.find((l) => l.start <= start && l.end >= end);
      // A metadata line (文号：…) is not a citation.
      if (!line || /^(?:文号|发文字号|索引号|登记号|统一编号)/.test(line.text)) continue;
      // The usual place: （文号） right after the title, alone or in a list of numbers.
      if (insideNoteAfterTitle(doc.text, start)) continue;
      if (doc.text[end] === '《' || doc.text.slice(end, end + 3).startsWith('文件《') || doc.text.slice(end, end + 2) === '）《') {
        report({ start, end, message: `发文字号“${text}”应放在所引公文标题之后，并用圆括号括入` });
        continue;
      }
      // A line that is only a 文号 near the top is the document's own number, not a citation.
      if (line.text === text && doc.lines.indexOf(line) < 30) continue;
      report({ start, end, message: `引用公文应当先引标题，后引发文字号：请写明“${text}”对应的文件标题` });
    }
  },
};

const MISPLACED_YEAR = /([\u4e00-\u9fa5]{1,12}?)((?:19|20)\d{2})\s*〔\s*(\d{1,5})\s*〕\s*号/g;

/**
 * The document's own 文号 where a portal or a copy puts it: on a line of its own under the headline, in brackets
 * （皖政办秘〔2021〕82号）, or running into the salutation (冀政办字〔2023〕132号各市人民政府：). It comes before
 * the salutation's colon and before any text of the document.
 */
function ownNumberAtTop(doc: DocModel): number | undefined {
  const head = doc.headline ?? doc.title;
  // Under the headline, or first in the text when a copy lost the headline above it.
  for (const from of [...new Set([head ? head.end : 0, 0])]) {
    const window = doc.text.slice(from, from + 300);
    const m = /^[\s\u3000]*[（(]?[\s\u3000]*(?=[\u4e00-\u9fa5A-Za-z]{1,12}?\s*[〔\[（(【［]\s*(?:19|20)\d{2})/.exec(window);
    if (!m) continue;
    const first = matchDocNumbers(window.slice(m[0].length)).next().value;
    if (!first || first.index !== 0) continue;
    // Then the line ends, or the salutation (各市人民政府：) follows: not a sentence that cites the number.
    const after = window.slice(m[0].length + first[0].length);
    if (/^[\s\u3000]*[）)]?[\s\u3000]*(?:\n|$)/.test(after) || /^[^。；\n]{0,120}[：:]/.test(after)) return from + m[0].length + first[0].indexOf(first[1]);
  }
  return undefined;
}

// 《…》（国办发〔2018〕37号）, or several numbers in one note: （国发〔2014〕25号、国办发〔2018〕37号）.
function insideNoteAfterTitle(text: string, at: number): boolean {
  const o = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (o < 0 || at - o > 60) return false;
  if (/[）)\n]/.test(text.slice(o + 1, at))) return false;
  return /》\s*$/.test(text.slice(Math.max(0, o - 2), o));
}

export default [missing, informalName, repealed, citationFormat];
