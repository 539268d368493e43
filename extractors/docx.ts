/**
 * Word documents (DOCX), as attachments of plan notices often are. mammoth turns the document into
 * plain HTML (paragraphs, headings, tables; no styling), which is then read into lines by the same
 * renderer as web pages: tables become pipe rows, one row per line, so agenda tables keep their
 * rows. There is no chrome to strip from a Word file, so the article finder is not used.
 */
import { FileError } from '../pipeline/errors.js';
import { renderLines } from './_html-render.js';
import { isZipMagic } from './_docx-zip.js';
import type { Extractor } from './types.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** mammoth maps headings by default; the Title style is what Word's 公文 templates use for the title. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"];

export const docxExtractor: Extractor = {
  name: 'docx',
  accepts(probe) {
    return probe.ext === '.docx' || isZipMagic(probe.head);
  },
  async extract(bytes) {
    // Loaded here: runs without Word files should not pay for mammoth and its zip reader.
    const mammoth = (await import('mammoth')).default;
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        // Embedded images would be inlined as base64; their text, if any, is not ours to read here.
        { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      );
      html = result.value;
    } catch (err) {
      throw new FileError('corrupt_docx', `not a readable DOCX: ${(err as Error).message}`, { cause: err });
    }
    const { load } = await import('cheerio');
    const $ = load(html);
    // mammoth drops the numbers of Word's auto-numbered lists ("1." before an item); put them back.
    $('ol > li').each((_, li) => void $(li).prepend(`${$(li).index() + 1}.`));
    const lines = renderLines($.root()[0]).map((l) => l.text);
    const title = $('h1').first().text().trim() || undefined;
    return {
      extractor: 'docx',
      mediaType: DOCX_MEDIA_TYPE,
      pageCount: null,
      pages: [{ number: 1, text: lines.join('\n') }],
      meta: title ? { title } : {},
    };
  },
};
