/**
 * Footnotes and endnotes. The body keeps a marker where a note is referred to ("[1]", numbered in
 * the order of reference, as mammoth numbered them), and the notes follow the body in that order,
 * each line after its marker. Unlike mammoth, a note is not written as a list item ("1.…↑"), which
 * the analysis would read as one more numbered item of the plan.
 */
import { BodyReader, type BodyOptions } from './_docx-body.js';
import type { DocxPackage } from './_docx-package.js';
import type { XmlElement, XmlHandler } from './_docx-xml.js';

type NoteKind = 'footnote' | 'endnote';

export class NoteMarkers {
  readonly referenced: Array<{ kind: NoteKind; id: string; marker: string }> = [];

  /** For BodyOptions.noteMarker. */
  readonly marker = (kind: NoteKind, id: string): string => {
    const marker = `[${this.referenced.length + 1}]`;
    this.referenced.push({ kind, id, marker });
    return marker;
  };
}

/** The lines of the referenced notes, read from their parts; notes that are not there are skipped. */
export async function noteLines(
  pkg: DocxPackage,
  parts: Partial<Record<'footnotes' | 'endnotes', string>>,
  markers: NoteMarkers,
  options: Omit<BodyOptions, 'noteMarker'>,
): Promise<string[]> {
  if (!markers.referenced.length) return [];
  const notes = new Map<string, string[]>();
  for (const kind of ['footnote', 'endnote'] as const) {
    const part = parts[`${kind}s`];
    if (part && markers.referenced.some((r) => r.kind === kind)) await pkg.parse(part, new NotesReader(kind, notes, options));
  }
  const out: string[] = [];
  for (const { kind, id, marker } of markers.referenced) {
    const lines = notes.get(`${kind}:${id}`) ?? [];
    lines.forEach((line, i) => out.push(i === 0 ? `${marker} ${line}` : line));
  }
  return out;
}

/** Hands the events of each w:footnote (or w:endnote) to a BodyReader of its own. */
class NotesReader implements XmlHandler {
  private current: { id: string; reader: BodyReader } | null = null;
  private depth = 0;
  private skipping = false;

  constructor(
    private readonly kind: NoteKind,
    private readonly notes: Map<string, string[]>,
    private readonly options: Omit<BodyOptions, 'noteMarker'>,
  ) {}

  open(el: XmlElement): void {
    if (this.depth) {
      this.depth++;
      if (!this.skipping) this.current?.reader.open(el);
      return;
    }
    if (el.name !== `w:${this.kind}`) return;
    this.depth = 1;
    // The separator lines Word draws above the notes are notes too, with no text of the document.
    const type = el.attrs['w:type'];
    this.skipping = type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice';
    if (!this.skipping) this.current = { id: el.attrs['w:id'] ?? '', reader: new BodyReader(this.options) };
  }

  close(name: string): void {
    if (!this.depth) return;
    if (--this.depth > 0) {
      if (!this.skipping) this.current?.reader.close(name);
      return;
    }
    if (this.current) {
      const key = `${this.kind}:${this.current.id}`;
      if (!this.notes.has(key)) this.notes.set(key, this.current.reader.finish().lines);
    }
    this.current = null;
  }

  text(text: string): void {
    if (this.depth && !this.skipping) this.current?.reader.text(text);
  }
}
