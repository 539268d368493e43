import type { ExtractorName } from '../schemas/vocabulary.js';
import type { ExtractedText } from '../schemas/stages.js';
import type { Limits } from './limits.js';
import type { OcrEngineName, OcrPageResult, RasterImage } from './ocr/types.js';

/** What an extractor may look at to decide whether it handles a file, before reading it whole. */
export interface SourceProbe {
  path: string;
  /** Lower-cased extension with the dot, e.g. ".pdf". */
  ext: string;
  /** The first bytes of the file (up to 1 KiB). */
  head: Uint8Array;
}

export interface ExtractContext {
  path: string;
  /** OCR for pages without a usable text layer and for images; absent means never OCR. */
  ocr?: OcrContext;
  /** What the file may cost; absent means the defaults. */
  limits?: Limits;
}

/**
 * auto: OCR a page only when its text layer is empty, garbage or far shorter than its ink;
 * always: OCR every page; never: trust text layers, fail images with no_text.
 */
export const OCR_MODES = ['auto', 'always', 'never'] as const;
export type OcrMode = (typeof OCR_MODES)[number];

export interface OcrContext {
  mode: OcrMode;
  /** Recognise one page image; preprocessing for the configured engine is included. */
  recognize(image: RasterImage): Promise<OcrPageResult>;
}

export interface Extractor {
  name: ExtractorName;
  accepts(probe: SourceProbe): boolean;
  extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedText>;
}
