/**
 * Unit tests for the crawler's building blocks: robots.txt, where files are saved, link
 * extraction, content checks, the sources file, retries, the polite HTTP GET (against real
 * node:http servers on 127.0.0.1) and the header-charset prefix of saved pages.
 */
// Upper time bounds below only tell "gave up at once" from "waited out the long delay" (seconds to
// minutes); they are loose on purpose, so a busy CI machine cannot fail them.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { isAbsolute, join, resolve, sep } from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../extractors/_charset.js';
import { htmlExtractor, sniffCharset } from '../extractors/html.js';
import { withHeaderCharset } from '../pipeline/apps/crawl/charset.js';
import { checkContent, extensionFor, KEEP_EXTENSIONS, kindOfBytes } from '../pipeline/apps/crawl/content.js';
import { CrawlAborted, FetchError, PermanentError, RetryableError } from '../pipeline/apps/crawl/errors.js';
import { politeGet, type FetchOptions } from '../pipeline/apps/crawl/fetch.js';
import { absolute, isPaginationText, pageLinks } from '../pipeline/apps/crawl/links.js';
import { hostFolder, rawPathFor, safeSegment } from '../pipeline/apps/crawl/raw-path.js';
import { withRetries, parseRetryAfter } from '../pipeline/apps/crawl/retry.js';
import { parseRobots, productToken } from '../pipeline/apps/crawl/robots.js';
import { allowedHostsOf, DEFAULT_USER_AGENT, parseSources } from '../pipeline/apps/crawl/sources.js';
import { UsageError } from '../schemas/errors.js';

const fixture = (p: string): Buffer => readFileSync(new URL(`../fixtures/${p}`, import.meta.url));
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const gbk = (s: string): Buffer => iconv.encode(s, 'gbk');

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

