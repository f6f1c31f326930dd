// The statute table: bundled data of laws, administrative regulations and department rules that normative
// documents cite, with O(1) lookup by full or short name, a cheap "did you mean" and a validity check by date.
// Data lives in ./data/*.json (one entry per line, grouped by area); this file is the only code.
import type { Statute, StatuteMatch, StatuteTable } from './types';
import administration from './data/administration.json';
import civilCommercial from './data/civil-commercial.json';
import landPlanningHousing from './data/land-planning-housing.json';
import transport from './data/transport.json';
import environmentResources from './data/environment-resources.json';
import publicSecurity from './data/public-security.json';
import educationCulture from './data/education-culture.json';
import healthFoodDrugs from './data/health-food-drugs.json';
import marketFinance from './data/market-finance.json';
import financeTax from './data/finance-tax.json';
import labourSocial from './data/labour-social.json';
import agriculture from './data/agriculture.json';
import safetyEmergency from './data/safety-emergency.json';
import stateDefence from './data/state-defence.json';
import tradeCustoms from './data/trade-customs.json';

export type { Statute, StatuteMatch, StatuteTable } from './types';

/**
 * One entry as written in a data file: a Statute whose `short` lists only abbreviations beyond the automatic one
 * (the name without 中华人民共和国), whose `status` may be left out for a statute in force, and whose kind and
 * status are checked when the table is built (JSON imports type them as plain strings).
 */
export interface StatuteEntry {
  name: string;
  short?: string[];
  kind: string;
  effective?: string;
  status?: string;
  endDate?: string;
  replacedBy?: string;
  note?: string;
}

/** Each data file, by area; the order is the order of `statutes.all`. */
export const STATUTE_DATA: Readonly<Record<string, readonly StatuteEntry[]>> = {
  administration,
  'civil-commercial': civilCommercial,
  'land-planning-housing': landPlanningHousing,
  transport,
  'environment-resources': environmentResources,
  'public-security': publicSecurity,
  'education-culture': educationCulture,
  'health-food-drugs': healthFoodDrugs,
  'market-finance': marketFinance,
  'finance-tax': financeTax,
  'labour-social': labourSocial,
  agriculture,
  'safety-emergency': safetyEmergency,
  'state-defence': stateDefence,
  'trade-customs': tradeCustoms,
};

const PRC = '中华人民共和国';
const KINDS: readonly Statute['kind'][] = ['law', 'regulation', 'rule', 'interpretation', 'other'];
const STATUSES: readonly Statute['status'][] = ['in-force', 'repealed', 'replaced'];

/**
 * Canonical form of a cited title: no 《》〈〉 or quotes around it, no spaces, full-width parentheses, and no
 * trailing edition or 令号 note such as （2019年修订） or （住房和城乡建设部令第11号）, which name the same statute.
 */
