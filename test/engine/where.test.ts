// Locations in the document's own terms, on short texts of each numbering style.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../utils/model/parse';
import { locator } from '../../utils/engine/where';
import { review } from '../../utils/engine';

const at = (text: string) => {
  const where = locator(parseDocument(text, {}));
  return (needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`not in text: ${needle}`);
    return where(i);
  };
};

describe('where: articles, 款, 项 and 目', () => {
  const text = [
    '清河市河道保洁管理办法',
    '',
    '第一条　为了规范河道保洁，制定本办法。',
    '第二条　本办法适用于本市建成区内的河道。',
    '建成区以外的河道参照执行。',
    '第三条　有下列情形之一的，由区水务局责令改正：',
    '（一）向河道倾倒垃圾的；',
    '（二）在河道内设置障碍的，包括：',
    '1. 拦河网具；',
    '2. 临时坝体。',
    '第四条　本办法自2024年3月1日起施行。',
  ].join('\n');
  const where = at(text);

  it('names the title, an article with one paragraph and the 款 of one with two', () => {
    expect(where('河道保洁管理办法')).toBe('标题');
    expect(where('为了规范')).toBe('第一条');
    expect(where('适用于本市')).toBe('第二条第一款');
    expect(where('参照执行')).toBe('第二条第二款');
  });

  it('names 项 and 目 inside an article', () => {
    expect(where('由区水务局')).toBe('第三条');
    expect(where('倾倒垃圾')).toBe('第三条第一项');
    expect(where('设置障碍')).toBe('第三条第二项');
    expect(where('临时坝体')).toBe('第三条第二项第二目');
    expect(where('自2024年')).toBe('第四条');
  });
});

describe('where: 一、（二）3. numbering', () => {
  const text = [
    '关于加强城市绿地养护工作的意见',
    '',
    '一、总体要求',
    '（一）指导思想。坚持绿色发展。',
    '（二）工作目标。到2025年：',
    '1．新增绿地十公顷。',
    '2．养护达标率达到百分之九十五。',
    '二、主要任务',
    '各区应当每月检查一次。',
  ].join('\n');
  const where = at(text);

  it('gives the chain of labels in standard form', () => {
    expect(where('总体要求')).toBe('一、');
    expect(where('坚持绿色')).toBe('一、（一）');
    expect(where('到2025年')).toBe('一、（二）');
    expect(where('养护达标率')).toBe('一、（二）2.');
  });

  it('a plain paragraph belongs to the heading above it', () => {
    expect(where('每月检查')).toBe('二、');
  });
});

describe('where: chapters, parts and attachments', () => {
  it('a chapter heading outside any article is 第X章', () => {
    const text = ['清河市停车场管理办法', '', '第一章　总则', '第一条　为了规范停车，制定本办法。', '第二章　附则', '第二条　本办法自2024年1月1日起施行。'].join('\n');
    const where = at(text);
    expect(where('总则')).toBe('第一章');
    expect(where('附则')).toBe('第二章');
    expect(where('规范停车')).toBe('第一条');
  });

  it('names the cover notice, the attachment and an appended 起草说明', () => {
    const text = [
      '清河市人民政府关于印发《清河市停车场管理办法》的通知',
      '各区人民政府：',
      '现将《清河市停车场管理办法》印发给你们，请认真贯彻执行。',
      '',
      '清河市停车场管理办法',
      '第一条　为了规范停车，制定本办法。',
      '第二条　本办法自2024年1月1日起施行。',
      '附件2',
      '停车场备案表',
      '',
      '关于《清河市停车场管理办法》的起草说明',
      '一、起草背景',
      '近年来停车矛盾突出。',
    ].join('\n');
    const where = at(text);
    expect(where('请认真贯彻')).toBe('通知正文');
    expect(where('规范停车')).toBe('第一条');
    expect(where('停车场备案表')).toBe('附件2');
    expect(where('停车矛盾')).toBe('起草说明一、');
  });

  it('a document-level finding is 全文', () => {
    const where = locator(parseDocument('第一条　为了规范停车，制定本办法。', {}));
    expect(where(3, true)).toBe('全文');
  });
});

describe('every finding of a review carries its location', () => {
  it('a defect inside an article names it, a missing clause names the whole text', () => {
    const text = ['清河市停车场管理办法', '第一条　为了规范停车，制定本办法。', '第二条　停车场可以视情况收取费用。', '第三条　本办法自印发之日起施行。'].join('\n');
    const { findings } = review({ text }, { today: '2024-01-01' });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.where, `${f.code} ${f.message}`).toMatch(/^(第[一二三]条|全文|标题|正文)/);
    const effective = findings.find((f) => f.code === 'effective.no-grace');
    expect(effective?.where).toBe('第三条');
    expect(findings.filter((f) => f.documentLevel).every((f) => f.where === '全文')).toBe(true);
  });
});

describe('where: the signature', () => {
  it('the organ and date under the last article are 落款, not a paragraph of it', () => {
    const text = ['清河市停车场管理办法', '第一条　为了规范停车，制定本办法。', '第二条　本办法自2024年1月1日起施行。', '', '清河市交通运输局', '2023年11月20日'].join('\n');
    const where = at(text);
    expect(where('自2024年')).toBe('第二条');
    expect(where('交通运输局')).toBe('落款');
    expect(where('2023年11月')).toBe('落款');
  });
});
