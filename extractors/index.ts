export type { Extractor, ExtractedText, ExtractedPage, SourceProbe, ExtractContext } from './types.js';
export { sniff, UNSUPPORTED_EXTENSIONS, type SniffedType } from './sniff.js';
export { extractorFor } from './registry.js';
