// Invisible characters a page or a pasted text may carry (zero-width space, joiners, BOM, bidi controls) must
// not hide a defect: every rule's invalid example is reviewed again with such characters inserted inside the
// text each expected finding quotes, and must still yield the same findings, pointing at the original text.
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules';
import { runExample } from '../../utils/engine/examples';
import { review } from '../../utils/engine';
import { nodeSegmenter } from '../../utils/segment/node';

// jieba loads once, on first use: not part of any one case.
beforeAll(() => void nodeSegmenter.tokenize('预热分词'), 120_000);

const INVISIBLES = ['\u200B', '\u200D', '\uFEFF', '\u202E', '\u2066'];
const strip = (s: string) => s.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g, '');

// Puts `mark` in the middle of each expected excerpt where it occurs in the text.
function salt(text: string, excerpts: string[], mark: string): string {
  let out = text;
  for (const e of excerpts) {
    if (e.length < 2) continue;
    const at = out.indexOf(e);
    if (at < 0) continue;
    const mid = at + Math.floor(e.length / 2);
    out = out.slice(0, mid) + mark + out.slice(mid);
  }
  return out;
}

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s with invisible characters', (_id, rule) => {
  it.each(rule.examples.invalid.map((e, i) => [e.why, e, INVISIBLES[i % INVISIBLES.length]] as const))('still finds: %s', (_why, example, mark) => {
    const excerpts = example.errors.map((e) => e.excerpt).filter((e): e is string => !!e);
    const text = salt(example.text, excerpts, mark);
    if (excerpts.some((e) => e.length >= 2)) expect(text).not.toBe(example.text);
    const plain = runExample(rule, example, nodeSegmenter);
    const found = runExample(rule, { ...example, text }, nodeSegmenter);
    expect(found.map((f) => `${f.code} ${f.severity} ${strip(f.excerpt)}`)).toEqual(plain.map((f) => `${f.code} ${f.severity} ${f.excerpt}`));
    // Offsets point into the text as given: the excerpt is that text's slice, invisible character included.
    for (const f of found) expect(f.excerpt).toBe(text.slice(f.start, f.end));
  });
});

describe('invisible characters inside key words', () => {
  const today = '2024-06-01';
  it('a zero-width space inside 罚款 does not remove the penalty finding', () => {
    const text = '第八条　违反本办法第五条规定的，由市城市管理局责令改正，处二千元以上一万元以下罚\u200B款。';
    const f = review({ text }, { today, segmenter: nodeSegmenter }).findings.filter((x) => x.code === 'content.penalty');
    expect(f).toHaveLength(1);
    expect(f[0].excerpt).toContain('罚\u200B款');
    expect(text.slice(f[0].start, f[0].end)).toBe(f[0].excerpt);
  });
  it('a zero-width space inside 自印发 does not downgrade the missing grace period', () => {
    const text = '第十条　本办法自印\u200B发之日起施行，有效期5年。';
    const f = review({ text }, { today, segmenter: nodeSegmenter }).findings.find((x) => x.code === 'effective.no-grace');
    expect(f?.severity).toBe('error');
    expect(f?.excerpt).toBe('自印\u200B发之日起施行');
    expect(review({ text }, { today }).findings.some((x) => x.code === 'effective.missing')).toBe(false);
  });
  it('a bidi override inside a label does not break the article numbering', () => {
    const text = '第一条　为规范管理，制定本办法。\n第\u202E二\u202C条　本办法适用于本市。\n第三条　本办法自2024年1月1日起施行。';
    const f = review({ text }, { today, segmenter: nodeSegmenter }).findings.filter((x) => x.code === 'drafting.numbering');
    expect(f).toEqual([]);
  });
});
