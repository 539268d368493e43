import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxExtractor } from '../extractors/docx.js';
import { DEFAULT_LIMITS, type Limits } from '../extractors/limits.js';
import { FileError } from '../schemas/errors.js';
import { readAndExtract } from '../pipeline/extract/extract.js';
import { deflateBomb, documentXml, docx, para, W_NS, zip } from './helpers/docx-build.js';

/**
 * DOCX files built to break readers (issue 15), made here at test time: deep nesting, zip bombs,
 * DTDs with external entities, broken zips. Each must give its text or fail alone with its code.
 * The gigabyte bomb at default limits is measured by hand, not here (README, "Word files").
 */
const read = async (bytes: Buffer, limits?: Partial<Limits>) => {
  const r = await docxExtractor.extract(new Uint8Array(bytes), { path: 'hostile.docx', limits: { ...DEFAULT_LIMITS, ...limits } });
  return r.pages[0].text.split('\n');
};

const failure = async (bytes: Buffer, limits?: Partial<Limits>): Promise<FileError> => {
  const err = await read(bytes, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileError);
  return err as FileError;
};

const DEPTH = 50_000;

describe('nesting 50,000 deep gives its text', () => {
  it('inside 50,000 content controls', async () => {
    const body = para('之前') + '<w:sdt><w:sdtContent>'.repeat(DEPTH) + para('最深处') + '</w:sdtContent></w:sdt>'.repeat(DEPTH) + para('之后');
    expect(await read(docx(documentXml(body)))).toEqual(['之前', '最深处', '之后']);
  });

  it('inside 50,000 elements of a namespace no reader knows', async () => {
    const open = '<x:wrap xmlns:x="urn:example:unknown">'.repeat(DEPTH);
    const body = `<w:p><w:r>${open}<w:t>深层文字</w:t>${'</x:wrap>'.repeat(DEPTH)}</w:r></w:p>`;
    expect(await read(docx(documentXml(body)))).toEqual(['深层文字']);
  });

  it('in 50,000 tables, each in a cell of the one before', async () => {
    const level = (i: number) => `<w:tbl><w:tr><w:tc>${para(`第${i}层`)}`;
    let body = '';
    for (let i = 1; i <= DEPTH; i++) body += level(i);
    body += '</w:tc></w:tr></w:tbl>'.repeat(DEPTH);
    const lines = await read(docx(documentXml(body)));
    expect(lines).toHaveLength(DEPTH);
    expect([lines[0], lines[DEPTH - 1]]).toEqual(['第1层', `第${DEPTH}层`]);
  });

  it('in 50,000 text boxes, each anchored in a paragraph of the one before', async () => {
    let body = '';
    for (let i = 1; i <= DEPTH; i++) body += `<w:p><w:r><w:t>框${i}</w:t><w:pict><w:txbxContent>`;
    body += '</w:txbxContent></w:pict></w:r></w:p>'.repeat(DEPTH);
    const lines = await read(docx(documentXml(body)));
    expect(lines).toHaveLength(DEPTH);
    expect([lines[0], lines[DEPTH - 1]]).toEqual(['框1', `框${DEPTH}`]);
  });
});

describe('a very long table', () => {
  // The web-table renderer spreads rows into Math.max, past the call stack at this size.
  it('of 150,000 rows is read as pipe rows, not failed (no argument spread over its rows)', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `<w:tr><w:tc>${para(`${i + 1}月`)}</w:tc><w:tc>${para('听取审议报告')}</w:tc></w:tr>`);
    const lines = await read(docx(documentXml(`<w:tbl>${rows.join('')}</w:tbl>`), { store: true }));
    expect(lines.filter((l) => /^\| \d+月 \| 听取审议报告 \|$/.test(l))).toHaveLength(150_000);
    expect(lines.slice(0, 3)).toEqual(['| 1月 | 听取审议报告 |', '|---|---|', '| 2月 | 听取审议报告 |']);
  });
});

describe('zip bombs stop at the part-size limit', () => {
  // 64 MiB of paragraphs with no text from about 70 KB of deflate; the limit lowered to 1 MiB.
  const EMPTY_PARAGRAPHS = '<w:p/>'.repeat(1 << 17);
  const bomb = (claimTruth: boolean) => {
    const deflated = deflateBomb(`<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body>`, EMPTY_PARAGRAPHS, 80, '</w:body></w:document>');
    // A bomb may lie in the zip directory; the reader counts what it inflates.
    return docx({ data: '', deflated: claimTruth ? deflated : { ...deflated, size: 1000 } });
  };

  it('fails with part_too_large before inflating when the zip directory states the size', async () => {
    const err = await failure(bomb(true), { partBytes: 1024 * 1024 });
    expect(err.code).toBe('part_too_large');
    expect(err.message).toContain('--max-part-size');
    expect(err.message).toContain('word/document.xml');
  });

  it('stops inflating at the limit when the zip directory lies', async () => {
    const err = await failure(bomb(false), { partBytes: 1024 * 1024 });
    expect(err.code).toBe('part_too_large');
    expect(err.message).toMatch(/^1(\.\d)? MiB decompressed in one part \(word\/document\.xml; inflating stopped there\), over the limit of 1 MiB \(raise it with --max-part-size\)$/);
  });

  it('reads the same bomb under a limit it fits in (the text is empty paragraphs, so none)', async () => {
    const small = deflateBomb(`<w:document xmlns:w="${W_NS}"><w:body>`, '<w:p/>'.repeat(1000), 3, `${para('末尾')}</w:body></w:document>`);
    expect(await read(docx({ data: '', deflated: small }), { partBytes: 1024 * 1024 })).toEqual(['末尾']);
  });

  it('stops at the character limit while reading a part full of text', async () => {
    const text = deflateBomb(`<w:document xmlns:w="${W_NS}"><w:body>`, para('听取和审议专项工作报告。').repeat(1000), 200, '</w:body></w:document>');
    const err = await failure(docx({ data: '', deflated: text }), { chars: 100_000 });
    expect(err.code).toBe('text_too_long');
    expect(err.message).toContain('--max-chars');
  });
});

