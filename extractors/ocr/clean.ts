/**
 * OCR text → the text a typist would have produced. Tesseract separates every Chinese character
 * with a space and misreads numbering punctuation; both would defeat segmentation. Line structure
 * is kept: this works on one line at a time.
 */
import { REGULATION_SUFFIX } from '../../pipeline/text/law-names.js';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’—…·';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}0-9])|(?<=[0-9])\\s+(?=[${CJK}])`, 'g');

export function cleanOcrLine(line: string): string {
  // Angle brackets almost never occur in official prose; tesseract reads （ ） as 〈 〉.
  let t = line.replace(SPACE_IN_CJK, '').replace(/〈/g, '（').replace(/〉/g, '）').trim();
  // Numbering markers as OCR misreads them: "1，" "1 ." → "1."; "一 、" → "一、"; "( 一 )" → "（一）".
  t = t.replace(/^(\d{1,2})\s*[，,]\s*/, '$1.').replace(/^(\d{1,2})\s+\.\s*/, '$1.');
  t = t.replace(/^([一二三四五六七八九十]{1,3})\s*[、，,]\s*/, '$1、');
  t = t.replace(/^[（(]\s*([一二三四五六七八九十\d]{1,3})\s*[）)]\s*/, '（$1）');
  return fixOcrPunctuation(fixOcrDashes(tableRule(t)));
}

/**
 * A table's vertical rules (or a pipe-separated row) read as "丨", a radical no sentence uses: two or more on a
 * line make it a row, its cells separated by "|" and closed by one, so it is read as a row and never run on.
 */
function tableRule(line: string): string {
  if ((line.match(/丨/g)?.length ?? 0) < 2) return line;
  const row = line.replace(/\s*丨\s*/g, ' | ').trim();
  return row.endsWith('|') ? row : `${row} |`;
}

/**
 * Dashes and ellipses as OCR misreads them. An ellipsis "……" comes back as a run of dots ("······",
 * "……" is never read as three or more middle dots otherwise). A dash "——" is thin and level with the
 * middle of a character, so it is read as "一": at the start of a line before a date (the dash that
 * opens a delivery note, "——2024年1月…在…会议上") and between the two days of a range ("5一11日").
 * A line "一2024年…在…会议上" is that note ("一、2024年工作回顾" with its 、 lost is a heading, left alone).
 */
export function fixOcrDashes(line: string): string {
  return line
    .replace(/[·•・]{3,}|\.{4,}/g, '……')
    .replace(/^[一—－-]{1,2}(?=(?:(?:19|20)\d{2}\s*年|[一二][〇零OＯ][〇零OＯ一二三四五六七八九]{2}年)[^\n]{0,20}在[^\n]{0,40}(会议|大会))/, '——')
    .replace(/(?<=\d\s*日?)一(?=\d{1,2}\s*日)/g, '—');
}

/**
 * A paragraph after its lines were joined: the punctuation repairs again (a misread can straddle the line
 * break: "…报告：审" + "查…", "201" + "8年"), and a numbered list run into one paragraph gets back a
 * marker's stop that fell off at a line end ("；2.审议…；3" + "听取…" → "；3.听取…"): a number after
 * an entry's "；" that is one more than the list's last marker.
 */
export function fixOcrParagraph(text: string): string {
  let t = fixOcrPunctuation(text);
  let last: number | undefined;
  t = t.replace(/(?<=^|[：；:;。])\s*(\d{1,2})([.、]?)(?![年月日号时个项件次名位人家份条天届批场])(?=[\u4e00-\u9fff])/g, (m, d: string, stop: string) => {
    const n = Number(d);
    if (stop) {
      last = n;
      return m;
    }
    if (last !== undefined && n === last + 1) {
      last = n;
      return `${m.slice(0, m.length - d.length)}${d}.`;
    }
    return m;
  });
  return t;
}

/**
 * Misreads inside a line, as PP-OCR and tesseract make them on Chinese print:
 * - a number split by a space ("201 8年", "今（1 1）日");
 * - "，" read as "." between two characters ("…草案的报告.批准…"): no Chinese sentence puts an ASCII
 *   full stop between two characters;
 * - "；" read as "：" between two entries of a list ("…工作报告：听取和审议…"): a colon that announces
 *   a list follows its announcing word (议程：, 包括：, 如下：, 为：), not the end of an entry — nor a
 *   law's name before another's ("…燃气管理条例：某某省农村公路条例；");
 * - "告" read as "吉" in "报告", a word every page of this kind uses ("报吉" is no word).
 */
// (A whole name on each side, between list separators: "本条例规定：县级…" or "具体办法：由…" is no list.)
const LAW_NAME_BEFORE = `(?<=(?:^|[；;：:])《?[\u4e00-\u9fff]{4,30}(?:${REGULATION_SUFFIX})》?)`;
const LAW_NAME_AFTER = `(?=《?[\u4e00-\u9fff]{4,30}?(?:${REGULATION_SUFFIX})》?[；;])`;
const ENTRY_VERB = '(?:听取|审议|审查|批准|印发|选举|表决|传达|其他|书面(?:审议|听取)|第[一二三四五六七八九十]{1,3}项)';
export function fixOcrPunctuation(line: string): string {
  return line
    .replace(/(\d)\s+(\d{1,3})(?=\s*[年月日号）)])/g, '$1$2')
    .replace(/(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])/g, '，')
    // (…but an entry that is itself "人事事项" ends there: "人事事项：听取…" is two entries.)
    .replace(new RegExp(`(?:(?<![程题下括为是有要容项条])|(?<=人事事项|任免事项))：(?=${ENTRY_VERB})`, 'g'), '；')
    .replace(new RegExp(`${LAW_NAME_BEFORE}[：:]${LAW_NAME_AFTER}`, 'g'), '；')
    .replace(/报吉/g, '报告');
}
