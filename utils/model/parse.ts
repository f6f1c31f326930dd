// First cut of the parser: the full model is being written now; this keeps the engine runnable meanwhile.
import type { PageMetadata } from '../capture/types';
import type { Segmenter } from '../segment';
import type { DocModel, Token } from './types';

export function parseDocument(text: string, metadata: PageMetadata, segmenter?: Segmenter): DocModel {
  let words: Token[] | undefined;
  return {
    text,
    kind: 'normative',
    kindReason: '',
    parts: [{ kind: 'body', start: 0, end: text.length }],
    dates: {},
    provisional: false,
    articles: [],
    items: [],
    citations: [],
    sentences: [],
    metadata,
    words: () => (words ??= segmenter ? segmenter.tokenize(text) : []),
    inParts: () => true,
  };
}
