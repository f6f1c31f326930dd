import { DEFECT_CODES, FAMILIES, familyOf, type DefectCode } from '../../utils/engine/codes';
import type { Severity } from '../../utils/engine/types';
import type { CaptureSource } from '../../utils/capture/types';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const SOURCE_LABELS: Record<CaptureSource, string> = {
  selection: '选中文字',
  editor: '编辑器',
  portal: '门户网页',
  file: '文件',
  text: '粘贴文本',
};

export const codeLabel = (c: DefectCode) => DEFECT_CODES[c] ?? c;

/** Codes grouped by family, for the code filter's <optgroup>s. */
export const CODE_GROUPS = (Object.keys(FAMILIES) as (keyof typeof FAMILIES)[]).map((family) => ({
  family,
  label: FAMILIES[family],
  codes: (Object.keys(DEFECT_CODES) as DefectCode[]).filter((c) => familyOf(c) === family),
}));