/** The error a function throws (fails the test if it returns). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}

// ---------------------------------------------------------------------------------------------
// robots.txt
// ---------------------------------------------------------------------------------------------

describe('robots: productToken', () => {
  it('is the first word of the User-Agent, without version, lower case', () => {
    expect(productToken('renda/0.1 (crawler; contact x@y.cn)')).toBe('renda');
    expect(productToken('  Renda-Bot/2.0')).toBe('renda-bot');
    expect(productToken('Googlebot')).toBe('googlebot');
    expect(productToken(DEFAULT_USER_AGENT)).toBe('renda');
  });
});

describe('robots: parseRobots', () => {
  const UA = 'renda/0.1 (test)';

  it('uses the group naming our product token and ignores the * group then', () => {
    const r = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: renda\nDisallow: /private/\n', UA);
    expect(r.allows('/public/a.html')).toBe(true);
    expect(r.allows('/private/a.html')).toBe(false);
    // Another bot's UA falls back to *.
    const other = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: renda\nDisallow: /private/\n', 'otherbot/1');
    expect(other.allows('/public/a.html')).toBe(false);
  });

  it('matches the agent name case-insensitively and by product token (version ignored)', () => {
    const r = parseRobots('User-agent: RENDA/9.9\nDisallow: /x\nUser-agent: *\nDisallow: /\n', UA);
    expect(r.allows('/x')).toBe(false);
    expect(r.allows('/y')).toBe(true);
  });

  it('falls back to the * group when no group names us', () => {
    const r = parseRobots('User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin\n', UA);
    expect(r.allows('/admin/login')).toBe(false);
    expect(r.allows('/news/')).toBe(true);
  });

  it('allows everything when no group applies or the file is empty', () => {
    expect(parseRobots('User-agent: googlebot\nDisallow: /\n', UA).allows('/a')).toBe(true);
    expect(parseRobots('', UA).allows('/a')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n', UA).allows('/a')).toBe(true);
  });

  it('lets consecutive user-agent lines share one group', () => {
    const text = 'User-agent: googlebot\nUser-agent: renda\nDisallow: /shared/\n\nUser-agent: *\nDisallow: /\n';
    const r = parseRobots(text, UA);
    expect(r.allows('/shared/x')).toBe(false);
    expect(r.allows('/other')).toBe(true);
  });

  it('starts a new group at a user-agent line that follows rules', () => {
    const text = 'User-agent: renda\nDisallow: /a/\nUser-agent: googlebot\nDisallow: /b/\n';
    const r = parseRobots(text, UA);
    expect(r.allows('/a/1')).toBe(false);
    expect(r.allows('/b/1')).toBe(true);
  });

  it('merges several groups naming our agent', () => {
    const text = 'User-agent: renda\nDisallow: /a/\n\nUser-agent: *\nDisallow: /c/\n\nUser-agent: renda\nDisallow: /b/\n';
    const r = parseRobots(text, UA);
    expect(r.allows('/a/x')).toBe(false);
    expect(r.allows('/b/x')).toBe(false);
    expect(r.allows('/c/x')).toBe(true);
  });

  it('lets the longest matching rule win, whichever comes first', () => {
    const a = parseRobots('User-agent: *\nDisallow: /docs/\nAllow: /docs/public/\n', UA);
    expect(a.allows('/docs/public/a.pdf')).toBe(true);
    expect(a.allows('/docs/secret/a.pdf')).toBe(false);
    const b = parseRobots('User-agent: *\nAllow: /docs/public/\nDisallow: /docs/\n', UA);
    expect(b.allows('/docs/public/a.pdf')).toBe(true);
    const c = parseRobots('User-agent: *\nAllow: /docs/\nDisallow: /docs/secret/\n', UA);
    expect(c.allows('/docs/secret/a.pdf')).toBe(false);
    expect(c.allows('/docs/other')).toBe(true);
  });

  it('lets Allow win a tie of equal length', () => {
    expect(parseRobots('User-agent: *\nDisallow: /page\nAllow: /page\n', UA).allows('/page')).toBe(true);
    expect(parseRobots('User-agent: *\nAllow: /page\nDisallow: /page\n', UA).allows('/page')).toBe(true);
  });

  it('treats * as any run of characters and a final $ as the end', () => {
    const r = parseRobots('User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/cache\n', UA);
    expect(r.allows('/files/a.pdf')).toBe(false);
    expect(r.allows('/files/a.pdf?download=1')).toBe(true);
    expect(r.allows('/files/a.pdfx')).toBe(true);
    expect(r.allows('/tmp123/x/cache/1')).toBe(false);
    expect(r.allows('/tmp/cache')).toBe(false);
    expect(r.allows('/cache')).toBe(true);
    const root = parseRobots('User-agent: *\nDisallow: /\nAllow: /$\n', UA);
    expect(root.allows('/')).toBe(true);
    expect(root.allows('/index.html')).toBe(false);
  });

  it('takes regex metacharacters in patterns literally', () => {
    const r = parseRobots('User-agent: *\nDisallow: /a.b?c=(1)\n', UA);
    expect(r.allows('/a.b?c=(1)')).toBe(false);
    expect(r.allows('/aXb?c=(1)')).toBe(true);
    expect(r.allows('/a.bc=1')).toBe(true);
  });

  it('matches from the start of the path only, case-sensitively', () => {
    const r = parseRobots('User-agent: *\nDisallow: /admin\n', UA);
    expect(r.allows('/x/admin')).toBe(true);
    expect(r.allows('/Admin')).toBe(true);
    expect(r.allows('/admin.php')).toBe(false);
  });

  it('matches a non-ASCII rule against the percent-encoded path a URL carries', () => {
    const r = parseRobots('User-agent: *\nDisallow: /通知/\n', UA);
    const path = new URL('http://rd.gov.cn/通知/x').pathname;
    expect(path).toBe('/%E9%80%9A%E7%9F%A5/x');
    expect(r.allows('/%E9%80%9A%E7%9F%A5/x')).toBe(false);
    expect(r.allows('/%e9%80%9a%e7%9f%a5/x')).toBe(false);
    expect(r.allows('/通知/x')).toBe(false);
    expect(r.allows('/%E5%85%AC%E5%91%8A/x')).toBe(true);
    // And a percent-encoded rule matches too, whatever the case of its escapes.
    const enc = parseRobots('User-agent: *\nDisallow: /%e9%80%9a%e7%9f%a5/\n', UA);
    expect(enc.allows('/%E9%80%9A%E7%9F%A5/x')).toBe(false);
  });

  it('compares the longest match in encoded octets', () => {
    // "/通知/" is 20 octets encoded, longer than "/%E9%80%9A" (10): the Allow wins.
    const r = parseRobots('User-agent: *\nDisallow: /%E9%80%9A\nAllow: /通知/\n', UA);
    expect(r.allows('/%E9%80%9A%E7%9F%A5/x')).toBe(true);
    expect(r.allows('/%E9%80%9Ax')).toBe(false);
  });

  it('includes the query string in matching', () => {
    const r = parseRobots('User-agent: *\nDisallow: /*?*sessionid=\n', UA);
    expect(r.allows('/list.jsp?page=2&sessionid=abc')).toBe(false);
    expect(r.allows('/list.jsp?page=2')).toBe(true);
  });

  it('reads Crawl-delay of the applicable group in milliseconds', () => {
    expect(parseRobots('User-agent: *\nCrawl-delay: 5\n', UA).crawlDelayMs).toBe(5000);
    expect(parseRobots('User-agent: *\nCrawl-delay: 0.5\n', UA).crawlDelayMs).toBe(500);
    expect(parseRobots('User-agent: *\nDisallow: /x\n', UA).crawlDelayMs).toBeUndefined();
    expect(parseRobots('User-agent: *\nCrawl-delay: soon\n', UA).crawlDelayMs).toBeUndefined();
    expect(parseRobots('User-agent: *\nCrawl-delay: -3\n', UA).crawlDelayMs).toBeUndefined();
    // Our group's delay, not *'s.
    const text = 'User-agent: *\nCrawl-delay: 30\n\nUser-agent: renda\nCrawl-delay: 2\n';
    expect(parseRobots(text, UA).crawlDelayMs).toBe(2000);
    expect(parseRobots(text, 'other').crawlDelayMs).toBe(30_000);
    // Merged groups: the slowest asked for.
    expect(parseRobots('User-agent: renda\nCrawl-delay: 2\nUser-agent: x\nDisallow: /\nUser-agent: renda\nCrawl-delay: 7\n', UA).crawlDelayMs).toBe(7000);
  });

  it('always allows /robots.txt itself', () => {
    const r = parseRobots('User-agent: *\nDisallow: /\n', UA);
    expect(r.allows('/robots.txt')).toBe(true);
    expect(r.allows('/')).toBe(false);
    expect(r.allows('/anything')).toBe(false);
  });

  it('ignores rules before any user-agent line', () => {
    const r = parseRobots('Disallow: /\nCrawl-delay: 9\nUser-agent: *\nDisallow: /x/\n', UA);
    expect(r.allows('/a')).toBe(true);
    expect(r.allows('/x/a')).toBe(false);
    expect(r.crawlDelayMs).toBeUndefined();
  });

  it('copes with a BOM, CRLF and CR line ends, comments and odd spacing', () => {
    const crlf = parseRobots('\ufeffUser-agent: *\r\nDisallow: /private/   # keep out\r\n', UA);
    expect(crlf.allows('/private/a')).toBe(false);
    expect(crlf.allows('/public/a')).toBe(true);
    const cr = parseRobots('user-AGENT:renda\rdisallow :  /cr/\r', UA);
    expect(cr.allows('/cr/a')).toBe(false);
    // Without BOM handling the first line's key would be "\ufeffUser-agent" and the group lost.
    const bomOnly = parseRobots('\ufeffUser-agent: renda\nDisallow: /b/\n', UA);
    expect(bomOnly.allows('/b/1')).toBe(false);
    // A comment-only line and a line without a colon are skipped.
    const noise = parseRobots('# hello\nUser-agent: *\nthis is not a rule\nDisallow: /n/\n', UA);
    expect(noise.allows('/n/1')).toBe(false);
  });

  it('treats an empty path as /', () => {
    expect(parseRobots('User-agent: *\nDisallow: /$\n', UA).allows('')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// raw-path
// ---------------------------------------------------------------------------------------------

describe('raw-path', () => {
  const RAW = join('out', 'raw');
  const ROOT = resolve(RAW);
  const inside = (p: string): boolean => resolve(p).startsWith(ROOT + sep);
  const rel = (p: string): string => resolve(p).slice(ROOT.length + 1);
  const html = (u: string): string => rawPathFor(RAW, new URL(u), '.html', KEEP_EXTENSIONS.html);

  it('mirrors the URL under <raw>/<host>/', () => {
    expect(html('http://www.rd.gov.cn/gzjh/2024/plan.html')).toBe(join(RAW, 'www.rd.gov.cn', 'gzjh', '2024', 'plan.html'));
    expect(rawPathFor(RAW, new URL('http://rd.gov.cn/files/a.pdf'), '.pdf', KEEP_EXTENSIONS.pdf)).toBe(join(RAW, 'rd.gov.cn', 'files', 'a.pdf'));
  });

  it('keeps a relative raw dir relative and an absolute one absolute', () => {
    expect(isAbsolute(html('http://h.cn/a.html'))).toBe(false);
    const abs = rawPathFor(ROOT, new URL('http://h.cn/a.html'), '.html');
    expect(isAbsolute(abs)).toBe(true);
    expect(abs).toBe(join(ROOT, 'h.cn', 'a.html'));
  });

  it.each([
    'http://h.cn/../../etc/passwd',
    'http://h.cn/%2e%2e/%2e%2e/x',
    'http://h.cn/%2E%2E/%2e%2E/%2e./.%2e/x',
    'http://h.cn/a/..%2F..%2Fb',
    'http://h.cn/a/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'http://h.cn/a/..%5C..%5C..%5Cb',
    'http://h.cn/a\\..\\..\\b',
    'http://h.cn/%00/x%01y%7f/%0d%0a.html',
    'http://h.cn/...%2F.../....//x',
    'http://h.cn/a/%2e%2e%2f%2e%2e%2f',
    'http://h.cn/C:%5CWindows%5Csystem32',
    'http://h.cn/%2Fetc%2Fpasswd',
    'http://h.cn/a/%252e%252e/%252e%252e/b',
  ])('keeps %s inside the raw dir and its host folder', (u) => {
    const p = html(u);
    expect(inside(p)).toBe(true);
    expect(resolve(p).startsWith(join(ROOT, 'h.cn') + sep)).toBe(true);
    for (const seg of rel(p).split(sep)) {
      expect(seg).not.toBe('..');
      expect(seg).not.toBe('.');
      expect(seg).not.toMatch(/[\u0000-\u001f\u007f\\:*?"<>|]/);
    }
  });

  it('does not let whitespace-wrapped dot segments climb out of the host folder', () => {
    // U+00A0 and U+3000 are trimmed by String.prototype.trim after the dot checks have run.
    for (const ws of ['%C2%A0', '%E3%80%80']) {
      const seg = `${ws}..${ws}`;
      const p = html(`http://evil.cn/${seg}/other.gov.cn/index.html`);
      expect(p, 'must not land in another host\'s folder').not.toBe(join(RAW, 'other.gov.cn', 'index.html'));
      expect(resolve(p).startsWith(join(ROOT, 'evil.cn') + sep)).toBe(true);
      expect(safeSegment(seg)).not.toBe('..');
      expect(safeSegment(`${ws}.${ws}`)).not.toBe('.');
      // Two of them must neither escape nor throw.
      expect(inside(html(`http://evil.cn/${seg}/${seg}/x.html`))).toBe(true);
    }
  });

  it('shortens overlong segments deterministically and keeps distinct URLs distinct', () => {
    const long = '关于印发人大常委会工作要点的通知'.repeat(19).slice(0, 300);
    expect([...long].length).toBe(300);
    const a = html(`http://h.cn/${long}/${long}.html`);
    const b = html(`http://h.cn/${long}/${long.slice(0, 299)}甲.html`);
    const c = html(`http://h.cn/${long.slice(0, 299)}甲/${long}.html`);
    expect(html(`http://h.cn/${long}/${long}.html`)).toBe(a);
    expect(new Set([a, b, c]).size).toBe(3);
    for (const p of [a, b, c]) {
      expect(inside(p)).toBe(true);
      expect(p.endsWith('.html')).toBe(true);
      for (const seg of rel(p).split(sep)) expect(Buffer.byteLength(seg)).toBeLessThanOrEqual(80);
      expect(Buffer.byteLength(rel(p))).toBeLessThanOrEqual(260);
    }
    expect(Buffer.byteLength(safeSegment(encodeURIComponent(long)))).toBeLessThanOrEqual(80);
    expect(safeSegment(encodeURIComponent(long))).toBe(safeSegment(encodeURIComponent(long)));
    expect(safeSegment(encodeURIComponent(long))).not.toBe(safeSegment(encodeURIComponent(long.slice(0, 299) + '甲')));
  });

  it('keeps a shortened segment well-formed Unicode (no split surrogate pairs)', () => {
    // 𠀀 (U+20000) is a surrogate pair in JS and four bytes in UTF-8.
    for (const pre of ['', 'a', 'ab', 'abc']) {
      const s = safeSegment(encodeURIComponent(pre + '𠀀'.repeat(40)));
      expect(Buffer.byteLength(s)).toBeLessThanOrEqual(80);
      expect(Buffer.from(s, 'utf8').toString('utf8'), `prefix '${pre}'`).toBe(s);
    }
  });

  it('folds very deep paths and keeps them distinct', () => {
    const mid = Array.from({ length: 40 }, (_, i) => `section${i}`).join('/');
    const a = html(`http://h.cn/${mid}/page.html`);
    const b = html(`http://h.cn/${mid.replace('section17', 'sectionXVII')}/page.html`);
    const c = html(`http://h.cn/${mid}/other.html`);
    expect(html(`http://h.cn/${mid}/page.html`)).toBe(a);
    expect(new Set([a, b, c]).size).toBe(3);
    for (const p of [a, b, c]) {
      expect(inside(p)).toBe(true);
      expect(Buffer.byteLength(rel(p))).toBeLessThanOrEqual(260);
      expect(rel(p).split(sep)[0]).toBe('h.cn');
    }
    expect(a.endsWith(`${sep}page.html`)).toBe(true);
    expect(c.endsWith(`${sep}other.html`)).toBe(true);
    // Deep paths of long Chinese segments too.
    const deep = Array.from({ length: 12 }, (_, i) => `第${i}级栏目名称很长很长很长很长很长`).join('/');
    const d = html(`http://h.cn/${deep}/通知.html`);
    expect(Buffer.byteLength(rel(d))).toBeLessThanOrEqual(260);
    expect(d.endsWith('通知.html')).toBe(true);
  });

  it('folds the query string into a hash so ?id=1 and ?id=2 differ', () => {
    const one = rawPathFor(RAW, new URL('http://h.cn/download.jsp?id=1'), '.pdf', KEEP_EXTENSIONS.pdf);
    const two = rawPathFor(RAW, new URL('http://h.cn/download.jsp?id=2'), '.pdf', KEEP_EXTENSIONS.pdf);
    const none = rawPathFor(RAW, new URL('http://h.cn/download.jsp'), '.pdf', KEEP_EXTENSIONS.pdf);
    expect(new Set([one, two, none]).size).toBe(3);
    for (const p of [one, two]) {
      expect(p).not.toMatch(/[?=&]/);
      expect(p.endsWith('.pdf')).toBe(true);
    }
    // The fragment is not part of it.
    expect(rawPathFor(RAW, new URL('http://h.cn/download.jsp?id=1#p2'), '.pdf')).toBe(one);
    // A query on a directory URL.
    expect(html('http://h.cn/list/?page=2')).not.toBe(html('http://h.cn/list/?page=3'));
  });

  it('takes the extension from the caller, but keeps an agreeing one of the URL', () => {
    const pdf = rawPathFor(RAW, new URL('http://h.cn/attach/download.jsp?id=7'), '.pdf', KEEP_EXTENSIONS.pdf);
    expect(pdf.endsWith('.pdf')).toBe(true);
    expect(pdf).toContain('download');
    expect(pdf).not.toMatch(/\.jsp/);
    expect(html('http://h.cn/a/page.htm')).toBe(join(RAW, 'h.cn', 'a', 'page.htm'));
    expect(html('http://h.cn/a/page.shtml')).toBe(join(RAW, 'h.cn', 'a', 'page.shtml'));
    expect(html('http://h.cn/a/page.html')).toBe(join(RAW, 'h.cn', 'a', 'page.html'));
    // A .pdf link whose bytes are a web page is not saved as .pdf.
    expect(html('http://h.cn/a/file.pdf').endsWith('.pdf')).toBe(false);
    // No extension: the caller's.
    expect(rawPathFor(RAW, new URL('http://h.cn/a/file'), '.docx', KEEP_EXTENSIONS.docx)).toBe(join(RAW, 'h.cn', 'a', 'file.docx'));
    // Upper-case agreeing extension.
    expect(rawPathFor(RAW, new URL('http://h.cn/a/FILE.PDF'), '.pdf', KEEP_EXTENSIONS.pdf).toLowerCase().endsWith('file.pdf')).toBe(true);
  });

  it('prefixes names Windows reserves', () => {
    const reserved = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;
    for (const u of ['http://h.cn/con', 'http://h.cn/aux.html', 'http://h.cn/nul/x.html', 'http://h.cn/COM1.txt', 'http://h.cn/a/lpt9.html', 'http://h.cn/prn.tar.gz']) {
      const p = html(u);
      expect(inside(p)).toBe(true);
      for (const seg of rel(p).split(sep)) expect(seg.replace(/\..*$/, ''), `${u} → ${p}`).not.toMatch(reserved);
    }
    expect(html('http://h.cn/aux.html')).toBe(join(RAW, 'h.cn', '_aux.html'));
    expect(safeSegment('con')).toBe('_con');
    expect(safeSegment('console')).toBe('console');
  });

  it('names a directory URL index.<ext>', () => {
    expect(html('http://h.cn/a/b/')).toBe(join(RAW, 'h.cn', 'a', 'b', 'index.html'));
    expect(html('http://h.cn/')).toBe(join(RAW, 'h.cn', 'index.html'));
    expect(html('http://h.cn')).toBe(join(RAW, 'h.cn', 'index.html'));
    expect(rawPathFor(RAW, new URL('http://h.cn/a/'), '.pdf')).toBe(join(RAW, 'h.cn', 'a', 'index.pdf'));
  });

  it('turns host:port into host_port and drops default ports', () => {
    expect(hostFolder(new URL('http://127.0.0.1:8080/x'))).toBe('127.0.0.1_8080');
    expect(hostFolder(new URL('http://rd.gov.cn:80/x'))).toBe('rd.gov.cn');
    expect(hostFolder(new URL('https://RD.gov.cn:8443/'))).toBe('rd.gov.cn_8443');
    expect(html('http://127.0.0.1:8080/a.html')).toBe(join(RAW, '127.0.0.1_8080', 'a.html'));
    expect(hostFolder(new URL('http://[::1]:8080/'))).not.toMatch(/:/);
  });

  it('safeSegment decodes, replaces separators and controls, and never yields . or ..', () => {
    expect(safeSegment('%E9%80%9A%E7%9F%A5')).toBe('通知');
    expect(safeSegment('a%2Fb%5Cc')).toBe('a_b_c');
    expect(safeSegment('%2e%2e')).not.toMatch(/^\.+$/);
    expect(safeSegment('..')).not.toMatch(/^\.+$/);
    expect(safeSegment('.')).not.toMatch(/^\.+$/);
    expect(safeSegment('.hidden')).not.toMatch(/^\./);
    expect(safeSegment('')).toBe('_');
    expect(safeSegment('%20%20')).toBe('_');
    expect(safeSegment('name.')).toBe('name');
    expect(safeSegment('a%00b')).toBe('a_b');
    expect(safeSegment('bad%E9%80')).toBe('bad%E9%80'); // invalid escape: kept raw, safely
    // NFC: a decomposed é and a composed é give one name.
    expect(safeSegment('e%CC%81')).toBe(safeSegment('%C3%A9'));
  });
});

// ---------------------------------------------------------------------------------------------
// links
// ---------------------------------------------------------------------------------------------

describe('links', () => {
  const PAGE = 'http://rd.gov.cn/gzjh/list/index.html';
  const urls = (html: string | Uint8Array, page = PAGE, cs?: string): string[] =>
    pageLinks(typeof html === 'string' ? utf8(html) : html, page, cs).map((l) => l.url);

  it('resolves relative links against the page, and drops fragments', () => {
    const got = urls(`<html><body>
      <a href="a.html">A</a><a href="../b.html#top">B</a><a href="/c/d.html">C</a>
      <a href="//other.gov.cn/e.html">E</a><a href="https://s.gov.cn/f?x=1#y">F</a>
      <a href="?page=2">P</a></body></html>`);
    expect(got).toEqual([
      'http://rd.gov.cn/gzjh/list/a.html',
      'http://rd.gov.cn/gzjh/b.html',
      'http://rd.gov.cn/c/d.html',
      'http://other.gov.cn/e.html',
      'https://s.gov.cn/f?x=1',
      'http://rd.gov.cn/gzjh/list/index.html?page=2',
    ]);
  });

  it('honours <base href>, itself relative to the page', () => {
    expect(urls('<html><head><base href="http://cdn.gov.cn/root/"></head><body><a href="x/y.html">x</a></body></html>')).toEqual([
      'http://cdn.gov.cn/root/x/y.html',
    ]);
    expect(urls('<html><head><base href="/other/"></head><body><a href="y.html">y</a></body></html>')).toEqual([
      'http://rd.gov.cn/other/y.html',
    ]);
  });

  it('drops javascript:, mailto:, tel:, data:, fragment-only, empty and non-http links', () => {
    const got = urls(`<html><body>
      <a href="javascript:void(0)">j</a><a href=" JavaScript:go()">J</a><a href="mailto:a@b.cn">m</a>
      <a href="tel:123">t</a><a href="data:text/html,hi">d</a><a href="#top">f</a><a href="">e</a>
      <a href="ftp://x.cn/a">ftp</a><a href="http://[bad">bad</a><a name="anchor">n</a>
      <a href="ok.html">ok</a></body></html>`);
    expect(got).toEqual(['http://rd.gov.cn/gzjh/list/ok.html']);
  });

  it('lists each URL once, with the first anchor text, whitespace folded', () => {
    const links = pageLinks(utf8(`<html><body>
      <a href="a.html">  第一条
        通知 </a><a href="a.html#x">again</a><a href="./a.html">again</a>
      <area href="map.html"></body></html>`), PAGE);
    expect(links).toEqual([
      { url: 'http://rd.gov.cn/gzjh/list/a.html', text: '第一条 通知' },
      { url: 'http://rd.gov.cn/gzjh/list/map.html', text: '' },
    ]);
  });

  it('decodes a GBK page by its meta, or by the header charset', () => {
    const title = '关于印发《2024年度工作要点》的通知';
    const withMeta = gbk(`<html><head><meta charset="gbk"></head><body><a href="/通知/a.html">${title}</a></body></html>`);
    const [l] = pageLinks(withMeta, PAGE);
    expect(l.text).toBe(title);
    expect(l.url).toBe('http://rd.gov.cn/%E9%80%9A%E7%9F%A5/a.html');
    const noMeta = gbk(`<html><body><a href="x.html">${title}</a><p>${'常委会工作要点'.repeat(5)}</p></body></html>`);
    expect(pageLinks(noMeta, PAGE, 'gbk')[0].text).toBe(title);
  });

  it('lists TRS createPageHTML pagination as index.html, index_1.html, …', () => {
    const page = `<html><body><a href="./202401/t1.html">一</a>
      <script>createPageHTML(3, 0, "index", "html");</script></body></html>`;
    const links = pageLinks(utf8(page), PAGE);
    expect(links.map((l) => l.url)).toEqual([
      'http://rd.gov.cn/gzjh/list/202401/t1.html',
      'http://rd.gov.cn/gzjh/list/index.html',
      'http://rd.gov.cn/gzjh/list/index_1.html',
      'http://rd.gov.cn/gzjh/list/index_2.html',
    ]);
    expect(links.slice(1).every((l) => l.text === '')).toBe(true);
    // Quoted numbers and single quotes, another name and extension.
    expect(urls(`<script>createPageHTML('2','1','list','shtml')</script>`)).toEqual([
      'http://rd.gov.cn/gzjh/list/list.shtml',
      'http://rd.gov.cn/gzjh/list/list_1.shtml',
    ]);
    expect(urls('<script>createPageHTML(0, 0, "index", "html")</script>')).toEqual([]);
  });

  it('absolute() handles bad input and strips fragments', () => {
    expect(absolute('  b.html#frag ', 'http://h.cn/a/')).toBe('http://h.cn/a/b.html');
    expect(absolute('mailto:x@y', 'http://h.cn/')).toBeNull();
    expect(absolute('#x', 'http://h.cn/')).toBeNull();
    expect(absolute('', 'http://h.cn/')).toBeNull();
    expect(absolute('http://', 'http://h.cn/')).toBeNull();
  });

  it('isPaginationText knows pager words and numbers', () => {
    for (const t of ['下一页', '上一页', '尾页', '末页', '首页', '[下一页]', '【2】', '3', ' 12 ', 'Next', 'prev', 'Previous', '»', '>>', '<']) {
      expect(isPaginationText(t), t).toBe(true);
    }
    for (const t of ['关于2024年工作要点的通知', '下一页面设计', '12345', '', '第2页通知', 'nextgen']) {
      expect(isPaginationText(t), t).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// content
// ---------------------------------------------------------------------------------------------

/** A minimal zip (stored entries, no CRC) holding files with these names. */
function makeZip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const data = Buffer.from('x');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('content', () => {
  const PDF = fixture('pdf/000_aed2f3b3ef629585.pdf');
  const DOCX = fixture('docx/002_4ff2a9da724ed550.docx');
  const DOC = fixture('docx/agenda_table.doc');
  const ERROR_PAGE = utf8('<!DOCTYPE html><html><head><title>404</title></head><body><p>文件不存在</p></body></html>');
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
  const TIF = Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
  const u = (s: string): URL => new URL(s);

  function mismatch(f: () => unknown, code: string): void {
    const err = thrown(f);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe(code);
  }

  it('kindOfBytes tells the kinds apart', () => {
    expect(kindOfBytes(PDF)).toBe('pdf');
    expect(kindOfBytes(DOCX)).toBe('docx');
    expect(kindOfBytes(DOC)).toBe('doc');
    expect(kindOfBytes(ERROR_PAGE)).toBe('html');
    expect(kindOfBytes(utf8('河南省人大常委会2025年工作要点\n一、立法工作'))).toBe('text');
    expect(kindOfBytes(PNG)).toBe('image');
    expect(kindOfBytes(JPG)).toBe('image');
    expect(kindOfBytes(TIF)).toBe('image');
    expect(kindOfBytes(makeZip(['xl/workbook.xml']))).toBe('other');
    expect(kindOfBytes(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toBe('other');
    // OLE2 magic alone is not a Word file: legacy spreadsheets and slides are compound files too.
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(kindOfBytes(Buffer.concat([ole2, Buffer.alloc(504)]))).toBe('other');
    expect(kindOfBytes(Buffer.concat([ole2, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]))).toBe('other');
    expect(kindOfBytes(Buffer.concat([ole2, Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]))).toBe('doc');
    // A PDF whose header is preceded by junk (allowed within the first KiB).
    expect(kindOfBytes(Buffer.concat([utf8('\r\n\r\n'), PDF]))).toBe('pdf');
    // A GBK page is markup, not binary.
    expect(kindOfBytes(gbk('<html><body><p>关于印发工作要点的通知</p></body></html>'))).toBe('html');
  });

  it('kindOfBytes sees markup after more than 1 KiB of leading whitespace or comments', () => {
    // JSP pages often start with hundreds of blank lines from <%@ page %> directives and includes.
    expect(kindOfBytes(utf8(`${'\r\n'.repeat(700)}<!DOCTYPE html><html><body><p>通知</p></body></html>`))).toBe('html');
    expect(kindOfBytes(utf8(`<!-- ${'版权所有 '.repeat(150)} -->\n<html><body><p>通知</p></body></html>`))).toBe('html');
  });

  it('kindOfBytes reads UTF-16 HTML with a BOM as html', () => {
    const page = '<html><head><title>通知</title></head><body><p>关于印发工作要点的通知</p></body></html>';
    expect(kindOfBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]))).toBe('html');
  });

  it('accepts a PDF served as text/html or octet-stream: the bytes win', () => {
    expect(checkContent(PDF, 'text/html; charset=utf-8', u('http://h.cn/show.jsp?id=1'), 'document')).toBe('pdf');
    expect(checkContent(PDF, 'application/octet-stream', u('http://h.cn/download.jsp?id=1'), 'document')).toBe('pdf');
    expect(checkContent(PDF, undefined, u('http://h.cn/a.pdf'), 'document')).toBe('pdf');
    // Even behind a .doc link (government sites mislabel Word/PDF both ways).
    expect(checkContent(PDF, 'application/msword', u('http://h.cn/a.doc'), 'document')).toBe('pdf');
  });

  it('refuses an HTML error page behind a .pdf link or an application/pdf header', () => {
    mismatch(() => checkContent(ERROR_PAGE, 'text/html', u('http://h.cn/files/a.pdf'), 'document'), 'type_mismatch');
    mismatch(() => checkContent(ERROR_PAGE, 'application/pdf', u('http://h.cn/download.jsp?id=3'), 'document'), 'type_mismatch');
    mismatch(() => checkContent(ERROR_PAGE, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', u('http://h.cn/d'), 'document'), 'type_mismatch');
    mismatch(() => checkContent(ERROR_PAGE, 'text/html', u('http://h.cn/a.DOCX'), 'document'), 'type_mismatch');
    mismatch(() => checkContent(utf8('file not found'), 'text/plain', u('http://h.cn/scan.jpg'), 'document'), 'type_mismatch');
    mismatch(() => checkContent(ERROR_PAGE, 'image/png', u('http://h.cn/p'), 'document'), 'type_mismatch');
  });

  it('accepts an HTML document where nothing promised a binary file', () => {
    expect(checkContent(ERROR_PAGE, 'text/html', u('http://h.cn/a/b.html'), 'document')).toBe('html');
    expect(checkContent(ERROR_PAGE, 'application/octet-stream', u('http://h.cn/show.jsp'), 'document')).toBe('html');
    expect(checkContent(utf8('纯文本通知'), 'text/plain', u('http://h.cn/a.txt'), 'document')).toBe('text');
  });

  it('requires a list page to be HTML', () => {
    expect(checkContent(ERROR_PAGE, 'text/html', u('http://h.cn/list/'), 'list')).toBe('html');
    mismatch(() => checkContent(PDF, 'text/html', u('http://h.cn/list/index.html'), 'list'), 'type_mismatch');
    mismatch(() => checkContent(utf8('just text, no markup'), 'text/html', u('http://h.cn/list/'), 'list'), 'type_mismatch');
    mismatch(() => checkContent(DOCX, 'text/html', u('http://h.cn/list/'), 'list'), 'type_mismatch');
  });

  it('refuses a zip that is not a DOCX, and binaries, as unsupported_content', () => {
    mismatch(() => checkContent(makeZip(['xl/workbook.xml', '[Content_Types].xml']), 'application/zip', u('http://h.cn/a.zip'), 'document'), 'unsupported_content');
    mismatch(() => checkContent(makeZip(['a.txt']), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', u('http://h.cn/a.docx'), 'document'), 'unsupported_content');
    mismatch(() => checkContent(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), undefined, u('http://h.cn/setup.exe'), 'document'), 'unsupported_content');
  });

  it('reads a real DOCX as docx and OLE2 bytes as doc, whatever the name says', () => {
    expect(checkContent(DOCX, 'application/octet-stream', u('http://h.cn/att/plan.doc'), 'document')).toBe('docx');
    expect(checkContent(makeZip(['[Content_Types].xml', 'word/document.xml']), undefined, u('http://h.cn/x'), 'document')).toBe('docx');
    expect(checkContent(DOC, 'application/msword', u('http://h.cn/att/plan.docx'), 'document')).toBe('doc');
  });

  it('extensionFor names each kind, images by their signature', () => {
    expect(extensionFor('pdf', PDF)).toBe('.pdf');
    expect(extensionFor('docx', DOCX)).toBe('.docx');
    expect(extensionFor('doc', DOC)).toBe('.doc');
    expect(extensionFor('html', ERROR_PAGE)).toBe('.html');
    expect(extensionFor('text', utf8('x'))).toBe('.txt');
    expect(extensionFor('other', utf8('x'))).toBe('.bin');
    expect(extensionFor('image', PNG)).toBe('.png');
    expect(extensionFor('image', JPG)).toBe('.jpg');
    expect(extensionFor('image', TIF)).toBe('.tif');
  });
});

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

describe('sources', () => {
  const source = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'henan-rd',
    start: ['https://www.henanrd.gov.cn/gzjh/'],
    documents: ['/t\\d+_\\d+\\.html$'],
    ...extra,
  });

  /** The UsageError message for a bad file. */
  function problems(json: unknown): string {
    const err = thrown(() => parseSources(json));
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }

  it('fills in the defaults', () => {
    const c = parseSources({ sources: [source()] });
    expect(c).toEqual({
      sources: [{ ...source(), follow: [] }],
      delayMs: 1000,
      concurrencyPerHost: 1,
      userAgent: DEFAULT_USER_AGENT,
      connectTimeoutMs: 10_000,
      readTimeoutMs: 30_000,
      totalTimeoutMs: 300_000,
      retries: 3,
      retryBaseMs: 1000,
      maxBytes: 50 * 1024 * 1024,
      recheckDays: 7,
      maxUrlsPerSource: 5000,
      maxLinksPerPage: 1000,
      maxListDepth: 50,
    });
  });

  it('keeps given values', () => {
    const c = parseSources({ sources: [source({ follow: ['index_\\d+'], allowedHosts: ['cdn.gov.cn'] })], delayMs: 0, retries: 0, userAgent: 'renda/1 (ops@example.cn)' });
    expect(c.delayMs).toBe(0);
    expect(c.retries).toBe(0);
    expect(c.userAgent).toBe('renda/1 (ops@example.cn)');
    expect(c.sources[0].follow).toEqual(['index_\\d+']);
  });

  it('rejects unknown keys at the top and in a source', () => {
    expect(problems({ sources: [source()], delay: 5 })).toMatch(/delay/);
    expect(problems({ sources: [source({ startUrls: ['https://x.cn/'] })] })).toMatch(/sources\[0\].*startUrls/);
  });

  it('rejects a bad regex, naming its field', () => {
    expect(problems({ sources: [source({ follow: ['ok', '([a-z'] })] })).toMatch(/sources\[0\]\.follow\[1\]: not a regular expression/);
    expect(problems({ sources: [source({ documents: ['*.pdf'] })] })).toMatch(/sources\[0\]\.documents\[0\]/);
  });

  it('rejects bad start URLs, naming their field', () => {
    expect(problems({ sources: [source({ start: ['https://ok.gov.cn/', 'ftp://files.gov.cn/'] })] })).toMatch(/sources\[0\]\.start\[1\]/);
    expect(problems({ sources: [source({ start: ['https://ok.gov.cn/', 'not a url'] })] })).toMatch(/sources\[0\]\.start\[1\]/);
    expect(problems({ sources: [source({ start: ['www.henanrd.gov.cn/gzjh/'] })] })).toMatch(/sources\[0\]\.start\[0\]/);
    expect(problems({ sources: [source(), source({ id: 'b', start: ['javascript:alert(1)'] })] })).toMatch(/sources\[1\]\.start\[0\]/);
    expect(problems({ sources: [source({ start: [] })] })).toMatch(/sources\[0\]\.start/);
  });

  it('rejects duplicate ids, naming the second', () => {
    const msg = problems({ sources: [source(), source({ start: ['https://b.gov.cn/'] })] });
    expect(msg).toMatch(/sources\[1\]\.id: duplicate id 'henan-rd'/);
    expect(msg).not.toMatch(/sources\[0\]\.id/);
  });

  it('rejects bad ids and bad host entries, naming their field', () => {
    expect(problems({ sources: [source({ id: 'has space' })] })).toMatch(/sources\[0\]\.id/);
    const hosts = ['ok.gov.cn', 'http://x.gov.cn', 'x.gov.cn/path', 'x y.cn', '-x.cn', 'x.cn:port', ''];
    const msg = problems({ sources: [source({ allowedHosts: hosts })] });
    for (let i = 1; i < hosts.length; i++) expect(msg).toContain(`sources[0].allowedHosts[${i}]`);
    expect(msg).not.toContain('sources[0].allowedHosts[0]');
  });

  it('lists every problem at once, and rejects bad numbers and non-ASCII user agents', () => {
    const msg = problems({ sources: [source({ follow: ['('] })], delayMs: -1, retries: 1.5, userAgent: '人大爬虫' });
    expect(msg).toContain('sources[0].follow[0]');
    expect(msg).toContain('delayMs');
    expect(msg).toContain('retries');
    expect(msg).toContain('userAgent');
    expect(problems({ sources: [] })).toContain('sources');
    expect(problems({})).toContain('sources');
    expect(problems('nope')).toContain('(file)');
  });

  it('allowedHostsOf: the start hosts plus allowedHosts, lower-cased', () => {
    const c = parseSources({
      sources: [source({ start: ['https://www.henanrd.gov.cn/gzjh/', 'http://127.0.0.1:8080/x', 'https://www.henanrd.gov.cn:443/y'], allowedHosts: ['CDN.Henanrd.gov.cn', 'files.gov.cn:8443'] })],
    });
    expect([...allowedHostsOf(c.sources[0])].sort()).toEqual(['127.0.0.1:8080', 'cdn.henanrd.gov.cn', 'files.gov.cn:8443', 'www.henanrd.gov.cn']);
  });
});

