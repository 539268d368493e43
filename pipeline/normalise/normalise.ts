import type { ExtractedSource, ExtractedText, NormalisedSource, NormalisedText } from '../../schemas/stages.js';
import { CJK_PUNCT, HAN, chineseNumeral } from '../text/chars.js';
import { bylineDate, DATE_AND_SOURCE, daysInMonth, EPAPER_PAGE, isClutterLine, isReporterLine, isoDate, isTailStart } from '../text/clutter.js';
import { MappedText, MappedTextBuilder } from '../text/mapped-text.js';
import { ParagraphView } from '../text/paragraph-view.js';
import { isBracketedNote, isTableRow, unclosed } from '../text/lines.js';
import { startsWithMarker } from '../text/markers.js';
import { isTitleText, ORIGINAL_TITLE } from './split.js';
import { GLOSSED_PAGE, LOOSE_GLOSS, PINYIN_GLOSS, TONELESS_GLOSS } from '../text/pinyin.js';
import { toSimplified } from '../text/simplify.js';

const PAGE_BREAK = '\f';
/** An ISO-style date (and time) opening a line, then a bracket or Chinese text, or nothing. */
// (Some mirrors print the day first: "30.10.2018  12:02".)
const LEADING_DATE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}年\d{1,2}月\d{1,2}日(?=\s*$))(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?=$|[（(\u4e00-\u9fff])/;
/** A byline's date without its year: "日期:02-26". */
const PARTIAL_DATE = /^日期\s*[:：]\s*(\d{1,2})-(\d{1,2})\s*$/;

/** The article's own day, in the latest year that does not put it after the page's full date. */
function withArticleDay(full: string | null, day: { month: number; day: number } | null): string | null {
  if (!day || day.month < 1 || day.month > 12 || day.day < 1 || day.day > 31) return full;
  if (!full) return null;
  const [y, m, d] = full.split('-').map(Number);
  const year = day.month < m || (day.month === m && day.day <= d) ? y : y - 1;
  if (day.day > daysInMonth(year, day.month)) return full;
  return `${year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

const SENTENCE_END = /[。！？；：!?;:」』”）)】〕》…⋯]$/; // ⋯ (U+22EF) stands for … in some copies
const OPEN_CLAUSE_END = /[，,、—\-]$/;
const OPEN_NOTE = /^（\s*(?:19|20)\d{2}\s*年[^（）\n]{0,80}(会议上|会议通过|通过|批准|印发)$/;
const SCRAPER_JAMMER = /(?<=^|\n)[ \t]*(?:[\x21-\x7e]{1,3}[ \t]+){3,}[\x21-\x7e]{0,3}(?=[\u4e00-\u9fff])/g;
const PAGE_JUMP = new RegExp(`[ \\t]*（\\s*下转${EPAPER_PAGE}\\s*）([ \\t]*（\\s*上接${EPAPER_PAGE}\\s*）)?[ \\t]*`, 'g');
const TRAILING_BYLINE = new RegExp(`\\s*${DATE_AND_SOURCE}[^\\n]{0,40}$`);
const MIN_HEADLINE = 8;
const EXCLAIMED_HEADLINE = /^[^，,。；;？?！!]{4,30}[！!][^，,。；;？?！!]{4,30}$/;
/** Chrome kept for naming the page's place: a portal's header and footer, not a long list of links. */
const CHROME_LINES = 40;
/** Lines at least this long that end mid-sentence were broken by layout, not by the author. */
const BROKEN_LINE_MIN = 38;

export function normalise(extracted: ExtractedText): NormalisedText {
  const pages = extracted.pages;
  const raw = pages.map((p) => p.text).join(PAGE_BREAK);
  const pageStarts: number[] = [];
  let at = 0;
  for (const p of pages) {
    pageStarts.push(at);
    at += p.text.length + 1;
  }
  const continues = pages.map((p) => p.continues);

  let t = MappedText.identity(raw);
  t = t.replace(/\r\n?|[\u2028\u2029]/g, () => '\n');
  t = t.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, () => '');
  const simplifiedText = toSimplified(t.text);
  const simplified = simplifiedText !== t.text;
  if (simplified) t = new MappedText(simplifiedText, t.origin);
  // Mirror sites gloss characters with pinyin ("监(jiān)督"); the glosses split words. Dropped here,
  // the original stays reachable through rawOffset.
  let glosses = 0;
  t = t.replace(PINYIN_GLOSS, () => (glosses++, ''));
  if (simplified) t = t.replace(TONELESS_GLOSS, () => (glosses++, ''));
  if (simplified && glosses >= GLOSSED_PAGE) t = t.replace(LOOSE_GLOSS, () => '');
  t = t.mapChars(foldWidth);
  t = t.replace(/ {2,}/g, () => ' ');
  t = foldPunctuation(t);
  t = foldChineseYears(t);
  // An e-paper article that jumps pages mid-sentence ("…调整方案；（下转02版）（上接01版）听取…"): the jump is the
  // paper's, not the text's. (A page that opens with "（上接第一版）" alone is another case: its start is elsewhere.)
  t = t.replace(PAGE_JUMP, () => '');
  // Forums hide copies from scrapers with runs of random short ASCII tokens before a line ("0 w, a3 \\. E4 ?$ T* P市人大…").
  // (Only runs with letters in them: spaced digits are a layout's year or time, "2 0 2 4 年"; pipes are a table's cells.)
  t = t.replace(SCRAPER_JAMMER, (m) => ((m.match(/[A-Za-z]/g)?.length ?? 0) >= 2 && !m.includes('|') ? '' : m));
  // OCR and typists split two-digit months: "1 2 月份" is December.
  // Only inside a sentence: at a line start "1 2月" is a row number and a month.
  t = t.replace(/(?<=[\u4e00-\u9fff，。、；：,.;:（(])\s?1 ([0-2]) ?(?=月)/g, (m, d: string) => (m.startsWith(' ') ? ' ' : '') + `1${d}`);
  t = removeSpacesAroundHan(t);
  t = breakRunTogetherHeadings(t);

  const { text: joined, publishedDate, reporterSeen, chrome } = joinLines(t, continues);

  const pageAt = (offset: number): number | null => {
    if (extracted.pageCount === null) return null;
    const r = joined.rawOffset(offset);
    let page = 1;
    for (let i = 0; i < pageStarts.length; i++) if (pageStarts[i] <= r) page = pages[i].number;
    return page;
  };
  return { text: joined.text, pageAt, rawOffset: (o) => joined.rawOffset(o), publishedDate, reporterSeen, chrome, simplified };
}

/** Full-width ASCII letters and digits to ASCII; exotic spaces to a plain space; '．' to '.'. */
function foldWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
    return String.fromCharCode(c - 0xfee0);
  }
  if (ch === '．') return '.';
  if (ch === '\t' || ch === '\u00a0' || ch === '\u3000' || (c >= 0x2002 && c <= 0x200a)) return ' ';
  return ch;
}

const NEAR_HAN = `[${HAN}${CJK_PUNCT}]`;

const YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Official dates write years digit by digit in Chinese ("二〇二四年"); one form is easier to read. */
function foldChineseYears(t: MappedText): MappedText {
  const years = t.replace(/[一二][〇零ＯO九][〇零ＯO一二三四五六七八九]{2}(?=年)/g, (m) => [...m].map((c) => YEAR_DIGITS[c]).join(''));
  // …and so their month and day ("一九九〇年三月十五日" → "1990年3月15日"), so dates read as dates.
  return years.replace(/(?<=\d{4}年)([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?/g, (m, mo: string, d?: string) => {
    const month = chineseNumeral(mo);
    const day = d ? chineseNumeral(d) : null;
    if (month === null || month < 1 || month > 12 || (d && (day === null || day < 1 || day > 31))) return m;
    return `${month}月` + (d ? `${day}日` : '');
  });
}

/**
 * Chinese documents use full-width punctuation; copies from the web and OCR mix in ASCII. Brackets
 * are always folded (Chinese text has no other use for them); commas, colons and semicolons only
 * next to Chinese, so "15:25" and "1,000" survive.
 */
function foldPunctuation(t: MappedText): MappedText {
  t = t.replace(/\(/g, () => '（').replace(/\)/g, () => '）');
  t = t.replace(new RegExp(`(?<=${NEAR_HAN}\\s?)[,;:]|[,;:](?=\\s?${NEAR_HAN})`, 'g'), (m) =>
    m === ',' ? '，' : m === ';' ? '；' : '：',
  );
  return t;
}

/**
 * "2023 年" and "拟安排在 3 月份" come from PDF layouts and typists; the spaces carry no meaning
 * next to Chinese characters. Spaces between Latin words or numbers are kept.
 */
function removeSpacesAroundHan(t: MappedText): MappedText {
  const re = new RegExp(`(?<=${NEAR_HAN}) +(?=[^\\s])|(?<=[^\\s]) +(?=${NEAR_HAN})`, 'g');
  return t.replace(re, () => '');
}

/**
 * Some copies lose every line break of a plan: "…会议议题（…通过）一、听取…报告。二、审议…". When a
 * long line carries its own numbered headings after sentence ends, the breaks are put back before
 * each of them. Only such run-together pages are touched; a paragraph that mentions "二、" once is not.
 */
const INLINE_HEADING = /(?<=[。；）])(?=(?:[一二三四五六七八九十]|十[一二三四五六七八九])、|（[一二三四五六七八九十]{1,2}）)/g;
function breakRunTogetherHeadings(t: MappedText): MappedText {
  const flattened = t.text.split('\n').some((l) => l.length > 150 && (l.match(INLINE_HEADING)?.length ?? 0) >= 3);
  return flattened ? t.replace(INLINE_HEADING, () => '\n') : t;
}

/**
 * Trim lines, drop web chrome and blank lines, and join lines that a page break or the layout
 * split inside a sentence. The result has one paragraph (or heading, or table row) per line.
 */
function joinLines(t: MappedText, continues: Array<boolean | undefined>): { text: MappedText; publishedDate: string | null; reporterSeen: boolean; chrome: string } {
  interface Line { start: number; end: number; text: string; pageBreakBefore: boolean; pageIndex: number; chromeBefore: boolean }
  const lines: Line[] = [];
  let publishedDate: string | null = null;
  let articleDay: { month: number; day: number } | null = null;
  let reporterSeen = false;
  const chrome: string[] = [];
  const keepChrome = (line: string) => {
    if (chrome.length < CHROME_LINES) chrome.push(line);
  };
  let chromeSince = false;
  let pageIndex = 0;
  let pageBreakPending = false;
  let tail = false;
  let pos = 0;
  const src = t.text;
  while (pos <= src.length) {
    let nl = pos;
    while (nl < src.length && src[nl] !== '\n' && src[nl] !== PAGE_BREAK) nl++;
    let start = pos;
    let end = nl;
    while (start < end && src[start] === ' ') start++;
    while (end > start && src[end - 1] === ' ') end--;
    // Page tops print the publication date before the first line ("2024-05-11（2024年3月21日…通过）"):
    // the date is a dateline, not the start of a title or an item.
    const dated = lines.length < 3 && !tail ? LEADING_DATE.exec(src.slice(start, end)) : null;
    if (dated) {
      publishedDate ??= isoDate(dated[1]);
      start += dated[0].length;
    }
    // A headline with its byline run onto its line ("…工作巡礼2026年01月22日来源：上海普陀"): the byline is chrome.
    const byline = lines.length < 3 && !tail ? TRAILING_BYLINE.exec(src.slice(start, end)) : null;
    const bylineCut = byline !== null && byline.index >= MIN_HEADLINE;
    if (bylineCut) {
      publishedDate ??= isoDate(byline[1]);
      keepChrome(byline[0].trim());
      end = start + byline.index;
    }
    const text = src.slice(start, end);
    // (The tail's related links are not kept as chrome: they name other places.)
    if (text && !tail) {
      // A copy's "原标题：…" under the headline repeats it; at the top it is the headline (split.ts reads it).
      if (lines.length > 0 && ORIGINAL_TITLE.test(text)) keepChrome(text);
      else if (isTailStart(text)) tail = true;
      else if (isClutterLine(text)) {
        keepChrome(text);
        chromeSince = lines.length > 0;
        // An e-paper reader prints today's date on top and the article's as "日期:02-26" below it.
        const partial = PARTIAL_DATE.exec(text);
        if (partial) articleDay ??= { month: Number(partial[1]), day: Number(partial[2]) };
        publishedDate ??= bylineDate(text);
        reporterSeen ||= isReporterLine(text);
      }
      else {
        lines.push({ start, end, text, pageBreakBefore: pageBreakPending, pageIndex, chromeBefore: chromeSince });
        // A byline cut off the headline's own line stands between it and the lede, as a line of its own would.
        chromeSince = bylineCut;
        pageBreakPending = false;
      }
    }
    if (nl < src.length && src[nl] === PAGE_BREAK) {
      pageIndex++;
      pageBreakPending = true;
      tail = false; // chrome tails belong to one page; a paged source has none
    }
    pos = nl + 1;
  }

  const b = new MappedTextBuilder();
  // The paragraph built so far: a bracket opened two lines up is still open.
  let paragraph = new ParagraphView('');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i > 0) {
      const prev = lines[i - 1];
      const pageContinues = line.pageBreakBefore ? continues[line.pageIndex - 1] : undefined;
      // A headline and the lede under it, with the byline between them ("…工作巡礼" / "2026年01月22日 来源：…" /
      // "2025年是…"), are two paragraphs however long the headline.
      const underHeadline = line.chromeBefore && i === 1;
      if (!underHeadline && shouldJoin(paragraph, line.text, pageContinues, line.pageBreakBefore, prev.text)) {
        paragraph.add(line.text);
      } else {
        b.push('\n', t.origin[prev.end] ?? t.origin[prev.end - 1] + 1);
        paragraph = new ParagraphView(line.text);
      }
    } else paragraph = new ParagraphView(line.text);
    b.copy(t, line.start, line.end);
  }
  return { text: b.build(), publishedDate: withArticleDay(publishedDate, articleDay), reporterSeen, chrome: chrome.join('\n') };
}

/** `paragraph` is the paragraph so far; `lastLine` its last line. */
function shouldJoin(paragraph: ParagraphView, next: string, continues: boolean | undefined, pageBreak: boolean, lastLine: string): boolean {
  const prev = paragraph.text;
  if (isTableRow(prev) || isTableRow(next) || startsWithMarker(next)) return false;
  // A long title ends no sentence either, and is often followed by its adoption note.
  if (isBracketedNote(next) || isTitleText(prev)) return false;
  // A delivery or adoption note whose closing bracket OCR lost ("（2021年8月30日在…会议上") is whole.
  if (OPEN_NOTE.test(prev)) return false;
  // The extractor saw the last line reach the margin: trust it. When it did not, the sentence may
  // still run on (a source whose own line broke mid-sentence), so the text rule decides.
  if (pageBreak && continues === true) return true;
  // A bracket left open cannot end a paragraph (a paragraph this long has lost one to OCR instead).
  if (paragraph.length < 800 && [...prev].length < 400 && unclosed(prev, lastLine)) return true;
  if (SENTENCE_END.test(prev)) return false;
  // A headline that exclaims between its two phrases ("奋力书写…新篇章！…五年履职回眸") is no sentence cut off.
  if (paragraph.length === lastLine.length && EXCLAIMED_HEADLINE.test(prev)) return false;
  // A paragraph that has finished a sentence and then stops mid-way ("…工作。自觉把人大工作放在县委整")
  // was cut by a page; headings contain no full stop.
  if (paragraph.hasStop) return true;
  // The length test reads the paragraph's last line: a short last line is where the author stopped.
  return OPEN_CLAUSE_END.test(prev) || [...lastLine].length >= BROKEN_LINE_MIN;
}

/** The normalise stage: a source's extracted text, folded into the one form analysis reads. */
export function normaliseSource(source: ExtractedSource): NormalisedSource {
  return { ...source, normalised: normalise(source.extracted) };
}
