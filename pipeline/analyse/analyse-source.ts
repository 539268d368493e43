import { SCHEMA_VERSION, type SourceResult } from '../../schemas/index.js';
import type { NormalisedSource } from '../../schemas/stages.js';
import { analyse } from './analyse.js';

/**
 * The analyse stage: a source's normalised text to its result in the output contract, its
 * documents with their items and fields, and what the file says about its own reading (OCR pages
 * and their confidence).
 */
export function analyseSource(source: NormalisedSource): SourceResult {
  const { extracted } = source;
  const ocrPages = extracted.pages.filter((p) => p.ocr);
  const ocrConfidence = new Map(ocrPages.map((p) => [p.number, p.ocr!.confidence]));
  const documents = analyse({ sourceId: source.id, normalised: source.normalised, meta: extracted.meta, ocrConfidence });
  for (const d of documents) d.warnings.unshift(...source.warnings);
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      id: source.id,
      path: source.path,
      sha256: source.sha256,
      mediaType: extracted.mediaType,
      extractor: extracted.extractor,
      pages: extracted.pageCount,
      ocr: ocrPages.length
        ? { engine: ocrPages[0].ocr!.engine, pages: ocrPages.map((p) => ({ page: p.number, confidence: round2(p.ocr!.confidence) })) }
        : null,
    },
    documents,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
