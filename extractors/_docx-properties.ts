/**
 * The few formatting properties the text needs, read inside w:pPr, w:rPr, w:tcPr and the like: a
 * paragraph's style and list (for its number), a deleted paragraph mark, a cell's span and
 * vertical merge, a deleted row. The rest of those elements only says how the text looks.
 */
import type { Frame } from './_docx-frames.js';
import { toLevel } from './_docx-styles.js';
import type { XmlElement } from './_docx-xml.js';

/** Elements that only describe formatting; inside them the few properties text needs are read. */
export const PROPERTIES = new Set(['w:pPr', 'w:rPr', 'w:tblPr', 'w:tblPrEx', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:tblGrid', 'w:sdtPr', 'w:sdtEndPr', 'w:ffData']);

/** An element inside a properties element, onto the frame it describes; `path` ends with its name. */
export function readProperty(top: Frame, el: XmlElement, path: readonly string[]): void {
  const parent = path[path.length - 2];
  const val = el.attrs['w:val'];
  if (top.kind === 'para') {
    if (el.name === 'w:pStyle' && parent === 'w:pPr') top.styleId = val ?? null;
    else if (el.name === 'w:numId' && parent === 'w:numPr') top.numId = val ?? null;
    else if (el.name === 'w:ilvl' && parent === 'w:numPr') top.ilvl = toLevel(val);
    else if (el.name === 'w:del' && parent === 'w:rPr' && path[path.length - 3] === 'w:pPr') top.markDeleted = true;
  } else if (top.kind === 'cell' && parent === 'w:tcPr') {
    if (el.name === 'w:gridSpan') top.cell.colSpan = span(val);
    else if (el.name === 'w:vMerge') top.cell.vMerge = val === 'restart' ? 'restart' : 'continue';
  } else if (top.kind === 'row' && parent === 'w:trPr' && el.name === 'w:del') {
    top.deleted = true;
  }
}

/** w:gridSpan within what a table can be (Word's limit is 63 columns). */
function span(val: string | undefined): number {
  const n = Number.parseInt(val ?? '', 10);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 63) : 1;
}
