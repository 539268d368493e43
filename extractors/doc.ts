/**
 * Legacy Word files (.doc). Plans are still posted as .doc attachments; the DOCX reader reads only DOCX, so
 * a .doc is converted to DOCX by LibreOffice when it is installed and then read exactly like a DOCX.
 * Without LibreOffice the file fails with `unsupported_type` and says how to convert it.
 */
import { FileError } from '../schemas/errors.js';
import { DOC_HINT, isOle2Magic, isWordOle2 } from './_docx-zip.js';
import { convertToDocx, findSoffice } from './_soffice.js';
import { docxExtractor } from './docx.js';
import type { Extractor } from './types.js';

export const docExtractor: Extractor = {
  name: 'doc',
  accepts(probe) {
    return isOle2Magic(probe.head);
  },
  async extract(bytes, ctx) {
    if (!isWordOle2(bytes)) throw new FileError('unsupported_type', 'an OLE2 file that is not a Word document (a legacy spreadsheet or presentation?)');
    const soffice = await findSoffice();
    if (!soffice) throw new FileError('unsupported_type', DOC_HINT);
    let docx: Buffer;
    try {
      docx = await convertToDocx(soffice, bytes);
    } catch (err) {
      throw new FileError('corrupt_doc', `LibreOffice could not convert this .doc: ${(err as Error).message}`, { cause: err });
    }
    const extracted = await docxExtractor.extract(docx, ctx);
    return { ...extracted, extractor: 'doc', mediaType: 'application/msword' };
  },
};
