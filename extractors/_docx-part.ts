/**
 * One part of a DOCX package (word/document.xml, styles.xml, …) as text, handed on in chunks as it
 * inflates. Inflating stops at the part-size limit, so a zip bomb (1 MB of deflate that claims a
 * gigabyte of XML) costs at most the limit in time and one chunk in memory; the part is never held
 * whole, as one buffer or one string (V8 refuses strings over 512 MiB anyway).
 */
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { FileError } from '../schemas/errors.js';
import { overLimit } from './limits.js';
import type { ZipEntry } from './_docx-zip.js';

const CHUNK = 64 * 1024;

const corrupt = (message: string, cause?: unknown) => new FileError('corrupt_docx', `not a readable DOCX: ${message}`, { cause });

/** Where the entry's data sits: after its local header, whose name and extra field may differ from the directory's. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw corrupt(`${entry.name} has no local header where the zip directory puts it`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) throw corrupt(`${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Reads one entry and calls `onText` with its text, chunk by chunk, in order. Throws corrupt_docx
 * for an encrypted or unreadable entry and part_too_large past `limit` bytes of decompressed data
 * (the directory's claim is checked first, then the real count while inflating). An exception from
 * `onText` stops the reading and is thrown from here.
 */
export async function readPart(bytes: Uint8Array, entry: ZipEntry, limit: number, onText: (chunk: string) => void): Promise<void> {
  if (entry.flags & 1) throw corrupt(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(`${entry.name} is compressed with method ${entry.method}; only stored (0) and deflate (8) are read`);
  if (entry.size > limit) throw overLimit('partBytes', entry.size, limit, ` (${entry.name}, as the zip directory states it)`);
  const data = entryData(bytes, entry);
  const text = new PartDecoder(onText);
  if (entry.method === 0) {
    if (data.length > limit) throw overLimit('partBytes', data.length, limit, ` (${entry.name})`);
    for (let at = 0; at < data.length; at += CHUNK) text.write(data.subarray(at, at + CHUNK));
    text.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let produced = 0;
    let done = false;
    const fail = (err: unknown): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      reject(err);
    };
    // Errors are turned into a rejection here: thrown from a stream's event handler they would
    // escape to the process.
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      produced += chunk.length;
      if (produced > limit) return fail(overLimit('partBytes', produced, limit, ` (${entry.name}; inflating stopped there)`));
      try {
        text.write(chunk);
      } catch (err) {
        fail(err);
      }
    });
    inflate.on('error', (err) => fail(corrupt(`${entry.name}: ${err.message}`, err)));
    inflate.on('end', () => {
      if (done) return;
      try {
        text.end();
      } catch (err) {
        return fail(err);
      }
      done = true;
      resolve();
    });
    inflate.end(data);
  });
}

/**
 * Bytes to text across chunk boundaries. XML parts are UTF-8 (a byte-order mark is dropped), or
 * UTF-16 when they start with its mark, which the package format allows.
 */
class PartDecoder {
  private decoder: StringDecoder | null = null;
  constructor(private readonly onText: (chunk: string) => void) {}

  write(chunk: Uint8Array): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.decoder) {
      if (bytes[0] === 0xfe && bytes[1] === 0xff) throw corrupt('a UTF-16 big-endian XML part (not read)');
      const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
      this.decoder = new StringDecoder(utf16 ? 'utf16le' : 'utf8');
      if (utf16) bytes = bytes.subarray(2);
      else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const text = this.decoder.write(bytes);
    if (text) this.onText(text);
  }

  end(): void {
    const rest = this.decoder?.end();
    if (rest) this.onText(rest);
  }
}
