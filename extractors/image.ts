import { FileError } from '../pipeline/errors.js';
import { layoutPages } from './_pdf-layout.js';
import { checkLimit } from './limits.js';
import { ocrToLines } from './ocr/to-lines.js';
import type { RasterImage } from './ocr/types.js';
import type { Line } from './_pdf-lines.js';
import type { ExtractContext, ExtractedPage, ExtractedText, Extractor, SourceProbe } from './types.js';

/**
 * Photos and scans of pages (PNG, JPEG, TIFF; a multi-page TIFF is one page per frame): decoded
 * with sharp, recognised by the batch's OCR pool, then laid out like a PDF page.
 */
export const IMAGE_EXT = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.webp', '.bmp']);
/** When an image does not say its resolution, assume a typical office scan. */
const DEFAULT_DPI = 300;

const MEDIA_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff', webp: 'image/webp', gif: 'image/gif' };

export const imageExtractor: Extractor = {
  name: 'ocr',

  accepts(probe: SourceProbe): boolean {
    return IMAGE_EXT.has(probe.ext) || isImageMagic(probe.head);
  },

  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedText> {
    if (!ctx.ocr || ctx.ocr.mode === 'never') throw new FileError('no_text', 'an image has no text without OCR (--ocr never)');
    const sharp = (await import('sharp')).default;
    let meta;
    try {
      meta = await sharp(bytes).metadata();
    } catch (err) {
      throw new FileError('corrupt_image', `not a readable image: ${(err as Error).message}`, { cause: err });
    }
    const frames = meta.pages ?? 1;
    checkLimit(ctx.limits, 'pages', frames, ' (frames of one image)');
    const dpi = meta.density && meta.density >= 72 ? meta.density : DEFAULT_DPI;
    const lines: Line[][] = [];
    const ocr: Array<NonNullable<ExtractedPage['ocr']>> = [];
    for (let page = 0; page < frames; page++) {
      const image = await decode(sharp, bytes, page, dpi);
      const result = await ctx.ocr.recognize(image);
      lines.push(ocrToLines(result, dpi));
      ocr.push({ engine: result.engine, confidence: result.confidence });
    }
    return {
      extractor: 'ocr',
      mediaType: MEDIA_TYPES[meta.format ?? ''] ?? 'image/' + (meta.format ?? 'unknown'),
      pageCount: frames,
      pages: layoutPages(lines).map((p, i) => ({ number: i + 1, ...p, ocr: ocr[i] })),
      meta: {},
    };
  },
};

type Sharp = typeof import('sharp');

async function decode(sharp: Sharp, bytes: Uint8Array, page: number, dpi: number): Promise<RasterImage> {
  try {
    // EXIF orientation first: phone photos of pages are often stored sideways.
    const { data, info } = await sharp(bytes, { page }).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), dpi };
  } catch (err) {
    throw new FileError('corrupt_image', `image frame ${page + 1} cannot be decoded: ${(err as Error).message}`, { cause: err });
  }
}

export function isImageMagic(head: Uint8Array): boolean {
  const b = head;
  return (
    (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) || // PNG
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || // JPEG
    (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) || // TIFF little-endian
    (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a) // TIFF big-endian
  );
}
