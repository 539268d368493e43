import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { channelsOf } from './_grey.js';
import type { RasterImage } from './types.js';

/**
 * A PDF page as RGB pixels, drawn by pdf.js onto the canvas implementation it ships with for Node
 * (@napi-rs/canvas). The document's own canvas factory must be used: a canvas module loaded a second
 * time has other Path2D/DOMMatrix classes, and pdf.js's clip() rejects them.
 *
 * A page that would take more than `maxPixels` at `dpi` (a poster, or a MediaBox of 14,400 pt, the
 * largest PDF allows, which skia cannot even allocate at 300 dpi) is drawn at the resolution that
 * fits instead; the image's `dpi` says which, so recognised lines keep their size in points.
 */
export async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number, maxPixels = Infinity): Promise<RasterImage> {
  const points = page.getViewport({ scale: 1 });
  const scale = fitScale(points.width, points.height, dpi / 72, maxPixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const target = canvasFor(doc, width, height);
  const ctx = target.context;
  // Scans are black on white; a transparent background would read as black after greying. The
  // canvas may hold the previous page: the fill covers it.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  await page.render({ canvasContext: ctx, viewport, canvas: target.canvas as HTMLCanvasElement }).promise;
  // The canvas's own pixels (RGBA, a view, not a copy), taken as RGB: the page is never held as
  // RGBA outside skia. Not getImageData: @napi-rs/canvas keeps its native copy alive, ~1 MB per call
  // at 50 dpi, so a long PDF grew by a gigabyte per thousand pages.
  const rgba = (target.canvas as { data(): Buffer }).data();
  const rgb = new Uint8ClampedArray(width * height * 3);
  for (let i = 0, o = 0; o < rgb.length; i += 4) {
    rgb[o++] = rgba[i];
    rgb[o++] = rgba[i + 1];
    rgb[o++] = rgba[i + 2];
  }
  return { width, height, data: rgb, channels: 3, dpi: scale * 72 };
}

/**
 * `scale` (pixels per point), or less when the page would then have more than `maxPixels`: the
 * largest scale whose rounded-up size stays within the cap.
 */
export function fitScale(widthPt: number, heightPt: number, scale: number, maxPixels: number): number {
  const pixels = (s: number) => Math.max(1, Math.ceil(widthPt * s)) * Math.max(1, Math.ceil(heightPt * s));
  if (pixels(scale) <= maxPixels) return scale;
  let s = Math.sqrt(maxPixels / (widthPt * heightPt));
  while (s > 0 && pixels(s) > maxPixels) s *= 0.999;
  return s;
}

type Factory = {
  create(w: number, h: number): Target;
  destroy(c: Target): void;
};
type Target = { canvas: unknown; context: CanvasRenderingContext2D };

/**
 * Canvases are reused across a document's pages, one per page size: each canvas @napi-rs/canvas
 * creates keeps about 0.25 MB of native memory after it is destroyed, which over a long PDF is
 * memory growing with pages. Two sizes (the ink check's and OCR's) cover nearly every document.
 */
const canvases = new WeakMap<PDFDocumentProxy, Map<string, Target>>();
const SIZES_KEPT = 2;

function canvasFor(doc: PDFDocumentProxy, width: number, height: number): Target {
  const factory = doc.canvasFactory as Factory;
  let bySize = canvases.get(doc);
  if (!bySize) canvases.set(doc, (bySize = new Map()));
  const key = `${width}x${height}`;
  let target = bySize.get(key);
  if (!target) {
    if (bySize.size >= SIZES_KEPT) {
      const [oldKey, old] = bySize.entries().next().value as [string, Target];
      factory.destroy(old);
      bySize.delete(oldKey);
    }
    target = factory.create(width, height);
    bySize.set(key, target);
  }
  return target;
}

/** Frees a document's canvases; call when the document is done. */
export function releaseCanvases(doc: PDFDocumentProxy): void {
  const bySize = canvases.get(doc);
  if (!bySize) return;
  for (const target of bySize.values()) (doc.canvasFactory as Factory).destroy(target);
  canvases.delete(doc);
}

/** Share of dark pixels: how much print a page carries, whatever its text layer says. */
export function inkRatio(image: RasterImage): number {
  const { data } = image;
  const n = channelsOf(image);
  let dark = 0;
  if (n === 1) for (let i = 0; i < data.length; i++) dark += data[i] < 128 ? 1 : 0;
  else for (let i = 0; i < data.length; i += n) if (data[i] + data[i + 1] + data[i + 2] < 3 * 128) dark++;
  return dark / (data.length / n || 1);
}
