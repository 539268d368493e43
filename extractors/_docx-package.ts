/**
 * A DOCX as a package (Open Packaging Conventions): parts by name, and the relationships that say
 * which part is the main document and which are its styles, numbering and notes. Word always
 * writes word/document.xml, but other writers choose their own names, so the relationships are
 * followed first and the usual names are the fallback, as mammoth did.
 */
import { FileError } from '../schemas/errors.js';
import { parsePart, type XmlHandler } from './_docx-xml.js';
import { zipEntries, type ZipEntry } from './_docx-zip.js';

export type RelatedPart = 'styles' | 'numbering' | 'footnotes' | 'endnotes';

export class DocxPackage {
  private readonly parts = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    private readonly partBytes: number,
  ) {
    // Part names are case-insensitive; a few zip writers use backslashes or a leading slash.
    for (const e of entries) {
      const key = normalise(e.name);
      if (!this.parts.has(key)) this.parts.set(key, e);
    }
  }

  /** Throws corrupt_docx when the bytes are not a complete zip. */
  static open(bytes: Uint8Array, partBytes: number): DocxPackage {
    const entries = zipEntries(bytes);
    if (!entries) throw new FileError('corrupt_docx', 'not a readable DOCX: no zip directory at the end (a download cut short?)');
    return new DocxPackage(bytes, entries, partBytes);
  }

  has(name: string): boolean {
    return this.parts.has(normalise(name));
  }

  /** Streams a part through `handler`; see parsePart for the errors. */
  async parse(name: string, handler: XmlHandler): Promise<void> {
    const entry = this.parts.get(normalise(name));
    if (!entry) throw new FileError('corrupt_docx', `not a readable DOCX: no part ${name}`);
    await parsePart(this.bytes, entry, this.partBytes, handler);
  }

  /** The main document part: the package's officeDocument relationship, else word/document.xml. */
  async mainDocument(): Promise<string> {
    const target = (await this.relationships('')).find((r) => r.type === 'officeDocument');
    const name = target && this.has(target.part) ? target.part : 'word/document.xml';
    if (!this.has(name)) throw new FileError('corrupt_docx', 'not a readable DOCX: no main document part (word/document.xml)');
    return name;
  }

  /** The parts the main document relates to, by kind; absent kinds are left out. */
  async related(main: string): Promise<Partial<Record<RelatedPart, string>>> {
    const rels = await this.relationships(main);
    const found: Partial<Record<RelatedPart, string>> = {};
    for (const kind of ['styles', 'numbering', 'footnotes', 'endnotes'] as const) {
      const rel = rels.find((r) => r.type === kind && this.has(r.part));
      const fallback = `${dirname(main)}${kind}.xml`;
      if (rel) found[kind] = rel.part;
      else if (this.has(fallback)) found[kind] = fallback;
    }
    return found;
  }

  /**
   * The relationships of `source` ('' for the package itself), from its .rels part: the type's last
   * path segment ("styles"; the Transitional and Strict URIs differ only before it) and the target
   * as a part name. External targets (hyperlinks) are left out.
   */
  private async relationships(source: string): Promise<Array<{ type: string; part: string }>> {
    const relsName = `${dirname(source)}_rels/${source.slice(dirname(source).length)}.rels`;
    if (!this.has(relsName)) return [];
    const rels: Array<{ type: string; part: string }> = [];
    await this.parse(relsName, {
      open(el) {
        if (el.name !== 'rel:Relationship' || el.attrs.TargetMode === 'External' || !el.attrs.Target) return;
        rels.push({ type: (el.attrs.Type ?? '').split('/').pop() ?? '', part: resolve(dirname(source), el.attrs.Target) });
      },
      close() {},
      text() {},
    });
    return rels;
  }
}

const normalise = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** "word/document.xml" → "word/"; "" for a part at the root. */
const dirname = (name: string): string => name.slice(0, name.lastIndexOf('/') + 1);

/** A relationship target against the folder of its source: "/word/x.xml", "x.xml", "../media/y". */
function resolve(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}