export function normalizeTitle(title: string): string {
  let t = title
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^[《〈“"']+/, '')
    .replace(/[》〉”"']+$/, '');
  // Strip trailing notes one by one: 《…法（2018年修正）（主席令第X号）》 has two.
  for (let i = 0; i < 3; i++) {
    const next = t.replace(/（[^（）]*(?:令|号|修订|修正|年版|修正本|修订本)[^（）]*）$/, '');
    if (next === t) break;
    t = next;
  }
  return t;
}

/** The name without 中华人民共和国 and without brackets, used for near-miss comparison. */
const core = (normalized: string) => normalized.replace(new RegExp(`^${PRC}`), '').replace(/[（）、·]/g, '');

/** Suffix of a statute name, grouped so that a 规定 may be suggested for a misremembered 办法 but never a 法 for a 条例. */
const SUFFIX = /(法典|法|条例|实施细则|细则|规定|办法|规则|规程|准则)$/;
const suffixGroup = (suffix: string) => (suffix === '法' || suffix === '法典' ? 'law' : suffix === '条例' ? 'regulation' : 'rule');

/** Endings that are titles of policy papers or certificates, not statutes. */
const NOT_STATUTE_END =
  /(通知|意见|方案|决定|决议|批复|复函|函|公告|通告|通报|纲要|规划|计划|要点|报告|纪要|指南|指引|措施|解释|答复|说明|证|表|书|单|卡|清单|目录|标准)$/;
/** Words that end in 法 but are not statute names. */
const FA_WORDS = /(方法|做法|说法|看法|想法|算法|用法|写法|手法|疗法|技法|执法|司法|立法|普法|守法|违法|合法|依法|非法|不法|无法|设法|效法|章法|语法|书法|佛法|魔法|戏法)$/;
/** Drafts and document wrappers: the title of a normative document (or its draft), not a statute it cites. */
const DRAFT_OR_WRAPPER = /(征求意见稿|送审稿|草案|讨论稿|修订稿|修改稿|代拟稿|初稿|印发|转发|颁发|发布〈|公布〈|〈|《)/;
/** A bare self-reference: 《办法》《本规定》《实施细则》. */
const GENERIC = /^(本|该|此|上述|前述|原|新)?(实施|管理|暂行|若干|试行)*(法|条例|规定|办法|细则|规则|规程|准则)$/;
/** Trailing （试行）/（暂行） is part of a real name; look past it for the suffix. */
const TRIAL = /（(试行|暂行)）$/;

/** Administrative units that begin a local title: 清河市, 东山区, 内蒙古自治区, 黔东南苗族侗族自治州, 鄂温克族自治旗. */
const LOCAL_UNIT = /^(.{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|旗|区))/;
/** Issuers that are national, never local, although their names contain 市 or 区 (国家市场监督管理总局). */
const NATIONAL_ISSUER = /^(国家|国务院|全国|中共|中央|最高|中华人民共和国|关于|上市)/;

interface NearCandidate {
  statute: Statute;
  group: string;
  stem: string;
}

/** Longest common subsequence length: both strings are short statute names, so O(n·m) is a few hundred steps. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return prev[b.length];
}

/** Edit distance, used only to confirm that a one-character difference is a typo in place (燃汽/燃气). */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Splits a core name into its stem and suffix group: 城镇燃气管理条例 → 城镇燃气管理 / regulation. */
function stemOf(coreName: string): { stem: string; group: string } | undefined {
  const m = coreName.match(SUFFIX);
  if (!m) return undefined;
  return { stem: coreName.slice(0, coreName.length - m[1].length), group: suffixGroup(m[1]) };
}

/** Validates entries and fills derived fields; throws on data errors so they surface in tests, not in reviews. */
function complete(entries: readonly StatuteEntry[]): Statute[] {
  return entries.map((e) => {
    if (!KINDS.includes(e.kind as Statute['kind'])) throw new Error(`法规表：${e.name} 的 kind 无效：${e.kind}`);
    const status = (e.status ?? 'in-force') as Statute['status'];
    if (!STATUSES.includes(status)) throw new Error(`法规表：${e.name} 的 status 无效：${status}`);
    const name = normalizeTitle(e.name);
    if (name !== e.name) throw new Error(`法规表：名称应写作规范形式：${e.name} → ${name}`);
    const short = [...(e.short ?? [])];
    if (name.startsWith(PRC) && name.length > PRC.length) {
      const bare = name.slice(PRC.length);
      if (!short.includes(bare)) short.unshift(bare);
    }
    const statute: Statute = { ...e, name, short, kind: e.kind as Statute['kind'], status };
    return statute;
  });
}

/** Builds a table with Map indexes; throws when two statutes share a name or a short name. */
export function buildStatuteTable(entries: readonly StatuteEntry[]): StatuteTable & Required<Pick<StatuteTable, 'isLocal'>> {
  const all = complete(entries);
  const full = new Map<string, Statute>();
  const short = new Map<string, Statute>();
  for (const s of all) {
    if (full.has(s.name)) throw new Error(`法规表：名称重复：${s.name}`);
    full.set(s.name, s);
  }
  for (const s of all) {
    for (const raw of s.short) {
      const k = normalizeTitle(raw);
      const other = full.get(k) ?? short.get(k);
      if (other && other !== s) throw new Error(`法规表：简称「${raw}」同时指向 ${other.name} 和 ${s.name}`);
      short.set(k, s);
    }
  }

  // Near-miss candidates: every full and short name, reduced to stem + suffix group; and those names sorted, to
  // tell a place from the start of a real name. Both are built on the first question that needs them: exact lookups,
  // what most citations need, do without.
  let candidates: NearCandidate[] | undefined;
  let sortedCores: string[] | undefined;
  const cores = () => all.flatMap((s) => [s.name, ...s.short].map((n) => core(normalizeTitle(n))));
  const nearCandidates = () => {
    if (candidates) return candidates;
    candidates = [];
    for (const s of all) {
      for (const n of [s.name, ...s.short]) {
        const st = stemOf(core(normalizeTitle(n)).replace(/(试行|暂行)$/, ''));
        if (st && st.stem) candidates.push({ statute: s, ...st });
      }
    }
    return candidates;
  };
  // Whether a real name begins with the text: 城市, 风景名胜区, 社区 are not places.
  const beginsAName = (text: string) => {
    sortedCores ??= cores().sort();
    let lo = 0;
    let hi = sortedCores.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedCores[mid] < text) lo = mid + 1;
      else hi = mid;
    }
    return lo < sortedCores.length && sortedCores[lo].startsWith(text);
  };

  const lookup = (title: string): StatuteMatch | undefined => {
    const t = normalizeTitle(title);
    const f = full.get(t);
    if (f) return { statute: f, matched: 'full' };
    const s = short.get(t);
    if (s) return { statute: s, matched: 'short' };
    return undefined;
  };

  const isLocal = (t: string): boolean => {
    if (NATIONAL_ISSUER.test(t)) return false;
    const m = t.match(LOCAL_UNIT);
    if (!m) return false;
    // A leading run that begins a real statute name (城市道路…, 风景名胜区条例) is not a place name.
    return !beginsAName(m[1]);
  };

  const looksLikeStatute = (title: string): boolean => {
    const t = normalizeTitle(title);
    if (t.length < 2 || DRAFT_OR_WRAPPER.test(t)) return false;
    const body = t.replace(TRIAL, '');
    if (NOT_STATUTE_END.test(body) || FA_WORDS.test(body) || GENERIC.test(body)) return false;
    return SUFFIX.test(body);
  };

  const suggest = (title: string): Statute | undefined => {
    const t = normalizeTitle(title);
    if (lookup(t) || !looksLikeStatute(t) || isLocal(t)) return undefined;
    const q = stemOf(core(t).replace(/(试行|暂行)$/, ''));
    if (!q || q.stem.length < 2) return undefined;
    type Scored = { statute: Statute; subs: number; extra: number; score: number };
    let best: Scored | undefined;
    let second: Scored | undefined;
    for (const c of nearCandidates()) {
      if (c.group !== q.group) continue;
      // Cheap length filter before the O(n·m) comparison.
      if (Math.abs(c.stem.length - q.stem.length) > 6) continue;
      const l = lcs(q.stem, c.stem);
      const qExtra = q.stem.length - l; // words in the citation that the real name lacks
      const cExtra = c.stem.length - l; // words of the real name the citation left out
      const subs = Math.min(qExtra, cExtra); // changed characters, as opposed to added or dropped ones
      const extra = qExtra + cExtra;
      if (l < 2) continue;
      if (subs === 0) {
        // A misnaming adds or drops a word or two: 燃气管理条例 for 城镇燃气管理条例, 土地法 for 土地管理法.
        if (extra > Math.max(2, Math.floor(0.4 * c.stem.length))) continue;
      } else {
        // Otherwise only one mistyped character in place (燃汽/燃气); a swap of words or two changed characters
        // name another subject (行政许可 vs 行政复议, 土地管理 vs 地名管理), not a misnaming.
        if (subs > 1 || extra > 2 || q.stem.length < 4 || levenshtein(q.stem, c.stem) !== 1) continue;
      }
      const score = (2 * l) / (q.stem.length + c.stem.length) - 0.1 * subs;
      const s: Scored = { statute: c.statute, subs, extra, score };
      const better = (a: Scored, b: Scored | undefined) =>
        !b || a.score > b.score + 1e-9 || (Math.abs(a.score - b.score) <= 1e-9 && a.statute.status === 'in-force' && b.statute.status !== 'in-force');
      if (best && best.statute === s.statute) {
        if (better(s, best)) best = s;
      } else if (better(s, best)) {
        second = best;
        best = s;
      } else if (better(s, second)) {
        second = s;
      }
    }
    if (!best) return undefined;
    // 安全法 is as close to 网络安全法 as to 数据安全法: no single answer, so none. A tie between a statute in
    // force and one it replaced (环境保护法 / 环境保护法（试行）) is no real ambiguity: the one in force wins.
    const supersedes = best.statute.status === 'in-force' && second?.statute.status !== 'in-force';
    if (second && best.score - second.score < 0.04 && !supersedes) return undefined;
    // A two-character stem (安全法) names what several statutes share (核安全法, 网络安全法…): when more than one
    // passes the filters, the shorter one is no more likely, so suggest none.
    if (second && q.stem.length <= 2 && !supersedes) return undefined;
    return best.statute;
  };

  return { all, lookup, suggest, looksLikeStatute, isLocal: (title: string) => isLocal(normalizeTitle(title)) };
}

/**
 * Whether the statute had effect on a date: 'not-yet' before `effective`, 'ended' on or after `endDate`
 * (the day it stopped having effect), otherwise 'in-force'. A statute without a known effective date is
 * taken to be in force before its end. Throws on a date that is not YYYY-MM-DD, as that is a caller's bug.
 */
export function statusAt(statute: Statute, isoDate: string): 'in-force' | 'not-yet' | 'ended' {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`statusAt: 日期格式应为 YYYY-MM-DD：${isoDate}`);
  if (statute.effective && isoDate < statute.effective) return 'not-yet';
  if (statute.endDate && isoDate >= statute.endDate) return 'ended';
  return 'in-force';
}

/** Every entry from every data file, in file order. */
export const STATUTE_ENTRIES: readonly StatuteEntry[] = Object.values(STATUTE_DATA).flat();

let built: ReturnType<typeof buildStatuteTable> | undefined;
const table = () => (built ??= buildStatuteTable(STATUTE_ENTRIES));

/**
 * The bundled table, built on first use (a few tens of milliseconds): a document that cites no statute, and a CLI
 * run that only prints its usage, never pay for it.
 */
export const statutes: ReturnType<typeof buildStatuteTable> = {
  get all() {
    return table().all;
  },
  lookup: (title) => table().lookup(title),
  suggest: (title) => table().suggest(title),
  looksLikeStatute: (title) => table().looksLikeStatute(title),
  isLocal: (title) => table().isLocal(title),
};
