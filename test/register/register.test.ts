import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../utils/cli/main';
import { describe, expect, it } from 'vitest';
import { csvTable, entriesFromTable, guessMapping, matchRegister, parseRegister, RegisterError } from '../../utils/register';

describe('register columns', () => {
  it('maps the headers real registers use, exact names before stems', () => {
    const m = guessMapping(['序号', '文件名称', '发文字号', '统一编号', '制发机关', '印发日期', '报送备案时间（年月日）', '备案审查机关']);
    expect(m).toEqual({
      docNumber: '发文字号',
      title: '文件名称',
      regNumber: '统一编号',
      issuer: '制发机关',
      publishedDate: '印发日期',
      filedDate: '报送备案时间（年月日）',
      filingBody: '备案审查机关',
    });
  });

  it('never maps one header to two fields', () => {
    const m = guessMapping(['文号', '备案日期']);
    expect(m.docNumber).toBe('文号');
    expect(m.filedDate).toBe('备案日期');
    expect(m.publishedDate).toBeUndefined();
  });

  it('reads rows under a chosen mapping, skips rows without 文号 and normalises 文号 and dates', () => {
    const table = csvTable('编号,名称,公布,报备\n临政发（2023）5号,某办法,2023/3/1,2023年3月20日\n,合计,,\n');
    const entries = entriesFromTable(table, { docNumber: '编号', title: '名称', publishedDate: '公布', filedDate: '报备' });
    expect(entries).toEqual([{ docNumber: '临政发〔2023〕5号', title: '某办法', publishedDate: '2023-03-01', filedDate: '2023-03-20' }]);
  });

  it('refuses a table without a 文号 column and names the row of an unreadable date', () => {
    expect(() => parseRegister('名称,日期\n某办法,2023-01-01\n')).toThrow(RegisterError);
    expect(() => parseRegister('文号,公布日期\n临政发〔2023〕5号,下周一\n')).toThrow(/第 2 行.*下周一/);
  });

  it('refuses a mapping to a header the table does not have', () => {
    expect(() => entriesFromTable(csvTable('文号\n临政发〔2023〕5号\n'), { docNumber: '文号', regNumber: '登记号' })).toThrow(/登记号/);
  });
});

describe('matchRegister', () => {
  const register = [
    { docNumber: '临政发〔2023〕5号', regNumber: 'LJ-2023-1', publishedDate: '2023-03-01', filedDate: '2023-03-20' },
    { docNumber: '临政发〔2023〕9号', publishedDate: '2023-05-01', filedDate: '2023-06-15' },
    { docNumber: '临政发〔2023〕12号', publishedDate: '2023-11-20' },
  ];
  const today = '2023-12-10';

  it('says when no register is loaded or the page has no 文号', () => {
    expect(matchRegister({ docNumber: '临政发〔2023〕5号' }, [], 30, today).status).toBe('no-register');
    expect(matchRegister({}, register, 30, today).status).toBe('no-doc-number');
  });

  it('finds a 文号 written with other brackets, and counts the days to filing', () => {
    const m = matchRegister({ docNumber: '临政发(2023)5号' }, register, 30, today);
    expect(m).toMatchObject({ status: 'matched', filedAfter: 19, daysLate: 0 });
  });

  it('counts days late against the profile deadline (inclusive at the limit)', () => {
    expect(matchRegister({ docNumber: '临政发〔2023〕9号' }, register, 30, today)).toMatchObject({ filedAfter: 45, daysLate: 15 });
    expect(matchRegister({ docNumber: '临政发〔2023〕9号' }, register, 45, today)).toMatchObject({ daysLate: 0 });
  });

  it('an unfiled entry is pending within the deadline and late after it, as of the review date', () => {
    expect(matchRegister({ docNumber: '临政发〔2023〕12号' }, register, 30, today)).toMatchObject({ pending: true, daysLate: 0 });
    expect(matchRegister({ docNumber: '临政发〔2023〕12号' }, register, 15, today)).toMatchObject({ daysLate: 5 });
  });

  it('reports a 文号 the register lacks', () => {
    expect(matchRegister({ docNumber: '临政发〔2023〕7号' }, register, 30, today)).toEqual({ status: 'missing', docNumber: '临政发〔2023〕7号' });
  });
});

describe('CLI --register with an .xlsx register', () => {
  const DOC = [
    '清河市人民政府关于印发《清河市停车场管理办法》的通知',
    '清政发〔2023〕4号',
    '各区人民政府：现将《清河市停车场管理办法》印发给你们，请认真贯彻执行。',
    '清河市停车场管理办法',
    '第一条　根据《中华人民共和国道路交通安全法》，制定本办法。',
    '第二条　本办法自2023年5月1日起施行，有效期5年。',
    '清河市人民政府',
    '2023年3月1日',
  ].join('\n');

  async function runCli(rows: (string | Date)[][]) {
    const dir = mkdtempSync(join(tmpdir(), 'normlint-register-'));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('登记');
      ws.addRow(['发文字号', '统一编号', '印发日期', '报备时间']);
      for (const r of rows) ws.addRow(r);
      writeFileSync(join(dir, 'register.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
      writeFileSync(join(dir, 'doc.txt'), DOC);
      let stdout = '';
      let stderr = '';
      const code = await run(['--format', 'json', '--today', '2023-12-31', '--register', join(dir, 'register.xlsx'), join(dir, 'doc.txt')], {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
      });
      return { code, stderr, findings: code === 2 ? [] : (JSON.parse(stdout).files[0].findings as { code: string; message: string }[]) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('finds a late filing from the workbook', async () => {
    const r = await runCli([['清政发〔2023〕4号', 'QH-2023-004', new Date(Date.UTC(2023, 2, 1)), new Date(Date.UTC(2023, 3, 20))]]);
    const late = r.findings.find((f) => f.code === 'filing.late');
    expect(late?.message).toContain('相隔50日');
    expect(r.findings.some((f) => f.code === 'filing.unregistered')).toBe(false);
  });

  it('reports a 文号 the workbook lacks as unregistered, not late', async () => {
    const r = await runCli([['清政发〔2023〕9号', 'QH-2023-009', new Date(Date.UTC(2023, 2, 1)), new Date(Date.UTC(2023, 2, 10))]]);
    expect(r.findings.map((f) => f.code)).toContain('filing.unregistered');
    expect(r.findings.map((f) => f.code)).not.toContain('filing.late');
  });
});
