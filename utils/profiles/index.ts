import national from './national.json';
import strict from './strict.json';

/** A jurisdiction profile: every threshold that differs by province. Users copy and edit one in the options page. */
export interface Profile {
  id: string;
  name: string;
  description?: string;
  /** Minimum public-comment period, days (inclusive). */
  commentMinDays: number;
  /** Minimum days from publication to effect. */
  graceMinDays: number;
  /** Filing deadline after publication, days. */
  filingDeadlineDays: number;
  validityMaxYears: number;
  /** Cap for 暂行/试行 documents. */
  provisionalValidityMaxYears: number;
  validityRequired: boolean;
  /** A unified registration number (登记号/规范性文件编号) is required on published documents. */
  registrationRequired: boolean;
}

export const BUILTIN_PROFILES: readonly Profile[] = [national, strict];

export const DEFAULT_PROFILE_ID = 'national';

const NUMBER_FIELDS = ['commentMinDays', 'graceMinDays', 'filingDeadlineDays', 'validityMaxYears', 'provisionalValidityMaxYears'] as const;
const BOOLEAN_FIELDS = ['validityRequired', 'registrationRequired'] as const;

/** Checks a user-edited profile; returns Chinese messages, empty when it is usable. */
export function validateProfile(p: unknown): string[] {
  const errors: string[] = [];
  if (!p || typeof p !== 'object') return ['配置必须是一个 JSON 对象'];
  const o = p as Record<string, unknown>;
  if (typeof o.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(o.id)) errors.push('id 须为小写字母、数字或连字符');
  if (typeof o.name !== 'string' || !o.name.trim()) errors.push('name（名称）不能为空');
  for (const k of NUMBER_FIELDS) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 3650) errors.push(`${k} 须为 0–3650 之间的整数`);
  }
  for (const k of BOOLEAN_FIELDS) if (typeof o[k] !== 'boolean') errors.push(`${k} 须为 true 或 false`);
  return errors;
}

export function getProfile(id: string | undefined, custom: readonly Profile[] = []): Profile | undefined {
  const want = id ?? DEFAULT_PROFILE_ID;
  return [...custom, ...BUILTIN_PROFILES].find((p) => p.id === want);
}
