// Text from a page shown inert everywhere the log shows it: the 审查意见书, the CSV/XLSX tables and the JSON
// export, through one helper; stored links open only when they are http(s).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildOpinion } from '../../components/log/opinion';
import { reviewsToCsv } from '../../utils/export/csv';
import { reviewToJson } from '../../utils/export/json';
import { reviewsToXlsx } from '../../utils/export/xlsx';
import { getReview, saveReview } from '../../utils/storage/reviews';
import { escapeInvisibleJson, httpHref, showInvisible } from '../../utils/text/untrusted';
import { freshDb } from './helpers';

const RLO = '\u202E';
const ZWSP = '\u200B';
// Every invisible character the helper knows, one of each range's ends.
const RAW = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

describe('showInvisible', () => {
  it('shows each invisible character as its code point and leaves the rest', () => {
    expect(showInvisible(`本办法自${RLO}施行日期起`)).toBe('本办法自⟨U+202E⟩施行日期起');
    expect(showInvisible(`处以罚${ZWSP}款`)).toBe('处以罚⟨U+200B⟩款');
    expect(showInvisible('\u2066a\u2069\uFEFF\u00AD\u200E\u061C')).toBe('⟨U+2066⟩a⟨U+2069⟩⟨U+FEFF⟩⟨U+00AD⟩⟨U+200E⟩⟨U+061C⟩');
    expect(showInvisible('第一条　普通文字，“引号”《书名》')).toBe('第一条　普通文字，“引号”《书名》');
    expect(showInvisible(undefined)).toBeUndefined();
  });

  it('escapes them in JSON without changing the data', () => {
    const data = { title: `a${RLO}b`, list: [`c${ZWSP}d`] };
    const json = escapeInvisibleJson(JSON.stringify(data));
    expect(json).not.toMatch(RAW);
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('httpHref', () => {
  it('links http(s) only', () => {
    expect(httpHref('https://www.example.gov.cn/a.html')).toBe('https://www.example.gov.cn/a.html');
    expect(httpHref('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'chrome-extension://abc/reviews.html', 'vbscript:x', '//evil.example/x', 'not a url', '', undefined]) {
      expect(httpHref(bad), String(bad)).toBeUndefined();
    }
  });
});

async function hostileReview() {
  freshDb();
  const text = `某市管理办法\n第一条 违反本办法的，处以罚${ZWSP}款。\n第二条 本办法自${RLO}印发之日起施行。`;
  const at = (s: string) => text.indexOf(s);
  const saved = await saveReview({
    text,
    title: `某市${RLO}管理办法`,
    docNumber: `某政发〔2024〕${ZWSP}1号`,
    issuer: `某市人民政府${'\u2067'}`,
    url: 'javascript:alert(1)',
    source: 'portal',
    profileId: 'national',
    reviewer: `张三${RLO}`,
    remarks: `请${RLO}修改`,
    conclusion: 'return',
    findings: [
      { code: 'content.penalty', rule: 'content/penalty', severity: 'error', start: at('处以'), end: at('款。') + 1, excerpt: `处以罚${ZWSP}款`, message: `设定罚款${RLO}无依据`, basis: '《行政处罚法》第十四条', decision: 'confirmed' },
      { code: 'effective.no-grace', rule: 'effective/no-grace', severity: 'warning', start: at('自'), end: at('施行') + 2, excerpt: `自${RLO}印发之日起施行`, message: '未留出施行前的准备时间', basis: '依据', decision: 'undecided' },
    ],
  });
  return (await getReview(saved.id))!;
}

const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

describe('a review with invisible characters from the page', () => {
  it('prints a 审查意见书 in which no sentence can be reversed or hidden', async () => {
    const model = buildOpinion(await hostileReview());
    for (const s of strings(model)) expect(s, s).not.toMatch(RAW);
    expect(model.title).toBe('关于《某市⟨U+202E⟩管理办法》的纠错建议');
    expect(model.items.flatMap((i) => i.points).join('')).toContain('设定罚款⟨U+202E⟩无依据');
    expect(model.items.flatMap((i) => i.points).join('')).toContain('“自⟨U+202E⟩印发之日起施行”');
    expect(model.remarks).toBe('请⟨U+202E⟩修改');
    expect(model.reviewer).toBe('张三⟨U+202E⟩');
  });

  it('exports tables with the characters shown and JSON with them escaped', async () => {
    const review = await hostileReview();
    const csv = reviewsToCsv([review]);
    // The byte-order mark Excel needs is the only one.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).not.toMatch(RAW);
    const [header, row] = Papa.parse<string[]>(csv.slice(1)).data;
    expect(row[header.indexOf('文件标题')]).toBe('某市⟨U+202E⟩管理办法');
    expect(row[header.indexOf('文号')]).toBe('某政发〔2024〕⟨U+200B⟩1号');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reviewsToXlsx([review])).buffer as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('某市⟨U+202E⟩管理办法');
    for (const c of cells) expect(c).not.toMatch(RAW);

    const json = reviewToJson(review);
    expect(json).not.toMatch(RAW);
    // Lossless: the export still holds the page's exact text.
    const back = JSON.parse(json).review;
    expect(back.title).toBe(review.title);
    expect(back.body.text).toBe(review.body.text);
  });
});
