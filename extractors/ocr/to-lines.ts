import type { Line } from '../_pdf-lines.js';
import { cleanOcrLine } from './clean.js';
import type { OcrPageResult } from './types.js';

/**
 * Recognised lines → the geometric lines the PDF layout code works on (points, y down, baseline at
 * the bottom of the box), so scans get the same furniture removal, table detection and paragraph
 * joining as text-layer PDFs.
 */
export function ocrToLines(result: OcrPageResult, dpi: number): Line[] {
  const k = 72 / dpi;
  return result.lines
    .map((l) => ({ ...l, text: cleanOcrLine(l.text) }))
    .filter((l) => l.text)
    .map((l) => {
      const [x0, y0, x1, y1] = l.bbox.map((v) => v * k);
      return { y: y1, size: Math.max(1, (y1 - y0) * 0.9), x0, x1, segments: [{ x0, x1, text: l.text }], text: l.text };
    })
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
}
