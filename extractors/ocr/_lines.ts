import type { OcrLine } from './types.js';

/**
 * Text boxes → lines in reading order. Boxes whose vertical extents overlap by at least half the
 * smaller box belong to one line (a line of a table, or a sentence the detector cut in two); within a
 * line boxes run left to right, joined by one space as tesseract separates words. Lines run top to
 * bottom. Multi-column pages therefore read row by row, as the PDF text-layer lines do.
 */
export function groupIntoLines(boxes: OcrLine[]): OcrLine[] {
  const rows: { y0: number; y1: number; boxes: OcrLine[] }[] = [];
  const byCentre = [...boxes].sort((a, b) => a.bbox[1] + a.bbox[3] - (b.bbox[1] + b.bbox[3]));
  for (const box of byCentre) {
    const [, y0, , y1] = box.bbox;
    let best: (typeof rows)[number] | undefined;
    let bestOverlap = 0;
    // Rows are found in centre order, so only the last few can still overlap this box.
    for (let i = rows.length - 1; i >= 0 && i >= rows.length - 4; i--) {
      const row = rows[i];
      const overlap = (Math.min(y1, row.y1) - Math.max(y0, row.y0)) / Math.max(1, Math.min(y1 - y0, row.y1 - row.y0));
      if (overlap >= 0.5 && overlap > bestOverlap) [best, bestOverlap] = [row, overlap];
    }
    if (best) {
      best.boxes.push(box);
      best.y0 = Math.min(best.y0, y0);
      best.y1 = Math.max(best.y1, y1);
    } else rows.push({ y0, y1, boxes: [box] });
  }
  return rows.map((row) => mergeRow(row.boxes)).sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}

function mergeRow(boxes: OcrLine[]): OcrLine {
  boxes.sort((a, b) => a.bbox[0] - b.bbox[0]);
  let weight = 0;
  let sum = 0;
  const bbox: OcrLine['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    const n = Math.max(1, b.text.length);
    weight += n;
    sum += n * b.confidence;
    bbox[0] = Math.min(bbox[0], b.bbox[0]);
    bbox[1] = Math.min(bbox[1], b.bbox[1]);
    bbox[2] = Math.max(bbox[2], b.bbox[2]);
    bbox[3] = Math.max(bbox[3], b.bbox[3]);
  }
  return { text: boxes.map((b) => b.text).join(' '), confidence: sum / weight, bbox };
}
