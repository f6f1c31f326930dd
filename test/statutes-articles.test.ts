// Article facts: the penalty parser on sentences written here, the derived facts of a few statutes checked by hand
// against their texts, the document-side reference parser, and (when ../shared/statutes-text is present) a rebuild
// that must give the committed file byte for byte.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../utils/model/parse';
import { statutes } from '../utils/statutes';
import { articleFacts, editionAt, lastArticle } from '../utils/statutes/articles';
import { describeArticle } from '../utils/statutes/articles/cited';
import { compressIds, expandIds } from '../utils/statutes/articles/format';
import { FACTS_PATH } from '../utils/statutes/articles/node';
import { formatFine, parseAmount, penaltiesOf, powersOf } from '../utils/statutes/articles/penalties';
import { articleRefs } from '../utils/statutes/articles/refs';
import { parseEdition } from '../utils/statutes/articles/derive';

const TEXTS = path.resolve(__dirname, '../../shared/statutes-text');
const facts = () => {
  const f = articleFacts();
  if (!f) throw new Error('facts not loaded (test/setup-articles.ts)');
  return f;
};

describe('penalty parser', () => {
  it('reads amounts in Chinese and Arabic numerals', () => {
    expect(parseAmount('五千')).toBe(5000);
    expect(parseAmount('一万')).toBe(10000);
    expect(parseAmount('十五万')).toBe(150000);
    expect(parseAmount('一百五十万')).toBe(1500000);
    expect(parseAmount('2万')).toBe(20000);
    expect(parseAmount('0.5万')).toBe(5000);
    expect(parseAmount('二亿')).toBe(200000000);
    expect(parseAmount('200')).toBe(200);
    expect(parseAmount('两千五百')).toBe(2500);
  });

  it('reads kinds and fines from sentences', () => {
    const a = penaltiesOf('违反本规定的，责令改正，给予警告，没收违法所得，并处一万元以上五万元以下的罚款；情节严重的，吊销许可证。');
    expect(a.kinds).toEqual(['W', 'F', 'C', 'R']);
    expect(a.fines).toEqual([{ lo: 10000, hi: 50000 }]);
    const b = penaltiesOf('没收违法所得，并处违法所得一倍以上三倍以下的罚款；没有违法所得的，处二千元以下罚款。');
    expect(b.fines).toEqual([{ base: '违法所得', lo: 1, hi: 3 }, { hi: 2000 }]);
    const c = penaltiesOf('处五日以上十日以下拘留，可以并处五百元以下罚款。');
    expect(c.kinds).toEqual(['F', 'D']);
    expect(c.fines).toEqual([{ hi: 500 }]);
    const d = penaltiesOf('责令停产停业，并处货值金额百分之五十以上三倍以下的罚款。');
    expect(d.kinds).toEqual(['F', 'T']);
    expect(d.fines).toEqual([{ base: '货值金额', lo: 0.5, hi: 3 }]);
    expect(penaltiesOf('对个人处以二百元以下、对单位处以三千元以下罚款').fines).toEqual([{ hi: 200 }, { hi: 3000 }]);
    expect(penaltiesOf('由公安机关依法处理，构成犯罪的，依法追究刑事责任。').kinds).toEqual([]);
    expect(penaltiesOf('每日处一千元罚款').fines).toEqual([{ base: '每日', lo: 1000, hi: 1000 }]);
  });

  it('reads powers and formats fines', () => {
    expect(powersOf('从事该项经营活动，应当依法取得经营许可证。')).toEqual(['L']);
    expect(powersOf('可以查封、扣押有关财物。')).toEqual(['K']);
    expect(powersOf('可以向使用者收取停车费。')).toEqual(['Q']);
    expect(formatFine({ lo: 10000, hi: 100000 })).toBe('1万元以上10万元以下罚款');
    expect(formatFine({ hi: 5000 })).toBe('5000元以下罚款');
    expect(formatFine({ base: '违法所得', hi: 5 })).toBe('违法所得5倍以下罚款');
  });

  it('compresses article ids losslessly', () => {
    const ids = ['1', '2', '3', '5', '7', '8', '120', '120.1', '121'];
    expect(compressIds(ids)).toBe('1-3,5,7-8,120,120.1,121');
    expect(expandIds(compressIds(ids))).toEqual(ids);
  });
});

