// The article facts load lazily in the extension; rule tests and examples read them from disk before they run.
import { loadArticleFactsSync } from '../utils/statutes/articles/node';

loadArticleFactsSync();
