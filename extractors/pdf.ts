/**
 * PDF → pages of paragraphs. Text layers are read with PDFium (`_pdfium-text.ts`), pages are drawn
 * with pdf.js. Each page's text layer is judged first; a page without a usable one (a scan, broken
 * font maps, a layer far shorter than the print) is rendered and OCR'd when the context offers OCR.
 * Recognised lines join the same layout reconstruction (lines, furniture, tables, paragraphs) as
 * text-layer lines; it lives in the `_pdf-*.ts` helpers and works on plain geometry.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FileError } from '../schemas/errors.js';
import { layoutPages } from './_pdf-layout.js';
import { checkLimit, DEFAULT_LIMITS } from './limits.js';
import { buildLines, placeItems, type Item, type Line } from './_pdf-lines.js';
import { openPdfium, type PdfiumText } from './_pdfium-text.js';
import { judgeTextLayer } from './_pdf-quality.js';
import { inkRatio, releaseCanvases, renderPage } from './ocr/render.js';
import { ocrToLines } from './ocr/to-lines.js';
import type { ExtractContext, Extractor, SourceProbe } from './types.js';
import type { ExtractedPage, ExtractedText } from '../schemas/stages.js';
// Types only: the library itself is imported when a page is first drawn (or PDFium fails), so a
// text-only run never loads it.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

function hasMagic(head: Uint8Array): boolean {
  // The header may follow some junk bytes; readers accept it anywhere in the first KiB.
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes('%PDF-', 0, 'latin1');
}

/** pdf.js in Node reads CMaps and font data with fs, so these are directory paths, not URLs. */
function assetDirs() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dir = (name: string) => join(root, name) + '/';
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm') };
}

export const pdfExtractor: Extractor = {
  name: 'pdf',

  accepts(probe: SourceProbe): boolean {
    return hasMagic(probe.head) || probe.ext === '.pdf';
  },

  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedText> {
    if (bytes.byteLength === 0) throw new FileError('empty_file', 'the PDF file is empty');
    // PDFium reads the text layers; pdf.js draws pages for OCR, and reads whatever PDFium cannot
    // open (it also names the error: a password, a broken file).
    const text = await openPdfium(bytes);
    const pdf = new PdfJsDocument(bytes);
    try {
      // From the page tree, before any page is parsed.
      const pageCount = text ? text.pageCount : (await pdf.document()).numPages;
      checkLimit(ctx.limits, 'pages', pageCount);
      const lines: Line[][] = [];
      const ocr: Array<ExtractedPage['ocr']> = [];
      for (let n = 1; n <= pageCount; n++) {
        const page = await readPage(text, pdf, n, ctx);
        lines.push(page.lines);
        ocr.push(page.ocr);
        if (n % CLEANUP_EVERY === 0) await pdf.cleanup();
      }
      const title = text ? text.title() : await pdf.title();
      const ocrPages = ocr.filter(Boolean).length;
      return {
        extractor: ocrPages === 0 ? 'pdf' : ocrPages === pageCount ? 'ocr' : 'pdf+ocr',
        mediaType: 'application/pdf',
        pageCount,
        pages: layoutPages(lines).map((p, i) => ({ number: i + 1, ...p, ...(ocr[i] ? { ocr: ocr[i] } : {}) })),
        meta: metaOf(title),
      };
    } finally {
      await pdf.destroy();
      text?.close();
    }
  },
};

/**
 * pdf.js, opened on first use: most text-layer PDFs never need it. A file it cannot open fails
 * here with the error users see.
 */
class PdfJsDocument {
  private task?: ReturnType<PdfJs['getDocument']>;
  private opened?: Promise<PDFDocumentProxy>;

  constructor(private readonly bytes: Uint8Array) {}

  document(): Promise<PDFDocumentProxy> {
    this.opened ??= this.open();
    return this.opened;
  }

  async page(n: number): Promise<PDFPageProxy> {
    const doc = await this.document();
    try {
      return await doc.getPage(n);
    } catch (err) {
      throw new FileError('corrupt_pdf', `page ${n} cannot be read: ${(err as Error)?.message ?? err}`, { cause: err });
    }
  }

  async title(): Promise<unknown> {
    const info = await (await this.document()).getMetadata().catch(() => undefined);
    return (info?.info as { Title?: unknown } | undefined)?.Title;
  }

