/**
 * PDF → pages of paragraphs, with pdf.js. Each page's text layer is judged first; a page without a
 * usable one (a scan, broken font maps, a layer far shorter than the print) is rendered and OCR'd
 * when the context offers OCR. Recognised lines join the same layout reconstruction (lines,
 * furniture, tables, paragraphs) as text-layer lines; it lives in the `_pdf-*.ts` helpers and works
 * on plain geometry.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FileError } from '../schemas/errors.js';
import { layoutPages } from './_pdf-layout.js';
import { checkLimit, DEFAULT_LIMITS } from './limits.js';
import { buildLines, placeItems, type Line } from './_pdf-lines.js';
import { judgeTextLayer } from './_pdf-quality.js';
import { inkRatio, releaseCanvases, renderPage } from './ocr/render.js';
import { ocrToLines } from './ocr/to-lines.js';
import type { ExtractContext, Extractor, SourceProbe } from './types.js';
import type { ExtractedPage, ExtractedText } from '../schemas/stages.js';
// Types only: the library itself is imported inside extract(), so a text-only run never loads it.
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
    const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given; the caller keeps theirs.
      data: new Uint8Array(bytes),
      ...assetDirs(),
      cMapPacked: true,
      isEvalSupported: false,
      // Text extraction never renders glyphs, so neither browser font faces nor system fonts help.
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    let doc: PDFDocumentProxy | undefined;
    try {
      doc = await task.promise.catch((err: unknown) => {
        if ((err as Error)?.name === 'PasswordException') {
          throw new FileError('encrypted_pdf', 'the PDF is password-protected', { cause: err });
        }
        throw new FileError('corrupt_pdf', `not a readable PDF: ${(err as Error)?.message ?? err}`, { cause: err });
      });
      // From the page tree, before any page is parsed.
      checkLimit(ctx.limits, 'pages', doc.numPages);
      const lines: Line[][] = [];
      const ocr: Array<ExtractedPage['ocr']> = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await readPage(doc, n, ctx);
        lines.push(page.lines);
        ocr.push(page.ocr);
        if (n % CLEANUP_EVERY === 0) await doc.cleanup();
      }
      const info = await doc.getMetadata().catch(() => undefined);
      const ocrPages = ocr.filter(Boolean).length;
      return {
        extractor: ocrPages === 0 ? 'pdf' : ocrPages === doc.numPages ? 'ocr' : 'pdf+ocr',
        mediaType: 'application/pdf',
        pageCount: doc.numPages,
        pages: layoutPages(lines).map((p, i) => ({ number: i + 1, ...p, ...(ocr[i] ? { ocr: ocr[i] } : {}) })),
        meta: metaOf(info?.info),
      };
    } finally {
      if (doc) releaseCanvases(doc);
      await task.destroy();
    }
  },
};

/**
 * pdf.js keeps what it parsed of every page read (page dictionaries, fonts, their glyph maps) for
 * the document's life; a long PDF is released every so many pages, so memory does not grow with it.
 */
const CLEANUP_EVERY = 50;

/** Resolution for OCR: Chinese print at body sizes needs about 300 dpi to keep strokes apart. */
const OCR_DPI = 300;
/** Resolution for measuring ink: enough to count dark pixels, cheap to draw. */
const INK_DPI = 50;
/** Text layers shorter than this are checked against the page's ink; longer ones are believed. */
const CHECK_INK_BELOW = 300;

/**
 * One page's lines: from its text layer, or from OCR when the text layer fails its check. The
 * page's parsed resources are released before the next page.
 */
async function readPage(doc: PDFDocumentProxy, n: number, ctx: ExtractContext): Promise<{ lines: Line[]; ocr?: ExtractedPage['ocr'] }> {
  let page: PDFPageProxy | undefined;
  try {
    let content: TextContent;
    try {
      page = await doc.getPage(n);
      content = await page.getTextContent();
    } catch (err) {
      throw new FileError('corrupt_pdf', `page ${n} cannot be read: ${(err as Error)?.message ?? err}`, { cause: err });
    }
    const view = page.getViewport({ scale: 1 }).transform;
    const lines = buildLines(placeItems(content.items.filter((it) => 'str' in it), view));
    if (!ctx.ocr || ctx.ocr.mode === 'never') return { lines };
    // A page too large for the pixel limit at these resolutions is drawn at a lower one.
    const maxPixels = (ctx.limits ?? DEFAULT_LIMITS).pagePixels;
    if (ctx.ocr.mode === 'auto') {
      const text = lines.map((l) => l.text).join('');
      let verdict = judgeTextLayer(text);
      if (verdict === 'good' && text.length < CHECK_INK_BELOW) verdict = judgeTextLayer(text, inkRatio(await renderPage(doc, page, INK_DPI, maxPixels)));
      if (verdict === 'good') return { lines };
    }
    const image = await renderPage(doc, page, OCR_DPI, maxPixels);
    const result = await ctx.ocr.recognize(image);
    return { lines: ocrToLines(result, image.dpi ?? OCR_DPI), ocr: { engine: result.engine, confidence: result.confidence } };
  } finally {
    page?.cleanup();
  }
}

function metaOf(info: unknown): ExtractedText['meta'] {
  const raw = (info as { Title?: unknown } | undefined)?.Title;
  if (typeof raw !== 'string') return {};
  // Word writes the source file name as the title: "Microsoft Word - 工作要点.docx".
  const title = raw.replace(/^Microsoft Word - /, '').replace(/\.(docx?|wps|pdf)$/i, '').trim();
  return title ? { title } : {};
}
