import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RasterImage } from './types.js';

/**
 * A PDF page as pixels, drawn by pdf.js onto the canvas implementation it ships with for Node
 * (@napi-rs/canvas). The document's own canvas factory must be used: a canvas module loaded a second
 * time has other Path2D/DOMMatrix classes, and pdf.js's clip() rejects them.
 */
export async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number): Promise<RasterImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D };
    destroy(c: { canvas: unknown; context: unknown }): void;
  };
  const target = factory.create(width, height);
  try {
    const ctx = target.context;
    // Scans are black on white; a transparent background would read as black after greying.
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvasContext: ctx, viewport, canvas: target.canvas as HTMLCanvasElement }).promise;
    const { data } = ctx.getImageData(0, 0, width, height);
    return { width, height, data: new Uint8ClampedArray(data), dpi };
  } finally {
    factory.destroy(target);
  }
}

/** Share of dark pixels: how much print a page carries, whatever its text layer says. */
export function inkRatio(image: RasterImage): number {
  const { data } = image;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) dark++;
  return dark / (data.length / 4 || 1);
}
