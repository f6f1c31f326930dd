/**
 * Runs the engine on the training examples in the page, so every mark is where the engine finds the defect today,
 * never a position written down beside the example. jieba-wasm is bundled with the extension: nothing is fetched.
 */
import { useEffect, useState } from 'preact/hooks';
import { reviewExample, runExample } from '../../utils/engine/examples';
import type { Finding } from '../../utils/engine/types';
import type { Segmenter } from '../../utils/segment';
import { loadWebSegmenter } from '../../utils/segment/web';
import { loadArticleFacts } from '../../utils/statutes/articles';
import { quizAnswers, type TrainingItem } from './model';
import type { DefectCode } from '../../utils/engine/codes';

export type SegmenterState = { status: 'loading' } | { status: 'ready'; segmenter: Segmenter } | { status: 'failed'; error: string };

let shared: SegmenterState = { status: 'loading' };
const listeners = new Set<(s: SegmenterState) => void>();
let started = false;

function start() {
  if (started) return;
  started = true;
  // The article rules' examples need the article facts (a lazy chunk): loaded alongside jieba; if they fail, those
  // examples show no finding rather than the page failing.
  Promise.all([loadWebSegmenter(), loadArticleFacts().catch(() => undefined)]).then(
    ([segmenter]) => publish({ status: 'ready', segmenter }),
    (e) => publish({ status: 'failed', error: e instanceof Error ? e.message : String(e) }),
  );
}

function publish(s: SegmenterState) {
  shared = s;
  for (const l of listeners) l(s);
}

/** jieba, loaded once for the page (about 100–200 ms); rules that read words wait for it. */
export function useSegmenter(): SegmenterState {
  const [state, setState] = useState(shared);
  useEffect(() => {
    listeners.add(setState);
    start();
    setState(shared);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return state;
}

export interface ItemFindings {
  /** The engine's findings, in text order; undefined while jieba is still loading. */
  findings?: Finding[];
  /** The rule needs words and jieba could not load: its findings are missing, and the page says so. */
  noWords?: boolean;
  error?: string;
}

const cache = new Map<string, ItemFindings>();

/** The engine's findings on one example (cached per example once jieba has settled). */
export function findingsOf(item: TrainingItem, seg: SegmenterState): ItemFindings {
  if (seg.status === 'loading') return {};
  const hit = cache.get(item.id);
  if (hit) return hit;
  let out: ItemFindings;
  try {
    const findings = runExample(item.rule, item.example, seg.status === 'ready' ? seg.segmenter : undefined);
    out = { findings, noWords: seg.status === 'failed' && !!item.rule.meta.needsWords };
  } catch (e) {
    out = { error: e instanceof Error ? e.message : String(e) };
  }
  cache.set(item.id, out);
  return out;
}

const quizCache = new Map<string, { findings: Finding[]; answers: DefectCode[] }>();

/**
 * A quiz question as the whole engine sees it (every rule on the example): the findings marked once answered and
 * the answers the quiz accepts (quizAnswers). Until jieba has settled, the example's own answers stand.
 */
export function quizKeyOf(item: TrainingItem, seg: SegmenterState): { findings?: Finding[]; answers: readonly DefectCode[] } {
  if (seg.status === 'loading') return { answers: item.answers };
  const hit = quizCache.get(item.id);
  if (hit) return hit;
  try {
    const findings = reviewExample(item.rule, item.example, seg.status === 'ready' ? seg.segmenter : undefined);
    const key = { findings, answers: quizAnswers(item, findings) };
    quizCache.set(item.id, key);
    return key;
  } catch {
    return { answers: item.answers };
  }
}
