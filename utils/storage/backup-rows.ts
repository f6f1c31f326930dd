import { validateProfile } from '../profiles';
import { CONCLUSION_LABELS, DECISION_LABELS } from './types';

/**
 * Row checks of a backup file: every row as the log will read it once restored. A row that passes here can be
 * listed, opened, printed and exported without a missing field turning into a blank page or a thrown error.
 *
 * Rows are checked after their typeson `$types` markers are revived, as the importer will revive them: a marker
 * could otherwise turn a checked array into `undefined` or a Set behind the checks' back. Our exports only ever
 * carry `undefined` markers, so any other type is refused.
 */

export type Row = Record<string, unknown>;
/** Returns why the row is unusable, or undefined. */
export type RowCheck = (row: Row) => string | undefined;

const isObj = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || isStr(v);
const optNum = (v: unknown) => v === undefined || isNum(v);
const strList = (v: unknown) => Array.isArray(v) && v.every(isStr);
const numbersOf = (v: unknown, keys: readonly string[]) => isObj(v) && keys.every((k) => isNum(v[k]));

const SEVERITIES = ['error', 'warning', 'info'];
const DECISIONS = Object.keys(DECISION_LABELS);
const CONCLUSIONS = Object.keys(CONCLUSION_LABELS);

// Typeson's types our exports use: `undef` for an undefined field, `arrayNonindexKeys` on every array (an array
// stays itself; an object is turned into an array), `sparseUndefined` for a hole. Anything else (set, map, date,
// cyclic `#`…) never comes from NormLint and would revive to something the log cannot read.
const REVIVERS: Record<string, (v: unknown) => unknown> = {
  undef: () => undefined,
  sparseUndefined: () => undefined,
  arrayNonindexKeys: (v) => {
    if (Array.isArray(v)) return v;
    // As typeson does: the value's own keys become the array's (a string becomes its characters).
    if (v === null || v === undefined) throw new Error('arrayNonindexKeys');
    const out: unknown[] = [];
    for (const k of Object.keys(v)) (out as unknown as Row)[k] = (v as Row)[k];
    return out;
  },
};

const unescapeKey = (k: string) => k.replace(/~1/g, '.').replace(/~0/g, '~');

/**
 * Revives the row's `$types` markers as the importer will, in place; returns why the row cannot be revived, or
 * undefined. Typeson puts one `$types` map (key path → type or types) on the row itself.
 */
export function reviveTypes(row: Row): string | undefined {
  if (!('$types' in row)) return undefined;
  const types = row.$types;
  delete row.$types;
  if (!isObj(types) || '$' in row) return '类型标记无法识别';
  // Deepest paths first, as typeson does, so that a parent is revived after its children.
  const paths = Object.keys(types).sort((a, b) => b.split('.').length - a.split('.').length);
  for (const path of paths) {
    const list = ([] as unknown[]).concat(types[path]);
    const bad = list.find((t) => !isStr(t) || !(t in REVIVERS));
    if (bad !== undefined) return `含有不支持的类型标记（${String(bad)}）`;
    if (path === '') return '类型标记无法识别';
    const keys = path.split('.').map(unescapeKey);
    let at: unknown = row;
    for (const k of keys.slice(0, -1)) at = isObj(at) || Array.isArray(at) ? (at as Row)[k] : undefined;
    const last = keys[keys.length - 1];
    if (!(isObj(at) || Array.isArray(at)) || !(last in (at as object))) return `类型标记指向不存在的字段（${path}）`;
    let value = (at as Row)[last];
    try {
      for (const t of list) value = REVIVERS[t as string](value);
    } catch {
      return `类型标记与字段不符（${path}）`;
    }
    (at as Row)[last] = value;
  }
  return undefined;
}

