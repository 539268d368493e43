import { fileTypeFromBuffer } from 'file-type';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DOC_HINT, isZipMagic } from '../../extractors/_docx-zip.js';
import { findSoffice } from '../../extractors/_soffice.js';
import { UNSUPPORTED_EXTENSIONS } from '../../extractors/sniff.js';
import { UsageError } from '../../schemas/errors.js';

/**
 * The files a batch covers: named files as given, folders walked recursively in sorted order (so a
 * run is reproducible). Hidden files are passed over; files of formats renda does not read are
 * listed as skipped so the user sees them.
 */
export interface Discovered {
  files: string[];
  skipped: Array<{ path: string; reason: string }>;
}

export async function discover(inputs: string[]): Promise<Discovered> {
  const out: Discovered = { files: [], skipped: [] };
  for (const input of inputs) {
    const st = await stat(input).catch(() => null);
    if (!st) throw new UsageError(`no such file or folder: ${input}`);
    if (st.isDirectory()) await walk(input, out);
    else out.files.push(input);
  }
  // The same file named twice, or through a link, is read once.
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const f of out.files) {
    const real = await realpath(f).catch(() => f);
    if (!seen.has(real)) unique.push(f);
    seen.add(real);
  }
  out.files = unique;
  return out;
}

async function walk(dir: string, out: Discovered): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile()) {
      const ext = extname(e.name).toLowerCase();
      // Sites save DOCX files as .doc: those are read, and so are legacy .doc files when LibreOffice
      // can convert them; without it they are skipped with a hint.
      if (ext === '.doc' && !(await startsLikeZip(path)) && !(await findSoffice())) out.skipped.push({ path, reason: `unsupported_type: ${DOC_HINT}` });
      else if (ext !== '.doc' && UNSUPPORTED_EXTENSIONS.has(ext) && !(await readableInside(path))) out.skipped.push({ path, reason: `unsupported_type: ${ext} files are not read` });
      else out.files.push(path);
    }
  }
}

/**
 * The name says "not a document", but the name is only a hint: a PDF, Word file or scan saved
 * under another name is read. Judged from the first 64 KiB, so a folder of spreadsheets costs
 * little.
 */
async function readableInside(path: string): Promise<boolean> {
  const head = await readHead(path, 64 * 1024);
  if (!head) return false;
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return true;
  const type = await fileTypeFromBuffer(head).catch(() => undefined);
  return !!type && READABLE.has(type.ext);
}

const READABLE = new Set(['pdf', 'docx', 'jpg', 'png', 'webp', 'gif', 'avif', 'tif']);

async function readHead(path: string, bytes: number): Promise<Buffer | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const head = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(head, 0, bytes, 0);
    return head.subarray(0, bytesRead);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

async function startsLikeZip(path: string): Promise<boolean> {
  const head = await readHead(path, 4);
  return !!head && isZipMagic(head);
}
