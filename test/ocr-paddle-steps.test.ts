import { describe, expect, it } from 'vitest';
import { decodeCtc } from '../extractors/ocr/_ctc.js';
import { convexHull, minAreaRect, textQuads, type Quad } from '../extractors/ocr/_det-boxes.js';
import { textMask, type DetectionModel } from '../extractors/ocr/_det-map.js';
import { cropLine } from '../extractors/ocr/_line-crop.js';
import { linesOf } from '../extractors/ocr/paddle.js';

/**
 * The steps of the paddle engine that are plain geometry and arithmetic, on made-up masks and
 * pages: DBNet's boxes from the detection mask, a line cut out of the page, CTC decoding, boxes
 * joined into lines. The engine on real glyphs is tested in ocr-engines.test.ts.
 */

/** A w × h mask with the given pixels set. */
function mask(w: number, h: number, on: (x: number, y: number) => boolean): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) m[y * w + x] = on(x, y) ? 1 : 0;
  return m;
}

const side = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** A detection model that records the input shapes it is run on and sees no text. */
function shapeRecorder(): DetectionModel & { shapes: number[][] } {
  const shapes: number[][] = [];
  const Tensor = class {
    constructor(
      readonly type: string,
      readonly data: Float32Array,
      readonly dims: number[],
    ) {}
  };
  const detection = {
    inputNames: ['x'],
    outputNames: ['y'],
    async run(feeds: Record<string, { dims: number[] }>) {
      const dims = feeds.x.dims;
      shapes.push(dims);
      return { y: { dims, data: new Float32Array(dims[2] * dims[3]), dispose() {} } };
    },
  };
  return { shapes, ort: { Tensor } as unknown as DetectionModel['ort'], detection: detection as unknown as DetectionModel['detection'] };
}

describe('detection in tiles', () => {
  it.each([
    ['an A4 page at 100 dpi', 827, 1169],
    ['a page 1 px wide and 3 million high', 1, 3_000_000],
    ['a page 5,000 px wide', 5000, 800],
  ])('keeps every run of the model within 1.5 megapixels, padding included: %s', async (_, w, h) => {
    const model = shapeRecorder();
    const mask = await textMask(model, { width: w, height: h, data: new Uint8Array(w * h).fill(255) });
    expect(mask).toHaveLength(w * h);
    for (const [, , th, tw] of model.shapes) {
      expect(th % 32 === 0 && tw % 32 === 0).toBe(true);
      expect(th * tw).toBeLessThanOrEqual(1_500_000 + 32 * tw);
    }
    if (w === 827) expect(model.shapes).toHaveLength(1);
  });
});

describe('text boxes from the detection mask', () => {
  it('one box per region, in scan order, grown by the unclip distance', () => {
    // Two text lines 200 × 20 px (pixel centres span 199 × 19) and a rule 1 px thick.
    const m = mask(300, 120, (x, y) => (x >= 50 && x < 250 && ((y >= 20 && y < 40) || (y >= 70 && y < 90))) || (y === 110 && x < 300));
    const quads = textQuads(m, 300, 120);
    expect(quads).toHaveLength(2);
    const [first, second] = quads;
    expect(first[0][1]).toBeLessThan(second[0][1]);
    // unclip: area × 1.5 / perimeter = 199 · 19 · 1.5 / 436 ≈ 13 px on every side.
    const d = (199 * 19 * 1.5) / (2 * (199 + 19));
    expect(side(first[0], first[1])).toBeCloseTo(199 + 2 * d, 5);
    expect(side(first[0], first[3])).toBeCloseTo(19 + 2 * d, 5);
    // Corners run top-left, top-right, bottom-right, bottom-left.
    expect(first[0][0]).toBeLessThan(first[1][0]);
    expect(first[3][1]).toBeGreaterThan(first[0][1]);
  });

  it('joins diagonal neighbours into one region and follows a turned line', () => {
    const turned = (deg: number) => {
      const a = (deg * Math.PI) / 180;
      return mask(400, 200, (x, y) => {
        const u = (x - 200) * Math.cos(a) + (y - 100) * Math.sin(a);
        const v = -(x - 200) * Math.sin(a) + (y - 100) * Math.cos(a);
        return Math.abs(u) < 150 && Math.abs(v) < 12;
      });
    };
    const [q] = textQuads(turned(5), 400, 200);
    const angle = (Math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]) * 180) / Math.PI;
    expect(angle).toBeCloseTo(5, 0);
    const staircase = mask(10, 10, (x, y) => x === y);
    expect(convexHull([0, 0, 3, 0, 3, 3, 0, 3, 1, 1])).toHaveLength(4);
    // A one-pixel diagonal is one region, too thin to be text.
    expect(textQuads(staircase, 10, 10)).toEqual([]);
  });

  it('the smallest rectangle round a square turned 45° is that square', () => {
    const r = minAreaRect([
      [0, 10],
      [10, 0],
      [20, 10],
      [10, 20],
    ])!;
    expect(r.w * r.h).toBeCloseTo(200, 5);
  });
});

