/**
 * The seam between page images and OCR engines. Rendering (PDF page or image file → RasterImage),
 * preprocessing (deskew, seal removal, binarisation) and engines (tesseract.js, PaddleOCR) meet
 * here, so each can change without the others.
 */

/**
 * A bitmap, row-major, `channels` bytes per pixel: 1 grey, 3 RGB or 4 RGBA. A 300-dpi A4 page is
 * 8.7 MB as grey and 35 MB as RGBA, so pages travel with as few channels as their content needs
 * (colour only where red seals are to be told from black ink).
 */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /** Bytes per pixel. @default 4 */
  channels?: 1 | 3 | 4;
  /** Resolution the image was rendered or scanned at, when known. */
  dpi?: number;
}

export interface OcrLine {
  text: string;
  /** 0–1. */
  confidence: number;
  /** [x0, y0, x1, y1] in image pixels. */
  bbox: [number, number, number, number];
}

export interface OcrPageResult {
  /** Recognised text, one line per "\n", in reading order. */
  text: string;
  /** Mean line confidence, 0–1, weighted by line length. */
  confidence: number;
  lines: OcrLine[];
  engine: OcrEngineName;
  /** Wall time spent recognising this page. */
  ms: number;
}

export { OCR_ENGINES, type OcrEngineName } from '../../schemas/vocabulary.js';
import type { OcrEngineName } from '../../schemas/vocabulary.js';

/** One recogniser instance; not safe for concurrent calls (the pool serialises per engine). */
export interface OcrEngine {
  name: OcrEngineName;
  recognize(image: RasterImage): Promise<OcrPageResult>;
  /** Release workers, sessions and memory. Always called, also after errors. */
  close(): Promise<void>;
}
