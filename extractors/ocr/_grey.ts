import type { RasterImage } from './types.js';

/** One 8-bit channel, row-major: 0 is black ink, 255 white paper. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An axis-aligned pixel rectangle, [x0, y0, x1, y1), whose red ink is to be bleached. */
export type Region = [number, number, number, number];

/** Bytes per pixel of an image (RGBA unless it says otherwise). */
export const channelsOf = (image: RasterImage): 1 | 3 | 4 => image.channels ?? 4;

/**
 * Luminance (Rec. 601, integer arithmetic). Inside `bleach` regions, reddish pixels take their red
 * channel instead, scaled so the ink's own red level becomes white: red ink turns to paper, while a
 * black stroke printed over it stays dark, because it is dark in the red channel too. A grey image
 * is returned as it is, not copied: no step of the preprocessing writes into its input, and none
 * may, since the OCR service keeps the page it was given for a second reading (traditional pages).
 */
export function toGrey(image: RasterImage, bleach: { region: Region; inkRed: number }[] = []): Grey {
  const { width, height, data } = image;
  const n = channelsOf(image);
  if (n === 1) return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, width * height) };
  const out = new Uint8Array(width * height);
  for (let p = 0, i = 0; p < out.length; p++, i += n) out[p] = (data[i] * 77 + data[i + 1] * 150 + data[i + 2] * 29) >> 8;
  for (const { region, inkRed } of bleach) {
    const [x0, y0, x1, y1] = region;
    const k = 255 / Math.max(1, inkRed);
    for (let y = y0; y < y1; y++) {
      for (let x = x0, p = y * width + x0; x < x1; x++, p++) {
        const i = p * n;
        if (isReddish(data[i], data[i + 1], data[i + 2])) out[p] = Math.min(255, data[i] * k);
      }
    }
  }
  return { width, height, data: out };
}

/** A grey page as a one-channel RasterImage, sharing its pixels (no RGBA copy of the page). */
export function toRaster(grey: Grey, dpi: number | undefined): RasterImage {
  const data = new Uint8ClampedArray(grey.data.buffer, grey.data.byteOffset, grey.width * grey.height);
  return { width: grey.width, height: grey.height, data, channels: 1, ...(dpi ? { dpi } : {}) };
}

/**
 * Seal ink: red the dominant channel, hue within ±30° of red, saturated and not dark. Hue is
 * 60°·(G−B)/(max−min) when red is the largest channel.
 */
export function isStrongRed(r: number, g: number, b: number): boolean {
  if (r < 100 || r <= g || r <= b) return false;
  const min = g < b ? g : b;
  const chroma = r - min;
  return chroma >= 0.4 * r && Math.abs(g - b) * 60 <= 30 * chroma;
}

/** Looser, for the anti-aliased pink fringe of seal strokes and red over grey. */
export function isReddish(r: number, g: number, b: number): boolean {
  if (r <= g || r <= b) return false;
  const min = g < b ? g : b;
  const chroma = r - min;
  return chroma >= 0.12 * r && chroma >= 12 && Math.abs(g - b) * 60 <= 40 * chroma;
}
