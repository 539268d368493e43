/**
 * Turning bytes into text without mojibake. Chinese government sites serve UTF-8, GBK/GB2312 and
 * (in Hong Kong, Macao, Taiwan) Big5, and their labels are often wrong, so a declared charset is
 * a hint that has to prove itself, not an order.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { FileError } from '../schemas/errors.js';

export interface Decoded {
  text: string;
  /** Canonical name of the encoding used: UTF-8, UTF-16LE, UTF-16BE, GB18030 or Big5. */
  encoding: string;
}

type Canonical = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5';

/**
 * Labels we honour. GB2312 and GBK are read as GB18030, their superset: pages labelled gb2312
 * routinely contain GBK-only characters (e.g. 镕, 喆) that a strict GB2312 decoder would lose.
 * Western single-byte labels (iso-8859-1, windows-1252) are deliberately absent: on Chinese sites
 * they are CMS defaults over GBK bytes, and they "decode" anything, so they would always win.
 */
const LABELS: Record<string, Canonical> = {
  'utf-8': 'UTF-8', utf8: 'UTF-8', 'unicode-1-1-utf-8': 'UTF-8',
  'utf-16': 'UTF-16LE', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', unicode: 'UTF-16LE',
  gb18030: 'GB18030', gbk: 'GB18030', gb2312: 'GB18030', 'x-gbk': 'GB18030', cp936: 'GB18030',
  'windows-936': 'GB18030', 'euc-cn': 'GB18030', 'x-euc-cn': 'GB18030', chinese: 'GB18030',
  'csgb2312': 'GB18030', 'iso-ir-58': 'GB18030', gb_2312: 'GB18030', 'gb_2312-80': 'GB18030',
  big5: 'Big5', 'big5-hkscs': 'Big5', 'x-x-big5': 'Big5', cp950: 'Big5', 'cn-big5': 'Big5', csbig5: 'Big5',
};

export function canonicalCharset(label: string | undefined): Canonical | undefined {
  if (!label) return undefined;
  return LABELS[label.trim().toLowerCase().replace(/^["']|["']$/g, '')];
}

/** At most this share of decoded characters may be U+FFFD before we call the bytes undecodable. */
const MAX_BAD_RATIO = 0.02;

export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  const bom = fromBom(bytes);
  if (bom) return bom;

  const utf8 = strictUtf8(bytes);
  let want = canonicalCharset(declared);
  // A UTF-16 label on bytes without UTF-16's NUL pattern is wrong (the HTML spec likewise reads a
  // meta "utf-16" as UTF-8: the meta could not have been found in real UTF-16 bytes).
  if (want === 'UTF-16LE' || want === 'UTF-16BE') want = utf16ByNuls(bytes) ?? undefined;
  if (want) {
    // A legacy label over bytes that validate as UTF-8 is a mislabel: UTF-8 Chinese decodes as
    // GB18030 without a single error (into 浜哄ぇ-style mojibake), whereas real GBK text almost
    // never forms valid multi-byte UTF-8. So valid UTF-8 with non-ASCII content beats the label.
    const mislabelled = want !== 'UTF-8' && utf8 !== null && hasNonAscii(bytes);
    if (!mislabelled) {
      const d = decodeAs(bytes, want);
      if (bad(d.text) === 0) return d;
    }
  }
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };

  // UTF-8 with a stray broken byte (a truncated save, one bad character) is still UTF-8. Legacy
  // bytes read as UTF-8 give mostly U+FFFD, so a 5% share of them is a safe line.
  const lenient = decodeAs(bytes, 'UTF-8');
  const broken = bad(lenient.text);
  if (broken * 20 <= countNonAscii(lenient.text) - broken) return lenient;

  for (const guess of guesses(bytes)) {
    const d = decodeAs(bytes, guess);
    if (bad(d.text) === 0) return d;
  }
  const fallback = decodeAs(bytes, 'GB18030');
  if (bad(fallback.text) <= fallback.text.length * MAX_BAD_RATIO) return fallback;
  throw new FileError(
    'decode_failed',
    `cannot decode text: not UTF-8, GB18030, Big5 or UTF-16${declared ? ` (declared ${declared})` : ''}`,
    { cause: new Error(`${bad(fallback.text)} undecodable characters as GB18030`) },
  );
}

/** The encoding a byte-order mark announces, or null when there is none. */
export function bomEncoding(b: Uint8Array): 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'UTF-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  return null;
}

function fromBom(b: Uint8Array): Decoded | null {
  const encoding = bomEncoding(b);
  return encoding ? decodeAs(b.subarray(encoding === 'UTF-8' ? 3 : 2), encoding) : null;
}

function strictUtf8(b: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

function decodeAs(b: Uint8Array, enc: Canonical): Decoded {
  if (enc === 'UTF-8') return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(b), encoding: enc };
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return { text: iconv.decode(buf, enc === 'Big5' ? 'big5hkscs' : enc.toLowerCase(), { stripBOM: true }), encoding: enc };
}

/** Candidate encodings in order of likelihood: UTF-16 by its NUL pattern, then chardet's CJK guesses. */
function guesses(b: Uint8Array): Canonical[] {
  const out: Canonical[] = [];
  const u16 = utf16ByNuls(b);
  if (u16) out.push(u16);
  // chardet's statistics settle within a few KB; scanning a whole large file only costs time.
  const matches = chardet
    .analyse(b.subarray(0, 64 * 1024))
    .map((m) => ({ enc: canonicalCharset(m.name), confidence: m.confidence }))
    // On short text chardet scores every CJK encoding 10, i.e. it cannot tell; the sources are
    // mainland ones, so a tie goes to GB18030 and Big5 must win outright.
    .sort((x, y) => y.confidence - x.confidence || Number(y.enc === 'GB18030') - Number(x.enc === 'GB18030'));
  for (const { enc } of matches) if (enc && enc !== 'UTF-8' && !out.includes(enc)) out.push(enc);
  return out;
}

/** chardet only knows UTF-16 by its BOM; BOM-less UTF-16 markup shows NULs in every other byte. */
function utf16ByNuls(b: Uint8Array): Canonical | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.2 && even < half * 0.02) return 'UTF-16LE';
  if (even > half * 0.2 && odd < half * 0.02) return 'UTF-16BE';
  return null;
}

function bad(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return true;
  return false;
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}
