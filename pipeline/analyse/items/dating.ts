import type { Item } from '../../../schemas/index.js';

/**
 * The month an item took place in when its own text names none: the day a news lede gives, the
 * date heading of an agenda, the date of the meeting an agenda is for, or the page's publication
 * date when the lede gives only the day.
 */

/** A dispatch dated before its 讯: "某某融媒体中心1月11日讯（通讯员…）1月10日，…". */
export const DISPATCH_LINE = /(?:^|\n)[^\n，。\d]{0,12}(?:\d{4}年)?(\d{1,2})月\d{1,2}日(?:讯|电)/g;
/** A paragraph that opens with a day: "5月27日上午，…", "本报讯（记者…）2月20日，…", "8月29号，…". */
// (or a source's name before the day: "台海网11月29日讯…")
// (A microblog post opens on its topic tags and bracketed headline: "#某某区# 【…会议召开】2月26日，…"; a site's tag
// may be bracketed: "（某某人大网讯）2月13日，…".)
export const DATED_LINE = /(?:^|\n)(?:#[^#\n]{1,20}#\s*)?(?:【[^】\n]{1,60}】\s*)?(?:[^\n，。]{0,12}讯[）)]?\s*(?:（[^）\n]{0,24}）)?\s*|[^\n，。\d]{0,8}(?:网|报|社|台)(?:消息)?[:：]?\s*)?(?:\d{4}年)?(\d{1,2})月\d{1,2}[日号]/g;

/**
 * An agenda's entries are taken up at the meeting its date heading names ("8月28日" on a line of its
 * own). The agenda of one meeting ("第二十七次会议议题", "本次会议的建议议程") is also dated by its
 * note ("（2019年8月1日…会议通过）", "（2021年8月30日在…会议上）"); a year's agenda adopted in
 * January is not: its entries are spread over the year.
 */
export const ONE_MEETING = /第[一二三四五六七八九十百\d]+次?会议[^\n。]{0,4}(议程|议题)|本次(常委会)?会议|会议议程（草案）|关于召开[^\n]{0,40}会议的决定|会议(定|将)于|(定|将)于[^。\n]{0,30}(召开|举行)|会议时间[:：]|会议的?建议议程/;
/** The meeting's own date in a notice or a decision to convene: "会议定于8月26日…举行", "…会议于2022年12月25日至27日召开", "决定12月21日至22日召开…", "会议确定2032年6月3日至4日召开…". */
// "会议X9月22日召开": one character between the meeting and its date may be a misread 于 (OCR).
/** A notice's own line for its meeting's time: "一、会议时间：2011年8月30日上午8:30". */
export const MEETING_TIME = /会议时间[:：]\s*(?:\d{4}年)?(\d{1,2})月\d{1,2}日/g;
export const MEETING_DATE = /(?:(?:定于|将于|拟于|于|决定|确定)(?:\d{4}年|明年)?|会议[^\d。；，\n]?)(\d{1,2})月(?:\d{1,2}日|上旬|中旬|下旬|初|底)[^。；\n]{0,40}?(?:召开|举行|开幕)/g;
// "将于今日开幕", "将于本月25日至27日…举行": in the month the page came out.
const MEETING_TODAY = /(?:将于|定于|拟于|于)(?:今[（(]?\d{0,2}[）)]?日|本月\d{1,2}日)[^。；\n]{0,20}?(?:召开|举行|开幕)/;

/** Words of a meeting still to come, with or without its date: "将于…召开", "近期召开", "择期". */
export const MEETING_TO_COME = /将于|拟于|定于|近期|下次|下一次|择期|即将/;

/** The month of the meeting an agenda is for: the last date said before it, or 'today' ("将于今日开幕", "本月25日"). */
export function meetingMonth(before: string): number | 'today' | null {
  const dated = [...before.matchAll(MEETING_DATE)].pop();
  if (dated) return Number(dated[1]);
  return MEETING_TODAY.test(before) ? 'today' : null;
}
export const DATE_LINE = /(?:^|\n)【?(?:\d{4}年)?(\d{1,2})月(?:\d{1,2}日)?(?:份)?(?:[（(]星期.[）)])?】?(?=\s*(?:\n|$))/g;
// (…or a session's day in brackets: "【1月20日(星期四)】".)
export const DATED_HEADING = /(?:^|\n)(?:[^\n]{0,40}（|【)?(?:\d{4}年)?(\d{1,2})月\d{1,2}日(?=[^\n。；]{0,60}(?:[）】]|$|\n))/g;

export function withDatelineMonth(item: Item, docText: string, dated: RegExp[]): Item {
  if (item.months.length) return item;
  const date = nearestDate(docText.slice(0, item.span[0]), dated);
  return date && date.month >= 1 && date.month <= 12 ? { ...item, months: [date.month] } : item;
}

/** The date nearest above a point, whichever form it takes. */
function nearestDate(before: string, dated: RegExp[]): { month: number; at: number } | null {
  let found: { month: number; at: number } | null = null;
  for (const re of dated) {
    for (const m of before.matchAll(re)) {
      if (!found || (m.index ?? 0) >= found.at) found = { month: Number(m[1]), at: m.index ?? 0 };
    }
  }
  return found;
}

/**
 * News dates an act by its lede's day when the lede tells of the meeting or visit the act took place
 * at. A lede on the day the reporter learned of the work ("12月27日，记者从市人大常委会获悉，今年以来…")
 * dates the article, and acts told as the period's work ("今年以来，常委会听取…", "一年来…") took place
 * over that period, as do a tally's and those a report heard at the meeting recounts: none gives a month.
 */
export function withLedeMonth(item: Item, docText: string): Item {
  if (item.months.length || PERIOD_OPENING.test(item.text) || REPORT_SAYS.test(item.text) || PLANNED_AHEAD.test(item.text) || item.rule === 'other.tally') return item;
  const before = docText.slice(0, item.span[0]);
  const date = nearestDate(before, [DATED_LINE, DISPATCH_LINE, DATED_AFTER_MEETING]);
  if (!date || date.month < 1 || date.month > 12) return item;
  // The lede's own sentence (the match may open on the line break before it).
  const sentence = before.slice(date.at).replace(/^\n/, '').split(/[。\n]/)[0];
  return REPORTER_LEARNED.test(sentence) ? item : { ...item, months: [date.month] };
}

/** A lede that gives its meeting's date after the meeting's name: "区五届人大常委会第十九次会议12月14日举行。". */
// (Not a decision to convene another one: "会议决定，…第七次会议于9月22日召开".)
const DATED_AFTER_MEETING = /(?:^|\n)(?:(?!决定)[^。\n]){0,40}?会议[于在]?(\d{1,2})月\d{1,2}日(?:上午|下午)?[^。\n]{0,20}?(?:召开|举行|开幕)/g;
const PERIOD_OPENING = /^(今年以来|一年来|过去一年|全年|本届以来|近年来|五年来|年初以来|(?:19|20)\d{2}年以来)/;
const REPORTER_LEARNED = /(获悉|了解到|得知)/;
/** What the year's plan will do, as news retells it ("今年，省人大常委会将围绕…", "还将制定…"): not done on the lede's day. */
// ("会议还将第二次审议…" is the meeting's own business: it keeps the meeting's day.)
// Said where the item opens ("…，要求县政府将对审议意见认真研究" later on is the meeting's demand, not a plan).
const PLANNED_AHEAD = /^[^。；]{0,20}?((今年|明年|全年|年内|下一步)[^。，]{0,20}(将|拟)|(?<!会议)还将|(?<!会议(还)?)将(制定|修订|修改|围绕|对|开展|推进|改进|积极|继续|全力|做好|加快|着力))/;
/** What a report heard at the meeting says ("某某在报告中指出，2020年…"), or a speaker's review ("某某还介绍了本届…"): the period's acts, not the meeting's. */
const REPORT_SAYS = /^[^，。；]{0,24}(在(报告|讲话)中(指出|说|介绍|表示|回顾|提到)|(还)?(介绍|回顾)了?(本届|过去|五年|一年|今年以来|近年来))/;

/**
 * A lede that gives only the day ("…第十二次会议于29日上午召开") is dated by the page's publication
 * date, when that day is not after it: the meeting was in the month the page came out.
 */
const DAY_ONLY = /(?:^|\n|于)(\d{1,2})日(?:上午|下午|晚)?[，,]?[^。\n]{0,24}?(?:召开|举行|开幕)/;

const RELATIVE_DAY = /(?:^|\n|[，。])\s*(?:本报讯\s*)?(昨天|昨日|前天|前日|今天|今日)(?:上午|下午|晚上|晚)?[，,]?[^。\n]{0,40}?(?:召开|举行|开幕|闭幕)/g;
export function withDayOnlyMonth(item: Item, docText: string, publishedDate: string | null): Item {
  if (item.months.length || !publishedDate) return item;
  // "昨天上午，…召开…" / "今天…开幕": the day before (or of) the page's date.
  const relative = [...(docText.slice(0, item.span[0]) + item.text.split('。')[0]).matchAll(RELATIVE_DAY)].pop();
  if (relative && !PERIOD_OPENING.test(item.text) && !PLANNED_AHEAD.test(item.text)) {
    const back = /前/.test(relative[1]) ? 2 : /昨/.test(relative[1]) ? 1 : 0;
    const date = new Date(`${publishedDate}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() - back);
    return { ...item, months: [date.getUTCMonth() + 1] };
  }
  const day = DAY_ONLY.exec(docText.slice(0, item.span[0]));
  if (!day || Number(day[1]) > Number(publishedDate.slice(8, 10))) return item;
  return { ...item, months: [Number(publishedDate.slice(5, 7))] };
}

export function withMeetingMonth(item: Item, month: number | 'today' | null, publishedDate: string | null): Item {
  if (item.months.length) return item;
  const m = month === 'today' ? (publishedDate ? Number(publishedDate.slice(5, 7)) : null) : month;
  return m !== null && m >= 1 && m <= 12 ? { ...item, months: [m] } : item;
}
