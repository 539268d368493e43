import { FileError } from '../schemas/errors.js';
import { layoutPages } from './_pdf-layout.js';
import { checkLimit, DEFAULT_LIMITS } from './limits.js';
import { ocrToLines } from './ocr/to-lines.js';
import type { RasterImage } from './ocr/types.js';
import type { Line } from './_pdf-lines.js';
import type { ExtractContext, Extractor, SourceProbe } from './types.js';
import type { ExtractedPage, ExtractedText } from '../schemas/stages.js';

/**
 * Photos and scans of pages in every format sharp decodes (PNG, JPEG, TIFF, WebP, GIF, AVIF; a
 * multi-page TIFF or GIF is one page per frame), recognised by their bytes whatever the file is
 * called: decoded once, straight to 8-bit grey or RGB at no more than the page-pixel limit,
 * recognised by the batch's OCR pool, then laid out like a PDF page.
 */
export const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.jpe', '.jfif', '.tif', '.tiff', '.webp', '.gif', '.avif', '.bmp']);
/** When an image does not say its resolution, assume a typical office scan. */
const DEFAULT_DPI = 300;
/**
 * The most pixels an image may declare and still be decoded at all: sharp's own default
 * (limitInputPixels, 0x3FFF²). Anything larger is a pixel bomb or no page scan, and is refused from
 * its header before a byte of it is decoded; below it, an image over --max-page-pixels is scaled
 * down while it decodes (JPEG and WebP shrink on load), so only the capped page is ever held.
 */
export const MAX_DECODE_PIXELS = 0x3fff * 0x3fff;

export const imageExtractor: Extractor = {
  name: 'ocr',

  accepts(probe: SourceProbe): boolean {
    return IMAGE_EXT.has(probe.ext) || isImageMagic(probe.head);
  },

  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedText> {
    if (!ctx.ocr || ctx.ocr.mode === 'never') throw new FileError('no_text', 'an image has no text without OCR (--ocr never)');
    const sharp = (await import('sharp')).default;
    const meta = await frameMetadata(sharp, bytes, 0);
    // libvips as bundled with sharp reads an HEIF file's header but decodes only AV1 (AVIF), not HEVC.
    if (meta.format === 'heif' && meta.compression === 'hevc') throw new FileError('unsupported_type', 'HEIC (HEVC) images cannot be decoded; convert the file to JPEG or PNG');
    const frames = meta.pages ?? 1;
    checkLimit(ctx.limits, 'pages', frames, ' (frames of one image)');
    const dpi = meta.density && meta.density >= 72 ? meta.density : DEFAULT_DPI;
    const maxPixels = (ctx.limits ?? DEFAULT_LIMITS).pagePixels;
    const lines: Line[][] = [];
    const ocr: Array<NonNullable<ExtractedPage['ocr']>> = [];
    for (let page = 0; page < frames; page++) {
      // Only the frame being read is held; it is released before the next is decoded.
      const image = await decode(sharp, bytes, page, page === 0 ? meta : await frameMetadata(sharp, bytes, page), dpi, maxPixels);
      const result = await ctx.ocr.recognize(image);
      lines.push(ocrToLines(result, image.dpi ?? dpi));
      ocr.push({ engine: result.engine, confidence: result.confidence });
    }
    return {
      extractor: 'ocr',
      // sharp's format names are the media types' subtypes (jpeg, png, tiff, webp, gif), but for AVIF.
      mediaType: `image/${meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : (meta.format ?? 'unknown')}`,
      pageCount: frames,
      pages: layoutPages(lines).map((p, i) => ({ number: i + 1, ...p, ocr: ocr[i] })),
      meta: {},
    };
  },
};

type Sharp = typeof import('sharp');
type Metadata = Awaited<ReturnType<ReturnType<Sharp>['metadata']>>;

/** One frame's header, checked against what can be decoded at all before any pixel is. */
async function frameMetadata(sharp: Sharp, bytes: Uint8Array, page: number): Promise<Metadata> {
  let meta: Metadata;
  try {
    // The header only, so a pixel bomb is measured here rather than refused in sharp's words.
    meta = await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch (err) {
    throw new FileError('corrupt_image', `not a readable image: ${(err as Error).message}`, { cause: err });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > MAX_DECODE_PIXELS) throw tooLarge(width, height);
  return meta;
}

function tooLarge(width: number, height: number): FileError {
  const n = (v: number) => v.toLocaleString('en-US');
  return new FileError(
    'image_too_large',
    `the image says it is ${n(width)} × ${n(height)} pixels, over the ${n(MAX_DECODE_PIXELS)} pixels an image may have to be decoded at all; it was not read`,
  );
}

/**
 * One frame as 8-bit grey (when the file is grey) or RGB (colour is kept for the red-seal step):
 * EXIF orientation applied, transparency flattened onto white paper, CMYK and 16-bit samples
 * converted, and scaled down to `maxPixels` when larger, with the resolution scaled alike so line
 * geometry stays in points. Never RGBA: a 300-dpi A4 page is 8.7 MB grey, 26 MB RGB.
 */
async function decode(sharp: Sharp, bytes: Uint8Array, page: number, meta: Metadata, dpi: number, maxPixels: number): Promise<RasterImage> {
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  // sharp's types know only colour; its metadata says 1 or 2 channels, 'b-w' or 'grey16' for grey.
  const grey = Number(meta.channels) <= 2 || ['b-w', 'grey16'].includes(String(meta.space));
  // EXIF orientations 5–8 turn the frame a quarter: its width becomes the page's height.
  const [pageW, pageH] = (meta.orientation ?? 1) >= 5 ? [height, width] : [width, height];
  const k = width * height > maxPixels ? Math.sqrt(maxPixels / (width * height)) : 1;
  try {
    let image = sharp(bytes, { page, limitInputPixels: MAX_DECODE_PIXELS, sequentialRead: true }).rotate();
    // Rounded down, so the page stays under the cap.
    if (k < 1) image = image.resize(Math.max(1, Math.floor(pageW * k)), Math.max(1, Math.floor(pageH * k)), { fit: 'inside' });
    if (meta.hasAlpha) image = image.flatten({ background: '#ffffff' });
    const { data, info } = await image.toColourspace(grey ? 'b-w' : 'srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 && info.channels !== 3) throw new Error(`decoded to ${info.channels} channels`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
      channels: info.channels,
      dpi: (dpi * info.width) / pageW,
    };
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) throw tooLarge(width, height);
    throw new FileError('corrupt_image', `image frame ${page + 1} cannot be decoded: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Whether a file's first bytes are an image's signature (PNG, JPEG, TIFF, WebP, GIF, AVIF), for the
 * crawler's synchronous check of what a response is; ingest itself sniffs with file-type.
 */
export function isImageMagic(head: Uint8Array): boolean {
  const at = (offset: number, s: string) => [...s].every((c, i) => head[offset + i] === c.charCodeAt(0));
  return (
    at(0, '\x89PNG\r\n\x1a\n') ||
    (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) ||
    at(0, 'II*\0') ||
    at(0, 'MM\0*') ||
    (at(0, 'RIFF') && at(8, 'WEBP')) ||
    at(0, 'GIF87a') ||
    at(0, 'GIF89a') ||
    at(4, 'ftypavif')
  );
}
