import { REGISTER_FIELDS, type RegisterEntry } from './index';
import type { Sheet } from '../export/sheet';

/** The register as a sheet with the column names the import recognises, so an export loads back unchanged. */
export function registerSheet(entries: readonly RegisterEntry[]): Sheet {
  return {
    name: '备案登记簿',
    headers: REGISTER_FIELDS.map((f) => f.label),
    widths: [22, 40, 20, 24, 12, 14, 20],
    rows: entries.map((e) => REGISTER_FIELDS.map((f) => e[f.field])),
  };
}
