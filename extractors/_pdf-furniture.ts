/**
 * Page furniture: running headers, footers and page numbers. They sit at the top or bottom of the
 * page and would otherwise land in the middle of sentences that run across page breaks.
 */
import type { Line } from './_pdf-lines.js';

/** How many lines at each end of a page may be furniture. */
const ZONE = 2;
/** Share of pages (with text) a line must repeat on to count as a running header or footer. */
const REPEAT_SHARE = 0.4;

const PAGE_NUMBER = [
  /^[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*$/, // 3, - 3 -, — 3 —
  /^第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/, // 第 3 页, 第3页 共10页
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/, // 3/10
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.some((re) => re.test(text.trim()));

/** Digits vary from page to page ("2023年1月印发 3"), the rest of a running header does not. */
const key = (text: string): string => text.replace(/\s+/g, '').replace(/\d+/g, '#');

function zone(lines: Line[]): Line[] {
  if (lines.length <= 2 * ZONE) return lines;
  return [...lines.slice(0, ZONE), ...lines.slice(-ZONE)];
}

/** Returns each page's lines without its furniture. */
export function stripFurniture(pages: Line[][]): Line[][] {
  const withText = pages.filter((p) => p.length > 0).length;
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(zone(lines).map((l) => key(l.text)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(REPEAT_SHARE * withText));
  const repeated = (l: Line) => (seen.get(key(l.text)) ?? 0) >= needed;
  return pages.map((lines) => {
    const drop = new Set(zone(lines).filter((l) => isPageNumber(l.text) || repeated(l)));
    return lines.filter((l) => !drop.has(l));
  });
}
