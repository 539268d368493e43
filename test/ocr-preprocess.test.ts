import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { estimateSkew, otsuThreshold, preprocess, preprocessFor, type RasterImage } from '../extractors/ocr/index.js';

const DPI = 300;

/** Draw on a white page and take its pixels. */
function page(width: number, height: number, draw: (ctx: SKRSContext2D) => void): RasterImage {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  draw(ctx);
  return { width, height, data: new Uint8ClampedArray(ctx.getImageData(0, 0, width, height).data), dpi: DPI };
}

const grey = (img: RasterImage, x: number, y: number) => img.data[(Math.round(y) * img.width + Math.round(x)) * (img.channels ?? 4)];

/** Rows of glyph-sized dark blocks with gaps, like a page of 16 pt Chinese text at 300 dpi. */
function textRows(ctx: SKRSContext2D, x0: number, y0: number, rows: number, cols: number): void {
  ctx.fillStyle = '#000';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Deterministic gaps so rows are not solid bars.
      if ((r * 7 + c * 3) % 11 === 0) continue;
      const x = x0 + c * 70;
      const y = y0 + r * 120;
      ctx.fillRect(x + 4, y, 56, 8);
      ctx.fillRect(x + 28, y, 8, 62);
      ctx.fillRect(x + 6, y + 54, 52, 8);
    }
  }
}

describe('seal removal', () => {
  const CENTRE = { x: 400, y: 400 };
  const R = 200; // 2 × 200 px at 300 dpi ≈ 34 mm, a county seal
  const image = page(800, 900, (ctx) => {
    textRows(ctx, 60, 180, 4, 10);
    // A red header band, as a 红头 prints: wide and short, it must survive.
    ctx.fillStyle = 'rgb(210, 30, 40)';
    ctx.fillRect(60, 40, 680, 60);
    // The seal is stamped over the text: multiply keeps black black under red ink.
    ctx.globalCompositeOperation = 'multiply';
    ctx.strokeStyle = 'rgb(214, 38, 44)';
    ctx.lineWidth = 16;
    ctx.beginPath();
    ctx.arc(CENTRE.x, CENTRE.y, R, 0, Math.PI * 2);
    ctx.stroke();
    ctx.fillStyle = 'rgb(214, 38, 44)';
    ctx.fillRect(CENTRE.x - 40, CENTRE.y - 40, 80, 80);
  });
  const out = preprocess(image, { removeSeal: true });

  it('turns the red ring and star to paper', () => {
    // Points on the ring away from the text rows.
    for (const deg of [0, 60, 120, 180, 240, 300]) {
      const a = (deg * Math.PI) / 180;
      const [x, y] = [CENTRE.x + R * Math.cos(a), CENTRE.y + R * Math.sin(a)];
      const i = (Math.round(y) * image.width + Math.round(x)) * 4;
      if (image.data[i] < 150 || image.data[i + 1] > 80) continue; // not on red ink (black text crosses the ring)
      expect(grey(out, x, y), `ring at ${deg}°`).toBeGreaterThan(220);
    }
    expect(grey(out, CENTRE.x + 30, CENTRE.y + 30)).toBeGreaterThan(220);
  });

  it('keeps the black text, also where the seal covers it', () => {
    // A vertical stroke of row 2, column 5: x = 60 + 5·70 + 28…36, y = 420…482; the ring's left
    // and the filled square both cross text rows.
    expect(grey(out, 60 + 5 * 70 + 32, 420 + 30)).toBeLessThan(60);
    // Where the ring's left side crosses the bottom bar of row 2, column 2 (x 206…258, y 474…482).
    const y = 420 + 58;
    const ringOverText = [CENTRE.x - Math.sqrt(R * R - (y - CENTRE.y) ** 2), y] as const;
    expect(grey(image, ...ringOverText)).toBeLessThan(60);
    expect(grey(out, ...ringOverText)).toBeLessThan(60);
  });

  it('leaves a red header alone', () => {
    expect(grey(out, 400, 70)).toBeLessThan(120);
  });

  it('returns a new one-channel grey image of the same size and leaves the input alone', () => {
    expect([out.width, out.height, out.dpi, out.channels]).toEqual([image.width, image.height, DPI, 1]);
    expect(out.data.length).toBe(image.width * image.height);
    expect(image.data[(Math.round(CENTRE.y) * image.width + CENTRE.x) * 4 + 1]).toBeLessThan(80);
  });
});

