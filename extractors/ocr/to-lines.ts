import type { Line } from '../_pdf-lines.js';
import { cleanOcrLine } from './clean.js';
import type { OcrPageResult } from './types.js';

/**
 * A recognised line's box is as tall as what it holds: brackets, a Latin descender, a run of digits
 * or tone marks above pinyin make a body line's box up to two fifths taller than its neighbours'. The
 * paragraph joiner reads a change of font size as a new paragraph, so a box within this band of the
 * page's body height (the one most lines share) is body text at that size; titles and notes outside
 * it keep their own.
 */
const BODY_BAND = [0.8, 1.45] as const;

/**
 * A box ends where the ink ends. Chinese stops and closing brackets sit in the left half of their
 * character cell, so a full line that ends in one ends up to half a character short of the block's
 * edge and would read as a paragraph's last line; its box is widened to the end of the cell.
 */
const CLOSING = /[。，、；：！？」』”’）》〉】〕,.;:!?)]$/;
const CLOSING_CELL = 0.6;

/**
 * What a detector makes of an icon, a speck or a rule: a "line" with no Han character, no digit, no
 * Chinese stop and at most two Latin letters ("!O", "|", "—", "·."). A fragment ending in "。" is
 * kept: whatever it was, it ends a paragraph.
 */
const SPECK = /^[^\p{Script=Han}\p{N}。；]*$/u;
const isSpeck = (text: string) => SPECK.test(text) && (text.match(/[A-Za-z]/g)?.length ?? 0) <= 2;

/**
 * Recognised lines → the geometric lines the PDF layout code works on (points, y down, baseline at
 * the bottom of the box), so scans get the same furniture removal, table detection and paragraph
 * joining as text-layer PDFs.
 */
export function ocrToLines(result: OcrPageResult, dpi: number): Line[] {
  const k = 72 / dpi;
  const lines = result.lines.map((l) => ({ ...l, text: cleanOcrLine(l.text) })).filter((l) => l.text && !isSpeck(l.text));
  const body = bodyHeight(lines.map((l) => l.bbox[3] - l.bbox[1]));
  return lines
    .map((l) => {
      const h = l.bbox[3] - l.bbox[1];
      const height = h >= BODY_BAND[0] * body && h <= BODY_BAND[1] * body ? body : h;
      const [x0, , , y1] = l.bbox.map((v) => v * k);
      const x1 = (l.bbox[2] + (CLOSING.test(l.text) ? CLOSING_CELL * height : 0)) * k;
      return { y: y1, size: Math.max(1, height * k * 0.9), x0, x1, segments: [{ x0, x1, text: l.text }], text: l.text, ocr: true as const };
    })
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

/** The height most lines share (within a tenth), the smaller on a tie: the body text's, not a title's. */
function bodyHeight(heights: number[]): number {
  let best = 0;
  let most = 0;
  for (const h of heights) {
    const n = heights.filter((o) => o >= 0.9 * h && o <= 1.1 * h).length;
    if (n > most || (n === most && h < best)) [best, most] = [h, n];
  }
  return best;
}
