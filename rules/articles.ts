// Higher-law checks at article level, from the facts derived from the statute texts (utils/statutes/articles):
// the cited 第X条 exists in the edition in force on the document's date, a penalty is grounded on an article that
// sets one, and a restated penalty keeps the kind and range of the article it cites. Where the facts lack the
// statute or the edition in force, the rules say nothing.
import { referenceDate } from '../utils/engine/helpers';
import type { Report, Rule, RuleContext } from '../utils/engine/types';
import type { DocModel } from '../utils/model/types';
import { articleFacts } from '../utils/statutes/articles';
import {
  articleLabel,
  citedArticles,
  editionName,
  editionSize,
  isLiabilityChapter,
  type CitedArticle,
} from '../utils/statutes/articles/cited';
import { formatAmount, formatFine, PENALTY_KINDS, penaltiesOf, type Fine, type PenaltyKind } from '../utils/statutes/articles/penalties';
import type { RefGroup } from '../utils/statutes/articles/refs';

/** The date whose edition applies: the document's own, else the review date. */
const dateOf = (doc: DocModel, ctx: RuleContext) => referenceDate(doc)?.iso ?? ctx.today;

function cited(doc: DocModel, ctx: RuleContext): CitedArticle[] {
  const facts = articleFacts();
  return facts ? citedArticles(doc, ctx.statutes, facts, dateOf(doc, ctx)) : [];
}

/** Short name for messages: 价格法 rather than 中华人民共和国价格法. */
const shortName = (name: string) => name.replace(/^中华人民共和国/, '');

/** Groups of references, each with the cited articles the facts found in the edition in force. */
function byGroup(all: CitedArticle[]): { group: RefGroup; items: CitedArticle[] }[] {
  const out = new Map<number, { group: RefGroup; items: CitedArticle[] }>();
  for (const c of all) {
    const g = out.get(c.group.index) ?? { group: c.group, items: [] };
    g.items.push(c);
    out.set(c.group.index, g);
  }
  return [...out.values()];
}

/** A citation that grounds what follows on it (依照《…》第X条…处罚), as opposed to one naming the duty broken (违反…). */
const GROUNDS = /^(依照|依据|根据|按照)$/;
/** Words that impose a penalty after the citation; 不予处罚, 免予处罚 impose none. */
const IMPOSES = /(?<!不予|免予|免除|不)(?:予以处罚|给予处罚|进行处罚|实施处罚|处罚|处以|并处|罚款|吊销|暂扣|没收|警告|拘留|通报批评)/;

/** A 制定依据 clause (根据《…》第X条…制定本处罚裁量基准) names what it founds, not a penalty it imposes. */
const FOUNDS = /制定|印发|裁量基准|裁量权|基准|标准|清单|目录/;
const imposes = (tail: string) => IMPOSES.test(tail) && !FOUNDS.test(tail);

/** The text a group's citation governs: from its end to the sentence end or the next citation in the sentence. */
function governed(doc: DocModel, group: RefGroup, all: CitedArticle[]): { start: number; end: number; text: string } {
  let end = group.sentence.end;
  for (const c of all) if (c.group.start > group.end && c.group.start < end) end = c.group.start;
  // Another 《…》 in the sentence starts another citation the facts may not know.
  const next = doc.text.slice(group.end, end).search(/《|该法|该条例/);
  if (next >= 0) end = group.end + next;
  return { start: group.end, end, text: doc.text.slice(group.end, end) };
}

const BASIS = '被引用法律、法规的条文（以审查日所依据的文本为准）；《行政处罚法》第十六条';

