/**
 * The panel's review worker: the engine and jieba-wasm run here, off the panel's main thread. jieba starts loading
 * and builds its dictionary as soon as the panel creates the worker. A request reviewed before jieba is ready gets
 * a `fast` result (every rule but the word-based ones) and then, once jieba is, the full one. Requests queue while
 * a review runs; only the newest is reviewed (an edit replaces the text before it).
 */
import { review, REVIEW_BUDGET_MS } from '../../utils/engine';
import type { Segmenter } from '../../utils/segment';
import { loadWebSegmenter } from '../../utils/segment/web';
import { loadArticleFacts } from '../../utils/statutes/articles';
import type { FromWorker, ToWorker } from './review-messages';

const post = (m: FromWorker) => postMessage(m);

let segmenter: Segmenter | undefined;
/** The newest request not yet reviewed at all. */
let pending: ToWorker | undefined;
/** The newest request reviewed without words, waiting for jieba. */
let awaitingWords: ToWorker | undefined;
let scheduled = false;

// The article facts (a chunk of their own) load beside jieba: the full result, which follows the fast one, has the
// article checks and the 引用条文 list. Without them those only stay silent.
const articles = loadArticleFacts().catch((e: unknown) => console.error('[NormLint] article facts failed to load', e));

Promise.all([loadWebSegmenter(), articles])
  .then(([s]) => {
    // jieba builds its dictionary on the first cut (a few hundred ms): here, not during the first review, which
    // may then find jieba ready. A request that came meanwhile is reviewed first.
    if (!pending) s.tokenize('规范性文件审查');
    segmenter = s;
    post({ kind: 'segmenter', state: 'ready' });
    schedule();
  })
  .catch((e: unknown) => {
    console.error('[NormLint] jieba-wasm failed to load', e);
    post({ kind: 'segmenter', state: 'failed', detail: String(e) });
  });

self.onmessage = (e: MessageEvent<ToWorker>) => {
  if (e.data?.kind !== 'review') return;
  pending = e.data;
  awaitingWords = undefined;
  schedule();
};

// A task, not a direct call: requests already queued behind this one are received first, and only the newest runs.
function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(work, 0);
}

function work() {
  scheduled = false;
  const req = pending ?? (segmenter ? awaitingWords : undefined);
  if (!req) return;
  if (req === pending) pending = undefined;
  else awaitingWords = undefined;
  const phase = segmenter ? 'all' : 'fast';
  try {
    // A hostile page never keeps the worker busy for long: past the budget the findings so far come with a notice.
    const result = review(req.doc, { budgetMs: REVIEW_BUDGET_MS, ...req.options, segmenter, phase });
    post({ kind: 'result', id: req.id, phase, result });
    if (phase === 'fast' && !pending) awaitingWords = req;
  } catch (e) {
    post({ kind: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
  if (pending || (segmenter && awaitingWords)) schedule();
}
