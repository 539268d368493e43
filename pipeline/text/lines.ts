/** A line of normalised text with its offsets; stages work on lines and report spans. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

export function splitLines(text: string, base = 0): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > start) out.push({ text: text.slice(start, i), start: base + start, end: base + i });
      start = i + 1;
    }
  }
  return out;
}

const TERMINAL = /[。；！？!?;]/;

/**
 * A line that reads as a heading: short, and no sentence ends inside it. Used for unnumbered
 * documents (reports, news) and for titles.
 */
export function isHeadingLike(text: string, maxLength = 40): boolean {
  const t = text.trim();
  if (!t || [...t].length > maxLength) return false;
  if (TERMINAL.test(t.replace(/[。；]$/, '')) || /[。；]$/.test(t)) return false;
  // A line that trails off ("…共办理建议834件⋯⋯") is a sentence, not a heading.
  if (/[：:，,、…⋯]$/.test(t)) return false;
  return true;
}

/** Notes that belong to no item: annex references and remarks ("附件：…", "备注：…"). */
export const isNoteLine = (text: string): boolean => /^(附件|附表|附[:：]|备注|注[:：]|说明[:：])/.test(text.trim());

/**
 * The closing paragraph of a numbered plan, which speaks about the plan itself ("本计划执行中如需
 * 调整…", "各牵头单位要…"). In an unnumbered report such a paragraph is an item like any other.
 */
export const isClosingNote = (text: string): boolean =>
  /^(本(计划|要点|方案|安排)|各(牵头|责任|承办|有关)(单位|部门))[^。]{0,40}(要|应|如需|执行|调整)|^(真诚|衷心|诚挚)?感谢(所有|广大|各位|社会各界)/.test(text.trim());

/** A full date alone on its line ("2024年3月1日"): a dateline or the date of a sign-off. */
export const DATE_ONLY = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** The sign-off under a document: the issuing office's name and the date, each on a line of its own. */
export const isSignOff = (text: string): boolean =>
  DATE_ONLY.test(text.trim()) || /^[\u4e00-\u9fff]{2,30}(办公室|办公厅|常务委员会|常委会|委员会)$/.test(text.trim());

/** A line wholly in brackets, such as the adoption note "（2025年2月13日…主任会议通过）". */
export const isBracketedNote = (text: string): boolean => /^（[^（）]*(（[^（）]*）[^（）]*)*）$/.test(text.trim());

/**
 * A bracket left open (or, within one line, a quotation): the text cannot end a paragraph. Quotes
 * are only trusted within a line, because OCR often prints “ for ”.
 */
export function unclosed(text: string, lastLine = text): boolean {
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
  return count(text, /（/g) > count(text, /）/g) || count(text, /《/g) > count(text, /》/g) || count(lastLine, /“/g) > count(lastLine, /”/g);
}

/**
 * A Markdown-like table row, as every extractor writes tables; or a row as a web page's table comes
 * out when the page is copied as text, cells joined by " | " with no pipe before the first
 * ("1 | 某某条例 | 市司法局 | 3月 | |"): at least three pipes, the last ending the line.
 */
export const isTableRow = (line: string): boolean => /^\|.*\|$|^[^|]+(\|[^|]*){2,}\|$/.test(line.trim());
