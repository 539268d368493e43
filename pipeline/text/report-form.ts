import { isHeadingLike } from './lines.js';
import { matchMarker } from './markers.js';

// The form a work report to a congress session is written in, apart from the year's work: the review's
// heading and opening summary, the set phrases, the delivery note.

/**
 * How a work report to a congress session opens its review of the past period: a heading that names
 * it, then a paragraph or two that sum the period up before the work itself. Segmentation leaves the
 * summary out of the items; an untitled excerpt that opens this way is a work report.
 */
// "2022年是极不平凡的一年", "过去的五年，是…", "本届任期的五年，是…": the period as the subject.
export const SUMMARY_OPENING = /^(一年来|过去的?一年|五年来|过去的?五年|(?:19|20)\d{2}\s*年(是|以来|，)|[^。，；]{0,16}(任期|以来)的?[一二三四五两]年[，,]?是)/;

/**
 * The heading of the part that reviews the past period: "2024年工作回顾", "五年工作的回顾", "五年来的主要
 * 工作和经验体会", "过去一年的工作" (numbered or not).
 */
const REVIEW_HEADING = /(工作的?回顾|主要工作|工作情况|工作总结)([和及与][^。，；]{0,10})?$|^(过去|一年来|五年来|(?:19|20)\d{2}\s*年)[^。，；]{0,8}的工作$/;
export const isReviewHeading = (text: string): boolean => {
  const marker = matchMarker(text);
  const t = marker ? text.slice(marker.length) : text;
  return isHeadingLike(t) && REVIEW_HEADING.test(t.trim());
};

/**
 * The set phrases of a work report: the salutation, the mandate ("我受…常务委员会委托，向大会报告
 * 工作，请予审议。"), the announcement ("现将…报告如下"). Reports are written to a form; these lines
 * belong to the form, not to the year's work.
 */
const SET_PHRASE = [
  /^各位(代表|委员|主任|副主任)[，、各位代表委员主任副秘书长]{0,12}[:：！!]?$/,
  /^(现在，)?(我)?(受|代表)[^。]{0,40}(委托|常务委员会|常委会)[，,]?[^。]{0,30}(报告|汇报|说明)[^。]{0,12}(请予审议|请审议)?[^。]{0,20}[。：:]?$/,
  /^现将[^。]{0,40}(报告如下|汇报如下)[:：。]?$/,
  /^请予审议。?$/,
];
export const isSetPhrase = (text: string): boolean => SET_PHRASE.some((re) => re.test(text.trim()));

/**
 * "2025年1月14日在…会议上", with what a copy runs on after it on the same line: the speaker ("…会议上
 * 某某市人大常委会主任 张三") and even the mandate ("…主任张三我受…委托，向大会报告工作，请予审议。").
 */
export function isDeliveryNote(text: string): boolean {
  const note = /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日在[^。]{0,50}(会议|大会)上）?/.exec(text);
  if (!note) return false;
  const rest = text.slice(note[0].length).trim();
  if (!rest) return true;
  const speaker = /^[^。，]{0,40}?(主任|副主任|委员长|秘书长)\s*/.exec(rest);
  if (!speaker) return false;
  const after = rest.slice(speaker[0].length);
  // The speaker's name (two to four characters, maybe spaced) and nothing else, or the mandate.
  for (let n = 2; n <= Math.min(6, after.length); n++) {
    const tail = after.slice(n).trim();
    if (!tail || isSetPhrase(tail)) return /^[\u4e00-\u9fff·•\s]+$/.test(after.slice(0, n));
  }
  return false;
}