/** Why a finding (engine finding plus decision) cannot be shown; `n` is its 1-based place in the list. */
function findingProblem(f: unknown, n: number, textLength: number, stored: boolean): string | undefined {
  const which = `第 ${n} 个问题`;
  if (!isObj(f)) return `${which}不是对象`;
  // Any code string: a later release may add codes without changing the schema, and the log shows unknown ones.
  if (!isStr(f.code) || !isStr(f.rule)) return `${which}的问题代码无效`;
  if (!SEVERITIES.includes(f.severity as string)) return `${which}的严重程度无效`;
  if (!isInt(f.start) || !isInt(f.end) || f.start < 0 || f.end < f.start || f.end > textLength) return `${which}的位置超出正文`;
  if (!isStr(f.excerpt) || !isStr(f.message) || !isStr(f.basis)) return `${which}缺少摘录、说明或依据`;
  if (stored ? !DECISIONS.includes(f.decision as string) : f.decision !== undefined && !DECISIONS.includes(f.decision as string)) {
    return `${which}的处理结果无效`;
  }
  if (!optStr(f.reason)) return `${which}的理由不是文字`;
  if (stored && !(isObj(f.anchor) && isStr(f.anchor.before) && isStr(f.anchor.after))) return `${which}缺少上下文`;
  if (f.fix !== undefined && !(isObj(f.fix) && isInt(f.fix.start) && isInt(f.fix.end) && isStr(f.fix.replacement) && isStr(f.fix.label))) {
    return `${which}的修改建议不完整`;
  }
  if (f.edit !== undefined && !(isObj(f.edit) && isStr(f.edit.before) && isStr(f.edit.after))) return `${which}的修改前后文字不完整`;
  if (!optNum(f.dismissalId) || !optNum(f.carriedFrom)) return `${which}的关联编号无效`;
  return undefined;
}

function findingsProblem(list: unknown, text: string, stored: boolean): string | undefined {
  if (!Array.isArray(list)) return '缺少问题列表';
  for (let i = 0; i < list.length; i++) {
    const why = findingProblem(list[i], i + 1, text.length, stored);
    if (why) return why;
  }
  return undefined;
}

/** Settings as loadSettings() will merge them over the defaults: each field present must have its type. */
function settingsValueProblem(v: unknown): string | undefined {
  if (!isObj(v)) return '设置不是对象';
  if (v.customProfiles !== undefined) {
    if (!Array.isArray(v.customProfiles)) return '自定义地区配置不是列表';
    for (let i = 0; i < v.customProfiles.length; i++) {
      const errors = validateProfile(v.customProfiles[i]);
      if (errors.length) return `第 ${i + 1} 个自定义地区配置无效：${errors[0]}`;
    }
  }
  if (v.disabledRules !== undefined && !strList(v.disabledRules)) return '停用规则不是文字列表';
  if (!optStr(v.profileId) || !optStr(v.reviewer) || !optStr(v.reviewDate)) return '地区配置、审查人或审查基准日不是文字';
  if (v.locale !== undefined && v.locale !== 'zh-CN' && v.locale !== 'en') return '界面语言无效';
  if (v.liveRecheck !== undefined && typeof v.liveRecheck !== 'boolean') return '自动重新审查的开关无效';
  return undefined;
}

const registerEntryProblem = (e: unknown): string | undefined =>
  !isObj(e) || !isStr(e.docNumber)
    ? '缺少文号'
    : !['title', 'regNumber', 'issuer', 'publishedDate', 'filedDate', 'filingBody'].every((k) => optStr(e[k]))
      ? '登记信息不是文字'
      : undefined;

const first = (...checks: (() => string | false | undefined)[]) => {
  for (const c of checks) {
    const why = c();
    if (why) return why;
  }
  return undefined;
};

function summaryProblem(r: Row): string | undefined {
  return first(
    () => !isNum(r.id) && '缺少编号',
    () => !isNum(r.createdAt) && '缺少审查时间',
    () => !isStr(r.day) && '缺少审查日期',
    () => !isStr(r.title) && '缺少标题',
    () => !isStr(r.fingerprint) && '缺少文本指纹',
    () => (!strList(r.docKeys) || !strList(r.codes) || !strList(r.severities)) && '缺少索引字段',
    () => !numbersOf(r.counts, SEVERITIES) && '缺少各严重程度的问题数',
    () => !numbersOf(r.decisions, DECISIONS) && '缺少各处理结果的问题数',
    () => !CONCLUSIONS.includes(r.conclusion as string) && '审查结论无效',
    () => (!isStr(r.source) || !isStr(r.profileId) || !isStr(r.reviewer) || !isStr(r.engineVersion) || !isStr(r.rulesVersion)) && '缺少来源、配置、审查人或版本',
    () => !isNum(r.chars) && '缺少字数',
    () => !['docNumber', 'issuer', 'url', 'writtenDate', 'publishedDate'].every((k) => optStr(r[k])) && '文号、制定机关、网址或日期不是文字',
    () => !optNum(r.previousId) && '上一次审查的编号无效',
    () => r.diff !== undefined && !numbersOf(r.diff, ['fixed', 'new', 'remains']) && '与上一次审查的对比不完整',
  );
}

