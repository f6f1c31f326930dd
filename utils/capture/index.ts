// DOM capture shared by the extension's content script and the CLI: pure DOM code, no WXT or Node APIs.
export * from './types';
export { extractText, TextMap, type TextSegment, type DomPiece, type ExtractOptions, type ExtractResult } from './text';
export { findMainContent, captureScope, findTitleElement, isFurniture, furnitureKind, stripSiteSuffix, type CaptureScope } from './main';
export { readMetadata, findMetadata, completeTitle, splitLabelled, METADATA_LABELS, type FoundMetadata, type MetadataBlock } from './metadata';
export { precedes, documentOrder } from './order';
export { capturePage, toCapturedDocument, type PageCapture } from './page';
