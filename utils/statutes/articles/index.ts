// Article-level facts of the statutes (derived by `npm run statutes:articles` from ../shared/statutes-text), loaded
// on demand: the file is a separate chunk of the extension, fetched the first time a review needs it. Rules read
// `articleFacts()` and say nothing while it is undefined.
import { decodeFacts, type ArticleFacts, type FactsFile } from './format';

export type { ArticleFact, ArticleFacts, Edition, StatuteArticles } from './format';
export { editionAt, lastArticle } from './format';

let loaded: ArticleFacts | undefined;
let pending: Promise<ArticleFacts> | undefined;

/** The facts, once loaded. */
export const articleFacts = (): ArticleFacts | undefined => loaded;

/** Uses facts read by other means (Node reads the file directly: utils/statutes/articles/node.ts). */
export function provideArticleFacts(file: FactsFile): ArticleFacts {
  loaded = decodeFacts(file);
  pending = Promise.resolve(loaded);
  return loaded;
}

/** Loads the bundled facts once (a lazy chunk in the extension); later calls return the same promise. */
export function loadArticleFacts(): Promise<ArticleFacts> {
  pending ??= import('./facts.json').then((m) => (loaded = decodeFacts((m.default ?? m) as unknown as FactsFile)));
  return pending;
}
