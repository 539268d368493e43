import { channelsOf } from './_grey.js';
import type { RasterImage } from './types.js';

/**
 * A RasterImage as a binary PNM file (P5 grey when every pixel is grey, else P6 colour). Leptonica,
 * which reads tesseract's input, takes PNM from memory; writing it is a copy, where PNG would cost a
 * deflate pass over 8.7 M pixels per 300-dpi page. Alpha is dropped: images are opaque.
 */
export function toPnm(image: RasterImage): Uint8Array {
  const { width, height, data } = image;
  const n = channelsOf(image);
  const grey = n === 1 || isGrey(data, n);
  const header = new TextEncoder().encode(`${grey ? 'P5' : 'P6'}\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height * (grey ? 1 : 3));
  out.set(header, 0);
  let o = header.length;
  if (n === 1) out.set(data, o);
  else if (grey) {
    for (let i = 0; i < data.length; i += n) out[o++] = data[i];
  } else {
    for (let i = 0; i < data.length; i += n) {
      out[o++] = data[i];
      out[o++] = data[i + 1];
      out[o++] = data[i + 2];
    }
  }
  return out;
}

export function checkImage(image: RasterImage): string | undefined {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return `bad image size ${width}×${height}`;
  const n = image.channels ?? 4;
  if (n !== 1 && n !== 3 && n !== 4) return `bad channel count ${String(n)}`;
  if (data.length !== width * height * n) return `image data holds ${data.length} bytes, ${width}×${height}×${n} needs ${width * height * n}`;
  return undefined;
}

function isGrey(data: Uint8ClampedArray, n: number): boolean {
  for (let i = 0; i < data.length; i += n) if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) return false;
  return true;
}
