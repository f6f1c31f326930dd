import type { Report, Rule } from '../utils/engine/types';
import type { Article, Heading, Item } from '../utils/model/types';
import { toChineseNumeral } from '../utils/text/numerals';

const itemLabel = (level: Item['level'], n: number) =>
  level === 1 ? `${toChineseNumeral(n)}、` : level === 2 ? `（${toChineseNumeral(n)}）` : level === 3 ? `${n}.` : `（${n}）`;

export const numbering: Rule = {
  meta: {
    id: 'drafting/numbering',
    code: 'drafting.numbering',
    severity: 'warning',
    title: '条款序号错误',
    basis: '规范性文件起草规范；GB/T 9704-2012《党政机关公文格式》7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”）',
    explanation: '条文序号应当连续，不得跳号、重号；同一文件中条的序号用汉字数字，不宜混用阿拉伯数字。项、目的序号按“一、”“（一）”“1.”“（1）”逐层使用。序号错误会造成引用混乱（如“第九条”指向不明）。',
  },
  examples: {
    valid: [
      { text: '第一条　为了规范管理，制定本办法。\n第二条　本办法适用于本市。\n第三条　本办法自2022年1月1日起施行。', why: '条序连续。' },
      { text: '一、经营资质要求\n（一）经营单位应当配备安全管理人员：\n1.具备相应的安全生产知识；\n2.每年参加再培训。\n（二）经营场所应当设置安全警示标志。', why: '“1.”在“（一）”之下，之后回到“（二）”，层次正确。' },
      { text: '附件：1．市人民政府决定废止的行政规范性文件目录\n　　　2．市人民政府决定宣布失效的行政规范性文件目录', why: '“附件：”同一行起始的1．也计入序号。' },
      { text: '第五条　申请应当符合下列条件：\n（一）无自有住房；\n（二）收入符合标准。\n第六条　申请人应当提交下列材料：\n（一）身份证件；\n（二）收入证明。', why: '每条之下的项重新从（一）编号。' },
      {
        text: '第四条　省级科技管理部门的鉴定为最终结论。　　第五条项目鉴定内容包括：　　（一）研发活动是否真实；　　（二）研发费用归集是否合理。　　第六条企业通过申报平台提交鉴定申请。',
        why: '“第五条项目鉴定……”中的“项目”是条文本身的用词，不是“第五条第×项”之类的引用，条序连续。',
      },
      {
        text: '关于印发《临江省建设工程质量保证金管理办法》的通知\n现将《临江省建设工程质量保证金管理办法》印发给你们，请认真贯彻执行。\n临江省住房和城乡建设厅\n2023年4月3日\n（联系单位：省住房和城乡建设厅）临江省建设工程质量保证金管理办法第一章总则\n第一条　为规范质量保证金管理，制定本办法。\n第二章附则\n第二条　本办法自2023年5月10日起施行。',
        why: '页面把办法标题与“第一章总则”连在联系单位一行之后，第一章仍在，章序连续。',
      },
    ],
    invalid: [
      {
        text: '第八条　管线发生故障的，可以先行抢修。\n第十条　占用城市道路期满的，应当及时清理现场。',
        errors: [{ excerpt: '第十条' }],
        why: '第八条之后是第十条，缺少第九条。',
      },
      {
        text: '第一章　总则\n第一条　为了规范管理，制定本办法。\n第二章　申请\n第二条　申请人应当提交材料。\n第四章　附则\n第三条　本办法自2024年1月1日起施行。',
        errors: [{ excerpt: '第四章' }],
        why: '第二章之后是第四章，缺少第三章。',
      },
      {
        text: '三、储存管理要求\n1.储存场所\n（一）危险化学品应当储存在专用仓库；\n（二）剧毒化学品应当单独存放。',
        errors: [{ excerpt: '（一）' }],
        why: '“（一）”是第二层序号，不能放在第三层“1.”之下。',
      },
      {
        text: '第五条　交存标准如下：\n（一）未配置电梯的住宅，每平方米50元；\n（二）配置电梯的多层住宅，每平方米70元；\n（四）配置电梯的高层住宅，每平方米80元。',
        errors: [{ excerpt: '（四）' }],
        why: '（二）之后是（四），缺少（三）。',
      },
    ],
  },
  check(doc, _ctx, report) {
    checkHeadings(doc.chapters, report);
    checkArticles(doc.articles, report);
    // A notice's list and the attached document's items are separate lists.
    for (const part of doc.parts) checkItems(doc.items.filter((i) => i.start >= part.start && i.start < part.end), report);
  },
};

