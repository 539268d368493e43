import type { RasterImage } from './types.js';

/**
 * A RasterImage as a binary PNM file (P5 grey when every pixel is grey, else P6 colour). Leptonica,
 * which reads tesseract's input, takes PNM from memory; writing it is a copy, where PNG would cost a
 * deflate pass over 8.7 M pixels per 300-dpi page. Alpha is dropped: images are opaque.
 */
export function toPnm(image: RasterImage): Uint8Array {
  const { width, height, data } = image;
  const grey = isGrey(data);
  const header = new TextEncoder().encode(`${grey ? 'P5' : 'P6'}\n${width} ${height}\n255\n`);
  const channels = grey ? 1 : 3;
  const out = new Uint8Array(header.length + width * height * channels);
  out.set(header, 0);
  let o = header.length;
  if (grey) {
    for (let i = 0; i < data.length; i += 4) out[o++] = data[i];
  } else {
    for (let i = 0; i < data.length; i += 4) {
      out[o++] = data[i];
      out[o++] = data[i + 1];
      out[o++] = data[i + 2];
    }
  }
  return out;
}

/**
 * A PNG file of the image scaled by `scale` (≤ 1), for engines that only take encoded images (sharp,
 * under PaddleOCR). Encoding runs on libuv's thread pool, not the event loop.
 */
export async function toPng(image: RasterImage, scale = 1): Promise<Buffer> {
  const { createCanvas, ImageData } = await import('@napi-rs/canvas');
  const full = createCanvas(image.width, image.height);
  full.getContext('2d').putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  if (scale >= 1) return full.encode('png');
  const small = createCanvas(Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
  const ctx = small.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(full, 0, 0, small.width, small.height);
  return small.encode('png');
}

export function checkImage(image: RasterImage): string | undefined {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return `bad image size ${width}×${height}`;
  if (data.length !== width * height * 4) return `image data holds ${data.length} bytes, ${width}×${height} RGBA needs ${width * height * 4}`;
  return undefined;
}

function isGrey(data: Uint8ClampedArray): boolean {
  for (let i = 0; i < data.length; i += 4) if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) return false;
  return true;
}
