/** Plain text files: decoded (see _charset.ts), line endings normalised, one page. */
import { decodeText } from './_charset.js';
import type { Extractor } from './types.js';

const EXTENSIONS = new Set(['.txt', '.text']);

export const textExtractor: Extractor = {
  name: 'text',
  accepts(probe) {
    return EXTENSIONS.has(probe.ext);
  },
  async extract(bytes) {
    const { text } = decodeText(bytes);
    return {
      extractor: 'text',
      mediaType: 'text/plain',
      pageCount: null,
      pages: [{ number: 1, text: text.replace(/\r\n?/g, '\n') }],
      meta: {},
    };
  },
};
