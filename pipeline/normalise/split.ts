import { isHeadingLike, isTableRow, splitLines, type Line } from '../text/lines.js';
import { startsWithMarker } from '../text/markers.js';

/**
 * Split a file's text into documents at their titles. A title names a kind of document
 * (工作要点, 监督工作计划, 议题安排表, 工作报告, 实施方案, …) and its issuer or year, stands on its own
 * short line, and may be preceded by a line naming the issuing body ("XX县人民代表大会常务委员会")
 * or by an annex label ("附件：").
 */
export interface DocumentSlice {
  /** Offsets into the file's normalised text: the document runs from start to end. */
  start: number;
  end: number;
  title: string;
  /** Where the title block ends: the body starts after it. */
  bodyStart: number;
}

const DOC_KIND_END = /(工作要点|要点|工作计划|计划|安排表|议题安排|议程|工作报告|报告|实施方案|实施意见|工作方案|方案|意见|规划|安排)(（[^（）]{1,10}）)?$/;
const ISSUER_OR_YEAR = /(人大|常委会|常务委员会|代表大会|\d{4}\s*年)/;
const ISSUER_LINE = /^.{0,24}(人民代表大会常务委员会|人大常委会|人民代表大会)(办公室|党组)?$/;
const DELIVERED_BY = /^[\u4e00-\u9fff]{2,4}(作|做)了?[\u4e00-\u9fff]{0,10}?(人大常委会|人民代表大会常务委员会)[\u4e00-\u9fff]{0,4}工作报告$/;
const ANNEX_LABEL = /^附件\s*[一二三四五六七八九十\d]*\s*[:：]?$/;

export function isTitleText(text: string): boolean {
  const t = text.trim();
  if (!isHeadingLike(t, 64) || startsWithMarker(t) || isTableRow(t)) return false;
  if (/^(附件|附表|备注|注[:：])/.test(t)) return false;
  // A news subheadline that names who delivered the report ("潘某某作市人大常委会工作报告") heads no document.
  if (DELIVERED_BY.test(t)) return false;
  return DOC_KIND_END.test(t) && ISSUER_OR_YEAR.test(t);
}

export function splitDocuments(text: string, fallbackTitle?: string): DocumentSlice[] {
  const lines = splitLines(text);
  const titles: Array<{ first: number; last: number; title: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const block = titleBlockAt(lines, i);
    if (!block) continue;
    titles.push(block);
    i = block.last;
  }

  const merged = mergeRepeatedTitles(titles, lines);
  if (merged.length === 0) {
    // No recognisable title: the first line is one only if it reads as a headline — or the line after a
    // stray word or two left above it ("评论", "正文"), which no headline is.
    const at = lines.findIndex((l, k) => k > MAX_STRAY_LINES || !STRAY_WORD.test(l.text));
    const first = at >= 0 && at <= MAX_STRAY_LINES ? lines[at] : undefined;
    const headline = first ? headlineOf(first.text) : null;
    if (first && headline !== null) return [{ start: 0, end: text.length, title: headline, bodyStart: first.end }];
    return [{ start: 0, end: text.length, title: fallbackTitle ?? '', bodyStart: 0 }];
  }
  return merged.map((t, k) => ({
    // Whatever precedes the first title (page chrome, a cover line) belongs to the first document.
    start: k === 0 ? 0 : lines[t.first].start,
    end: k + 1 < merged.length ? lines[merged[k + 1].first].start : text.length,
    title: t.title,
    bodyStart: lines[t.last].end,
  }));
}

/** A word or two left above a page's headline by its layout: a tab's name, a button. */
const STRAY_WORD = /^[\u4e00-\u9fff]{1,4}$/;
const MAX_STRAY_LINES = 2;

/** A republished article names its headline "原标题：…"; the label is not part of it. */
export const ORIGINAL_TITLE = /^原标题\s*[:：]\s*/;
const SITE_TAG = /^【[^】]{1,16}(网|报|台|号|新闻)】/;

/** Titles say something: a volume label ("2023卷") or a lone date has too few words to be one. */
const MIN_TITLE_HAN = 5;

/**
 * The headline of a page whose first line is no document title: a heading-like line, not an
 * item, table row, adoption note, dateline, yearbook entry (【概况】…) or volume label.
 */
export function headlineOf(line: string): string | null {
  // A site's tag before the headline ("【江苏人大网】亮点纷呈…") names the site, not the document.
  const t = line.replace(ORIGINAL_TITLE, '').trim().replace(SITE_TAG, '').trim();
  // A headline may exclaim between its two phrases ("谱写…新篇章！…五年履职综述"); a sentence ends on its mark.
  if (!isHeadingLike(t.replace(/[!！](?=[^!！])/g, ' '), 64) || startsWithMarker(t) || isTableRow(t)) return null;
  if (/^[（【〔]/.test(t) || /^(本报讯|——|—)/.test(t) || /^\d{1,4}\s*[年月]\s*\d{0,2}\s*[月日]/.test(t)) return null;
  // The speaker's line under a report's title: "苏州市人大常委会主任 李亚平".
  if (/(主任|副主任|秘书长|委员长|主席)\s*[\u4e00-\u9fff]{2,4}$/.test(t) && !/(会议|召开|举行)/.test(t)) return null;
  if ((t.match(/[\u4e00-\u9fff]/g) ?? []).length < MIN_TITLE_HAN) return null;
  return t;
}

/** A title at line i, possibly with an issuer line before it (or the issuer line at i and the title next). */
function titleBlockAt(lines: Line[], i: number): { first: number; last: number; title: string } | null {
  const cur = lines[i].text;
  let first = i;
  let last = i;
  let title: string;
  // An issuer line prefixes the next line's title, unless that title names its issuer itself (then
  // the issuer line is a letterhead or running header).
  const next = lines[i + 1]?.text ?? '';
  if (ISSUER_LINE.test(cur) && isTitleText(cur + next) && DOC_KIND_END.test(next) && !/人大|常委会|代表大会/.test(next)) {
    last = i + 1;
    title = cur + lines[i + 1].text;
  } else if (isTitleText(cur)) {
    title = cur;
  } else {
    return null;
  }
  if (first > 0 && ANNEX_LABEL.test(lines[first - 1].text)) first--;
  return { first, last, title };
}

/**
 * Web pages repeat the title (page header, then article heading); a title that equals the previous
 * one with nothing but a few short lines between them is the same document.
 */
function mergeRepeatedTitles(
  titles: Array<{ first: number; last: number; title: string }>,
  lines: Line[],
): Array<{ first: number; last: number; title: string }> {
  const out: typeof titles = [];
  for (const t of titles) {
    const prev = out[out.length - 1];
    if (prev && prev.title === t.title) {
      const between = lines.slice(prev.last + 1, t.first);
      if (between.length <= 3 && between.every((l) => [...l.text].length < 80 && !startsWithMarker(l.text))) {
        prev.last = t.last;
        continue;
      }
    }
    out.push({ ...t });
  }
  return out;
}
