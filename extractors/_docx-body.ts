/**
 * The body of word/document.xml (or of one footnote) into lines, as its XML events stream by: one
 * line per paragraph, a new line at a line break, tables as _docx-table.ts renders them, and Word's
 * automatic list numbers put back in front of their paragraphs. What is kept between events is a
 * stack of the open paragraphs, tables, rows and cells, never a tree of the document, and nothing
 * recurses on the input's depth: a part nested 50,000 elements deep reads like a flat one.
 */
import * as dingbats from 'dingbat-to-unicode';
import { checkLimit, type Limits } from './limits.js';
import { tidy } from './_html-render.js';
import type { ListNumbers } from './_docx-lists.js';
import type { StyleSheet } from './_docx-styles.js';
import { toLevel } from './_docx-styles.js';
import { flatten, type Lines } from './_docx-lines.js';
import { tableLines, type DocxCell, type DocxRow } from './_docx-table.js';
import type { XmlElement, XmlHandler } from './_docx-xml.js';

export interface BodyOptions {
  styles: StyleSheet;
  lists: ListNumbers;
  limits: Limits;
  /** The marker a footnote or endnote reference leaves in the text ("[1]"). */
  noteMarker?: (kind: 'footnote' | 'endnote', id: string) => string;
}

/** Elements that only describe formatting; inside them the few properties text needs are read. */
const PROPERTIES = new Set(['w:pPr', 'w:rPr', 'w:tblPr', 'w:tblPrEx', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:tblGrid', 'w:sdtPr', 'w:sdtEndPr', 'w:ffData']);

/**
 * Content that is not the document's text: tracked deletions and moves (their text is the old
 * version), and ruby annotations (the phonetic guide above a character, not the character).
 */
const NOT_TEXT = new Set(['w:del', 'w:moveFrom', 'w:rt']);

/**
 * Styles whose first paragraph gives meta.title, by name (styles.xml) or by id where a file has no
 * styles part: Word's Title (标题 in WPS and Chinese templates) and Heading 1, which mammoth made
 * the first <h1>.
 */
const TITLE_NAMES = new Set(['title', '标题', 'heading 1', '标题 1', '标题1', 'heading']);
const TITLE_IDS = new Set(['Title', 'Heading1', 'Heading']);

/** Where the lines of finished paragraphs and tables inside a frame go. */
type Sink = Lines;

interface Paragraph {
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
interface Table {
  kind: 'table';
  inner: Sink;
  /** The table this one sits in, if any. */
  table: Table | null;
  rows: DocxRow[];
  nested: boolean;
}
interface Row {
  kind: 'row';
  inner: Sink;
  table: Table | null;
  cells: DocxCell[];
  deleted: boolean;
}
interface Cell {
  kind: 'cell';
  inner: Sink;
  table: Table | null;
  cell: DocxCell;
}
interface Root {
  kind: 'root';
  inner: Sink;
  table: null;
}
type Frame = Paragraph | Table | Row | Cell | Root;

export class BodyReader implements XmlHandler {
  private readonly lines: Lines = [];
  /** The first paragraph in a title style (Title, 标题, Heading 1), without its list number. */
  title: string | undefined;

  private readonly frames: Frame[] = [{ kind: 'root', inner: this.lines, table: null }];
  /** Names of the open elements read so far (skipped subtrees are not pushed). */
  private readonly path: string[] = [];
  /** Inside a skipped subtree: how many of its elements are open. */
  private skipping = 0;
  /** Inside a properties element: the path length where it opened; 0 outside. */
  private properties = 0;
  /** Per open mc:AlternateContent: whether one of its branches has been read. */
  private readonly alternates: boolean[] = [];
  private inText = false;
  /** Text outside any paragraph (malformed, but mammoth kept it): a line of its own. */
  private loose: string[] = [];
  private carry: Paragraph | null = null;
  private chars = 0;

  constructor(private readonly options: BodyOptions) {}

  open(el: XmlElement): void {
    if (this.skipping) {
      this.skipping++;
      return;
    }
    const { name } = el;
    this.path.push(name);
    // One branch of an mc:AlternateContent, the first: Word writes the same text in mc:Choice (a
    // DrawingML text box) and mc:Fallback (its VML copy), and both would read it twice.
    if (name === 'mc:AlternateContent') this.alternates.push(false);
    else if ((name === 'mc:Choice' || name === 'mc:Fallback') && this.parent() === 'mc:AlternateContent') {
      if (this.alternates[this.alternates.length - 1]) return this.skip();
      this.alternates[this.alternates.length - 1] = true;
    }
    if (this.properties) {
      // A property change keeps the old properties (an old style, an old list): not what Word shows.
      if (name.endsWith('Change')) return this.skip();
      return this.property(el);
    }
    if (PROPERTIES.has(name)) {
      this.properties = this.path.length;
      return;
    }
    if (NOT_TEXT.has(name)) return this.skip();
    switch (name) {
      case 'w:p':
        return this.openParagraph();
      case 'w:tbl':
        this.flushLoose();
        return void this.push({ kind: 'table', inner: this.top().inner, table: this.enclosingTable(), rows: [], nested: false });
      case 'w:tr':
        this.flushLoose();
        return void this.push({ kind: 'row', inner: this.top().inner, table: this.enclosingTable(), cells: [], deleted: false });
      case 'w:tc': {
        this.flushLoose();
        const cell: DocxCell = { lines: [], colSpan: 1, vMerge: null };
        return void this.push({ kind: 'cell', inner: cell.lines, table: this.enclosingTable(), cell });
      }
      case 'w:t':
        this.inText = true;
        return;
      case 'w:tab':
      case 'w:ptab':
        return this.add('\t');
      case 'w:br':
      case 'w:cr':
        // Page and column breaks too: text after one is on a new page, so on a new line.
        return this.lineBreak();
      case 'w:noBreakHyphen':
        return this.add('-');
      case 'w:sym':
        return this.add(symbol(el.attrs['w:font'], el.attrs['w:char']));
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const marker = this.options.noteMarker?.(name === 'w:footnoteReference' ? 'footnote' : 'endnote', el.attrs['w:id'] ?? '');
        return marker ? this.add(marker) : undefined;
      }
    }
  }

  close(name: string): void {
    if (this.skipping) {
      this.skipping--;
      return;
    }
    this.path.pop();
    if (name === 'mc:AlternateContent') this.alternates.pop();
    if (this.properties) {
      if (this.path.length < this.properties) this.properties = 0;
      return;
    }
    switch (name) {
      case 'w:t':
        this.inText = false;
        return;
      case 'w:p':
        return this.closeParagraph();
      case 'w:tc':
        return this.closeCell();
      case 'w:tr':
        return this.closeRow();
      case 'w:tbl':
        return this.closeTable();
    }
  }

  text(text: string): void {
    if (this.inText && !this.skipping && !this.properties) this.add(text);
  }

  /** Ends the reading: what is still open (a paragraph whose deleted mark joined nothing) is written. */
  finish(): { lines: string[]; title: string | undefined } {
    this.flushLoose();
    const carry = this.carry;
    this.carry = null;
    if (carry) this.emitParagraph(carry, this.top().inner);
    return { lines: flatten(this.lines), title: this.title };
  }

  private property(el: XmlElement): void {
    const parent = this.parent();
    const top = this.top();
    const val = el.attrs['w:val'];
    if (top.kind === 'para') {
      if (el.name === 'w:pStyle' && parent === 'w:pPr') top.styleId = val ?? null;
      else if (el.name === 'w:numId' && parent === 'w:numPr') top.numId = val ?? null;
      else if (el.name === 'w:ilvl' && parent === 'w:numPr') top.ilvl = toLevel(val);
      else if (el.name === 'w:del' && parent === 'w:rPr' && this.path[this.path.length - 3] === 'w:pPr') top.markDeleted = true;
    } else if (top.kind === 'cell' && parent === 'w:tcPr') {
      if (el.name === 'w:gridSpan') top.cell.colSpan = span(val);
      else if (el.name === 'w:vMerge') top.cell.vMerge = val === 'restart' ? 'restart' : 'continue';
    } else if (top.kind === 'row' && parent === 'w:trPr' && el.name === 'w:del') {
      top.deleted = true;
    }
  }

  private openParagraph(): void {
    this.flushLoose();
    const para: Paragraph = {
      kind: 'para',
      inner: [],
      table: this.enclosingTable(),
      pieces: [],
      lines: [],
      styleId: null,
      numId: null,
      ilvl: null,
      markDeleted: false,
    };
    // The text of a paragraph whose mark was deleted runs on into this one.
    const carry = this.carry;
    this.carry = null;
    if (carry) {
      para.lines = carry.lines;
      para.pieces = carry.pieces;
      para.inner = carry.inner;
    }
    this.push(para);
  }

  private closeParagraph(): void {
    const para = this.frames.pop() as Paragraph;
    if (para.markDeleted) {
      this.carry = para;
      return;
    }
    this.emitParagraph(para, this.top().inner);
  }

  private emitParagraph(para: Paragraph, sink: Sink): void {
    const { styles, lists } = this.options;
    const styleId = para.styleId ?? styles.defaultParagraph;
    // Counted even when the paragraph is empty: Word gives an empty item its number too.
    const label = lists.next({ styleId, numId: para.numId, ilvl: para.ilvl });
    para.lines.push(para.pieces.join(''));
    let labelled = false;
    const texts: string[] = [];
    for (const raw of para.lines) {
      const text = raw && tidy(raw);
      if (!text) continue;
      texts.push(text);
      sink.push(label && !labelled ? tidy(label + raw) : text);
      labelled = true;
    }
    if (this.title === undefined && texts.length && isTitleStyle(styles, styleId)) this.title = texts.join('');
    if (para.inner.length) sink.push(para.inner);
  }

  private closeCell(): void {
    const frame = this.frames.pop() as Cell;
    this.flushLooseInto(frame.inner);
    const row = this.top();
    if (row.kind === 'row') row.cells.push(frame.cell);
    else row.inner.push(frame.cell.lines);
  }

  private closeRow(): void {
    const frame = this.frames.pop() as Row;
    // A deleted row (a tracked change) is not in the table Word shows.
    if (frame.deleted) return;
    if (this.top().kind === 'table') (this.top() as Table).rows.push(frame.cells);
    else for (const cell of frame.cells) frame.inner.push(cell.lines);
  }

  private closeTable(): void {
    const frame = this.frames.pop() as Table;
    if (frame.table) frame.table.nested = true;
    frame.inner.push(tableLines(frame.rows, frame.nested));
  }

  private add(text: string): void {
    if (!text) return;
    this.chars += text.length;
    // Checked as the text comes, so a part full of text stops here, not after it is all held.
    checkLimit(this.options.limits, 'chars', this.chars, ' or more (reading stopped there)');
    // A soft hyphen only marks where Word may break a word; it is not shown otherwise.
    const shown = text.includes('\u00ad') ? text.replace(/\u00ad/g, '') : text;
    const top = this.top();
    if (top.kind === 'para') top.pieces.push(shown);
    else this.loose.push(shown);
  }

  private lineBreak(): void {
    const top = this.top();
    if (top.kind !== 'para') return this.flushLoose();
    top.lines.push(top.pieces.join(''));
    top.pieces = [];
  }

  private flushLoose(): void {
    this.flushLooseInto(this.top().inner);
  }

  private flushLooseInto(sink: Sink): void {
    if (!this.loose.length) return;
    const text = tidy(this.loose.join(''));
    this.loose = [];
    if (text) sink.push(text);
  }

  private push(frame: Frame): void {
    this.frames.push(frame);
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  /** The table a new frame sits in: the open table, or the one the open row, cell or paragraph sits in. */
  private enclosingTable(): Table | null {
    const top = this.top();
    return top.kind === 'table' ? top : top.table;
  }

  private parent(): string | undefined {
    return this.path[this.path.length - 2];
  }

  private skip(): void {
    this.path.pop();
    this.skipping = 1;
  }
}

function isTitleStyle(styles: StyleSheet, styleId: string | null): boolean {
  if (styleId === null) return false;
  const name = styles.paragraph.get(styleId)?.name;
  return TITLE_IDS.has(styleId) || (!!name && TITLE_NAMES.has(name.toLowerCase()));
}

/** w:gridSpan within what a table can be (Word's limit is 63 columns). */
function span(val: string | undefined): number {
  const n = Number.parseInt(val ?? '', 10);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 63) : 1;
}

/**
 * w:sym: a character in a symbol font (Wingdings' ✓ and ☐, Symbol's •), mapped to Unicode as mammoth
 * did; a glyph with no Unicode twin is left out rather than written as a private-use character.
 */
function symbol(font: string | undefined, hex: string | undefined): string {
  if (!hex || !/^[0-9a-f]{1,6}$/i.test(hex)) return '';
  // Word writes the glyphs of a symbol font at F000 + their code in the font.
  const mapped = dingbats.hex(font ?? '', hex) ?? (/^f0..$/i.test(hex) ? dingbats.hex(font ?? '', hex.slice(2)) : undefined);
  if (mapped) return mapped.string;
  const code = Number.parseInt(hex, 16);
  const privateUse = code >= 0xe000 && code <= 0xf8ff;
  return code > 0x1f && code <= 0x10ffff && !privateUse && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
}
