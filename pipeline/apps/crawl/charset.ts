/**
 * Keeping the HTTP charset with a saved page. A server may declare the charset only in its
 * Content-Type header; once the page is a file, the header is gone, and `renda ingest` (which reads
 * the page's own <meta>) would have to guess. Two ways out: transcode to UTF-8 when saving, or keep
 * the server's bytes and write the header's charset into the file. We keep the bytes — the saved file
 * is then what the site served, byte for byte after one ASCII line, so re-reading it with a future
 * renda (better decoding, another tool) loses nothing — and prepend `<meta charset>` naming the
 * header's charset, which the HTML extractor reads first. ASCII is the same in every encoding we
 * decode, so the prefix cannot disturb the page's own bytes.
 */
import { bomEncoding, canonicalCharset, decodeText } from '../../../extractors/_charset.js';
import { sniffCharset } from '../../../extractors/html.js';

export function withHeaderCharset(bytes: Uint8Array, headerCharset: string | undefined): Uint8Array {
  const want = canonicalCharset(headerCharset);
  // Western labels are not honoured by the decoder anyway (see _charset.ts); UTF-16 text cannot take
  // an ASCII prefix; a BOM outranks every declaration.
  if (!want || want.startsWith('UTF-16') || bomEncoding(bytes)) return bytes;
  if (canonicalCharset(sniffCharset(bytes)) === want) return bytes;
  // Only a header that fits the bytes is written down: nginx's default "charset utf-8" over a GBK
  // page must not outrank the page's own correct <meta>.
  let used: string;
  try {
    used = decodeText(bytes, headerCharset).encoding;
  } catch {
    return bytes;
  }
  if (used !== want) return bytes;
  const label = headerCharset!.replace(/[^\w.:-]/g, '');
  return Buffer.concat([Buffer.from(`<meta charset="${label}"><!-- renda crawl: charset from the HTTP Content-Type header -->\n`), bytes]);
}
