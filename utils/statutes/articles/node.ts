// Node (CLI, tests): the facts file read straight from disk, which is faster than importing it as a module.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleFacts, provideArticleFacts, type ArticleFacts } from './index';
import type { FactsFile } from './format';

// Beside this module when it runs from the sources; from the CLI bundle (dist/cli/normlint.mjs, two folders deep)
// the same file through the project root.
const CANDIDATES = ['./facts.json', '../../utils/statutes/articles/facts.json'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
export const FACTS_PATH = CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[0];

export function loadArticleFactsSync(): ArticleFacts {
  return articleFacts() ?? provideArticleFacts(JSON.parse(readFileSync(FACTS_PATH, 'utf8')) as FactsFile);
}