describe('deskew', () => {
  const turned = (deg: number) =>
    page(1240, 1754, (ctx) => {
      ctx.translate(620, 877);
      ctx.rotate((deg * Math.PI) / 180);
      ctx.translate(-620, -877);
      textRows(ctx, 120, 150, 12, 14);
    });

  it.each([1.5, -1.5, 3])('estimates a %s° turn within 0.3°', (deg) => {
    expect(Math.abs(estimateSkew(turned(deg)) - deg)).toBeLessThanOrEqual(0.3);
  });

  it('rotates the page back', () => {
    const straight = preprocess(turned(1.5), { deskew: true });
    expect(Math.abs(estimateSkew(straight))).toBeLessThanOrEqual(0.2);
  });

  it('finds nothing on an empty page', () => {
    expect(estimateSkew(page(400, 400, () => {}))).toBe(0);
  });
});

describe('binarisation', () => {
  it('puts the Otsu threshold between the two modes of a bimodal image', () => {
    const data = new Uint8Array(20_000);
    // Ink around 40, paper around 200, a quarter ink; a little spread in each.
    for (let i = 0; i < data.length; i++) data[i] = i % 4 === 0 ? 30 + (i % 21) : 190 + (i % 21);
    const t = otsuThreshold(data);
    expect(t).toBeGreaterThanOrEqual(50);
    expect(t).toBeLessThan(190);
  });

  it('Otsu and Sauvola give pure black and white, text kept', () => {
    const image = page(600, 300, (ctx) => textRows(ctx, 40, 60, 2, 7));
    for (const binarize of ['otsu', 'sauvola'] as const) {
      const out = preprocess(image, { binarize });
      const values = new Set<number>();
      for (let i = 0; i < out.data.length; i++) values.add(out.data[i]);
      expect([...values].sort((a, b) => a - b)).toEqual([0, 255]);
      expect(grey(out, 40 + 70 + 32, 60 + 30), binarize).toBe(0);
      expect(grey(out, 20, 20), binarize).toBe(255);
    }
  });

  it('Sauvola keeps text in a shadow where one global threshold loses it', () => {
    // Light falls off from 250 to 80 left to right; ink reflects 35 % of it. The shadowed paper is
    // then darker than the well-lit ink.
    const width = 900;
    const image = page(width, 200, (ctx) => {
      for (let x = 0; x < width; x++) {
        const paper = Math.round(250 - (170 * x) / width);
        ctx.fillStyle = `rgb(${paper},${paper},${paper})`;
        ctx.fillRect(x, 0, 1, 200);
        if (x % 60 >= 20 && x % 60 < 28) {
          const ink = Math.round(paper * 0.35);
          ctx.fillStyle = `rgb(${ink},${ink},${ink})`;
          ctx.fillRect(x, 60, 1, 80);
        }
      }
    });
    const local = preprocess(image, { binarize: 'sauvola' });
    const global = preprocess(image, { binarize: 'otsu' });
    const strokes = [24, 444, 864].map((x) => [x, 100] as const);
    const paper = [10, 430, 850, 890].map((x) => [x, 100] as const);
    for (const p of strokes) expect(grey(local, ...p), `stroke at ${p[0]}`).toBe(0);
    for (const p of paper) expect(grey(local, ...p), `paper at ${p[0]}`).toBe(255);
    // One global threshold gets the shadow wrong: its paper turns to ink.
    expect(grey(global, ...strokes[0])).toBe(0);
    expect(grey(global, ...paper[3])).toBe(0);
  });
});

describe('denoise', () => {
  it('removes isolated specks and keeps strokes', () => {
    const image = page(300, 200, (ctx) => {
      textRows(ctx, 20, 40, 1, 3);
      ctx.fillStyle = '#000';
      for (let i = 0; i < 40; i++) ctx.fillRect(10 + ((i * 37) % 280), 150 + ((i * 13) % 40), 1, 1);
    });
    const out = preprocess(image, { denoise: true });
    let specks = 0;
    for (let y = 150; y < 195; y++) for (let x = 0; x < 300; x++) if (grey(out, x, y) < 128) specks++;
    expect(specks).toBe(0);
    expect(grey(out, 20 + 70 + 32, 40 + 30)).toBeLessThan(60);
  });
});

describe('preprocessFor', () => {
  it('gives each engine a function from page to page', () => {
    const image = page(200, 100, (ctx) => textRows(ctx, 10, 10, 1, 2));
    for (const engine of ['tesseract', 'paddle'] as const) {
      const out = preprocessFor(engine)(image);
      expect([out.width, out.height]).toEqual([200, 100]);
    }
  });
});
