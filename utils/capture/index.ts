// DOM capture shared by the extension's content script and the CLI: pure DOM code, no WXT or Node APIs.
export * from './types';
export { extractText, TextMap, type TextSegment, type DomPiece, type ExtractOptions, type ExtractResult } from './text';
export { findMainContent, captureScope, findTitleElement, isFurniture, stripSiteSuffix, type CaptureScope } from './main';
export { readMetadata, findMetadata, splitLabelled, METADATA_LABELS, type FoundMetadata, type MetadataBlock } from './metadata';
export { capturePage, toCapturedDocument, type PageCapture } from './page';
