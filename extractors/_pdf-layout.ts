/**
 * Lines of every page → page text: furniture dropped, tables as "| a | b |" rows, one paragraph
 * per line, and whether the last paragraph runs on to the next page. Works on the whole document
 * at once because running headers and the text block's edges are only visible across pages.
 */
import { stripFurniture } from './_pdf-furniture.js';
import type { Line } from './_pdf-lines.js';
import {
  isIndented,
  measureMargins,
  reachesRight,
  startsWithMarker,
  toParagraphs,
  type Margins,
  type Paragraph,
} from './_pdf-paragraphs.js';
import { findTables, renderRows, type Table } from './_pdf-table.js';
import { fixOcrParagraph } from './ocr/clean.js';

export interface PageLayout {
  text: string;
  continues?: boolean;
}

/** Text without margins: too few lines to find the text block's edges, so no line was joined. */
type Block = { kind: 'text'; paragraphs: Paragraph[]; margins?: Margins } | { kind: 'table'; table: Table };

/** A page's own edges are trusted only near the document's (mirrored margins shift them a little). */
const MAX_EDGE_SHIFT = 2;

export function layoutPages(raw: Line[][]): PageLayout[] {
  const pages = stripFurniture(raw);

  let carried: Table | undefined;
  const tables = pages.map((lines) => {
    const found = findTables(lines, carried);
    const last = found[found.length - 1];
    // A table that reaches the bottom of its page may go on at the top of the next.
    carried = last && last.last === lines.length - 1 ? last : undefined;
    return found;
  });
  const textLines = pages.map((lines, p) =>
    lines.filter((_, i) => !tables[p].some((t) => i >= t.first && i <= t.last)),
  );

  const docMargins = measureMargins(textLines.flat());
  const blocks = pages.map((lines, p) => {
    const margins = pageMargins(textLines[p], docMargins);
    const out: Block[] = [];
    let run: Line[] = [];
    const flush = () => {
      if (run.length) out.push({ kind: 'text', paragraphs: toParagraphs(run, margins), margins });
      run = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const t = tables[p].find((t) => t.first === i);
      if (t) {
        flush();
        out.push({ kind: 'table', table: t });
        i = t.last;
      } else run.push(lines[i]);
    }
    flush();
    return out;
  });

  return blocks.map((page, p) => ({
    text: page
      .flatMap((b) => (b.kind === 'table' ? renderRows(b.table) : b.paragraphs.map(paragraphText)))
      .join('\n'),
    continues: page.length ? runsOnToNextPage(page, blocks[p + 1]) : undefined,
  }));
}

/** An OCR'd paragraph is repaired again once its lines are joined: a misread can straddle a break. */
const paragraphText = (p: Paragraph): string => (p.first.ocr ? fixOcrParagraph(p.text) : p.text);

function pageMargins(lines: Line[], doc: Margins | undefined): Margins | undefined {
  const own = measureMargins(lines);
  if (!own || !doc) return doc;
  const near = (a: number, b: number) => Math.abs(a - b) <= MAX_EDGE_SHIFT * own.size;
  return {
    ...own,
    left: near(own.left, doc.left) ? own.left : doc.left,
    right: near(own.right, doc.right) ? own.right : doc.right,
  };
}

/**
 * The last paragraph runs on when its last line is full. A full line that closes a sentence is
 * ambiguous (the paragraph may just end flush); then the next page decides: it continues only
 * if the next page does not open a new paragraph.
 */
function runsOnToNextPage(page: Block[], next: Block[] | undefined): boolean | undefined {
  const last = page[page.length - 1];
  if (!next || last.kind !== 'text') return false;
  if (!last.margins) return undefined;
  const para = last.paragraphs[last.paragraphs.length - 1];
  if (!reachesRight(para.last, last.margins)) return false;
  if (!/[。！？!?]$/.test(para.text)) return true;
  const head = next[0];
  if (!head || head.kind !== 'text' || !head.margins) return false;
  const first = head.paragraphs[0].first;
  const sameFont = Math.abs(first.size - para.last.size) <= 0.15 * para.last.size;
  return sameFont && !isIndented(first, head.margins) && !startsWithMarker(first.text);
}
