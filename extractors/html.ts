/**
 * Saved web pages: the article's title, byline and body as lines, without the site around it.
 * The content-finding lives in _html-content.ts; this file is bytes → DOM → ExtractedText.
 */
import type { Document } from 'domhandler';
import { FileError } from '../schemas/errors.js';
import { decodeText } from './_charset.js';
import { capDepth } from './_html-depth.js';
import { flattenDeepMarkup } from './_html-markup-depth.js';
import { isoDate } from '../pipeline/text/clutter.js';
import { isInfoLine, readArticle } from './_html-content.js';
import type { Extractor } from './types.js';
import type { ExtractedText } from '../schemas/stages.js';

export const HTML_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.shtm', '.xhtml']);

/** Markup at the start of the file, after a BOM, whitespace and comments. */
const HTML_HEAD = /^(?:\ufeff|ï»¿)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/i;

/**
 * The charset a page declares in <meta charset> or <meta http-equiv="Content-Type">, or in an
 * XML declaration. Read from raw bytes as latin1: the declaration is ASCII whatever the encoding.
 * 8 KB rather than the spec's 1 KB, because CMS pages put long comments and scripts first.
 */
export function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  return /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
}

const DATE_META = new Set([
  'pubdate', 'publishdate', 'publish_date', 'publishtime', 'article:published_time', 'datepublished',
  'dc.date.issued', 'dcterms.issued', 'firstpublishedtime',
]);

export const htmlExtractor: Extractor = {
  name: 'html',
  accepts(probe) {
    if (HTML_EXTENSIONS.has(probe.ext)) return true;
    return HTML_HEAD.test(Buffer.from(probe.head).toString('latin1'));
  },
  async extract(bytes) {
    const { text: source } = decodeText(bytes, sniffCharset(bytes));
    // Loaded here, not at the top: runs that see no HTML should not pay for the parser.
    const { load } = await import('cheerio');
    const $ = load(flattenDeepMarkup(source));
    capDepth($.root()[0]);
    const article = readArticle($.root()[0] as Document, $('title').first().text());
    if (!article.lines.length) throw new FileError('no_text', 'the page has no readable text');

    // The byline is what the page shows; the meta tag is the fallback (some CMS leave it stale).
    // Only lines above the first real paragraph: a "会议时间：" inside the body is not a byline.
    const firstPara = article.lines.findIndex((l) => l.length > 100 && !isInfoLine(l));
    const top = article.lines.slice(0, Math.min(10, firstPara < 0 ? 10 : firstPara));
    let publishedDate = top.filter(isInfoLine).map((l) => isoDate(l) ?? undefined).find(Boolean);
    if (!publishedDate) {
      $('meta').each((_, el) => {
        const a = el.attribs;
        const key = (a.name ?? a.property ?? a.itemprop ?? '').toLowerCase();
        if (!publishedDate && DATE_META.has(key)) publishedDate = isoDate(a.content ?? '') ?? undefined;
      });
    }
    const meta: ExtractedText['meta'] = {};
    if (article.title) meta.title = article.title;
    if (publishedDate) meta.publishedDate = publishedDate;
    return {
      extractor: 'html',
      mediaType: 'text/html',
      pageCount: null,
      pages: [{ number: 1, text: article.lines.join('\n') }],
      meta,
    };
  },
};
