import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageExtractor, isImageMagic } from '../extractors/image.js';
import { DEFAULT_LIMITS } from '../extractors/limits.js';
import { sniff } from '../extractors/sniff.js';
import { createOcrService } from '../pipeline/extract/ocr-service.js';
import { readAndExtract } from '../pipeline/extract/extract.js';
import { ocrRecorder } from './helpers.js';
// @ts-expect-error: plain ESM test helpers, shared with the hostile-input benchmark
import { pngClaiming } from './hostile/cases.mjs';

/**
 * Images are read by their bytes, whatever they are called, in every format sharp decodes; they
 * are decoded once to 8-bit grey or RGB, scaled down to the page-pixel limit when larger, and an
 * image too large to decode at all is refused from its header. Images are made here with sharp
 * from a small crop of a real page (test/data/ocr/title.png, 1740 × 150 px at 300 dpi).
 */
const TITLE = readFileSync(new URL('./data/ocr/title.png', import.meta.url));
const READING = { text: '代表工作计划', bbox: [0, 0, 600, 60] as [number, number, number, number] };
const dir = mkdtempSync(join(tmpdir(), 'renda-images-'));


async function extract(bytes: Uint8Array, name: string, limits = DEFAULT_LIMITS) {
  const ocr = ocrRecorder('auto', READING);
  expect((await sniff(bytes, extname(name))).type).toBe('image');
  const out = await imageExtractor.extract(bytes, { path: name, ocr, limits });
  return { out, image: ocr.pages[0] };
}

describe('images by their bytes', () => {
  it.each(['webp', 'gif', 'avif'] as const)('a %s page named .png or .dat is read and its format recorded', async (format) => {
    const bytes = await sharp(TITLE).toFormat(format).toBuffer();
    expect((await sniff(bytes, '.png')).format).toBe(format);
    for (const name of ['page.png', 'page.dat']) {
      const { out, image } = await extract(bytes, name);
      expect(out.mediaType).toBe(`image/${format}`);
      expect([image.width, image.height]).toEqual([1740, 150]);
    }
  });

  it('tells images by their signatures, and text that starts like one is not an image', () => {
    expect(isImageMagic(Buffer.from('II*\0'))).toBe(true);
    expect(isImageMagic(Buffer.from('MM\0*'))).toBe(true);
    expect(isImageMagic(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(isImageMagic(Buffer.from('BMW Group annual report'))).toBe(false);
    expect(isImageMagic(Buffer.from('RIFF....WAVEfmt '))).toBe(false);
    // An ftyp box that says it is 4 GB long: only its major brand is looked at.
    const ftyp = Buffer.alloc(8 * 1024 * 1024);
    ftyp.writeUInt32BE(0xffffffff, 0);
    ftyp.write('ftypisom', 4, 'latin1');
    ftyp.write('avif', 4096, 'latin1');
    expect(isImageMagic(ftyp)).toBe(false);
    ftyp.write('avif', 8, 'latin1');
    expect(isImageMagic(ftyp)).toBe(true);
    expect(isImageMagic(Buffer.from('GIF is a format'))).toBe(false);
  });

  it('reads a WebP scan named .dat with the default engine, end to end', async () => {
    const path = join(dir, 'scan.dat');
    writeFileSync(path, await sharp(TITLE).webp({ quality: 90 }).toBuffer());
    const service = createOcrService({ mode: 'auto', engine: 'paddle', workers: 1 });
    try {
      const read = await readAndExtract(path, service.context);
      expect(read.extracted.mediaType).toBe('image/webp');
      expect(read.extracted.pages[0].text.replace(/\s/g, '')).toContain('代表工作计划');
    } finally {
      await service.close();
    }
  }, 60_000);
});

describe('decoding a page once, to as few channels as it needs', () => {
  it('a grey scan becomes one 8-bit channel, a colour one three, never RGBA', async () => {
    const grey = await extract(await sharp(TITLE).toColourspace('b-w').png().toBuffer(), 'grey.png');
    expect(grey.image.channels).toBe(1);
    expect(grey.image.data.length).toBe(1740 * 150);
    const colour = await extract(await sharp(TITLE).tint('#c03030').ensureAlpha(0.5).png().toBuffer(), 'colour.png');
    expect(colour.image.channels).toBe(3);
    // Transparency is flattened onto white paper, not black.
    expect(Math.min(...colour.image.data.subarray(0, 30))).toBeGreaterThan(200);
  });

  it('CMYK JPEG and 16-bit PNG arrive as 8-bit RGB', async () => {
    const cmyk = await extract(await sharp(TITLE).toColourspace('cmyk').jpeg().toBuffer(), 'cmyk.jpg');
    expect([cmyk.image.channels, cmyk.image.data.length]).toEqual([3, 1740 * 150 * 3]);
    const deep = await extract(await sharp(TITLE).toColourspace('rgb16').png().toBuffer(), 'deep.png');
    expect([deep.image.channels, deep.image.data.length]).toEqual([3, 1740 * 150 * 3]);
    expect(deep.out.mediaType).toBe('image/png');
  });

  it('an image over the page-pixel limit is scaled down as it decodes, its dpi alike', async () => {
    const big = await sharp(TITLE).resize(3480, 300).withMetadata({ density: 600 }).png().toBuffer();
    const { image } = await extract(big, 'big.png', { ...DEFAULT_LIMITS, pagePixels: 1_000_000 });
    expect(image.width * image.height).toBeLessThanOrEqual(1_000_000);
    expect(image.width).toBeGreaterThan(1700);
    expect(image.dpi).toBeCloseTo((600 * image.width) / 3480, 5);
  });
});

describe('images that cannot be decoded', () => {
  it('a PNG whose header claims 100,000 × 100,000 pixels fails with image_too_large, unread', async () => {
    const path = join(dir, 'bomb.png');
    writeFileSync(path, pngClaiming(100_000, 100_000));
    const service = createOcrService({ mode: 'auto', engine: 'paddle', workers: 1 });
    try {
      await expect(readAndExtract(path, service.context)).rejects.toMatchObject({ code: 'image_too_large', message: expect.stringContaining('100,000 × 100,000') });
      // Refused before any engine was needed.
      expect(service.pages()).toBe(0);
    } finally {
      await service.close();
    }
  });

  it('BMP, which sharp cannot decode, is unsupported_type with a hint', async () => {
    const bmp = Buffer.alloc(64);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(40, 14);
    // Refused where every file's format is found, named .bmp or not.
    for (const ext of ['.bmp', '.png']) await expect(sniff(bmp, ext)).rejects.toMatchObject({ code: 'unsupported_type', message: expect.stringMatching(/PNG/) });
  });
});
