/**
 * What a page or file says about the document besides its text: a portal's metadata table
 * (索引号, 发布机构, 文号, 成文日期, 发布日期, 登记号, 有效性, …), or the 发布时间/来源 line of a notice.
 * Dates are normalised to YYYY-MM-DD; `raw` keeps every label/value pair as found.
 */
export interface PageMetadata {
  title?: string;
  docNumber?: string;
  regNumber?: string;
  issuer?: string;
  writtenDate?: string;
  publishedDate?: string;
  /** 有效性 as the page states it: 有效, 现行有效, 失效, 废止, … */
  validityStatus?: string;
  /** 施行日期 / 生效日期 as the page states it, YYYY-MM-DD. */
  effectiveDate?: string;
  /** 有效期至 / 失效日期 as the page states it, YYYY-MM-DD. */
  validUntil?: string;
  indexNo?: string;
  /** 主题分类 as the page states it. */
  topic?: string;
  source?: string;
  url?: string;
  raw?: Record<string, string>;
}

export type CaptureSource = 'selection' | 'editor' | 'portal' | 'file' | 'text';

/** Plain text plus metadata: what the engine reviews. Serializable, so it crosses extension contexts. */
export interface CapturedDocument {
  text: string;
  metadata: PageMetadata;
  source: CaptureSource;
  url?: string;
}
