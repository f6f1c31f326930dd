import type { Line } from './types';

/**
 * Texts that are not normative documents, by what they are. 国办发〔2018〕37号 excludes from 行政规范性文件 the
 * documents on an administration's own affairs (personnel, meetings, internal assessment), and reports, news and
 * records do not bind anyone at all. Each comes with the one-line reason the reviewer sees.
 */
export type Genre =
  | 'open-gov-report'
  | 'rule-of-law-report'
  | 'work-report'
  | 'statistics'
  | 'press'
  | 'news'
  | 'comment-result'
  | 'meeting'
  | 'personnel'
  | 'honours'
  | 'circular'
  | 'list-page'
  | 'assessment'
  | 'emergency-plan';

interface GenreRule {
  genre: Genre;
  title: RegExp;
  reason: string;
  /** A further condition on the text, when the title alone does not settle it. */
  text?: (text: string) => boolean;
}

// Each title pattern reads the headline (or the page title): what the text calls itself.
const GENRES: GenreRule[] = [
  { genre: 'open-gov-report', title: /政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)|信息公开年报|政务公开工作(?:年度)?报告/, reason: '政府信息公开工作年度报告，不是规范性文件' },
  { genre: 'rule-of-law-report', title: /法治政府建设(?:工作)?(?:年度)?(?:情况|工作)?(?:的)?(?:报告|情况)$|法治政府建设年度报告/, reason: '法治政府建设年度报告，不是规范性文件' },
  { genre: 'statistics', title: /统计公报|统计快报|统计数据|统计年鉴/, reason: '统计公报，不是规范性文件' },
  { genre: 'comment-result', title: /征求意见(?:情况|采纳情况|结果|反馈)|意见(?:建议)?(?:的)?采纳情况|采纳情况(?:的)?(?:说明|反馈|公示|公告)|意见征集(?:情况|结果)/, reason: '征求意见情况（采纳情况）的记录，不是规范性文件' },
  { genre: 'press', title: /新闻发布会|发布会实录|记者会|记者招待会|答记者问$/, reason: '新闻发布会或答记者问，不是规范性文件' },
  { genre: 'work-report', title: /工作(?:汇报|总结|报告)$|(?:工作|开展|进展|落实|执行)情况(?:的)?(?:报告|汇报|通报)?$|述职报告|自查报告|调研报告|年度报告$|^.{0,20}(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度)?[^。]{0,30}(?:工作)?(?:总结|汇报)$/, reason: '工作报告或总结，不是规范性文件' },
  { genre: 'meeting', title: /召开|举行|会议纪要|会议精神|座谈会|推进会|部署会|视频会议|电视电话会议/, reason: '会议的新闻报道或会议纪要，不是规范性文件' },
  { genre: 'personnel', title: /组成人员|成员(?:调整|名单)|人事任免|任免|任职|免职|干部(?:任前)?公示|(?:公布|确定|认定)[^。]{0,40}名单|名单的(?:通知|公告|公示)/, reason: '人事或名单事项，不是规范性文件' },
  { genre: 'honours', title: /(?:表彰|表扬|嘉奖|奖励(?!工作|办法|制度|政策|资金|标准))[^。]{0,80}(?:决定|通知|通报)$/, reason: '表彰奖励决定，不是规范性文件' },
  { genre: 'meeting', title: /举办[^。]{0,60}(?:活动|大赛|比赛|竞赛|培训班|夏令营|赛事|论坛|展览|讲座|选拔赛)/, reason: '举办活动或培训的通知，不是规范性文件' },
  { genre: 'circular', title: /(?:情况|工作|做法|问题)的通报$/, reason: '情况通报，不设定权利义务，不是规范性文件' },
  { genre: 'list-page', title: /(?:文件|清理结果|政策)[^。]{0,12}目录$|清理结果|^(?:政策文件|通知公告|政策解读|信息公开)(?:列表)?$/, reason: '文件目录或门户列表页，不是规范性文件' },
  { genre: 'emergency-plan', title: /应急预案/, reason: '应急预案，不属于行政规范性文件' },
  {
    genre: 'assessment',
    title: /(?:考评|考核|绩效评估|绩效评价|督查考核)(?:办法|细则|方案|实施方案|实施细则|规则)/,
    reason: '对政府部门或下级政府的内部考核（考评）办法，不属于行政规范性文件（国办发〔2018〕37号）',
    // The ones assessed are government units, not the public.
    text: (t) => /(?:考评|考核|评估|评价)(?:对象|范围)[^。]{0,160}?(?:人民政府|各部门|部门|管委会|各地|单位)/.test(t) || /对各(?:地|部门|旗县区|县（市、区）|区|县)[^。]{0,30}(?:考评|考核)/.test(t),
  },
];

