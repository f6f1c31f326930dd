/** normlint CLI: reads files, reviews them with the engine, prints JSON or linter-style text. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReviewOptions } from '../engine';
import type { RegisterEntry } from '../register';
import { isIsoDate } from '../text/dates';
import { InputError, MAX_FILE_BYTES, readDocumentFile } from '../io';
import { decodeBytes, DecodeError, normalizeNewlines } from '../io/decode';
import { oneLine } from '../text/untrusted';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { csvTable, fileReport, summaryLine, textLines, type FileReport } from './format';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

// `npm run normlint -- file` runs in the package's directory; INIT_CWD is where the user typed it.
const located = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function loadRegister(path: string): Promise<RegisterEntry[]> {
  const { entriesFromTable, guessMapping, parseRegister, RegisterError } = await import('../register');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(located(path)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`无法读取备案登记簿 ${oneLine(path)}：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code ?? '读取失败'}（unreadable register）`);
  }
  if (bytes.length > MAX_FILE_BYTES) throw new UsageError(`备案登记簿 ${oneLine(path)} 过大，上限为 10 MB（register too large）`);
  try {
    // An .xlsx (told by its bytes) is read through exceljs, only then loaded.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const { readRegisterTable } = await import('../register/read');
      const table = await readRegisterTable(bytes);
      return entriesFromTable(table, guessMapping(table.headers));
    }
    let csv: string;
    try {
      // Registers saved from Excel are often GBK.
      csv = normalizeNewlines(decodeBytes(bytes).text);
    } catch (e) {
      if (e instanceof DecodeError) throw new UsageError(`无法读取备案登记簿 ${oneLine(path)}：不是文本 CSV 或 .xlsx 文件（unreadable register）`);
      throw e;
    }
    return parseRegister(csv);
  } catch (e) {
    if (e instanceof RegisterError) throw new UsageError(`备案登记簿 ${oneLine(path)} 有误：${e.message}（bad register）`);
    throw e;
  }
}

/**
 * Runs the CLI; returns the exit code. `reviewOptions` adds engine options (tests pass their own rules to reach exit code 1
 * before the real rules exist).
 */
export async function run(argv: readonly string[], io: CliIO = defaultIO, reviewOptions: Partial<ReviewOptions> = {}): Promise<number> {
  let opts: CliOptions;
  let register: RegisterEntry[] | undefined;
  let engine: typeof import('../engine');
  try {
    opts = parseArgs(argv);
    if (opts.help) {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (opts.version) {
      const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      io.stdout(`normlint ${pkg.version}\n`);
      return EXIT.ok;
    }
    // The engine (rules, statutes) loads only once the arguments are known to be good: --help stays quick.
    engine = await import('../engine');
    if (opts.today !== undefined && !isIsoDate(opts.today)) {
      throw new UsageError(`--today 的日期“${opts.today}”无效，应为 YYYY-MM-DD 格式的真实日期（bad date）`);
    }
    try {
      engine.resolveProfile(opts.profile);
    } catch (e) {
      if (e instanceof engine.ReviewError) throw new UsageError(`${e.message}（unknown profile）`);
      throw e;
    }
    if (opts.register) register = await loadRegister(opts.register);
    if (!opts.files.length) throw new UsageError('没有指定要审查的文件（no input files）');
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`normlint：${e.message}\n运行 normlint --help 查看用法。\n`);
      return EXIT.usage;
    }
    throw e;
  }

  const { nodeSegmenter } = await import('../segment/node');
  // The article facts (utils/statutes/articles/facts.json), read from disk: the article rules need them.
  (await import('../statutes/articles/node')).loadArticleFactsSync();
  const reports: FileReport[] = [];
  let failed = false;
  for (const path of opts.files) {
    try {
      const t0 = performance.now();
      const doc = await readDocumentFile(located(path));
      // The time limit covers reading and reviewing: the budget counts from before the file is read.
      const result = engine.review(doc, {
        ...reviewOptions,
        profile: opts.profile,
        today: opts.today,
        register,
        segmenter: nodeSegmenter,
        budgetMs: opts.timeLimit * 1000,
        budgetFrom: t0,
      });
      reports.push(fileReport(path, doc.text, result));
    } catch (e) {
      failed = true;
      const message =
        e instanceof InputError ? e.message : `${oneLine(path)}：审查时出错：${String((e as Error)?.message ?? e).split('\n')[0]}（internal error）`;
      if (!(e instanceof InputError) && process.env.NORMLINT_DEBUG) io.stderr(`${(e as Error)?.stack}\n`);
      io.stderr(`normlint：${message}\n`);
      reports.push({ path, error: message });
    }
    if (opts.format === 'text') {
      const r = reports[reports.length - 1];
      if (!r.error) {
        const lines = textLines(r);
        if (lines.length) io.stdout(lines.join('\n') + '\n');
      }
    }
  }

  if (opts.format === 'json') io.stdout(JSON.stringify({ files: reports }, null, 2) + '\n');
  else if (opts.format === 'csv') io.stdout(csvTable(reports));
  else io.stdout(`${summaryLine(reports)}\n`);

  if (failed) return EXIT.usage;
  return reports.some((r) => r.findings?.some((f) => f.severity === 'error')) ? EXIT.findings : EXIT.ok;
}
