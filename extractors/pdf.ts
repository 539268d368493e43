/**
 * PDF text layer → pages of paragraphs, with pdf.js. Pages with no text layer (scans) come out
 * empty; recognising them is the OCR stage's job. Layout reconstruction (lines, furniture,
 * tables, paragraphs) lives in the `_pdf-*.ts` helpers and works on plain geometry.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FileError } from '../pipeline/errors.js';
import { layoutPages } from './_pdf-layout.js';
import { buildLines, placeItems, type Line } from './_pdf-lines.js';
import type { ExtractedText, Extractor, SourceProbe } from './types.js';
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

  async extract(bytes: Uint8Array): Promise<ExtractedText> {
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
    try {
      const doc = await task.promise.catch((err: unknown) => {
        if ((err as Error)?.name === 'PasswordException') {
          throw new FileError('encrypted_pdf', 'the PDF is password-protected', { cause: err });
        }
        throw new FileError('corrupt_pdf', `not a readable PDF: ${(err as Error)?.message ?? err}`, { cause: err });
      });
      const lines: Line[][] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        lines.push(await readPage(doc, n));
      }
      const info = await doc.getMetadata().catch(() => undefined);
      return {
        extractor: 'pdf',
        mediaType: 'application/pdf',
        pageCount: doc.numPages,
        pages: layoutPages(lines).map((p, i) => ({ number: i + 1, ...p })),
        meta: metaOf(info?.info),
      };
    } finally {
      await task.destroy();
    }
  },
};

/** One page's text as lines. The page's parsed resources are released before the next page. */
async function readPage(doc: PDFDocumentProxy, n: number): Promise<Line[]> {
  let page: PDFPageProxy | undefined;
  let content: TextContent;
  try {
    page = await doc.getPage(n);
    content = await page.getTextContent();
  } catch (err) {
    throw new FileError('corrupt_pdf', `page ${n} cannot be read: ${(err as Error)?.message ?? err}`, { cause: err });
  } finally {
    page?.cleanup();
  }
  const view = page.getViewport({ scale: 1 }).transform;
  return buildLines(placeItems(content.items.filter((it) => 'str' in it), view));
}

function metaOf(info: unknown): ExtractedText['meta'] {
  const raw = (info as { Title?: unknown } | undefined)?.Title;
  if (typeof raw !== 'string') return {};
  // Word writes the source file name as the title: "Microsoft Word - 工作要点.docx".
  const title = raw.replace(/^Microsoft Word - /, '').replace(/\.(docx?|wps|pdf)$/i, '').trim();
  return title ? { title } : {};
}
