/**
 * Where a downloaded URL is saved: `<out>/raw/<host>/<path>`, mirroring the site so an operator can
 * find a file by its URL. Every part of the name comes from the network, so it is sanitised: no
 * `..`, no separators or control characters, no names Windows reserves, each segment at most 80
 * bytes and the whole path at most 240, a query string folded into a short hash, and the extension
 * chosen by the caller from the bytes (a PDF served as /download.jsp is saved as …download.pdf).
 * The result is checked to lie inside the raw folder whatever the input.
 */
import { createHash } from 'node:crypto';
import { extname, join, relative, resolve, sep } from 'node:path';

const MAX_SEGMENT_BYTES = 80;
const MAX_PATH_BYTES = 240;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

const shortHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 10);

/** One path segment made safe: percent-decoded, unsafe characters replaced, trimmed to a length. */
export function safeSegment(raw: string): string {
  let s: string;
  try {
    s = decodeURIComponent(raw);
  } catch {
    s = raw;
  }
  // Trimmed first: a segment of dots wrapped in (non-breaking, ideographic) spaces is still "..".
  s = s
    .normalize('NFC')
    .trim()
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))
    .replace(/[.\s]+$/, '');
  if (!s) s = '_';
  if (WINDOWS_RESERVED.test(s.replace(/\..*$/, ''))) s = `_${s}`;
  return truncateBytes(s, MAX_SEGMENT_BYTES);
}

function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  const ext = extname(s).length <= 8 ? extname(s) : '';
  const stem = s.slice(0, s.length - ext.length);
  const suffix = `~${shortHash(s)}${ext}`;
  let cut = stem;
  // Cut by code points, never inside a surrogate pair (the name must stay valid Unicode).
  while (Buffer.byteLength(cut) + Buffer.byteLength(suffix) > max) cut = cut.slice(0, /[\udc00-\udfff]$/.test(cut) ? -2 : -1);
  return cut + suffix;
}

/** `…/plan.html` → `…/plan~1a2b3c4d5e.html`: the file of a URL whose plain name another URL holds. */
export function withUrlHash(path: string, url: string): string {
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}~${shortHash(url)}${ext}`;
}

/** The host as a folder name: "127.0.0.1:8080" → "127.0.0.1_8080" (colons are not portable). */
export function hostFolder(url: URL): string {
  return safeSegment(url.host.replace(/:/g, '_'));
}

/**
 * The file for `url` under `rawDir`, with `extension` (".pdf", ".html", …). `keep` lists extensions
 * the URL's own name may keep when they agree with the bytes (".htm" for a web page, ".jpeg").
 */
export function rawPathFor(rawDir: string, url: URL, extension: string, keep: readonly string[] = []): string {
  const segments = url.pathname.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(safeSegment);
  let name = url.pathname.endsWith('/') || !segments.length ? 'index' : segments.pop()!;
  const own = extname(name).toLowerCase();
  if (own && (own === extension || keep.includes(own))) name = name.slice(0, -own.length);
  else name = name.replace(/\./g, '_');
  if (url.search) name += `_q${shortHash(url.search)}`;
  const ext = own && keep.includes(own) ? own : extension;
  let file = truncateBytes(name + ext, MAX_SEGMENT_BYTES);
  const root = resolve(rawDir);
  const folder = [hostFolder(url), ...segments];
  let path = join(root, ...folder, file);
  // A deep URL: keep the host and the file name, fold the middle into a hash.
  if (Buffer.byteLength(relative(root, path)) > MAX_PATH_BYTES) {
    file = truncateBytes(name, MAX_SEGMENT_BYTES - 20) + ext;
    path = join(root, hostFolder(url), `~${shortHash(segments.join('/'))}`, file);
  }
  if (!path.startsWith(root + sep)) throw new Error(`unsafe path for ${url.href}`);
  // In the caller's form (relative stays relative): it is the path ingest records for the source.
  return join(rawDir, relative(root, path));
}