  async cleanup(): Promise<void> {
    const doc = await this.opened?.catch(() => undefined);
    await doc?.cleanup();
  }

  async destroy(): Promise<void> {
    const doc = await this.opened?.catch(() => undefined);
    if (doc) releaseCanvases(doc);
    await this.task?.destroy();
  }

  private async open(): Promise<PDFDocumentProxy> {
    const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    this.task = pdfjs.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given; the caller keeps theirs.
      data: new Uint8Array(this.bytes),
      ...assetDirs(),
      cMapPacked: true,
      isEvalSupported: false,
      // Text extraction never renders glyphs, so neither browser font faces nor system fonts help.
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    return this.task.promise.catch((err: unknown) => {
      if ((err as Error)?.name === 'PasswordException') {
        throw new FileError('encrypted_pdf', 'the PDF is password-protected', { cause: err });
      }
      throw new FileError('corrupt_pdf', `not a readable PDF: ${(err as Error)?.message ?? err}`, { cause: err });
    });
  }
}

/**
 * pdf.js keeps what it parsed of every page read (page dictionaries, fonts, their glyph maps) for
 * the document's life; a long PDF is released every so many pages, so memory does not grow with it.
 * PDFium's pages are closed as soon as their text is read.
 */
const CLEANUP_EVERY = 50;

/** Resolution for OCR: Chinese print at body sizes needs about 300 dpi to keep strokes apart. */
const OCR_DPI = 300;
/** Resolution for measuring ink: enough to count dark pixels, cheap to draw. */
const INK_DPI = 50;
/** Text layers shorter than this are checked against the page's ink; longer ones are believed. */
const CHECK_INK_BELOW = 300;

/**
 * One page's lines: from its text layer (PDFium's, or pdf.js's when PDFium cannot read the page),
 * or from OCR when the text layer fails its check. The page's parsed resources are released
 * before the next page.
 */
async function readPage(
  text: PdfiumText | undefined,
  pdf: PdfJsDocument,
  n: number,
  ctx: ExtractContext,
): Promise<{ lines: Line[]; ocr?: ExtractedPage['ocr'] }> {
  let page: PDFPageProxy | undefined;
  const pdfPage = async () => (page ??= await pdf.page(n));
  try {
    const lines = buildLines(await textLayer(text, pdfPage, n));
    if (!ctx.ocr || ctx.ocr.mode === 'never') return { lines };
    // A page too large for the pixel limit at these resolutions is drawn at a lower one.
    const maxPixels = (ctx.limits ?? DEFAULT_LIMITS).pagePixels;
    if (ctx.ocr.mode === 'auto') {
      const chars = lines.map((l) => l.text).join('');
      let verdict = judgeTextLayer(chars);
      if (verdict === 'good' && chars.length < CHECK_INK_BELOW) {
        verdict = judgeTextLayer(chars, inkRatio(await renderPage(await pdf.document(), await pdfPage(), INK_DPI, maxPixels)));
      }
      if (verdict === 'good') return { lines };
    }
    const image = await renderPage(await pdf.document(), await pdfPage(), OCR_DPI, maxPixels);
    const result = await ctx.ocr.recognize(image);
    return { lines: ocrToLines(result, image.dpi ?? OCR_DPI), ocr: { engine: result.engine, confidence: result.confidence } };
  } finally {
    page?.cleanup();
  }
}

async function textLayer(text: PdfiumText | undefined, pdfPage: () => Promise<PDFPageProxy>, n: number): Promise<Item[]> {
  const own = text?.page(n);
  if (own) return placeItems(own.items, own.view);
  const page = await pdfPage();
  let content: TextContent;
  try {
    content = await page.getTextContent();
  } catch (err) {
    throw new FileError('corrupt_pdf', `page ${n} cannot be read: ${(err as Error)?.message ?? err}`, { cause: err });
  }
  return placeItems(content.items.filter((it) => 'str' in it), page.getViewport({ scale: 1 }).transform);
}

function metaOf(raw: unknown): ExtractedText['meta'] {
  if (typeof raw !== 'string') return {};
  // Word writes the source file name as the title: "Microsoft Word - 工作要点.docx".
  const title = raw.replace(/^Microsoft Word - /, '').replace(/\.(docx?|wps|pdf)$/i, '').trim();
  return title ? { title } : {};
}
