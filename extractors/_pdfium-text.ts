/**
 * A PDF's text layer read with PDFium (the WASM build in @embedpdf/pdfium), about three times
 * faster than pdf.js on the same files with the same characters. PDFium hands out single
 * characters in PDF user space (y up, before /Rotate and the crop box); they are grouped into runs
 * shaped like pdf.js text items (a string, a text matrix, an advance width), so `placeItems` turns
 * them, with the viewport transform pdf.js would use, into the same items `buildLines` reads.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RawText } from './_pdf-lines.js';

/** The part of the PDFium module (raw C exports on the Emscripten heap) this file calls. */
interface Pdfium {
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_GetMetaText(doc: number, tag: number, buf: number, len: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageBoundingBox(page: number, rect: number): number;
  _FPDFPage_GetRotation(page: number): number;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(text: number): void;
  _FPDFText_CountChars(text: number): number;
  _FPDFText_GetUnicode(text: number, i: number): number;
  _FPDFText_IsGenerated(text: number, i: number): number;
  _FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number;
  _FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number;
  _FPDFText_GetFontSize(text: number, i: number): number;
  _FPDFText_GetCharAngle(text: number, i: number): number;
  _FPDFText_GetTextObject(text: number, i: number): number;
}

let loading: Promise<Pdfium> | undefined;

/** The module is instantiated once per process from the package's own .wasm file (no fetch). */
function pdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const { init } = await import('@embedpdf/pdfium');
    const wasm = readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
    const wrapped = await init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
    wrapped.PDFiumExt_Init();
    return wrapped.pdfium as unknown as Pdfium;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** One page's text as pdf.js-shaped runs, and the viewport transform that places them. */
export interface PageText {
  items: RawText[];
  view: number[];
}

export interface PdfiumText {
  pageCount: number;
  /** Page `n` (from 1), or undefined when PDFium cannot load it. */
  page(n: number): PageText | undefined;
  /** The Info dictionary's /Title, if any. */
  title(): string | undefined;
  close(): void;
}

/**
 * Open a PDF for its text layer; undefined when PDFium cannot (a password, a broken file, the
 * module failing to load): the caller then reads the file with pdf.js, which names the error.
 */
export async function openPdfium(bytes: Uint8Array): Promise<PdfiumText | undefined> {
  const M = await pdfium().catch(() => undefined);
  if (!M) return undefined;
  const data = M._malloc(bytes.byteLength);
  M.HEAPU8.set(bytes, data);
  const doc = M._FPDF_LoadMemDocument(data, bytes.byteLength, 0);
  if (!doc) {
    M._free(data);
    return undefined;
  }
  // Doubles at +0 and +8 (a char's origin), an FS_RECTF (left, top, right, bottom) at +16.
  const scratch = M._malloc(32);
  return {
    pageCount: M._FPDF_GetPageCount(doc),
    page: (n) => readPage(M, doc, n - 1, scratch),
    title: () => metaText(M, doc, 'Title'),
    close() {
      M._FPDF_CloseDocument(doc);
      M._free(scratch);
      // PDFium reads the document lazily from this buffer, so it lives as long as the document.
      M._free(data);
    },
  };
}

/** Below this (× font size) a run's next character stays in the run; a wider gap starts a new one. */
const RUN_GAP = 0.1;

/**
 * Characters → runs. A run ends where the text object, font size or direction changes, where the
 * baseline moves, at a gap or a step back, and at characters PDFium made up (spaces and line
 * breaks it infers from geometry; `buildLines` decides spaces from the same geometry itself).
 */
function readPage(M: Pdfium, doc: number, index: number, scratch: number): PageText | undefined {
  const page = M._FPDF_LoadPage(doc, index);
  if (!page) return undefined;
  try {
    const view = viewTransform(pageBox(M, page, scratch + 16), M._FPDFPage_GetRotation(page));
    const text = M._FPDFText_LoadPage(page);
    if (!text) return undefined;
    try {
      const items: RawText[] = [];
      let run: { item: RawText; obj: number; angle: number; size: number; across: number; start: number; last: number; end: number } | undefined;
      const count = M._FPDFText_CountChars(text);
      for (let i = 0; i < count; i++) {
        const code = M._FPDFText_GetUnicode(text, i);
        if (M._FPDFText_IsGenerated(text, i) || code === 0x0d || code === 0x0a) {
          run = undefined;
          continue;
        }
        M._FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
        M._FPDFText_GetLooseCharBox(text, i, scratch + 16);
        const x = M.HEAPF64[scratch >> 3];
        const y = M.HEAPF64[(scratch + 8) >> 3];
        const f = (k: number) => M.HEAPF32[(scratch + 16 + 4 * k) >> 2];
        const [left, top, right, bottom] = [f(0), f(1), f(2), f(3)];
        const size = M._FPDFText_GetFontSize(text, i);
        const angle = Math.max(0, M._FPDFText_GetCharAngle(text, i));
        const obj = M._FPDFText_GetTextObject(text, i);
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        // Along and across the reading direction; the box's far edge along it ends the character.
        const along = x * cos + y * sin;
        const across = -x * sin + y * cos;
        const end = Math.max(left * cos + bottom * sin, right * cos + bottom * sin, left * cos + top * sin, right * cos + top * sin);
        if (
          run &&
          (obj !== run.obj ||
            size !== run.size ||
            Math.abs(angle - run.angle) > 1e-3 ||
            Math.abs(across - run.across) > 0.01 ||
            along - run.end > size * RUN_GAP ||
            // A step back; characters of one glyph ("——" drawn as one shape) share its origin.
            along < run.last - 0.01)
        ) {
          run = undefined;
        }
        if (!run) {
          const item = { str: '', transform: [size * cos, size * sin, -size * sin, size * cos, x, y], width: 0 };
          run = { item, obj, angle, size, across, start: along, last: along, end: along };
          items.push(item);
        }
        run.item.str += String.fromCodePoint(code);
        run.last = along;
        run.end = Math.max(run.end, end);
        run.item.width = run.end - run.start;
      }
      return { items, view };
    } finally {
      M._FPDFText_ClosePage(text);
    }
  } finally {
    M._FPDF_ClosePage(page);
  }
}

/** The crop box clipped to the media box, as pdf.js's `view`: [x0, y0, x1, y1]. */
function pageBox(M: Pdfium, page: number, rect: number): number[] {
  M._FPDF_GetPageBoundingBox(page, rect);
  const f = (k: number) => M.HEAPF32[(rect + 4 * k) >> 2];
  const [left, top, right, bottom] = [f(0), f(1), f(2), f(3)];
  return [Math.min(left, right), Math.min(top, bottom), Math.max(left, right), Math.max(top, bottom)];
}

/**
 * The transform pdf.js's PageViewport builds at scale 1: user space → the page as displayed, y
 * down, /Rotate (`quarters` clockwise quarter turns) and the crop box applied.
 */
export function viewTransform(box: number[], quarters: number): number[] {
  const [x0, y0, x1, y1] = box;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const [a, b, c, d] = [
    [1, 0, 0, -1],
    [0, 1, 1, 0],
    [-1, 0, 0, 1],
    [0, -1, -1, 0],
  ][((quarters % 4) + 4) % 4];
  const [offX, offY] = a === 0 ? [Math.abs(cy - y0), Math.abs(cx - x0)] : [Math.abs(cx - x0), Math.abs(cy - y0)];
  return [a, b, c, d, offX - a * cx - c * cy, offY - b * cx - d * cy];
}

/** An Info dictionary string: PDFium writes it as UTF-16LE with a two-byte terminator. */
function metaText(M: Pdfium, doc: number, key: string): string | undefined {
  const tag = M._malloc(key.length + 1);
  try {
    M.HEAPU8.set([...Buffer.from(key, 'latin1'), 0], tag);
    const size = M._FPDF_GetMetaText(doc, tag, 0, 0);
    if (size <= 2) return undefined;
    const buf = M._malloc(size);
    try {
      M._FPDF_GetMetaText(doc, tag, buf, size);
      return Buffer.from(M.HEAPU8.subarray(buf, buf + size - 2)).toString('utf16le');
    } finally {
      M._free(buf);
    }
  } finally {
    M._free(tag);
  }
}