export const articleInvalid: Rule = {
  meta: {
    id: 'basis/article-invalid',
    code: 'basis.article-invalid',
    severity: 'error',
    title: '引用条文错误',
    basis: '被引用法律、法规在文件日期施行的文本',
    explanation:
      '引用法律、法规的具体条文，应当核对文件日期施行的文本：法律修订后条文序号常有变动，引用不存在的“第X条”会使依据落空。依照某条给予处罚的，该条应当是设定处罚的条款（通常在“法律责任”章），而不是规定义务或许可的条款。',
  },
  examples: {
    valid: [
      {
        text: '第八条　经营者不明码标价的，由市场监督管理部门依照《中华人民共和国价格法》第四十二条的规定处罚。',
        why: '价格法第四十二条在“法律责任”章，规定了对不明码标价的处罚。',
      },
      {
        text: '第一条　根据《中华人民共和国价格法》第十三条、第十四条，制定本规定。\n第九条　违反本规定第五条的，依照该法第四十条至第四十二条的规定处理。',
        why: '所引条文都存在；“该法”指前面引用的价格法。',
      },
      {
        text: '第一条　为规范明码标价的行政处罚裁量，根据《中华人民共和国价格法》第十三条，结合本市实际，制定本处罚裁量基准。',
        why: '制定依据条款引用义务条款，并不是依照它给予处罚。',
      },
      {
        text: '第六条　涉密载体的管理，按照《中华人民共和国保守国家秘密法》第六十条的规定执行。',
        context: { today: '2024-06-01' },
        why: '2024年5月1日起施行的修订文本共六十五条，有第六十条。',
      },
      {
        text: '第六条　涉密载体的管理，按照《中华人民共和国保守国家秘密法》第六十条的规定执行。',
        context: { today: '2005-06-01' },
        why: '文件日期早于手头所有文本（2010年修订文本之前的版本缺失），不作判断。',
      },
    ],
    invalid: [
      {
        text: '第八条　经营者不明码标价的，由市场监督管理部门依照《中华人民共和国价格法》第六十二条的规定处罚。',
        errors: [{ excerpt: '第六十二条' }],
        corrected: '第八条　经营者不明码标价的，由市场监督管理部门依照《中华人民共和国价格法》第四十二条的规定处罚。',
        why: '价格法共四十八条，没有第六十二条。',
      },
      {
        text: '第六条　涉密载体的管理，按照《中华人民共和国保守国家秘密法》第六十条的规定执行。',
        context: { today: '2023-06-01' },
        errors: [{ excerpt: '第六十条' }],
        why: '文件日期施行的是2010年修订文本，共五十三条；第六十条是2024年修订后才有的。',
      },
      {
        text: '第一条　根据《中华人民共和国价格法》，制定本办法。\n第九条　违反本办法第五条规定的，依照该法第五十条至第五十二条的规定处罚。',
        errors: [{ excerpt: '第五十条至第五十二条' }],
        why: '“该法”指价格法，共四十八条。',
      },
      {
        text: '第八条　经营者未按规定明码标价的，由市场监督管理部门依照《中华人民共和国价格法》第十三条的规定予以处罚。',
        errors: [{ excerpt: '第十三条' }],
        corrected: '第八条　经营者未按规定明码标价的，由市场监督管理部门依照《中华人民共和国价格法》第四十二条的规定予以处罚。',
        why: '价格法第十三条规定明码标价的义务，不设处罚；处罚在第四十二条。',
      },
    ],
  },
  check(doc, ctx, report) {
    const all = cited(doc, ctx);
    // An article the edition lacks: one finding per reference as written (a range reports its missing numbers once).
    const missing = new Map<number, CitedArticle[]>();
    for (const c of all) {
      if (!c.edition || c.fact) continue;
      const list = missing.get(c.ref.label.start) ?? [];
      list.push(c);
      missing.set(c.ref.label.start, list);
    }
    for (const list of missing.values()) {
      const { ref, edition, group } = list[0];
      const labels = list.map((c) => articleLabel(c.ref.id)).join('、');
      report({
        start: ref.label.start,
        end: ref.label.end,
        message: `《${shortName(group.statute.name)}》${editionName(edition!)}${editionSize(edition!)}，没有${labels}：请核对条文序号或所依据的文本`,
        basis: `《${group.statute.name}》（${editionName(edition!)}）`,
      });
    }
    // A penalty grounded on articles none of which sets or mentions one.
    for (const { group, items } of byGroup(all)) {
      if (!group.lead || !GROUNDS.test(group.lead)) continue;
      const facts = items.map((c) => c.fact).filter((f) => !!f);
      if (!facts.length || facts.length < items.length) continue;
      const tail = governed(doc, group, all);
      if (!imposes(tail.text)) continue;
      if (facts.some((f) => f.kinds.length || f.refersToPenalty || isLiabilityChapter(f.chapter))) continue;
      const where = [...new Set(facts.map((f) => f.chapter).filter(Boolean))].join('、');
      report({
        start: items[0].ref.label.start,
        end: items[items.length - 1].ref.label.end,
        code: 'basis.article-invalid',
        severity: 'warning',
        message: `《${shortName(group.statute.name)}》${facts.map((f) => articleLabel(f.id)).join('、')}${where ? `（${where}）` : ''}不设处罚：依照它给予处罚没有依据，应引用设定该处罚的条款`,
        basis: `《${group.statute.name}》（${editionName(items[0].edition!)}）`,
      });
    }
  },
};

/** Two fines are comparable when both are sums, or both multiples of the same base; rates per unit never are. */
const comparable = (a: Fine, b: Fine) => (a.base ?? '') === (b.base ?? '') && !(a.base ?? '').startsWith('每');

