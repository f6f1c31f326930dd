import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../utils/cli/main';
import { lineColumns } from '../utils/cli/format';
import type { Rule } from '../utils/engine/types';

const ROOT = join(import.meta.dirname, '..');
const FIX = join(ROOT, 'test/fixtures/io');
// The shared corpus sits beside the project (../shared), wherever the checkout is.
const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const GOOD_TXT = join(FIX, 'txt/utf8-crlf.txt');
const GOOD_HTML = join(CORPUS, '03-public-rental-housing.html');
const GOOD_DOCX = join(FIX, 'docx/draft.docx');

/** The real CLI in a child process, as a user or score.mjs runs it. */
function cli(args: string[], viaNpm = false) {
  const r = viaNpm
    ? spawnSync('npm', ['run', '--silent', 'normlint', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    : spawnSync(process.execPath, [join(ROOT, 'bin/normlint.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The exit code the CLI promises for a JSON report: 2 when a file could not be read, else 1 when some finding is
 * an error, else 0. Tests compare the real code with it rather than accepting either.
 */
function promisedExit(stdout: string): number {
  const files: { error?: string; findings?: { severity: string }[] }[] = JSON.parse(stdout).files;
  if (files.some((f) => f.error)) return 2;
  return files.some((f) => f.findings!.some((x) => x.severity === 'error')) ? 1 : 0;
}

/** The CLI in this process with test rules, to reach findings before the real rules exist. */
async function runWith(args: string[], rules: Rule[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, { rules });
  return { code, stdout, stderr };
}

const rule = (severity: 'error' | 'warning' | 'info', word: string, code: Rule['meta']['code'] = 'effective.no-grace'): Rule => ({
  meta: { id: `test/${severity}`, code, severity, title: '测试', basis: '测试依据', explanation: '测试' },
  examples: { valid: [], invalid: [] },
  check(doc, _ctx, report) {
    const i = doc.text.indexOf(word);
    if (i >= 0) report({ start: i, end: i + word.length, message: `测试：发现“${word}”` });
  },
});

// Each child process may take seconds on a loaded machine. spawnSync blocks the test thread, so concurrent tests
// would run one after another anyway, all under the first one's clock: each gets its own.
describe('normlint CLI (child process)', { timeout: 60_000 }, () => {
  it('--help prints Chinese usage and exits 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：normlint');
    expect(r.stdout).toContain('--register');
  });

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^normlint \d+\.\d+\.\d+$/);
  });

  it('JSON: exactly the contract shape, only JSON on stdout, for txt, html, docx and malformed html', () => {
    const malformed = join(FIX, 'pages/malformed.html');
    const r = cli(['--format', 'json', GOOD_TXT, GOOD_HTML, GOOD_DOCX, malformed]);
    expect(r.code).toBe(promisedExit(r.stdout));
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['files']);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([GOOD_TXT, GOOD_HTML, GOOD_DOCX, malformed]);
    for (const f of report.files) {
      expect(Array.isArray(f.findings)).toBe(true);
      expect(f.error).toBeUndefined();
      for (const x of f.findings) {
        for (const k of ['code', 'rule', 'severity', 'start', 'end', 'excerpt', 'message']) expect(x).toHaveProperty(k);
      }
    }
    expect(r.stderr).toBe('');
  });

  it('works through npm run --silent normlint --, as score.mjs calls it', () => {
    const r = cli(['--format', 'json', '--profile', 'strict', '--today', '2022-06-30', '--register', join(CORPUS, 'register.csv'), GOOD_HTML], true);
    expect(r.code).toBe(promisedExit(r.stdout));
    expect(JSON.parse(r.stdout).files[0].path).toBe(GOOD_HTML);
  });

  it('text: a summary line in Chinese', () => {
    const r = cli([GOOD_TXT]);
    const summary = r.stdout.trim().split('\n').pop()!;
    expect(summary).toMatch(/^共审查 1 个文件，发现 \d+ 处问题（错误 \d+，警告 \d+，提示 \d+）$/);
    // Exit 1 exactly when the summary counts an error.
    expect(r.code).toBe(Number(/错误 (\d+)/.exec(summary)![1]) > 0 ? 1 : 0);
  });

  it.each([
    ['bad/empty.txt', '文件为空'],
    ['bad/whitespace.txt', '只有空白'],
    ['bad/english.txt', '不含中文文字'],
    ['bad/binary.txt', '二进制'],
    ['bad/undecodable.txt', '无法识别文件编码'],
    ['bad/not-a-zip.docx', '不是有效的 Word 文档'],
    ['bad/no-document.docx', 'word/document.xml'],
    ['bad/sample.pdf', '不支持的文件类型'],
    ['pages/no-text.html', '没有可读取的正文'],
    ['missing.txt', '文件不存在'],
  ])('bad input %s: exit 2, one line on stderr, {"path","error"} in JSON', (name, says) => {
    const path = join(FIX, name);
    const r = cli(['--format', 'json', path]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toContain(says);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const report = JSON.parse(r.stdout);
    expect(report.files).toEqual([{ path, error: expect.stringContaining(says) }]);
  });

  it('one bad file does not stop the others', () => {
    const bad = join(FIX, 'bad/binary.txt');
    const r = cli(['--format', 'json', GOOD_TXT, bad, GOOD_HTML]);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files;
    expect(files).toHaveLength(3);
    expect(files[0].findings).toBeInstanceOf(Array);
    expect(files[1]).toEqual({ path: bad, error: expect.stringContaining('二进制') });
    expect(files[2].findings).toBeInstanceOf(Array);
    const text = cli([GOOD_TXT, bad]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('；1 个文件无法读取');
  });

  it('a file over 10 MB is refused with the limit, without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'normlint-cli-'));
    try {
      const huge = join(dir, 'huge.txt');
      writeFileSync(huge, '第一条　为了规范管理，制定本办法。');
      truncateSync(huge, 12 * 1024 * 1024); // sparse
      const r = cli([huge]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`normlint：${huge}：文件过大（12.0 MB），上限为 10 MB（file too large, limit 10 MB）`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a directory or a file of an unknown type is refused, the others still reviewed', () => {
    const r = cli(['--format', 'json', join(FIX, 'txt'), GOOD_TXT]);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files;
    expect(files[0].error).toContain('不支持的文件类型');
    expect(files[1].findings).toBeInstanceOf(Array);
  });

  it.each([
    [['--frobnicate', GOOD_TXT], '未知的选项“--frobnicate”'],
    [['--format'], '缺少取值'],
    [['--format', 'xml', GOOD_TXT], '只能是 json、text 或 csv'],
    [['--profile', '--today', '2022-01-01', GOOD_TXT], '--profile 缺少取值'],
    [['--today', '2022-02-30', GOOD_TXT], '--today 的日期“2022-02-30”无效'],
    [['--today', '20220101', GOOD_TXT], '无效'],
    [['--profile', 'mars', GOOD_TXT], '未知的地区配置“mars”'],
    [['--register', join(FIX, 'no-such.csv'), GOOD_TXT], '无法读取备案登记簿'],
    [['--register', join(FIX, 'bad/no-register-column.csv'), GOOD_TXT], '缺少“文号”列'],
    [['--register', join(FIX, 'bad/binary.txt'), GOOD_TXT], '不是文本 CSV'],
    [[], '没有指定要审查的文件'],
  ])('usage error %j: exit 2, nothing on stdout', (args, says) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(says);
    expect(r.stderr).toContain('normlint --help');
  });

  it("runs from any directory, whatever that directory's tsconfig.json says", () => {
    const dir = mkdtempSync(join(tmpdir(), 'normlint-cwd-'));
    try {
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react', paths: { '../utils/*': ['nowhere/*'] } } }));
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/normlint.mjs'), '--format', 'json', GOOD_TXT], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(promisedExit(r.stdout));
      expect(JSON.parse(r.stdout).files[0].path).toBe(GOOD_TXT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a GBK register saved from Excel', () => {
    const r = cli(['--format', 'json', '--register', join(FIX, 'register-gbk.csv'), join(FIX, 'pages/gbk-page.html')]);
    expect(r.code).toBe(promisedExit(r.stdout));
    expect(JSON.parse(r.stdout).files[0].findings).toBeInstanceOf(Array);
  });

  it('accepts --flag=value and -- before file names', () => {
    const r = cli(['--format=json', '--profile=strict', '--', GOOD_TXT]);
    expect(r.code).toBe(promisedExit(r.stdout));
    expect(JSON.parse(r.stdout).files[0].path).toBe(GOOD_TXT);
  });

  it('scores the whole corpus without a failed run', () => {
    const r = spawnSync(process.execPath, [join(ROOT, '../shared/tools/score.mjs'), '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(r.status).toBe(0);
    const { summary } = JSON.parse(r.stdout);
    expect(summary.samples).toBe(14);
    expect(summary.failedRuns).toBe(0);
  }, 180_000);
});

// bin/normlint.mjs runs the bundle scripts/build-cli.mjs makes from the sources (one ES module, fast to start).
describe('normlint CLI bundle', { timeout: 60_000 }, () => {
  const BUNDLE = join(ROOT, 'dist/cli/normlint.mjs');

  it('is rebuilt before a run when a source changed since it was built', () => {
    expect(cli(['--version']).code).toBe(0);
    // Older than every source: as if a rule had been edited after the build.
    utimesSync(BUNDLE, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^normlint \d+\.\d+\.\d+$/);
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(new Date(2020, 0, 1).getTime());
  });

  it('imports linkedom, mammoth, jszip and jieba only when a file needs them', () => {
    cli(['--version']);
    const code = readFileSync(BUNDLE, 'utf8');
    const staticImports = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(staticImports.length).toBeGreaterThan(0);
    for (const dep of ['linkedom', 'mammoth', 'jszip', 'jieba-wasm', 'exceljs']) expect(staticImports).not.toContain(dep);
    expect(code).toContain('import("linkedom")');
    expect(code).toContain('import("mammoth")');
  });

  it('runs from the TypeScript sources in development (npm run normlint:dev)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'normlint:dev', '--', '--format', 'json', GOOD_TXT], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout).files[0].path).toBe(GOOD_TXT);
  });
});

describe('normlint CLI output (in process, with test rules)', { timeout: 30_000 }, () => {
  it('exit 1 on an error-level finding; text lines are file:line:col  where  severity  code  message', async () => {
    const r = await runWith([GOOD_TXT], [rule('error', '施行'), rule('warning', '集贸市场开办者', 'drafting.wording')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // Line 6 of the sample: "第三条　本通知自2022年3月1日起施行，有效期5年。", 施行 at column 19.
    expect(lines).toContain(`${GOOD_TXT}:6:19  第三条  错误  effective.no-grace  测试：发现“施行”`);
    expect(lines).toContain(`${GOOD_TXT}:5:5  第二条  警告  drafting.wording  测试：发现“集贸市场开办者”`);
    expect(lines[lines.length - 1]).toBe('共审查 1 个文件，发现 2 处问题（错误 1，警告 1，提示 0）');
  });

  it('exit 0 with only warnings and hints', async () => {
    const r = await runWith([GOOD_TXT], [rule('warning', '施行'), rule('info', '第一条', 'basis.missing')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('提示  basis.missing');
  });

  it('JSON findings carry the contract keys first, then basis, line and column', async () => {
    const r = await runWith(['--format', 'json', GOOD_HTML], [rule('error', '本办法自2022年5月1日起施行')]);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).files[0];
    expect(Object.keys(f.findings[0]).slice(0, 7)).toEqual(['code', 'rule', 'severity', 'start', 'end', 'excerpt', 'message']);
    expect(f.findings[0]).toMatchObject({
      code: 'effective.no-grace',
      rule: 'test/error',
      severity: 'error',
      excerpt: '本办法自2022年5月1日起施行',
      basis: '测试依据',
    });
    expect(f.summary.chars).toBeGreaterThan(1000);
  });

  it('a finding grouped by its rule is one line and one JSON finding listing every place with its location', async () => {
    // Reports every 市场 with one group key: the engine merges them.
    const everywhere: Rule = {
      meta: { id: 'test/grouped', code: 'drafting.wording', severity: 'warning', title: '测试', basis: '测试依据', explanation: '测试' },
      examples: { valid: [], invalid: [] },
      check(doc, _ctx, report) {
        for (const m of doc.text.matchAll(/市场/g)) report({ start: m.index!, end: m.index! + 2, message: '测试：市场', group: '市场' });
      },
    };
    const text = await runWith([GOOD_TXT], [everywhere]);
    const lines = text.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('drafting.wording'))).toEqual([`${GOOD_TXT}:1:4  标题等6处  警告  drafting.wording  测试：市场`]);
    const json = JSON.parse((await runWith(['--format', 'json', GOOD_TXT], [everywhere])).stdout).files[0];
    expect(json.findings).toHaveLength(1);
    const [f] = json.findings;
    expect(f.where).toBe('标题');
    expect(f.excerpt).toBe('市场');
    // The title twice, the two articles, the signature.
    expect(f.places.map((p: { where: string }) => p.where)).toEqual(['标题', '标题', '第一条', '第二条', '第二条', '落款']);
    expect(f.places[2]).toMatchObject({ excerpt: '市场', line: 4, column: 10 });
  });

  it('line and column count characters from 1', () => {
    const pos = lineColumns('甲乙\n丙𠀀丁\n');
    expect(pos(0)).toEqual({ line: 1, column: 1 });
    expect(pos(3)).toEqual({ line: 2, column: 1 });
    // 𠀀 is two UTF-16 units but one character.
    expect(pos(6)).toEqual({ line: 2, column: 3 });
    expect(pos(8)).toEqual({ line: 3, column: 1 });
  });
});

describe('normlint CLI: the batch table', { timeout: 60_000 }, () => {
  it('--format csv writes one row per finding with the document fields, a row for a clean file and one for a bad file', () => {
    const r = cli(['--format', 'csv', join(CORPUS, '01-parking-rules.html'), join(CORPUS, '03-public-rental-housing.html'), join(FIX, 'bad/empty.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout.startsWith('\uFEFF文件,标题,文号,制定机关,成文日期,发布日期,严重程度,代码,问题类型,行,列,位置,摘录,说明,依据\r\n')).toBe(true);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines.some((l) => l.includes('01-parking-rules.html,清河市机动车停车场管理实施细则,清交运办〔2021〕27号') && l.includes(',effective.no-grace,施行日期未设宽限期,'))).toBe(true);
    expect(lines.filter((l) => l.includes('03-public-rental-housing.html'))).toEqual([expect.stringContaining('未发现问题')]);
    expect(lines.filter((l) => l.includes('empty.txt'))).toHaveLength(1);
  });
});