// ---------------------------------------------------------------------------------------------
// retry
// ---------------------------------------------------------------------------------------------

describe('retry: withRetries', () => {
  const busy = (retryAfterMs?: number): RetryableError => new RetryableError('http_status', 'HTTP 503', { status: 503, retryAfterMs });

  it('returns the value and the attempt count once an attempt succeeds', async () => {
    const seen: number[] = [];
    const r = await withRetries(async (n) => {
      seen.push(n);
      if (n < 3) throw busy();
      return 'body';
    }, { retries: 3, baseMs: 1 });
    expect(r).toEqual({ ok: true, value: 'body', attempts: 3 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('makes 1 + retries attempts, then returns the last error as data', async () => {
    let calls = 0;
    const r = await withRetries(async (n) => {
      calls++;
      throw new RetryableError('read_timeout', `attempt ${n}`);
    }, { retries: 2, baseMs: 1 });
    expect(calls).toBe(3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.attempts).toBe(3);
    expect(r.error.code).toBe('read_timeout');
    expect(r.error.message).toBe('attempt 3');
  });

  it('with retries 0 makes exactly one attempt', async () => {
    let calls = 0;
    const r = await withRetries(async () => {
      calls++;
      throw busy();
    }, { retries: 0, baseMs: 1 });
    expect(calls).toBe(1);
    expect(r).toMatchObject({ ok: false, attempts: 1 });
  });

  it('never retries a PermanentError', async () => {
    let calls = 0;
    const err = new PermanentError('http_status', 'HTTP 404', { status: 404 });
    const r = await withRetries(async () => {
      calls++;
      throw err;
    }, { retries: 5, baseMs: 1 });
    expect(calls).toBe(1);
    expect(r).toEqual({ ok: false, error: err, attempts: 1 });
  });

  it('rethrows errors that are not FetchErrors (bugs)', async () => {
    const bug = new TypeError('x is undefined');
    let calls = 0;
    const err = await rejection(withRetries(async () => {
      calls++;
      throw bug;
    }, { retries: 3, baseMs: 1 }));
    expect(err).toBe(bug);
    expect(calls).toBe(1);
  });

  it('backs off exponentially: base, 2·base, 4·base', async () => {
    const at: number[] = [];
    const start = performance.now();
    const r = await withRetries(async () => {
      at.push(performance.now());
      throw busy();
    }, { retries: 3, baseMs: 40 });
    expect(r).toMatchObject({ ok: false, attempts: 4 });
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(38);
    expect(gaps[1]).toBeGreaterThanOrEqual(78);
    expect(gaps[2]).toBeGreaterThanOrEqual(158);
    expect(gaps[2]).toBeGreaterThan(gaps[0]);
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('waits for a Retry-After longer than the backoff', async () => {
    const at: number[] = [];
    await withRetries(async () => {
      at.push(performance.now());
      if (at.length === 1) throw busy(250);
      return 1;
    }, { retries: 2, baseMs: 5 });
    expect(at).toHaveLength(2);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(248);
  });

  it('uses the backoff when it is longer than Retry-After', async () => {
    const at: number[] = [];
    await withRetries(async () => {
      at.push(performance.now());
      if (at.length === 1) throw busy(1);
      return 1;
    }, { retries: 2, baseMs: 120 });
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(118);
  });

  it('gives up at once when Retry-After exceeds maxDelayMs', async () => {
    let calls = 0;
    const start = performance.now();
    const r = await withRetries(async () => {
      calls++;
      throw busy(120_000);
    }, { retries: 3, baseMs: 1, maxDelayMs: 60_000 });
    expect(calls).toBe(1);
    expect(r).toMatchObject({ ok: false, attempts: 1 });
    if (!r.ok) expect((r.error as RetryableError).retryAfterMs).toBe(120_000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const start = performance.now();
    const r = await withRetries(async () => {
      throw busy();
    }, { retries: 2, baseMs: 60_000, maxDelayMs: 30 });
    expect(r).toMatchObject({ ok: false, attempts: 3 });
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('throws CrawlAborted for an already-aborted signal, without an attempt', async () => {
    let calls = 0;
    const ac = new AbortController();
    ac.abort();
    const err = await rejection(withRetries(async () => {
      calls++;
      return 1;
    }, { retries: 3, baseMs: 1 }, ac.signal));
    expect(err).toBeInstanceOf(CrawlAborted);
    expect(calls).toBe(0);
  });

  it('throws CrawlAborted when aborted during the backoff, promptly', async () => {
    const ac = new AbortController();
    let calls = 0;
    const start = performance.now();
    setTimeout(() => ac.abort(), 50);
    const err = await rejection(withRetries(async () => {
      calls++;
      throw busy();
    }, { retries: 3, baseMs: 10_000 }, ac.signal));
    expect(err).toBeInstanceOf(CrawlAborted);
    expect(calls).toBe(1);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('throws CrawlAborted when the attempt fails because of the abort', async () => {
    const ac = new AbortController();
    const err = await rejection(withRetries(async () => {
      ac.abort();
      throw new PermanentError('network', 'socket destroyed');
    }, { retries: 3, baseMs: 1 }, ac.signal));
    expect(err).toBeInstanceOf(CrawlAborted);
  });
});

describe('retry: parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-03-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('Sat, 01 Mar 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 28 Feb 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// fetch: politeGet against real servers
// ---------------------------------------------------------------------------------------------

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

interface TestServer {
  server: http.Server;
  base: string;
  host: string;
  seen: Seen[];
}

async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen };
}

async function stopServer(s: TestServer | undefined): Promise<void> {
  if (!s) return;
  s.server.closeAllConnections();
  await new Promise<void>((ok) => s.server.close(() => ok()));
}

describe('fetch: politeGet', () => {
  let main: TestServer;
  let other: TestServer;
  const PLAN = '某市人大常委会2025年工作要点'.repeat(200);
  const open: http.ServerResponse[] = [];

  const opts = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
    userAgent: 'renda/0.1 (unit test)',
    connectTimeoutMs: 2000,
    readTimeoutMs: 2000,
    totalTimeoutMs: 5000,
    maxBytes: 1024 * 1024,
    ...extra,
  });
  const seenPaths = (s: TestServer): string[] => s.seen.map((r) => r.url);
  const fetchError = async (p: Promise<unknown>): Promise<FetchError> => {
    const err = await rejection(p);
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  };

  beforeAll(async () => {
    other = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`other ${req.url}`);
    });
    main = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const p = url.pathname;
      if (p === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(PLAN);
      } else if (p === '/gzip') {
        const body = zlib.gzipSync(utf8(PLAN));
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
      } else if (p === '/deflate') {
        res.writeHead(200, { 'content-encoding': 'deflate' });
        res.end(zlib.deflateSync(utf8(PLAN)));
      } else if (p === '/br') {
        const body = zlib.brotliCompressSync(utf8(PLAN));
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'br' });
        res.end(body);
      } else if (p === '/bad-gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' });
        res.end(Buffer.from('this is not gzip at all'));
      } else if (p === '/compress') {
        res.writeHead(200, { 'content-encoding': 'compress' });
        res.end('x');
      } else if (p === '/bomb') {
        // 4 MB of zeros, a few KB on the wire.
        const body = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024));
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
      } else if (p === '/big-length') {
        res.writeHead(200, { 'content-length': 10 * 1024 * 1024 });
        res.write(Buffer.alloc(1024));
        open.push(res); // never finished; the client must stop at the header
      } else if (p === '/exact') {
        const n = Number(url.searchParams.get('n'));
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.alloc(n, 0x41));
      } else if (p === '/stream') {
        // Chunked, no Content-Length, far more than the limit.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        let sent = 0;
        const more = (): void => {
          if (res.destroyed || sent >= 200) {
            res.end();
            return;
          }
          sent++;
          if (res.write(Buffer.alloc(16 * 1024, 0x42))) setImmediate(more);
          else res.once('drain', more);
        };
        more();
      } else if (p === '/hang') {
        open.push(res); // accepted, never answered
      } else if (p === '/stall') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>partial');
        open.push(res);
      } else if (p === '/drip') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 50);
        res.on('close', () => clearInterval(timer));
      } else if (p === '/cut') {
        res.writeHead(200, { 'content-length': 1000 });
        res.write('only ten b');
        setTimeout(() => res.destroy(), 30);
      } else if (p === '/to-other') {
        res.writeHead(302, { location: `${other.base}/target${url.search}` });
        res.end('moved');
      } else if (p === '/relative') {
        res.writeHead(301, { location: '../plain#frag' });
        res.end();
      } else if (p.startsWith('/chain/')) {
        const n = Number(p.slice('/chain/'.length));
        if (n === 0) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('end of chain');
        } else {
          res.writeHead(307, { location: `/chain/${n - 1}` });
          res.end();
        }
      } else if (p === '/loop/a') {
        res.writeHead(302, { location: '/loop/b' });
        res.end();
      } else if (p === '/loop/b') {
        res.writeHead(302, { location: '/loop/a' });
        res.end();
      } else if (p === '/self') {
        res.writeHead(301, { location: '/self' });
        res.end();
      } else if (p === '/no-location') {
        res.writeHead(302);
        res.end();
      } else if (p === '/to-ftp') {
        res.writeHead(302, { location: 'ftp://files.gov.cn/a.pdf' });
        res.end();
      } else if (p === '/missing') {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body>404 页面不存在</body></html>');
      } else if (p === '/busy') {
        res.writeHead(503, { 'retry-after': '2' });
        res.end('busy');
      } else if (p === '/slow-down') {
        res.writeHead(429);
        res.end();
      } else if (p === '/cond') {
        const etag = '"v1"';
        const lastModified = 'Wed, 01 Jan 2025 00:00:00 GMT';
        if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
          res.writeHead(304, { etag });
          res.end();
        } else {
          res.writeHead(200, { etag, 'last-modified': lastModified, 'content-type': 'text/plain' });
          res.end('fresh body');
        }
      } else {
        res.writeHead(500);
        res.end();
      }
    });
  });

  afterAll(async () => {
    for (const r of open) r.destroy();
    await stopServer(main);
    await stopServer(other);
  });

  it('sends our User-Agent and accept-encoding, and returns the body', async () => {
    const before = main.seen.length;
    const r = await politeGet(`${main.base}/plain`, opts());
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${main.base}/plain`);
    expect(r.redirects).toEqual([]);
    expect(r.body!.toString('utf8')).toBe(PLAN);
    const req = main.seen[before];
    expect(req.url).toBe('/plain');
    expect(req.headers['user-agent']).toBe('renda/0.1 (unit test)');
    expect(req.headers['accept-encoding']).toMatch(/gzip/);
    expect(req.headers['accept-encoding']).toMatch(/br/);
    expect(req.headers['if-none-match']).toBeUndefined();
  });

  it('decodes gzip, deflate and br bodies', async () => {
    for (const p of ['/gzip', '/deflate', '/br']) {
      const r = await politeGet(`${main.base}${p}`, opts());
      expect(r.body!.toString('utf8'), p).toBe(PLAN);
    }
  });

  it('fails a corrupt or unknown Content-Encoding as bad_encoding', async () => {
    for (const p of ['/bad-gzip', '/compress']) {
      const err = await fetchError(politeGet(`${main.base}${p}`, opts()));
      expect(err).toBeInstanceOf(PermanentError);
      expect(err.code, p).toBe('bad_encoding');
    }
  });

  it('refuses a Content-Length over maxBytes without reading the body', async () => {
    const start = performance.now();
    const err = await fetchError(politeGet(`${main.base}/big-length`, opts({ maxBytes: 100_000 })));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('too_large');
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('enforces maxBytes while a chunked body streams in', async () => {
    const err = await fetchError(politeGet(`${main.base}/stream`, opts({ maxBytes: 100_000 })));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('too_large');
  });

  it('enforces maxBytes after decompression (a gzip bomb)', async () => {
    const err = await fetchError(politeGet(`${main.base}/bomb`, opts({ maxBytes: 100_000 })));
    expect(err.code).toBe('too_large');
  });

  it('accepts a body of exactly maxBytes and refuses one byte more', async () => {
    const ok = await politeGet(`${main.base}/exact?n=2048`, opts({ maxBytes: 2048 }));
    expect(ok.body!.length).toBe(2048);
    const err = await fetchError(politeGet(`${main.base}/exact?n=2049`, opts({ maxBytes: 2048 })));
    expect(err.code).toBe('too_large');
  });

  it('gives up on a server that accepts but never answers: read_timeout', async () => {
    const start = performance.now();
    const err = await fetchError(politeGet(`${main.base}/hang`, opts({ readTimeoutMs: 300 })));
    const took = performance.now() - start;
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('read_timeout');
    expect(took).toBeGreaterThanOrEqual(280);
    expect(took).toBeLessThan(10_000);
  });

  it('gives up on a body that goes silent: read_timeout', async () => {
    const err = await fetchError(politeGet(`${main.base}/stall`, opts({ readTimeoutMs: 300 })));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('read_timeout');
  });

  it('gives up on a body that trickles past totalTimeoutMs: total_timeout', async () => {
    const start = performance.now();
    const err = await fetchError(politeGet(`${main.base}/drip`, opts({ readTimeoutMs: 1000, totalTimeoutMs: 400 })));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('total_timeout');
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('reports a connection that never completes as connect_timeout', async () => {
    // An agent whose sockets stay "connecting" forever stands in for an unreachable host.
    class BlackHole extends http.Agent {
      createConnection(): net.Socket {
        const s = new net.Socket();
        (s as unknown as { connecting: boolean }).connecting = true;
        return s;
      }
    }
    const agent = new BlackHole();
    const start = performance.now();
    const err = await fetchError(politeGet('http://127.0.0.1:9/x', opts({ connectTimeoutMs: 200, agents: { http: agent, https: agent as never } })));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('connect_timeout');
    expect(performance.now() - start).toBeLessThan(10_000);
    agent.destroy();
  });

  it('reports a refused connection as a retryable network error', async () => {
    const s = await startServer(() => undefined);
    const base = s.base;
    await stopServer(s);
    const err = await fetchError(politeGet(`${base}/x`, opts()));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('network');
  });

  it('reports a body cut short as a retryable network error', async () => {
    const err = await fetchError(politeGet(`${main.base}/cut`, opts()));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('network');
  });

  it('throws CrawlAborted when the signal aborts a request', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const start = performance.now();
    const err = await rejection(politeGet(`${main.base}/hang`, opts({ readTimeoutMs: 5000, signal: ac.signal })));
    expect(err).toBeInstanceOf(CrawlAborted);
    expect(performance.now() - start).toBeLessThan(10_000);
    const pre = new AbortController();
    pre.abort();
    expect(await rejection(politeGet(`${main.base}/plain`, opts({ signal: pre.signal })))).toBeInstanceOf(CrawlAborted);
  });

  it('follows redirects, passing every hop to beforeRequest and onRequest first', async () => {
    const checked: string[] = [];
    const sent: string[] = [];
    const r = await politeGet(`${main.base}/to-other?k=1`, opts({ beforeRequest: (u) => void checked.push(u.href), onRequest: (u) => void sent.push(u.href) }));
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${other.base}/target?k=1`);
    expect(r.redirects).toEqual([`${other.base}/target?k=1`]);
    expect(r.body!.toString()).toBe('other /target?k=1');
    expect(checked).toEqual([`${main.base}/to-other?k=1`, `${other.base}/target?k=1`]);
    expect(sent).toEqual(checked);
  });

  it('resolves a relative Location and drops its fragment', async () => {
    const r = await politeGet(`${main.base}/relative`, opts());
    expect(r.url).toBe(`${main.base}/plain`);
    expect(r.redirects).toEqual([`${main.base}/plain`]);
  });

  it('does not request a hop that beforeRequest refuses', async () => {
    const before = other.seen.length;
    const refusal = new PermanentError('redirect_outside', 'not an allowed host');
    const err = await rejection(politeGet(`${main.base}/to-other?k=refused`, opts({
      beforeRequest: (u) => {
        if (u.host === other.host) throw refusal;
      },
    })));
    expect(err).toBe(refusal);
    expect(main.seen.some((r) => r.url === '/to-other?k=refused')).toBe(true);
    expect(other.seen.length).toBe(before);
    expect(other.seen.some((r) => r.url.includes('refused'))).toBe(false);
  });

  it('does not even make the first request when beforeRequest refuses it (async)', async () => {
    const before = main.seen.length;
    const err = await rejection(politeGet(`${main.base}/plain`, opts({
      beforeRequest: async () => {
        throw new PermanentError('robots_unavailable', 'no robots');
      },
    })));
    expect((err as FetchError).code).toBe('robots_unavailable');
    expect(main.seen.length).toBe(before);
  });

  it('follows up to maxRedirects and fails beyond as redirect_loop', async () => {
    const ok = await politeGet(`${main.base}/chain/5`, opts());
    expect(ok.body!.toString()).toBe('end of chain');
    expect(ok.redirects).toHaveLength(5);
    const err = await fetchError(politeGet(`${main.base}/chain/6`, opts()));
    expect(err.code).toBe('redirect_loop');
    const two = await fetchError(politeGet(`${main.base}/chain/3`, opts({ maxRedirects: 2 })));
    expect(two.code).toBe('redirect_loop');
  });

  it('detects a redirect loop and a self-redirect', async () => {
    const before = main.seen.length;
    const loop = await fetchError(politeGet(`${main.base}/loop/a`, opts()));
    expect(loop).toBeInstanceOf(PermanentError);
    expect(loop.code).toBe('redirect_loop');
    // a → b → (a again: stop) — a loop is noticed without spending every allowed redirect.
    expect(main.seen.length - before).toBe(2);
    const self = await fetchError(politeGet(`${main.base}/self`, opts()));
    expect(self.code).toBe('redirect_loop');
  });

  it('fails a redirect without Location, or to another scheme, as bad_redirect', async () => {
    expect((await fetchError(politeGet(`${main.base}/no-location`, opts()))).code).toBe('bad_redirect');
    expect((await fetchError(politeGet(`${main.base}/to-ftp`, opts()))).code).toBe('bad_redirect');
  });

  it('fails a 404 as a PermanentError http_status', async () => {
    const err = await fetchError(politeGet(`${main.base}/missing`, opts()));
    expect(err).toBeInstanceOf(PermanentError);
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(404);
  });

  it('fails a 503 with Retry-After: 2 as a RetryableError asking for 2000 ms', async () => {
    const err = await fetchError(politeGet(`${main.base}/busy`, opts()));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(503);
    expect((err as RetryableError).retryAfterMs).toBe(2000);
    const tooMany = await fetchError(politeGet(`${main.base}/slow-down`, opts()));
    expect(tooMany).toBeInstanceOf(RetryableError);
    expect(tooMany.status).toBe(429);
    expect((tooMany as RetryableError).retryAfterMs).toBeUndefined();
  });

  it('sends conditional validators and returns 304 with a null body', async () => {
    const first = await politeGet(`${main.base}/cond`, opts());
    expect(first.status).toBe(200);
    expect(first.body!.toString()).toBe('fresh body');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;

    const before = main.seen.length;
    const again = await politeGet(`${main.base}/cond`, opts({ conditional: { etag, lastModified } }));
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    const req = main.seen[before];
    expect(req.headers['if-none-match']).toBe('"v1"');
    expect(req.headers['if-modified-since']).toBe('Wed, 01 Jan 2025 00:00:00 GMT');

    // Only one validator known: only that one is sent.
    const onlyDate = await politeGet(`${main.base}/cond`, opts({ conditional: { etag: null, lastModified } }));
    expect(onlyDate.status).toBe(304);
    expect(main.seen[before + 1].headers['if-none-match']).toBeUndefined();
    expect(main.seen[before + 1].headers['if-modified-since']).toBe(lastModified);
  });
});