describe('a DTD is never read', () => {
  const hostname = existsSync('/etc/hostname') ? readFileSync('/etc/hostname', 'utf8').trim() : '';

  it('gives the text around an external entity, and not the file it names', async () => {
    expect(hostname).not.toBe('');
    const prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>';
    const body = `${para('第一段')}<w:p><w:r><w:t>之前&xxe;之后</w:t></w:r></w:p>${para('第三段')}`;
    const lines = await read(docx(documentXml(body, prolog)));
    expect(lines).toEqual(['第一段', '之前之后', '第三段']);
    expect(lines.join('\n')).not.toContain(hostname);
  });

  it('does not expand entities that expand each other ("billion laughs"), nor a parameter entity', async () => {
    const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const prolog = `<!DOCTYPE w:document [${laughs}<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd">%remote;]>`;
    const lines = await read(docx(documentXml(`<w:p><w:r><w:t>笑&lol9;声</w:t></w:r></w:p>`, prolog)));
    expect(lines).toEqual(['笑声']);
  });

  it('is read through the whole pipeline too: a DOCX with a DOCTYPE is ingested, not refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'renda-docx-hostile-')), 'dtd.docx');
    const prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>';
    writeFileSync(file, docx(documentXml(para('某县人大常委会2025年工作要点') + '<w:p><w:r><w:t>&xxe;一、依法开展监督</w:t></w:r></w:p>', prolog)));
    const { extracted } = await readAndExtract(file);
    expect(extracted.pages[0].text).toBe('某县人大常委会2025年工作要点\n一、依法开展监督');
  });
});

describe('broken zips fail with corrupt_docx', () => {
  it('random bytes after a zip signature', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))]);
    const err = await failure(bytes);
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toMatch(/^not a readable DOCX: no zip directory/);
  });

  it('a document.xml whose deflate data is garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256));
    const err = await failure(docx({ data: '', deflated: { bytes: garbage, size: 100_000, crc: 0 } }));
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toMatch(/^not a readable DOCX: word\/document\.xml: /);
  });

  it('a zip directory that points past the end of the file', async () => {
    const good = docx(documentXml(para('文字')));
    // Cut out the middle: the directory at the end survives, the data it points to does not.
    const bytes = Buffer.concat([good.subarray(0, 200), good.subarray(good.length - 300)]);
    expect((await failure(bytes)).code).toBe('corrupt_docx');
  });

  it('a compression method other than stored and deflate', async () => {
    const err = await failure(docx({ data: documentXml(para('文字')), method: 12 }));
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toContain('word/document.xml is compressed with method 12; only stored (0) and deflate (8) are read');
  });

  it('an encrypted entry', async () => {
    const err = await failure(docx({ data: documentXml(para('文字')), flags: 1 }));
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toContain('encrypted');
  });

  it('a zip with no word/document.xml', async () => {
    const err = await failure(zip([{ name: 'hello.txt', data: 'hello' }]));
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toContain('no main document part');
  });

  it('a document.xml that is not well-formed XML, with the position', async () => {
    const err = await failure(docx(`<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>文字</w:r></w:p></w:body></w:document>`));
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toMatch(/^not a readable DOCX: word\/document\.xml:1:\d+: /);
  });
});

describe('stored (uncompressed) entries', () => {
  it('read like deflated ones', async () => {
    const body = para('某县人大常委会2025年工作要点') + para('一、依法开展监督');
    const styles = `<w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:styleId="T"><w:name w:val="Title"/></w:style></w:styles>`;
    const deflated = await docxExtractor.extract(new Uint8Array(docx(documentXml(body), { parts: { 'styles.xml': styles } })), { path: 'a.docx' });
    const stored = await docxExtractor.extract(new Uint8Array(docx(documentXml(body), { parts: { 'styles.xml': styles }, store: true })), { path: 'b.docx' });
    expect(stored.pages[0].text).toBe('某县人大常委会2025年工作要点\n一、依法开展监督');
    expect(stored).toEqual(deflated);
  });

  it('are held to the part-size limit too', async () => {
    const big = documentXml('<w:p/>'.repeat(200_000));
    const err = await failure(docx(big, { store: true }), { partBytes: 1024 * 1024 });
    expect(err.code).toBe('part_too_large');
  });
});