describe('a line cut from the page', () => {
  /** A white page with a dark bar where a line of text would be. */
  const page = { width: 200, height: 100, data: new Uint8Array(200 * 100).fill(255) };
  for (let y = 40; y < 60; y++) for (let x = 20; x < 180; x++) page.data[y * 200 + x] = 0;

  it('is the box straightened, at the page resolution', () => {
    const box: Quad = [
      [10, 30],
      [190, 30],
      [190, 70],
      [10, 70],
    ];
    const line = cropLine(page, box)!;
    expect([line.width, line.height]).toEqual([180, 40]);
    expect(line.data[20 * 180 + 90]).toBe(0);
    expect(line.data[2 * 180 + 90]).toBe(255);
  });

  it('a box much taller than wide is turned to read left to right', () => {
    const line = cropLine(page, [
      [90, 0],
      [110, 0],
      [110, 100],
      [90, 100],
    ])!;
    expect([line.width, line.height]).toEqual([100, 20]);
  });

  it('a box drawn very large is cut at most 192 px high', () => {
    const line = cropLine({ width: 4000, height: 1000, data: new Uint8Array(4_000_000) }, [
      [0, 0],
      [4000, 0],
      [4000, 1000],
      [0, 1000],
    ])!;
    expect([line.width, line.height]).toEqual([768, 192]);
  });
});

describe('CTC decoding and lines', () => {
  it('collapses repeats, drops blanks, and averages the kept characters', () => {
    // Classes: 0 blank, 1 '代', 2 '表'. Steps: 代 代 blank 代 表.
    const steps = [1, 1, 0, 1, 2];
    const probs = new Float32Array(steps.length * 3);
    steps.forEach((c, t) => (probs[t * 3 + c] = c === 2 ? 0.6 : 0.9));
    expect(decodeCtc(probs, steps.length, 3, ['代', '表'])).toEqual({ text: '代代表', mean: expect.closeTo((0.9 + 0.9 + 0.6) / 3, 5) });
  });

  it('joins boxes on one midline left to right and drops unsure ones', () => {
    const box = (text: string, x0: number, y0: number, mean = 0.9) => ({
      text,
      mean,
      quad: [
        [x0, y0],
        [x0 + 100, y0],
        [x0 + 100, y0 + 40],
        [x0, y0 + 40],
      ] as Quad,
    });
    const lines = linesOf([box('会议议题', 300, 102), box('时间', 100, 100), box('噪点', 100, 300, 0.3), box('审议', 100, 200)], 1, 1);
    expect(lines.map((l) => l.text)).toEqual(['时间 会议议题', '审议']);
    expect(lines[0].bbox).toEqual([100, 100, 400, 142]);
  });
});