// ---------------------------------------------------------------------------------------------
// charset
// ---------------------------------------------------------------------------------------------

describe('charset: withHeaderCharset', () => {
  const TITLE = '某某市人大常委会2025年度工作要点';
  const PARAS = [
    '2025年是全面完成“十四五”规划目标任务的收官之年，市人大常委会工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。',
    '一、扎实推进地方立法工作。制定城市绿化条例、物业管理条例，修改全民阅读促进条例，开展立法后评估，提高立法质量和效率。',
    '二、依法开展监督工作。听取和审议市人民政府关于国民经济和社会发展计划执行情况的报告，开展预算审查监督和国有资产管理情况监督。',
  ];
  const body = `<html><head><title>${TITLE}</title></head><body><div class="content"><h1>${TITLE}</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;

  it('prefixes <meta charset="gbk"> on a GBK page without meta, and the page then decodes right', async () => {
    const bytes = gbk(body);
    const out = withHeaderCharset(bytes, 'gbk');
    expect(Buffer.from(out).subarray(out.length - bytes.length).equals(bytes)).toBe(true);
    const prefix = Buffer.from(out).subarray(0, out.length - bytes.length).toString('latin1');
    expect(prefix).toMatch(/^<meta charset="gbk">/);
    expect(sniffCharset(out)).toBe('gbk');
    const r = await htmlExtractor.extract(out, { path: 'page.html' });
    const text = r.pages[0].text;
    expect(r.meta.title).toBe(TITLE);
    for (const p of PARAS) expect(text).toContain(p);
    expect(text).not.toContain('\ufffd');
    expect(decodeText(out, sniffCharset(out)).encoding).toBe('GB18030');
  });

  it('leaves a UTF-8 page under a wrong charset=gbk header unchanged', () => {
    const bytes = utf8(body);
    expect(Buffer.from(withHeaderCharset(bytes, 'gbk')).equals(bytes)).toBe(true);
  });

  it('leaves a page whose own meta already agrees unchanged', () => {
    const page = gbk(body.replace('<head>', '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
    expect(Buffer.from(withHeaderCharset(page, 'GBK')).equals(page)).toBe(true);
    const u = utf8(body.replace('<head>', '<head><meta charset="utf-8">'));
    expect(Buffer.from(withHeaderCharset(u, 'UTF-8')).equals(u)).toBe(true);
  });

  it('overrides a wrong meta when the header fits the bytes', async () => {
    const page = gbk(body.replace('<head>', '<head><meta charset="utf-8">'));
    const out = withHeaderCharset(page, 'gbk');
    expect(out.length).toBeGreaterThan(page.length);
    expect(sniffCharset(out)).toBe('gbk');
    const r = await htmlExtractor.extract(out, { path: 'page.html' });
    expect(r.pages[0].text).toContain(PARAS[1]);
  });

  it('ignores no header, unknown or Western labels, UTF-16 labels and BOM pages', () => {
    const bytes = gbk(body);
    for (const cs of [undefined, '', 'iso-8859-1', 'windows-1252', 'x-nonsense', 'utf-16']) {
      expect(Buffer.from(withHeaderCharset(bytes, cs)).equals(bytes), String(cs)).toBe(true);
    }
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(body)]);
    expect(Buffer.from(withHeaderCharset(bom, 'gbk')).equals(bom)).toBe(true);
  });

  it('does not write a UTF-8 header over GBK bytes (nginx default charset)', () => {
    const bytes = gbk(body);
    expect(Buffer.from(withHeaderCharset(bytes, 'utf-8')).equals(bytes)).toBe(true);
  });

  it('sanitises the label it writes', () => {
    const out = withHeaderCharset(gbk(body), '"gbk"');
    const head = Buffer.from(out).subarray(0, 40).toString('latin1');
    expect(head.startsWith('<meta charset="gbk">')).toBe(true);
  });
});
