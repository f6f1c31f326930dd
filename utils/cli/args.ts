/** Command-line arguments of normlint. Hand-written so every message is Chinese and names the flag. */

export type Format = 'json' | 'text' | 'csv';

export interface CliOptions {
  format: Format;
  profile?: string;
  today?: string;
  register?: string;
  /** Seconds one document may take to read and review (see ReviewOptions.budgetMs). */
  timeLimit: number;
  files: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--format', '--profile', '--today', '--register', '--time-limit']);

const DEFAULT_TIME_LIMIT_S = 10;

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { format: 'text', timeLimit: DEFAULT_TIME_LIMIT_S, files: [], help: false, version: false };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      opts.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      opts.help = true;
      continue;
    }
    if (arg === '-v' || arg === '--version') {
      opts.version = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`未知的选项“${arg}”（unknown option）`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`选项 ${flag} 缺少取值（missing value）`);
      i++;
    }
    if (!value) throw new UsageError(`选项 ${flag} 缺少取值（missing value）`);
    switch (flag) {
      case '--format':
        if (value !== 'json' && value !== 'text' && value !== 'csv') throw new UsageError(`--format 只能是 json、text 或 csv，而不是“${value}”（bad format）`);
        opts.format = value;
        break;
      case '--profile':
        opts.profile = value;
        break;
      case '--today':
        opts.today = value;
        break;
      case '--register':
        opts.register = value;
        break;
      case '--time-limit':
        opts.timeLimit = Number(value);
        if (!/^\d+(?:\.\d+)?$/.test(value) || !(opts.timeLimit > 0)) throw new UsageError(`--time-limit 应为正数秒数，而不是“${value}”（bad time limit）`);
        break;
    }
  }
  return opts;
}

export const USAGE = `用法：normlint [选项] 文件...

审查行政规范性文件（.txt、.html/.htm、.docx），逐条列出问题、依据和修改建议。

选项：
  --format json|text|csv  输出格式：text（默认，每行一个问题）、json，或 csv（一行一个问题，附文件标题、文号、
                        制定机关和日期，带 BOM，可直接用 Excel 打开：适合批量审查后制表）
  --profile 名称        地区配置（默认 national；内置：national、strict）
  --today YYYY-MM-DD    审查日期（默认今天），用于判断是否过期、逾期备案
  --register 文件.csv   备案登记簿（CSV，表头含“文号”，可含登记号、公布日期、报送备案日期等）
  --time-limit 秒数     每个文件的审查时限（默认 ${DEFAULT_TIME_LIMIT_S} 秒）：超过时停止该文件，报告已完成部分的结果并说明，
                        其余文件照常审查
  -h, --help            显示本帮助
  -v, --version         显示版本

退出码：0 未发现“错误”级问题；1 发现“错误”级问题；2 用法错误或有文件无法读取。

示例：
  npm run --silent normlint -- --format json --profile strict 通知.html
  npm run --silent normlint -- --today 2022-06-30 --register 备案登记簿.csv 草案.docx 说明.txt
`;
