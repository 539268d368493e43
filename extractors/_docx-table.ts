/**
 * A Word table (w:tbl) into lines, by the rules web tables follow (_html-table.ts): a data table
 * becomes pipe rows, one row per line, with merged cells repeated so each row reads on its own; a
 * layout table (one column, nested tables, one cell holding most of the text) is read cell by cell.
 * The table's rows are built as the few DOM nodes that renderer reads, so Word and web agendas
 * come out alike.
 */
import { Element, Text } from 'domhandler';
import { isDataTable, renderTable } from './_html-table.js';
import { flatten, type Lines } from './_docx-lines.js';

export interface DocxCell {
  /** The cell's lines (its paragraphs, tidied), nested tables already rendered into them. */
  lines: Lines;
  /** w:gridSpan. */
  colSpan: number;
  /** w:vMerge: "restart" starts a vertically merged cell, "continue" extends the one above. */
  vMerge: 'restart' | 'continue' | null;
}

export type DocxRow = DocxCell[];

/**
 * Lines of a finished table. `nested`: a table was read inside one of its cells, which makes it a
 * layout table (the nested table's lines are already in that cell).
 */
export function tableLines(rows: DocxRow[], nested: boolean): Lines {
  const merged = mergeRows(rows);
  if (!nested) {
    const texts = new Map<Element, string>();
    const table = new Element(
      'table',
      {},
      merged.map(
        (row) =>
          new Element(
            'tr',
            {},
            row.map(({ cell, rowSpan }) => {
              // No table inside: a cell holds its paragraphs' lines (and its text boxes').
              const lines = flatten(cell.lines);
              const td = new Element('td', { colspan: String(cell.colSpan), rowspan: String(rowSpan) }, lines.map((l) => new Text(l)));
              // A cell on one line: its own lines joined, and "|" cannot break the row.
              texts.set(td, lines.join(' ').replace(/\|/g, '｜'));
              return td;
            }),
          ),
      ),
    );
    if (isDataTable(table)) return renderTable(table, (td) => texts.get(td) ?? '');
  }
  return merged.flatMap((row) => row.map(({ cell }) => cell.lines));
}

/**
 * Vertical merges as row spans: a "continue" cell is folded into the cell that starts its merge in
 * the same grid column (counted with gridSpans), as mammoth did. Unlike mammoth, text in a
 * continuing cell (Word leaves it empty, other writers may not) is kept, added to the merged cell.
 */
function mergeRows(rows: DocxRow[]): Array<Array<{ cell: DocxCell; rowSpan: number }>> {
  const anchors = new Map<number, { cell: DocxCell; rowSpan: number }>();
  return rows.map((row) => {
    const out: Array<{ cell: DocxCell; rowSpan: number }> = [];
    let column = 0;
    for (const cell of row) {
      const anchor = anchors.get(column);
      if (cell.vMerge === 'continue' && anchor) {
        anchor.rowSpan++;
        anchor.cell.lines.push(cell.lines);
      } else {
        const placed = { cell, rowSpan: 1 };
        anchors.set(column, placed);
        out.push(placed);
      }
      column += cell.colSpan;
    }
    return out;
  });
}
