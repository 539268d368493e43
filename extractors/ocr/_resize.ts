import type { Grey } from './_grey.js';

/**
 * A grey image resampled to width × height by libvips (through sharp, already renda's image
 * decoder): Lanczos-3, on libuv's thread pool rather than the event loop, one byte per pixel in
 * and out.
 */
export async function resizeGrey(grey: Grey, width: number, height: number): Promise<Grey> {
  if (width === grey.width && height === grey.height) return grey;
  const sharp = (await import('sharp')).default;
  const input = Buffer.from(grey.data.buffer, grey.data.byteOffset, grey.width * grey.height);
  const { data, info } = await sharp(input, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .resize(width, height, { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`resizing a grey image gave ${info.channels} channels`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
