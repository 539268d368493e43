/**
 * A finished DOCX paragraph into lines: each line tidied, Word's automatic list number put back in
 * front of the first, the text boxes anchored in it after it; and its text, when its style makes
 * it the document's title.
 */
import { tidy } from './_html-render.js';
import type { Paragraph, Sink } from './_docx-frames.js';
import type { ListNumbers } from './_docx-lists.js';
import type { StyleSheet } from './_docx-styles.js';

/**
 * Styles whose first paragraph gives meta.title, by name (styles.xml) or by id where a file has no
 * styles part: Word's Title (标题 in WPS and Chinese templates) and Heading 1, which mammoth made
 * the first <h1>.
 */
const TITLE_NAMES = new Set(['title', '标题', 'heading 1', '标题 1', '标题1', 'heading']);
const TITLE_IDS = new Set(['Title', 'Heading1', 'Heading']);

/** Writes the paragraph's lines to `sink`; returns its text when it is in a title style. */
export function emitParagraph(para: Paragraph, sink: Sink, styles: StyleSheet, lists: ListNumbers): string | undefined {
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
  if (para.inner.length) sink.push(para.inner);
  return texts.length && isTitleStyle(styles, styleId) ? texts.join('') : undefined;
}

function isTitleStyle(styles: StyleSheet, styleId: string | null): boolean {
  if (styleId === null) return false;
  const name = styles.paragraph.get(styleId)?.name;
  return TITLE_IDS.has(styleId) || (!!name && TITLE_NAMES.has(name.toLowerCase()));
}
