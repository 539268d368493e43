import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset, decodeText } from '../extractors/_charset.js';
import { textExtractor } from '../extractors/text.js';
import { FileError } from '../schemas/errors.js';

const SIMPLIFIED =
  '河南省人大常委会2025年度代表工作计划\n（2025年2月13日省十四届人大常委会第46次主任会议通过）\n' +
  '一、深化常委会同代表联系\n1.完善常委会组成人员联系代表制度。修订《河南省人民代表大会常务委员会联系省人民代表大会代表办法》，' +
  '把联系代表融入常委会组成人员的履职活动，实现联系的规范化、常态化。\n';
/** 镕 and 喆 are in GBK but not in GB2312: pages labelled gb2312 carry them all the time. */
const GBK_ONLY = '朱镕基、陶喆、李彧、王堃出席会议。';
/** U+3400 (extension A) and U+20000 (extension B) take four bytes in GB18030 and do not exist in GBK. */
const FOUR_BYTE = '㐀𠀀';
const TRADITIONAL =
  '立法院第十一屆第一會期第三次會議，審查中央政府總預算案，並聽取行政院院長施政報告及備詢。' +
  '本院各委員會應依照議事規則，就法律案及預算案進行審查，並將審查報告提報院會討論。';

const bytes = (s: string, enc: string): Uint8Array => new Uint8Array(iconv.encode(s, enc));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('decodes GBK, including characters GB2312 lacks', () => {
    const d = decodeText(bytes(SIMPLIFIED + GBK_ONLY, 'gbk'));
    expect(d.text).toBe(SIMPLIFIED + GBK_ONLY);
    expect(d.encoding).toBe('GB18030');
  });

  it('decodes GB18030 four-byte characters', () => {
    const s = SIMPLIFIED + FOUR_BYTE;
    expect(decodeText(bytes(s, 'gb18030')).text).toBe(s);
    expect(decodeText(bytes(s, 'gb18030'), 'gb2312').text).toBe(s);
  });

  it('decodes UTF-8, with and without a BOM, and strips the BOM', () => {
    expect(decodeText(utf8(SIMPLIFIED))).toEqual({ text: SIMPLIFIED, encoding: 'UTF-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SIMPLIFIED)]);
    expect(decodeText(bom)).toEqual({ text: SIMPLIFIED, encoding: 'UTF-8' });
    // A BOM beats a wrong label.
    expect(decodeText(bom, 'gbk').text).toBe(SIMPLIFIED);
  });

  it('decodes UTF-16 by its BOM, and BOM-less UTF-16 markup by its NUL bytes', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(SIMPLIFIED, 'utf-16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(SIMPLIFIED, 'utf-16be')]);
    expect(decodeText(le)).toEqual({ text: SIMPLIFIED, encoding: 'UTF-16LE' });
    expect(decodeText(be)).toEqual({ text: SIMPLIFIED, encoding: 'UTF-16BE' });
    const page = `<html><head><title>计划</title></head><body><p>${SIMPLIFIED}</p></body></html>`;
    expect(decodeText(bytes(page, 'utf-16le')).text).toBe(page);
  });

  it('decodes Big5 as Big5, not as GBK mojibake', () => {
    const d = decodeText(bytes(TRADITIONAL, 'big5'));
    expect(d.text).toBe(TRADITIONAL);
    expect(d.encoding).toBe('Big5');
    expect(decodeText(bytes(TRADITIONAL, 'big5'), 'big5').text).toBe(TRADITIONAL);
  });

  it('reads gb2312 and gbk labels as GB18030', () => {
    expect(canonicalCharset('GB2312')).toBe('GB18030');
    expect(canonicalCharset(' gbk ')).toBe('GB18030');
    expect(canonicalCharset('x-gbk')).toBe('GB18030');
    expect(canonicalCharset('iso-8859-1')).toBeUndefined();
    expect(decodeText(bytes(SIMPLIFIED + GBK_ONLY, 'gbk'), 'gb2312').text).toBe(SIMPLIFIED + GBK_ONLY);
  });

  it('lets valid UTF-8 beat a gb2312 label (sites mislabel)', () => {
    // Chosen so that the UTF-8 bytes also decode as GB18030 without a single error.
    const even = '河南省人大常委会代表工作计划';
    expect(iconv.decode(Buffer.from(utf8(even)), 'gb18030')).not.toContain('\ufffd');
    expect(decodeText(utf8(even), 'gb2312')).toEqual({ text: even, encoding: 'UTF-8' });
    expect(decodeText(utf8(SIMPLIFIED), 'gb2312').text).toBe(SIMPLIFIED);
  });

  it('lets GBK bytes beat a utf-8 label, and ignores a latin1 label over GBK', () => {
    expect(decodeText(bytes(SIMPLIFIED, 'gbk'), 'utf-8').text).toBe(SIMPLIFIED);
    expect(decodeText(bytes(SIMPLIFIED, 'gbk'), 'iso-8859-1').text).toBe(SIMPLIFIED);
    // A UTF-16 label on ASCII-compatible bytes cannot be right.
    expect(decodeText(utf8(SIMPLIFIED), 'utf-16').text).toBe(SIMPLIFIED);
  });

  it('keeps UTF-8 with one broken byte as UTF-8', () => {
    const b = utf8(SIMPLIFIED.repeat(3));
    const broken = new Uint8Array([...b.subarray(0, 100), 0xff, ...b.subarray(100)]);
    const d = decodeText(broken);
    expect(d.encoding).toBe('UTF-8');
    expect(d.text).toContain('修订《河南省人民代表大会常务委员会');
  });

  it('passes ASCII through', () => {
    expect(decodeText(utf8('plain ascii\n'))).toEqual({ text: 'plain ascii\n', encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array(0)).text).toBe('');
  });

  it('fails with decode_failed on bytes that are no text encoding', () => {
    let x = 12345;
    const noise = new Uint8Array(8192).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    try {
      decodeText(noise);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FileError);
      expect((e as FileError).code).toBe('decode_failed');
      expect((e as FileError).cause).toBeDefined();
    }
  });
});

