import { describe, expect, it } from 'vitest';
import { foldRadicals, loadedKind } from '../utils/io/browser';
import { InputError } from '../utils/io/errors';

describe('files in the browser', () => {
  it('folds the radicals PDF fonts map ideographs to back into the ideographs', () => {
    expect(foldRadicals('本办法⾃印发之⽇起施⾏，由区⼈⺠政府负责解释，⻓期有效。')).toBe('本办法自印发之日起施行，由区人民政府负责解释，长期有效。');
    expect(foldRadicals('第一条　正文')).toBe('第一条　正文');
  });

  it('knows .docx, .txt and .pdf, and says in Chinese what it cannot read', () => {
    expect(['a.DOCX', 'b.txt', 'c.pdf'].map(loadedKind)).toEqual(['docx', 'txt', 'pdf']);
    expect(() => loadedKind('旧稿.doc')).toThrow(InputError);
    expect(() => loadedKind('旧稿.doc')).toThrow(/另存为 \.docx/);
    expect(() => loadedKind('表格.xlsx')).toThrow(/不支持的文件类型/);
  });
});