describe('derivation from a statute text', () => {
  const md = [
    '# 清河试验条例',
    '',
    '2001年1月1日 国务院令第1号公布',
    '',
    '2010年5月1日 《国务院关于修改〈清河试验条例〉的决定》修订',
    '',
    '<!-- INFO END -->',
    '',
    '## 第一章 总　则',
    '',
    '第一条 为了试验，制定本条例。',
    '',
    '第二条 从事试验活动，应当取得试验许可证。第一条所称试验，是指……',
    '',
    '## 第二章 法律责任',
    '',
    '### 第一节 一般规定',
    '',
    '第三条 违反本条例第二条规定的，没收违法所得，并处一万元以上十万元以下的罚款。',
    '',
    '情节严重的，吊销试验许可证。',
    '',
    '第三条之一 拒不改正的，处每日五百元罚款。',
    '',
    '第四条 本条例自2010年10月1日起施行。',
  ].join('\n');

  it('finds articles, chapters, sections, facts and the effective date', () => {
    const e = parseEdition('清河试验条例(2010-05-01).md', md)!;
    expect(e.name).toBe('清河试验条例');
    expect(e.versions).toEqual(['2001-01-01', '2010-05-01']);
    expect(e.record).toEqual({
      d: '2010-05-01',
      f: '2010-10-01',
      n: '1-3,3.1,4',
      c: [['第一章 总则', '1'], ['第二章 法律责任', '3']],
      s: [['第一节 一般规定', '3', '4']],
      a: { 2: '@L', 3: 'FCR;10000~100000', 3.1: 'F;每日500~500' },
    });
  });
});

// Checked by hand against the texts in ../shared/statutes-text (the committed facts are what is tested).
describe('committed facts of hand-checked statutes', () => {
  it('价格法 (1997): 48 articles in 7 chapters, 第四十二条 fines up to 5000元, in force from 1998-05-01', () => {
    const s = facts().get('中华人民共和国价格法')!;
    expect(s.editions).toHaveLength(1);
    const e = editionAt(s, '2020-01-01')!;
    expect(e.from).toBe('1998-05-01');
    expect(lastArticle(e)).toBe(48);
    expect(e.has('49')).toBe(false);
    const a42 = e.article('42')!;
    expect(a42.chapter).toBe('第六章 法律责任');
    expect(a42.kinds).toEqual(['F', 'C']);
    expect(a42.fines).toEqual([{ hi: 5000 }]);
    expect(describeArticle(a42)).toBe('第四十二条（第六章 法律责任）：5000元以下罚款；没收');
    const a40 = e.article('40')!;
    expect(a40.kinds).toEqual(['W', 'F', 'C', 'R', 'T']);
    expect(a40.fines).toEqual([{ base: '违法所得', hi: 5 }]);
    expect(e.article('13')!.kinds).toEqual([]);
    expect(e.article('13')!.chapter).toBe('第二章 经营者的价格行为');
    // Before it took effect there is no edition to check against.
    expect(editionAt(s, '1998-01-01')).toBeUndefined();
  });

  it('行政许可法 (2019 text): 83 articles, 第八十一条 in 法律责任 refers to a penalty; the 2003 text is absent', () => {
    const s = facts().get('中华人民共和国行政许可法')!;
    expect(s.missing).toContain('2003-08-27');
    // A document of 2010 falls under the 2003 text, which the texts lack: nothing to say.
    expect(editionAt(s, '2010-01-01')).toBeUndefined();
    const e = editionAt(s, '2020-01-01')!;
    expect(lastArticle(e)).toBe(83);
    expect(e.article('81')!.chapter).toBe('第七章 法律责任');
    expect(e.article('81')!.refersToPenalty).toBe(true);
    expect(e.article('17')!.chapter).toBe('第二章 行政许可的设定');
    expect(e.article('29')!.section).toBe('第一节 申请与受理');
  });

  it('行政处罚法 (2021 revision): 86 articles, in force from 2021-07-15; 第五十一条 sets 200元/3000元 ceilings', () => {
    const s = facts().get('中华人民共和国行政处罚法')!;
    expect(editionAt(s, '2021-03-01')).toBeUndefined(); // the 2017 text applied then and is absent
    const e = editionAt(s, '2021-08-01')!;
    expect(e.date).toBe('2021-01-22');
    expect(lastArticle(e)).toBe(86);
    expect(e.article('9')!.kinds).toEqual(['W', 'B', 'F', 'C', 'S', 'R', 'T', 'D']);
    expect(e.article('51')!.fines).toEqual([{ hi: 200 }, { hi: 3000 }]);
  });

  it('保守国家秘密法: the 2010 text (53 articles) until 2024-05-01, then the 2024 text (65)', () => {
    const s = facts().get('中华人民共和国保守国家秘密法')!;
    expect(lastArticle(editionAt(s, '2023-06-01')!)).toBe(53);
    expect(lastArticle(editionAt(s, '2024-03-01')!)).toBe(53); // revised in February, in force from May
    expect(lastArticle(editionAt(s, '2024-06-01')!)).toBe(65);
  });

  it('食品安全法 (2021): 第一百二十四条 sets 5万-10万元 or 10-20 times the goods value', () => {
    const e = editionAt(facts().get('中华人民共和国食品安全法')!, '2022-01-01')!;
    const a = e.article('124')!;
    expect(a.fines).toEqual([{ lo: 50000, hi: 100000 }, { base: '货值金额', lo: 10, hi: 20 }]);
    expect(a.kinds).toEqual(['F', 'C', 'R']);
  });

  it('statute names join the statute table', () => {
    const f = facts();
    let joined = 0;
    const names = readFileSync(FACTS_PATH, 'utf8').match(/^"[^"]+"(?=:)/gm)!.map((s) => JSON.parse(s) as string);
    for (const n of names) if (statutes.lookup(n)?.statute.name === n) joined++;
    expect(f.size).toBe(names.length);
    // A few old or obscure instruments are not in the table; all others resolve under the table's name.
    expect(joined / names.length).toBeGreaterThan(0.97);
  });
});