describe('textExtractor', () => {
  it('decodes, normalises line endings, one page', async () => {
    const raw = bytes('第一行\r\n第二行\r第三行\n', 'gbk');
    const r = await textExtractor.extract(raw, { path: 'a.txt' });
    expect(r).toEqual({
      extractor: 'text',
      mediaType: 'text/plain',
      pageCount: null,
      pages: [{ number: 1, text: '第一行\n第二行\n第三行\n' }],
      meta: {},
    });
  });

  it('accepts .txt', () => {
    expect(textExtractor.accepts({ path: 'a.txt', ext: '.txt', head: new Uint8Array() })).toBe(true);
    expect(textExtractor.accepts({ path: 'a.pdf', ext: '.pdf', head: new Uint8Array() })).toBe(false);
  });
});

describe('random bytes without a NUL in their first kilobyte', () => {
  it('are binary, not text that fails to decode (one random head in a hundred used to be read as text)', async () => {
    const { looksBinary } = await import('../extractors/sniff.js');
    // A fixed pseudo-random stream (an LCG), NULs replaced: the heads a hostile test's random file may start with.
    let x = 12345;
    const byte = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    let text = 0;
    for (let n = 0; n < 500; n++) {
      const head = Uint8Array.from({ length: 1024 }, () => byte() || 1);
      if (!looksBinary(head)) text++;
    }
    expect(text).toBe(0);
    // Chinese text with its line breaks and a tab stays text.
    expect(looksBinary(new TextEncoder().encode('一、听取和审议县政府关于食品安全工作的报告。\n\t二、开展执法检查。\r\n'.repeat(20)))).toBe(false);
  });
});
