import type { DocType } from '../schemas/index.js';
import { isoDate } from './clutter.js';

/**
 * Document-level facts read from the title and the first lines: the type of document, its year,
 * and the adoption date stated in the customary bracketed note.
 */
const DOC_TYPE_RULES: Array<[DocType, RegExp]> = [
  ['agenda', /议题安排|会议议题|议题计划|安排表/],
  ['supervision_plan', /监督工作计划|监督计划/],
  ['deputy_work_plan', /代表工作计划|代表工作要点/],
  ['legislation_plan', /立法工作计划|立法计划|立法规划/],
  ['decision_plan', /重大事项决定|讨论决定重大事项|决定事项/],
  ['work_points', /工作要点/],
  ['work_report', /工作报告|工作总结/],
  ['implementation_plan', /实施方案|实施意见|工作方案|实施办法/],
];

/**
 * A title that says the body did something ("…人大常委会出台…方案", "…召开…会议") is a news report
 * about a document or an event, not the document itself.
 */
const NEWS_TITLE = /(人大常委会|人大|常委会).{0,6}(出台|召开|举行|举办|开展|印发|部署|审议通过|通过了|发布|启动|推进|视察|调研|走访|督查|检查|组织|学习|赴)/;

export function detectDocType(title: string, hasByline: boolean): DocType {
  if (NEWS_TITLE.test(title) || (hasByline && !DOC_TYPE_RULES.some(([, re]) => re.test(title)))) return 'news';
  for (const [type, re] of DOC_TYPE_RULES) if (re.test(title)) return type;
  if (/计划|要点/.test(title)) return 'work_points';
  return 'other';
}

const ADOPTION = /（\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^（）]{0,80}?(通过|批准|印发|修订)[^（）]{0,10}）/;

/** The adoption note in the first lines: "（2025年2月13日省十四届人大常委会第46次主任会议通过）". */
export function findAdoptedDate(head: string): string | null {
  const m = ADOPTION.exec(head);
  return m ? isoDate(m[1]) : null;
}

/**
 * The year a document is about: the title's year; else, for a report, the year its review
 * section names ("2023年主要工作回顾"); else the adoption or publication year.
 */
export function findYear(title: string, body: string, dates: Array<string | null>): number | null {
  const fromTitle = /((?:19|20)\d{2})\s*年/.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const heading = /^((?:19|20)\d{2})\s*年[^\n。]{0,12}(工作回顾|主要工作|工作总结|工作要点|工作安排)/m.exec(body);
  if (heading) return Number(heading[1]);
  // A work report is delivered at the annual session early in the next year and reviews the last:
  // "——2025年1月14日在…人民代表大会第五次会议上".
  const delivered = /((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日在[^\n]{0,40}(代表大会|会议)上/.exec(body.slice(0, 300));
  if (delivered && /工作报告/.test(title)) return Number(delivered[1]) - (Number(delivered[2]) <= 3 ? 1 : 0);
  for (const d of dates) if (d) return Number(d.slice(0, 4));
  return null;
}
