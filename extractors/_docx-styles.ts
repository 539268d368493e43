/**
 * styles.xml, the little of it text needs: a paragraph style's name (the title is found by its
 * style, "Title" or 标题, and paragraphs refer to styles by an id such as "a3" that only this part
 * names), what it is based on, and the list numbering a style carries (headings linked to a
 * multi-level list get their numbers from their style).
 */
import type { DocxPackage } from './_docx-package.js';

export interface NumberingRef {
  numId: string;
  /** Absent: level 0, or the level the paragraph itself names. */
  ilvl?: number;
}

export interface ParagraphStyle {
  name: string | null;
  basedOn: string | null;
  numbering: NumberingRef | null;
}

export interface StyleSheet {
  paragraph: Map<string, ParagraphStyle>;
  /** Numbering styles (w:type="numbering") by id: the w:num they stand for (numStyleLink). */
  numbering: Map<string, string>;
  /** The style of paragraphs that name none ("Normal"). */
  defaultParagraph: string | null;
}

export const EMPTY_STYLES: StyleSheet = { paragraph: new Map(), numbering: new Map(), defaultParagraph: null };

export async function readStyles(pkg: DocxPackage, part: string): Promise<StyleSheet> {
  const sheet: StyleSheet = { paragraph: new Map(), numbering: new Map(), defaultParagraph: null };
  const path: string[] = [];
  let current: { id: string; type: string; style: ParagraphStyle } | null = null;
  await pkg.parse(part, {
    open(el) {
      path.push(el.name);
      const parent = path[path.length - 2];
      if (el.name === 'w:style' && parent === 'w:styles') {
        const id = el.attrs['w:styleId'] ?? '';
        const type = el.attrs['w:type'] ?? 'paragraph';
        current = { id, type, style: { name: null, basedOn: null, numbering: null } };
        if (type === 'paragraph' && isOn(el.attrs['w:default']) && sheet.defaultParagraph === null) sheet.defaultParagraph = id;
        return;
      }
      if (!current) return;
      const val = el.attrs['w:val'];
      if (parent === 'w:style' && el.name === 'w:name') current.style.name = val ?? null;
      else if (parent === 'w:style' && el.name === 'w:basedOn') current.style.basedOn = val ?? null;
      else if (parent === 'w:numPr' && path[path.length - 3] === 'w:pPr' && path[path.length - 4] === 'w:style' && val !== undefined) {
        const ref = (current.style.numbering ??= { numId: '' });
        if (el.name === 'w:numId') ref.numId = val;
        else if (el.name === 'w:ilvl') ref.ilvl = toLevel(val);
      }
    },
    close(name) {
      path.pop();
      if (name !== 'w:style' || !current) return;
      const { id, type, style } = current;
      current = null;
      // The first definition of an id wins (ECMA-376 §17.7.4.17), as in Word.
      if (type === 'paragraph' && !sheet.paragraph.has(id)) sheet.paragraph.set(id, style);
      if (type === 'numbering' && style.numbering?.numId && !sheet.numbering.has(id)) sheet.numbering.set(id, style.numbering.numId);
    },
    text() {},
  });
  return sheet;
}

/** A paragraph style's numbering, inherited through basedOn (a chain a hostile file may loop). */
export function styleNumbering(sheet: StyleSheet, styleId: string | null): NumberingRef | null {
  const seen = new Set<string>();
  for (let id = styleId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const style = sheet.paragraph.get(id);
    if (!style) return null;
    if (style.numbering?.numId) return style.numbering;
    id = style.basedOn;
  }
  return null;
}

/** An OOXML on/off attribute ("1", "true", "on"). A toggle element without w:val is on: pass `absent`. */
export const isOn = (val: string | undefined, absent = false): boolean => (val === undefined ? absent : val === '1' || val === 'true' || val === 'on');

/** A list level 0–8 from an attribute; anything else reads as 0. */
export function toLevel(val: string | undefined): number {
  const n = Number.parseInt(val ?? '', 10);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : 0;
}