function bodyProblem(r: Row): string | undefined {
  return first(
    () => !isNum(r.reviewId) && '缺少记录编号',
    () => !isStr(r.text) && '缺少正文',
    () => findingsProblem(r.findings, r.text as string, true),
    () => (!Array.isArray(r.fixedSincePrevious) || !r.fixedSincePrevious.every((f) => isObj(f) && isStr(f.code) && isStr(f.excerpt) && isStr(f.message))) && '已修正问题的列表无效',
    () => (!optStr(r.remarks) || !optStr(r.effectiveClause)) && '审查意见不是文字',
    () => r.metadata !== undefined && !isObj(r.metadata) && '网页信息不是对象',
  );
}

function dismissalProblem(r: Row): string | undefined {
  return first(
    () => !isNum(r.id) && '缺少编号',
    () => (!isStr(r.code) || !isStr(r.reason)) && '缺少问题代码或理由',
    () => (!strList(r.docKeys) || !isStr(r.rule) || !isStr(r.excerpt)) && '缺少文件标识或摘录',
    () => !(isObj(r.anchor) && isStr(r.anchor.before) && isStr(r.anchor.after)) && '缺少上下文',
    () => (!isNum(r.createdAt) || !optStr(r.reviewer) || !optNum(r.reviewId)) && '缺少时间、审查人或记录编号',
  );
}

/** What a row of each table must be, per schema version. */
export const ROW_CHECKS: Record<number, Record<string, RowCheck>> = {
  1: {
    reviews: (r) =>
      first(
        () => !isNum(r.id) && '缺少编号',
        () => !isNum(r.createdAt) && '缺少审查时间',
        () => !isStr(r.text) && '缺少正文',
        () => findingsProblem(r.findings, r.text as string, false),
        () => !['title', 'docNumber', 'issuer', 'url', 'fingerprint', 'reviewer', 'remarks'].every((k) => optStr(r[k])) && '标题、文号、网址或审查人不是文字',
      ),
    settings: (r) =>
      r.key === 'settings'
        ? settingsValueProblem(r.value)
        : r.key === 'register'
          ? !isObj(r.value) || !Array.isArray(r.value.entries)
            ? '备案登记簿不是列表'
            : r.value.entries.map(registerEntryProblem).find(Boolean)
          : '缺少键',
  },
  2: {
    reviews: summaryProblem,
    reviewBodies: bodyProblem,
    searchText: (r) => (!isNum(r.id) || !isNum(r.createdAt) || !isStr(r.text) ? '检索行不完整' : undefined),
    dismissals: dismissalProblem,
    register: (r) => (!isNum(r.id) ? '缺少编号' : registerEntryProblem(r)),
    registerMeta: (r) => (r.key !== 'register' ? '缺少键' : !isNum(r.count) ? '缺少登记条数' : !optStr(r.name) || !optNum(r.loadedAt) ? '登记簿名称或时间无效' : undefined),
    stats: (r) => (!isStr(r.day) || !isStr(r.code) || !isNum(r.findings) || !isNum(r.reviews) ? '统计行不完整' : undefined),
    settings: (r) => (r.key !== 'settings' ? '缺少键' : settingsValueProblem(r.value)),
  },
};
// Version 3 adds the column audits (栏目审查); every other table is read as in version 2.
ROW_CHECKS[3] = {
  ...ROW_CHECKS[2],
  audits: (r) =>
    !isNum(r.id) || !isNum(r.createdAt) || !isStr(r.listUrl) || !strList(r.listPages) || !isNum(r.pauseMs) ? '栏目审查记录不完整' : undefined,
  auditItems: (r) =>
    !isNum(r.id) || !isNum(r.auditId) || !isNum(r.seq) || !isStr(r.url) || !['pending', 'done', 'failed'].includes(r.status as string)
      ? '栏目审查条目不完整'
      : r.result !== undefined && !(isObj(r.result) && isObj(r.result.counts) && isObj(r.result.codes) && Array.isArray(r.result.findings))
        ? '栏目审查结果不完整'
        : undefined,
};

/** The primary key of a row per table (duplicates would make the import fail half-way). */
export const PRIMARY_KEYS: Record<string, (r: Row) => unknown> = {
  reviews: (r) => r.id,
  reviewBodies: (r) => r.reviewId,
  searchText: (r) => r.id,
  dismissals: (r) => r.id,
  register: (r) => r.id,
  registerMeta: (r) => r.key,
  stats: (r) => `${String(r.day)}|${String(r.code)}`,
  settings: (r) => r.key,
  audits: (r) => r.id,
  auditItems: (r) => r.id,
};
