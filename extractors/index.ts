export type { Extractor, SourceProbe, ExtractContext } from './types.js';
export type { ExtractedText, ExtractedPage } from '../schemas/stages.js';
export { sniff, UNSUPPORTED_EXTENSIONS, type SniffedType } from './sniff.js';
export { extractorFor } from './registry.js';
