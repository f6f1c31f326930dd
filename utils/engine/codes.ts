// The defect codes of ../shared/DEFECTS.md: the contract between the engine, the review log, the training
// gallery and the labelled corpus. A rule may be finer than a code, but never invents one.
export const DEFECT_CODES = {
  'comment.missing': '未公开征求意见',
  'comment.period-short': '征求意见期限不足',
  'review.materials-missing': '报送材料不全',
  'effective.no-grace': '施行日期未设宽限期',
  'effective.retroactive': '溯及既往',
  'effective.missing': '缺少施行日期',
  'validity.missing': '未设有效期',
  'validity.too-long': '有效期过长',
  'validity.expired': '已过有效期',
  'basis.missing': '缺少制定依据',
  'basis.informal-name': '依据名称不规范',
  'basis.repealed': '引用失效依据',
  'basis.article-invalid': '引用条文错误',
  'basis.citation-format': '引文格式不规范',
  'filing.unregistered': '未登记备案',
  'filing.late': '逾期报送备案',
  'filing.internal-issuer': '内设机构发文',
  'content.license': '违法设定许可',
  'content.penalty': '违法设定处罚',
  'content.penalty-range': '处罚种类、幅度与上位法不一致',
  'content.coercion': '违法设定强制',
  'content.fee': '违法设定收费',
  'content.competition': '排除限制竞争',
  'content.interpretation': '解释主体不当',
  'drafting.numbering': '条款序号错误',
  'drafting.wording': '表述不规范',
  'drafting.punctuation': '标点不规范',
} as const;

export type DefectCode = keyof typeof DEFECT_CODES;

/** The family is the part before the dot: it groups findings in the side panel and the review log. */
export const FAMILIES = {
  comment: '公开征求意见',
  review: '报送材料',
  effective: '施行日期',
  validity: '有效期',
  basis: '制定依据',
  filing: '登记备案',
  content: '内容合法性',
  drafting: '起草规范',
} as const;

export type Family = keyof typeof FAMILIES;

export const familyOf = (code: DefectCode): Family => code.split('.')[0] as Family;

export const isDefectCode = (s: string): s is DefectCode => Object.hasOwn(DEFECT_CODES, s);