/** Where in `text` the words of a kind first occur, widened to their clause. */
function clauseOf(text: string, offset: number, at: number): { start: number; end: number } {
  let s = at;
  while (s > 0 && !/[，,；;。、]/.test(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !/[，,；;。]/.test(text[e])) e++;
  return { start: offset + s, end: offset + e };
}

const KIND_WORD: Record<PenaltyKind, RegExp> = {
  W: /警告/,
  B: /通报批评/,
  F: /罚款/,
  C: /没收/,
  S: /暂扣/,
  R: /吊销/,
  T: /停产停业|停业整顿|停止生产|停止营业|停产整顿|关闭/,
  D: /拘留/,
};

function checkRange(doc: DocModel, group: RefGroup, items: CitedArticle[], all: CitedArticle[], report: Report) {
  if (!group.lead || !GROUNDS.test(group.lead)) return;
  const facts = items.map((c) => c.fact).filter((f) => !!f);
  // Every cited article must be known and at least one must set a penalty kind: otherwise nothing to compare.
  if (!facts.length || facts.length < items.length || !facts.some((f) => f.kinds.length)) return;
  const tail = governed(doc, group, all);
  const restated = penaltiesOf(tail.text.replace(/(?:不予|免予)(?:处罚|罚款)/g, ''));
  if (!restated.kinds.length) return;
  const labels = facts.map((f) => articleLabel(f.id)).join('、');
  const statute = `《${shortName(group.statute.name)}》${labels}`;
  const basis = `《${group.statute.name}》${labels}（${editionName(items[0].edition!)}）；《行政处罚法》第十六条`;
  const kinds = new Set(facts.flatMap((f) => f.kinds));
  for (const k of restated.kinds) {
    if (kinds.has(k)) continue;
    const at = KIND_WORD[k].exec(tail.text);
    if (!at) continue;
    const span = clauseOf(tail.text, tail.start, at.index);
    report({
      ...span,
      message: `${statute}没有规定“${PENALTY_KINDS[k]}”：所引条文规定的是${[...kinds].map((x) => PENALTY_KINDS[x]).join('、')}`,
      basis,
    });
  }
  if (!kinds.has('F')) return;
  const stated = facts.flatMap((f) => f.fines.filter((x) => x.lo !== undefined || x.hi !== undefined));
  for (const fine of restated.fines) {
    if (fine.lo === undefined && fine.hi === undefined) continue;
    const same = stated.filter((x) => comparable(x, fine));
    if (!same.length) continue;
    const lo = Math.min(...same.map((x) => x.lo ?? 0));
    const hi = Math.max(...same.map((x) => x.hi ?? Infinity));
    const fLo = fine.lo ?? 0;
    const fHi = fine.hi ?? Infinity;
    const at = (n: number) => `${fine.base ?? ''}${formatAmount(n, fine.base)}`;
    const problem = fHi > hi ? `超过上限${at(hi)}` : fLo < lo ? `低于下限${at(lo)}` : '';
    if (!problem) continue;
    const where = tail.text.search(/罚款/);
    if (where < 0) continue;
    const span = clauseOf(tail.text, tail.start, where);
    report({
      ...span,
      message: `罚款幅度与上位法不一致：文件写“${formatFine(fine)}”，${statute}规定${same.map(formatFine).join('、')}，${problem}`,
      basis,
    });
  }
}

export const penaltyRange: Rule = {
  meta: {
    id: 'content/penalty-range',
    code: 'content.penalty-range',
    severity: 'warning',
    title: '处罚种类、幅度与上位法不一致',
    basis: BASIS,
    explanation:
      '规范性文件不得设定行政处罚，只能在上位法规定的处罚种类和幅度内重述或细化。文件依照某法某条规定处罚时，所写的处罚种类应为该条规定的种类，罚款数额应在该条规定的幅度之内；超出上限、低于下限或增加处罚种类，都等于自行设定处罚。',
  },
  examples: {
    valid: [
      {
        text: '第八条　经营者不明码标价的，依照《中华人民共和国价格法》第四十二条的规定，责令改正，没收违法所得，可以并处三千元以下的罚款。',
        why: '价格法第四十二条规定没收违法所得、可以并处五千元以下罚款，文件在幅度之内。',
      },
      {
        text: '第十条　生产经营不符合食品安全标准的食品，货值金额不足一万元的，依照《中华人民共和国食品安全法》第一百二十四条的规定，没收违法所得，并处五万元以上八万元以下罚款。',
        why: '食品安全法第一百二十四条规定五万元以上十万元以下罚款，细化后的幅度在其中。',
      },
    ],
    invalid: [
      {
        text: '第八条　经营者不明码标价的，依照《中华人民共和国价格法》第四十二条的规定，责令改正，没收违法所得，可以并处一万元以下的罚款。',
        errors: [{ excerpt: '可以并处一万元以下的罚款' }],
        corrected: '第八条　经营者不明码标价的，依照《中华人民共和国价格法》第四十二条的规定，责令改正，没收违法所得，可以并处五千元以下的罚款。',
        why: '价格法第四十二条的罚款上限是五千元，文件写一万元，超出幅度。',
      },
      {
        text: '第八条　经营者不明码标价，情节严重的，依照《中华人民共和国价格法》第四十二条的规定吊销营业执照。',
        errors: [{ excerpt: '吊销营业执照' }],
        why: '价格法第四十二条没有规定吊销营业执照，文件增加了处罚种类。',
      },
      {
        text: '第十条　生产经营不符合食品安全标准的食品，货值金额不足一万元的，依照《中华人民共和国食品安全法》第一百二十四条的规定，并处二万元以上十万元以下罚款。',
        errors: [{ excerpt: '并处二万元以上十万元以下罚款' }],
        why: '食品安全法第一百二十四条规定五万元以上十万元以下罚款，文件降低了下限。',
      },
    ],
  },
  check(doc, ctx, report) {
    const all = cited(doc, ctx);
    for (const { group, items } of byGroup(all)) checkRange(doc, group, items, all, report);
  },
};

export default [articleInvalid, penaltyRange];
