import { stream, writePdf } from './pdf-writer.mjs';

/**
 * A one-page PDF written by hand: `content` is the page's content stream, drawn on a MediaBox of
 * `width` × `height` points with Helvetica (a standard font, no embedding) as /F1.
 */
export function tinyPdf(width: number, height: number, content: string): Uint8Array {
  return new Uint8Array(
    writePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      stream(content),
    ]),
  );
}
