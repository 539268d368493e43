import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { expect } from 'vitest';
import type { OcrEngineName, OcrPageResult, RasterImage } from '../extractors/ocr/types.js';
import type { OcrContext, OcrMode } from '../extractors/types.js';
import type { ExtractedText } from '../schemas/stages.js';
import { analyse } from '../pipeline/analyse/analyse.js';
import { normalise } from '../pipeline/normalise/normalise.js';

/** A fixture file's URL, resolved from the repository root. */
export const fixture = (name: string): URL => new URL(`../fixtures/${name}`, import.meta.url);
export const readFixture = (name: string): string => readFileSync(fixture(name), 'utf8');

/** An image of test/data/ocr/ as the OCR engines take it (RGBA, 300 dpi). */
export async function ocrImage(name: string): Promise<RasterImage> {
  const image = await loadImage(readFileSync(new URL(`./data/ocr/${name}.png`, import.meta.url)));
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(data), dpi: 300 };
}

/** Text as a plain-text extractor would hand it over. */
export function plain(text: string): ExtractedText {
  return { extractor: 'text', mediaType: 'text/plain', pageCount: null, pages: [{ number: 1, text }], meta: {} };
}

/** Run the text stages (normalise → analyse) on a string. */
export function analyseText(text: string) {
  return analyse({ sourceId: '0123456789abcdef', normalised: normalise(plain(text)), meta: {} });
}

/** The one document a string holds; fails the test when it holds none or several. */
export function analyseOne(text: string) {
  const docs = analyseText(text);
  expect(docs).toHaveLength(1);
  return docs[0];
}

/**
 * An OCR context that keeps the page images it is given and reads each as `line` (nothing when
 * absent): what a page decision or a decoder hands the engine, checked in milliseconds.
 */
export function ocrRecorder(
  mode: OcrMode,
  line?: { text: string; bbox: [number, number, number, number] },
  engine: OcrEngineName = 'paddle',
): OcrContext & { pages: RasterImage[] } {
  const pages: RasterImage[] = [];
  return {
    mode,
    pages,
    async recognize(image) {
      pages.push(image);
      return { text: line?.text ?? '', confidence: 0.9, lines: line ? [{ ...line, confidence: 0.9 }] : [], engine, ms: 0 };
    },
  };
}

/** One OCR line box on a 300-dpi page, as the engines give it: its text and its box (body lines 60 px tall). */
export const ocrBox = (text: string, y: number, x0: number, x1: number, h = 60) => ({ text, confidence: 0.95, bbox: [x0, y, x1, y + h] as [number, number, number, number] });
/** A recognised page made of such boxes. */
export const ocrPage = (lines: ReturnType<typeof ocrBox>[]): OcrPageResult => ({ text: '', confidence: 0.95, engine: 'paddle', ms: 0, lines });
