// Node (CLI, tests): the facts file read straight from disk, which is faster than importing it as a module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleFacts, provideArticleFacts, type ArticleFacts } from './index';
import type { FactsFile } from './format';

export const FACTS_PATH = fileURLToPath(new URL('./facts.json', import.meta.url));

export function loadArticleFactsSync(): ArticleFacts {
  return articleFacts() ?? provideArticleFacts(JSON.parse(readFileSync(FACTS_PATH, 'utf8')) as FactsFile);
}
