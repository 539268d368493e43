/**
 * What the DOCX body reader keeps open while a part streams by: one frame per open paragraph,
 * table, row and cell, on a stack over a root; never a tree of the document, so that nothing
 * recurses on the input's depth.
 */
import type { Lines } from './_docx-lines.js';
import type { DocxCell, DocxRow } from './_docx-table.js';

/** Where the lines of finished paragraphs and tables inside a frame go. */
export type Sink = Lines;

export interface Paragraph {
  kind: 'para';
  /** Text boxes and other paragraphs anchored inside this one: read after it, as mammoth did. */
  inner: Sink;
  table: Table | null;
  pieces: string[];
  /** Lines already ended by a line break. */
  lines: string[];
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  /** The paragraph mark is a tracked deletion: Word shows the text joined to the next paragraph. */
  markDeleted: boolean;
}
export interface Table {
  kind: 'table';
  inner: Sink;
  /** The table this one sits in, if any. */
  table: Table | null;
  rows: DocxRow[];
  nested: boolean;
}
export interface Row {
  kind: 'row';
  inner: Sink;
  table: Table | null;
  cells: DocxCell[];
  deleted: boolean;
}
export interface Cell {
  kind: 'cell';
  inner: Sink;
  table: Table | null;
  cell: DocxCell;
}
export interface Root {
  kind: 'root';
  inner: Sink;
  table: null;
}
export type Frame = Paragraph | Table | Row | Cell | Root;
