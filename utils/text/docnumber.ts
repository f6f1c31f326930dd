/**
 * 文号: issuer code, year in 〔〕, serial and 号 — 国办发〔2018〕37号. Drafts and portals also write the year
 * in [ ] ( ) （ ） 【 】 ［ ］, which GB/T 9704-2012 does not allow; the pattern accepts them so the
 * citation-format rule can flag them.
 */
export const DOC_NUMBER_PATTERN =
  /([\u4e00-\u9fa5A-Za-z]{1,12}?)\s*([〔\[（(【［])\s*((?:19|20)\d{2})\s*([〕\]）)】］])\s*(第?\s*\d{1,5}\s*号)/g;

/** Every 文号 in `s`. A fresh RegExp each call: a shared global one carries lastIndex between callers. */
export const matchDocNumbers = (s: string) => s.matchAll(new RegExp(DOC_NUMBER_PATTERN.source, 'g'));


/** The canonical form for comparing: 〔〕 brackets, no spaces, ASCII digits. */
export function normalizeDocNumber(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\[（(【［]((?:19|20)\d{2})[\]）)】］]/, '〔$1〕')
    .replace(/第(\d+号)$/, '$1');
}