// News: a region or agency then a colon opening the headline (河北：…, 科技部等六部门：…), or a byline.
const NEWS_HEADLINE = /^[\u4e00-\u9fa5]{2,12}[：:][^。]{4,}$|出台|新规|发布会|正式施行$|》[^。]{0,12}(?:起施行|正式施行|将施行|开始施行|实施)$|^(?:记者|本报)/;
const NEWS_BYLINE = /记者|本报讯|通讯员|新华社|日报|晚报|融媒体中心|电视台|来源[:：][^\n]{0,12}(?:报|网|台)/;
// Speech and other first-person texts.
const SPEECH = /讲话|致辞|发言|答问实录/;

/** What a text that is not a normative document is, from its title and, for some, its words. */
export function notNormativeGenre(title: string, text: string): { genre: Genre; reason: string } | undefined {
  const t = title.trim();
  if (!t) return undefined;
  for (const g of GENRES) {
    if (!g.title.test(t)) continue;
    if (g.text && !g.text(text)) continue;
    return { genre: g.genre, reason: g.reason };
  }
  return undefined;
}

/** A news item or a speech, read from the headline and the lines at the top. */
export function newsOrSpeech(title: string, text: string): { genre: Genre; reason: string } | undefined {
  if (SPEECH.test(title)) return { genre: 'news', reason: `标题“${title.slice(0, 30)}”像是讲话或发言稿，不是规范性文件` };
  if (NEWS_HEADLINE.test(title)) return { genre: 'news', reason: `标题“${title.slice(0, 30)}”像是新闻报道，不是规范性文件` };
  if (NEWS_BYLINE.test(text.slice(0, 300))) return { genre: 'news', reason: '开头有记者、通讯员或媒体署名，像是新闻报道' };
  return undefined;
}

/** A portal's list page: line after line of titles, each with its date. */
export function isListPage(lines: Line[]): boolean {
  const filled = lines.filter((l) => l.text);
  if (filled.length < 6) return false;
  const listed = filled.filter((l) => l.text.length <= 90 && /(?:通知|办法|意见|公告|决定|方案|措施|规定|细则|通告|解读)[》」]?[\s\u3000]*[\[(（]?\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?[\])）]?$/.test(l.text)).length;
  return listed >= 5 && listed * 2 >= filled.length;
}

/**
 * The title of a text that explains a document: 《…》政策解读, 关于《…》的解读, 厅长解读《…》, …负责人就《…》答记者问,
 * 政策问答, 热点N问, 政策简介.
 */
export const INTERPRETATION_TITLE =
  /(?:政策)?解读$|^《.+》(?:的)?(?:政策)?解读|解读《[^》]+》|就[^。]{0,40}《[^》]+》[^。]{0,20}答(?:记者)?问|^(?:一图读懂|一文读懂|图解|一图看懂|读懂)|(?:问答|答问|问题解答|答疑|释义|热点\d{1,2}问|[一二三四五六七八九十]{1,3}问)$|政策简介(?:（[^）]*）)?$/;

/** A document's own title: what a text calls itself when it is a norm (关于…的通知, …办法, …方案). */
export const DOCUMENT_TITLE =
  /(?:通知|意见|决定|方案|措施|办法|规定|细则|通告|公告|规则|指引|制度|标准|计划|纲要|规程|守则|导则|准则|若干政策|政策措施|实施方案)(?:（[^）]{0,20}）)?》?$/;

/**
 * The ways a text may state its title at the top: the headline found, and the first short lines alone and joined
 * in pairs, since pages break long titles over lines (国务院办公厅关于县域 / 创新驱动发展的若干意见) or put the organ
 * on a line of its own above them.
 */
export function titleCandidates(lines: Line[], headline?: string): string[] {
  const top = lines.filter((l) => l.text).slice(0, 4).map((l) => l.text);
  const short = (t: string) => t.length <= 60 && !/[。；，]/.test(t);
  const out = headline ? [headline] : [];
  for (let i = 0; i < top.length; i++) {
    if (!short(top[i])) continue;
    out.push(top[i]);
    if (top[i + 1] && short(top[i + 1])) out.push(top[i] + top[i + 1]);
    if (top[i + 1] && top[i + 2] && short(top[i + 1]) && short(top[i + 2])) out.push(top[i] + top[i + 1] + top[i + 2]);
  }
  return out;
}
