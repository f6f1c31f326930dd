// The filing officer's page: a register imported from CSV and .xlsx through the column-mapping step, searched,
// edited and exported; the audit date; and the side panel telling what the register says about a portal page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import * as h from './harness';

let ext: h.ExtensionHandle;
let server: h.FixtureServer;
let filing: Page;

beforeAll(async () => {
  ext = await h.launchExtension();
  server = await h.startFixtureServer();
  filing = await ext.context.newPage();
  await filing.goto(ext.url('filing.html'));
  await filing.waitForSelector('.filing-page[data-ready="true"]', h.POLL);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const rowCount = async () => Number(await filing.locator('[data-register-hits]').getAttribute('data-register-hits'));
const statusOk = () => filing.waitForSelector('[data-status="true"]', h.POLL);

/** A register workbook with a title line above headers named as some provinces name them. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年');
  ws.addRow(['2024年度行政规范性文件备案登记表']);
  ws.addRow(['序号', '规范性文件名称', '发文字号', '统一登记号', '印发时间', '报备时间']);
  ws.addRow([1, '东山区公共租赁住房管理办法', '东政发〔2024〕5号', 'DSDR-2024-0010001', new Date(Date.UTC(2024, 2, 4)), new Date(Date.UTC(2024, 3, 30))]);
  ws.addRow([2, '东山区停车场管理办法', '东政发〔2024〕9号', 'DSDR-2024-0010002', new Date(Date.UTC(2024, 4, 6)), new Date(Date.UTC(2024, 4, 20))]);
  ws.addRow([3, '东山区某某实施意见', '东政发〔2024〕11号', '', new Date(Date.UTC(2024, 5, 1)), null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('filing page: register', () => {
  test('a CSV is mapped, previewed and imported; a file without a 文号 column is refused and the register stays', async () => {
    await filing.locator('[data-action="register-file"]').setInputFiles(join(h.FIXTURES_DIR, 'register.csv'));
    await filing.waitForSelector('[data-step="map"]', h.POLL);
    expect(await filing.locator('[data-map="docNumber"]').inputValue()).toBe('文号');
    expect(await filing.locator('[data-map="filedDate"]').inputValue()).toBe('报送备案日期');
    expect(await filing.locator('[data-preview-count]').getAttribute('data-preview-count')).toBe('2');
    await filing.locator('[data-action="register-import"]').click();
    await statusOk();
    expect(await rowCount()).toBe(2);

    await filing.locator('[data-action="register-file"]').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,日期\n某办法,2024-01-01\n') });
    await filing.waitForSelector('[data-preview-error]', h.POLL);
    expect(await filing.locator('[data-preview-error]').innerText()).toContain('文号');
    expect(await filing.locator('[data-action="register-import"]').isDisabled()).toBe(true);
    expect(await rowCount()).toBe(2);
  });

  test('an .xlsx with other header names and a title line is mapped after the reviewer picks a column', async () => {
    await filing.locator('[data-action="register-file"]').setInputFiles({ name: '登记表.xlsx', mimeType: 'application/octet-stream', buffer: await workbook() });
    await filing.waitForSelector('[data-file="登记表.xlsx"], [data-register-error]', h.POLL);
    expect(await filing.locator('[data-register-error]').count()).toBe(0);
    expect(await filing.locator('[data-map="docNumber"]').inputValue()).toBe('发文字号');
    expect(await filing.locator('[data-map="title"]').inputValue()).toBe('规范性文件名称');
    expect(await filing.locator('[data-map="publishedDate"]').inputValue()).toBe('印发时间');
    // The reviewer un-maps and re-maps a column: the preview follows.
    await filing.locator('[data-map="regNumber"]').selectOption('');
    await filing.locator('[data-map="regNumber"]').selectOption('统一登记号');
    expect(await filing.locator('[data-preview-count]').getAttribute('data-preview-count')).toBe('3');
    await filing.locator('[data-action="register-import"]').click();
    await statusOk();
    expect(await rowCount()).toBe(3);
    expect(await filing.locator('tr[data-row]').first().innerText()).toContain('2024-03-04');
  });

  test('search, edit a row (bad date refused), and export CSV that reads back', async () => {
    await filing.locator('[data-register-search]').fill('停车');
    await filing.waitForSelector('[data-register-hits="1"]', h.POLL);
    await filing.locator('[data-action="row-edit"]').click();
    await filing.locator('[data-edit="filedDate"]').fill('5月20日');
    await filing.locator('[data-action="row-save"]').click();
    await filing.waitForSelector('[role="alert"]', h.POLL);
    expect(await filing.locator('[role="alert"]').innerText()).toContain('报送备案日期');
    await filing.locator('[data-edit="filedDate"]').fill('2024-05-21');
    await filing.locator('[data-action="row-save"]').click();
    await filing.waitForSelector('tr[data-row] >> text=2024-05-21', h.POLL);
    await filing.locator('[data-register-search]').fill('');
    await filing.waitForSelector('[data-register-hits="3"]', h.POLL);

    const [download] = await Promise.all([filing.waitForEvent('download'), filing.locator('[data-action="register-export-csv"]').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('东政发〔2024〕9号');
    expect(csv).toContain('2024-05-21');
    expect(csv.split('\r\n')[0]).toContain('报送备案日期');
  });

  test('the side panel tells what the register says, and a late filing is found as of the audit date', async () => {
    await filing.bringToFront();
    await filing.locator('[data-setting="reviewDate"]').fill('2024-12-31');
    await filing.locator('[data-setting="reviewDate"]').press('Tab');
    await statusOk();
    const page = await h.openFixture(ext, server, 'portal.html');
    const panel = await h.openPanel(ext, await h.tabIdOf(ext, page));
    await panel.waitForSelector('[data-field="register"]', h.POLL);
    const line = await panel.locator('[data-field="register"]').innerText();
    expect(line).toContain('DSDR-2024-0010001');
    // 2024-03-04 published, 2024-04-30 filed: 57 days, 27 past the national 30-day deadline.
    expect(line).toContain('逾期 27 日');
    await h.waitForCodes(panel, { has: ['filing.late'] });
    await panel.close();
    await page.close();
  });
});
