import { isHeadingLike } from './lines.js';
import { matchMarker } from './markers.js';

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
