/**
 * Word documents (DOCX), as attachments of plan notices often are. The zip is read from its
 * directory and each part inflated as a stream that stops at --max-part-size; the XML goes through
 * saxes, a streaming parser that never reads a DTD, into lines without building a tree. So a zip
 * bomb fails fast with part_too_large, a part nested 50,000 deep still gives its text, and a
 * DOCTYPE naming a local file gives the text around it and never the file. Lines are what mammoth
 * and the web-page renderer gave before: one paragraph per line, tables as pipe rows, Word's list
 * numbers put back (now as numbering.xml writes them: "（一）", "一、", and counting on past an
 * interrupting paragraph as Word does).
 */
import { DEFAULT_LIMITS } from './limits.js';
import { BodyReader } from './_docx-body.js';
import { ListNumbers } from './_docx-lists.js';
import { noteLines, NoteMarkers } from './_docx-notes.js';
import { EMPTY_NUMBERING, readNumbering } from './_docx-numbering.js';
import { DocxPackage } from './_docx-package.js';
import { EMPTY_STYLES, readStyles } from './_docx-styles.js';
import { isZipMagic } from './_docx-zip.js';
import type { Extractor } from './types.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const docxExtractor: Extractor = {
  name: 'docx',
  accepts(probe) {
    return probe.ext === '.docx' || isZipMagic(probe.head);
  },
  async extract(bytes, ctx) {
    const limits = ctx.limits ?? DEFAULT_LIMITS;
    const pkg = DocxPackage.open(bytes, limits.partBytes);
    const main = await pkg.mainDocument();
    const parts = await pkg.related(main);
    const styles = parts.styles ? await readStyles(pkg, parts.styles) : EMPTY_STYLES;
    const numbering = parts.numbering ? await readNumbering(pkg, parts.numbering) : EMPTY_NUMBERING;
    const options = { styles, lists: new ListNumbers(numbering, styles), limits };
    const markers = new NoteMarkers();
    const body = new BodyReader({ ...options, noteMarker: markers.marker });
    await pkg.parse(main, body);
    const { lines, title } = body.finish();
    for (const line of await noteLines(pkg, parts, markers, options)) lines.push(line);
    return {
      extractor: 'docx',
      mediaType: DOCX_MEDIA_TYPE,
      pageCount: null,
      pages: [{ number: 1, text: lines.join('\n') }],
      meta: title ? { title } : {},
    };
  },
};