describe('article references in documents', () => {
  const refsOf = (text: string) =>
    articleRefs(parseDocument(text, {}), statutes).map((g) => ({
      statute: g.statute.name.replace('中华人民共和国', ''),
      ids: g.refs.map((r) => r.id + (r.paragraph ? `/${r.paragraph}` : '') + (r.item ? `/${r.item}` : '')),
      lead: g.lead,
    }));

  it('reads single articles, paragraphs, items, lists and ranges', () => {
    expect(refsOf('第八条　依照《中华人民共和国价格法》第四十二条第一款第（二）项的规定处罚。')).toEqual([
      { statute: '价格法', ids: ['42/1/2'], lead: '依照' },
    ]);
    expect(refsOf('第一条　根据《中华人民共和国价格法》第十三条、第十四条和第四十条至第四十二条，制定本规定。')).toEqual([
      { statute: '价格法', ids: ['13', '14', '40', '41', '42'], lead: '根据' },
    ]);
    expect(refsOf('按照《中华人民共和国刑法》第一百三十三条之一处理。')).toEqual([{ statute: '刑法', ids: ['133.1'], lead: '按照' }]);
    expect(refsOf('依照《中华人民共和国价格法》第40条第2款处理。')).toEqual([{ statute: '价格法', ids: ['40/2'], lead: '依照' }]);
  });

  it('resolves 该法 and 本条例 to the statute named before, never 本办法 to one', () => {
    const text =
      '第一条　根据《中华人民共和国价格法》《城镇燃气管理条例》，制定本办法。\n第九条　违反本办法第五条的，依照该法第四十二条处罚；违反本条例第十条的，依照本条例第四十五条处理。';
    expect(refsOf(text)).toEqual([
      { statute: '价格法', ids: ['42'], lead: '依照' },
      { statute: '城镇燃气管理条例', ids: ['10'], lead: '违反' },
      { statute: '城镇燃气管理条例', ids: ['45'], lead: '依照' },
    ]);
  });
});

describe.runIf(existsSync(path.join(TEXTS, 'README.md')))('rebuild from ../shared/statutes-text', () => {
  it('gives the committed facts byte for byte', async () => {
    const { buildFacts } = await import('../utils/statutes/articles/build');
    const dir = mkdtempSync(path.join(tmpdir(), 'normlint-articles-'));
    try {
      const t0 = performance.now();
      const built = buildFacts(TEXTS);
      const out = path.join(dir, 'facts.json');
      writeFileSync(out, built.json);
      console.log(`statutes:articles rebuild: ${built.files} files, ${built.statutes} statutes in ${(performance.now() - t0).toFixed(0)} ms`);
      expect(readFileSync(out).equals(readFileSync(FACTS_PATH))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