// 章 run through the document; 节 restart in each 章.
function checkHeadings(headings: Heading[], report: Report) {
  let chapter = 0;
  let section = 0;
  for (const h of headings) {
    const unit = h.kind === 'chapter' ? '章' : '节';
    const prev = h.kind === 'chapter' ? chapter : section;
    if (h.kind === 'chapter') {
      chapter = h.number;
      section = 0;
    } else section = h.number;
    if (h.number === prev + 1 || (h.kind === 'chapter' && h.number === 1)) continue;
    const message =
      h.number === prev
        ? `第${toChineseNumeral(prev)}${unit}重复`
        : h.number > prev + 1
          ? `${prev ? `第${toChineseNumeral(prev)}${unit}之后是` : '从'}第${toChineseNumeral(h.number)}${unit}${prev ? '' : '开始'}，缺少第${toChineseNumeral(prev + 1)}${unit}`
          : `${unit}序倒退：第${toChineseNumeral(prev)}${unit}之后是第${toChineseNumeral(h.number)}${unit}`;
    report({ start: h.label.start, end: h.label.end, message });
  }
}

function checkArticles(articles: Article[], report: Report) {
  const arabic = articles.filter((a) => /\d/.test(a.label.text));
  if (arabic.length && arabic.length < articles.length) {
    const minority = arabic.length <= articles.length / 2 ? arabic : articles.filter((a) => !/\d/.test(a.label.text));
    for (const a of minority.slice(0, 5)) {
      const want = /\d/.test(a.label.text) ? `第${toChineseNumeral(a.number)}条` : `第${a.number}条`;
      report({ start: a.label.start, end: a.label.end, message: `条的序号混用汉字和阿拉伯数字，宜统一为“${want}”的写法`, fix: { start: a.label.start, end: a.label.end, replacement: want, label: `改为“${want}”` } });
    }
  }
  for (let i = 1; i < articles.length; i++) {
    const prev = articles[i - 1].number;
    const a = articles[i];
    const want = prev + 1;
    if (a.number === want || a.number === 1) continue; // 1 starts another document's articles
    const message =
      a.number === prev
        ? `第${toChineseNumeral(prev)}条重复`
        : a.number > want
          ? `第${toChineseNumeral(prev)}条之后是第${toChineseNumeral(a.number)}条，缺少第${toChineseNumeral(want)}条${a.number - want > 1 ? '等' : ''}，后续条文及引用均需顺延调整`
          : `条序倒退：第${toChineseNumeral(prev)}条之后是第${toChineseNumeral(a.number)}条`;
    report({ start: a.label.start, end: a.label.end, message });
  }
}

function checkItems(items: Item[], report: Report) {
  // The last number seen at each level; a higher-level item or a new article starts the lower levels afresh.
  const last: (number | undefined)[] = [];
  let article: number | undefined;
  for (const it of items) {
    if (it.article !== article) {
      last.length = 0;
      article = it.article;
    }
    const prev = last[it.level];
    // （一） opened right under a 1. item: the hierarchy 一、（一）1.（1） is turned upside down.
    const deeper = last.findIndex((n, level) => level > it.level && n !== undefined);
    if (it.number === 1 && prev === undefined && deeper > 0) {
      report({
        start: it.label.start,
        end: it.label.end,
        message: `层次序号倒置：“${itemLabel(it.level, 1)}”出现在“${itemLabel(deeper as Item['level'], last[deeper]!)}”之下，应依次使用“一、”“（一）”“1.”“（1）”`,
      });
    }
    last.length = it.level + 1;
    last[it.level] = it.number;
    if (it.number === 1) continue;
    // The text's very first label may be where a selection or excerpt begins: 三、 opening a pasted part is no gap.
    if (it === items[0] && prev === undefined) continue;
    const want = (prev ?? 0) + 1;
    if (it.number === want) continue;
    const label = itemLabel(it.level, it.number);
    const message =
      prev === undefined
        ? `项的序号从“${label}”开始，应从“${itemLabel(it.level, 1)}”开始`
        : it.number === prev
          ? `项的序号“${label}”重复`
          : it.number > want
            ? `“${itemLabel(it.level, prev)}”之后是“${label}”，缺少“${itemLabel(it.level, want)}”`
            : `项的序号倒退：“${itemLabel(it.level, prev)}”之后是“${label}”`;
    report({ start: it.label.start, end: it.label.end, message });
  }
}

export default [numbering];
