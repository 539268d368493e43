/**
 * The body of word/document.xml (or of one footnote) into lines, as its XML events stream by: one
 * line per paragraph, a new line at a line break, tables as _docx-table.ts renders them, and Word's
 * automatic list numbers put back in front of their paragraphs. What is kept between events is a
 * stack of the open paragraphs, tables, rows and cells, never a tree of the document, and nothing
 * recurses on the input's depth: a part nested 50,000 elements deep reads like a flat one.
 */
import { checkLimit, type Limits } from './limits.js';
import { tidy } from './_html-render.js';
import type { Cell, Frame, Paragraph, Row, Sink, Table } from './_docx-frames.js';
import type { ListNumbers } from './_docx-lists.js';
import { emitParagraph } from './_docx-paragraph.js';
import { PROPERTIES, readProperty } from './_docx-properties.js';
import type { StyleSheet } from './_docx-styles.js';
import { symbol } from './_docx-symbol.js';
import { flatten, type Lines } from './_docx-lines.js';
import { tableLines, type DocxCell } from './_docx-table.js';
import type { XmlElement, XmlHandler } from './_docx-xml.js';

export interface BodyOptions {
  styles: StyleSheet;
  lists: ListNumbers;
  limits: Limits;
  /** The marker a footnote or endnote reference leaves in the text ("[1]"). */
  noteMarker?: (kind: 'footnote' | 'endnote', id: string) => string;
}

/**
 * Content that is not the document's text: tracked deletions and moves (their text is the old
 * version), and ruby annotations (the phonetic guide above a character, not the character).
 */
const NOT_TEXT = new Set(['w:del', 'w:moveFrom', 'w:rt']);

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
      return readProperty(this.top(), el, this.path);
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
    if (carry) this.writeParagraph(carry, this.top().inner);
    return { lines: flatten(this.lines), title: this.title };
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
    this.writeParagraph(para, this.top().inner);
  }

  private writeParagraph(para: Paragraph, sink: Sink): void {
    const title = emitParagraph(para, sink, this.options.styles, this.options.lists);
    if (this.title === undefined) this.title = title;
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
