import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalRange } from '../../utils/model/normalize';
import { parseDocument } from '../../utils/model/parse';
import { review } from '../../utils/engine';

// The model as review() builds it: on the normalised view of the text.
const model = (text: string) => parseDocument(normalizeText(text).text, {});
const back = (original: string, from: string) => {
  const n = normalizeText(original);
  const at = n.text.indexOf(from);
  const r = toOriginalRange(n, at, at + from.length);
  return original.slice(r.start, r.end);
};

describe('normalised view', () => {
  it('leaves a well-formed text as it is', () => {
    const text = '东湖区停车管理办法\n第一条　为规范停车管理，制定本办法。\n第二条　本办法自2024年3月1日起施行。';
    expect(normalizeText(text)).toEqual({ text, map: undefined });
  });

  it('closes the spaces inside 第 十 条 and 第十 条 labels, a reference’s too', () => {
    const n = normalizeText('第 一 条　为规范管理，制定本办法。\n第二 条　依照第 一 条规定执行。');
    expect(n.text).toBe('第一条　为规范管理，制定本办法。\n第二条　依照第一条规定执行。');
    expect(model('第 一 条　为规范管理，制定本办法。\n第二 条　依照第 一 条规定执行。').articles.map((a) => a.number)).toEqual([1, 2]);
  });

  it('drops zero-width and bidi characters and maps a span back onto the original', () => {
    const original = '第\u200B一条　违反规定的，处五百元罚\u200B款。\u202E';
    const n = normalizeText(original);
    expect(n.text).toBe('第一条　违反规定的，处五百元罚款。');
    expect(back(original, '五百元罚款')).toBe('五百元罚\u200B款');
    expect(model(original).articles).toHaveLength(1);
  });

  it('recovers cover notice, signature, date, title, chapters and articles from one run-on line', () => {
    const text =
      '青岚县人民政府关于印发《青岚县河道采砂管理办法》的通知 青政发〔2023〕7号 各乡镇人民政府，县直各单位：现将《青岚县河道采砂管理办法》印发给你们，请认真执行。 青岚县人民政府 2023年5月6日青岚县河道采砂管理办法 第一章 总则 第一条 为规范河道采砂，根据《中华人民共和国水法》，制定本办法。 第二条 本县行政区域内的河道采砂适用本办法。 第二章 附则 第三条 本办法自2023年7月1日起施行，有效期5年。';
    const n = normalizeText(text);
    const lines = n.text.split('\n');
    expect(lines).toContain('青政发〔2023〕7号 ');
    expect(lines).toContain('青岚县人民政府 ');
    expect(lines.some((l) => l.startsWith('2023年5月6日'))).toBe(true);
    expect(lines.some((l) => l.startsWith('青岚县河道采砂管理办法'))).toBe(true);
    const doc = parseDocument(n.text, {});
    expect(doc.parts.map((p) => p.kind)).toEqual(['cover', 'body']);
    expect(doc.title?.text).toBe('青岚县河道采砂管理办法');
    expect(doc.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(doc.chapters.map((c) => c.number)).toEqual([1, 2]);
    expect(doc.dates.written?.iso).toBe('2023-05-06');
    expect(doc.effective).toMatchObject({ mode: 'date', date: '2023-07-01' });
    expect(doc.validity).toMatchObject({ years: 5 });
    expect(doc.basisClause?.text).toContain('《中华人民共和国水法》');
  });

  it('does not cut a sentence at a reference to an article or a chapter', () => {
    const text = '第五条　违反本办法第三条规定的，依照第二章处理。第三条规定的期限届满后，按照本办法第四章的规定办理。';
    expect(normalizeText(text).text).toBe(text);
  });

  it('does not cut at a date inside a sentence', () => {
    const text = '第九条　本办法自2024年1月1日起施行。 申请人应当于2024年3月31日前提交材料。';
    expect(normalizeText(text).text).toBe(text);
  });

  it('starts paragraphs where a crawled page kept only the full-width indent', () => {
    const text = '第二条　本办法适用于本市。　　企业开展研发活动，应当建立台账。　　1.台账应当载明项目名称；　　2.台账保存五年。';
    expect(normalizeText(text).text.split('\n').map((l) => l.trim())).toEqual([
      '第二条　本办法适用于本市。',
      '企业开展研发活动，应当建立台账。',
      '1.台账应当载明项目名称；',
      '2.台账保存五年。',
    ]);
  });

  it('keeps a title with spaces inside 《》 on one line', () => {
    const text = '关于印发《东湖区科技企业认定　　　　管理办法》的通知各区科技局：现将办法印发给你们。';
    const lines = normalizeText(text).text.split('\n');
    expect(lines[0]).toBe('关于印发《东湖区科技企业认定　　　　管理办法》的通知');
    expect(lines[1]).toBe('各区科技局：现将办法印发给你们。');
  });

  it('reads full-width digits in labels, items and dates', () => {
    const doc = model('第１条　申请人应当提交下列材料：\n１．身份证明；\n２．申请书。\n第２条　本办法自２０２４年３月１日起施行。');
    expect(doc.articles.map((a) => a.number)).toEqual([1, 2]);
    expect(doc.items.map((i) => i.number)).toEqual([1, 2]);
    expect(doc.effective).toMatchObject({ mode: 'date', date: '2024-03-01' });
  });
});

describe('findings on a run-on page point at the original text', () => {
  it('maps each finding back so that its excerpt is the original slice', () => {
    const text = '东湖区停车收费管理办法 第一条 为规范停车收费，制定本办法。 第三条 本办法自发布之日起施行。';
    const r = review({ text }, { today: '2024-06-01' });
    const numbering = r.findings.filter((f) => f.code === 'drafting.numbering');
    expect(numbering).toHaveLength(1);
    for (const f of r.findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(r.findings.find((f) => f.code === 'effective.no-grace')?.excerpt).toBe('自发布之日起施行');
  });

  it('gives the issued document’s title a line of its own where the page ran it into its neighbours', () => {
    // After a contact remark and before 第一章; after the signature and before the first sentence.
    const a = model('关于印发《东岭市道路停车管理办法》的通知\n现将《东岭市道路停车管理办法》印发给你们。\n东岭市交通运输局\n2023年3月1日\n（联系单位：市交通运输局）东岭市道路停车管理办法第一章总则\n第一条　为规范停车，制定本办法。\n第二章附则\n第二条　本办法自2023年5月1日起施行。');
    expect(a.title?.text).toBe('东岭市道路停车管理办法');
    expect(a.chapters.map((c) => c.number)).toEqual([1, 2]);
    const b = model('东岭市管委会关于印发《东岭市公交补贴办法》的通知\n各单位：现将《东岭市公交补贴办法》印发给你们。\n东岭市管委会\n2022年5月6日\n东岭市公交补贴办法 依照《城市公共汽车和电车客运管理规定》，制定本办法。 一、本办法自印发之日起施行。');
    expect(b.parts.map((p) => p.kind)).toEqual(['cover', 'body']);
    expect(b.title?.text).toBe('东岭市公交补贴办法');
    // A mention inside a sentence stays where it is.
    const text = '关于印发《东岭市公交补贴办法》的通知\n各单位：\n东岭市公交补贴办法已经主任办公会议审议通过，现印发给你们。';
    expect(normalizeText(text).text).toBe(text);
  });

  it('finds the date under joint issuers run together, and not a date in a sentence that names an office', () => {
    const signed = model('关于印发《东岭市工资保证金办法》的通知\n现将办法印发给你们，请认真贯彻执行。东岭市人力资源和社会保障局东岭市住房和城乡建设局东岭市交通运输局东岭市水利局2022年3月4日（此件主动公开）\n东岭市工资保证金办法\n第一条　为规范管理，制定本办法。');
    expect(signed.dates.written?.iso).toBe('2022-03-04');
    const sentence = '第五条　各单位应当将材料报送市政府办公室2022年3月4日前完成。';
    expect(normalizeText(sentence).text).toBe(sentence);
  });

  it('reads 第五条项目… as an article label and 第五条第二项 as a reference', () => {
    const doc = model('第四条　鉴定以省级意见为准。\n第五条项目鉴定内容包括研发活动是否真实。\n第六条依照第五条第二项办理。');
    expect(doc.articles.map((a) => a.number)).toEqual([4, 5, 6]);
  });
});
