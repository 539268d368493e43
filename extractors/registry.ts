import { docExtractor } from './doc.js';
import { docxExtractor } from './docx.js';
import { htmlExtractor } from './html.js';
import { imageExtractor } from './image.js';
import { pdfExtractor } from './pdf.js';
import type { SniffedType } from './sniff.js';
import { textExtractor } from './text.js';
import type { Extractor } from './types.js';

const BY_TYPE: Record<SniffedType, Extractor> = {
  pdf: pdfExtractor,
  html: htmlExtractor,
  text: textExtractor,
  image: imageExtractor,
  docx: docxExtractor,
  doc: docExtractor,
};

export const extractorFor = (type: SniffedType): Extractor => BY_TYPE[type];
