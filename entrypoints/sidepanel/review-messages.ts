/**
 * Messages between the panel and its review worker (review.worker.ts), one union per direction, plain data that
 * crosses by structured clone. The worker holds the engine and jieba, so a long document or the dictionary build
 * never blocks the panel's main thread.
 */
import type { CapturedDocument } from '../../utils/capture/types';
import type { ReviewOptions, ReviewResult } from '../../utils/engine';

/** Engine options that cross to the worker: no segmenter, statute table or rule objects (the worker has its own). */
export type WorkerReviewOptions = Omit<ReviewOptions, 'segmenter' | 'statutes' | 'rules' | 'phase'>;

export type ToWorker = {
  kind: 'review';
  /** Increases per request; the worker answers each with it and skips requests a newer one replaced. */
  id: number;
  doc: Pick<CapturedDocument, 'text' | 'metadata'> & Partial<Pick<CapturedDocument, 'source'>>;
  options: WorkerReviewOptions;
};

export type FromWorker =
  /** jieba is ready (its dictionary built) or failed to load; until then reviews run without word-based rules. */
  | { kind: 'segmenter'; state: 'ready' | 'failed'; detail?: string }
  /** `fast`: without word-based rules (jieba not ready yet); an `all` result for the same id follows. */
  | { kind: 'result'; id: number; phase: 'fast' | 'all'; result: ReviewResult }
  | { kind: 'error'; id: number; message: string };
