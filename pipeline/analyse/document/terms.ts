import { chineseNumeral } from '../../text/chars.js';

/**
 * The year a province-level body's term and meeting numbers name. Provincial congresses are elected
 * for five years, all in the same years (the present terms in early 2023, the ones before in 2018,
 * 2013, …), so "自治区十四届人大常委会第八次会议" met in 2023–2028, and its number says roughly when: a
 * standing committee meets about every six weeks; a congress session ("十四届人大二次会议") is once a
 * year, the first in the term's first year. Cities and counties number their terms each their own
 * way, so only provinces are dated so.
 */
const TERM_OF_2023: Record<string, number> = {
  '110000': 16, // 北京
  '120000': 18, // 天津
  '310000': 16, // 上海
  '460000': 7, // 海南
  '500000': 6, // 重庆
  '540000': 12, // 西藏
  '640000': 13, // 宁夏
};
const USUAL_TERM_OF_2023 = 14;
const TERM_YEARS = 5;
/** Standing-committee meetings a year (every six to eight weeks; Tianjin meets more often, Guizhou less). */
const MEETINGS_A_YEAR = 7;

const NUM = '[一二三四五六七八九十\\d]+';
const SESSION = new RegExp(`第?(${NUM})届(?:人大|人民代表大会)(?:第)?(${NUM})次(?:全体)?会议`);
const COMMITTEE_MEETING = new RegExp(`第?(${NUM})届(?:人大常委会|人民代表大会常务委员会)第?(${NUM})次会议`);
const DAY = /(?<!\d)(\d{1,2})月\d{1,2}日/;

const toNumber = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : chineseNumeral(s));

export function yearFromTerm(text: string, provinceCode: string): number | null {
  const current = TERM_OF_2023[provinceCode] ?? USUAL_TERM_OF_2023;
  const termStart = (term: number) => 2023 - TERM_YEARS * (current - term);
  const head = text.slice(0, 1500);
  const meeting = COMMITTEE_MEETING.exec(head);
  if (meeting) {
    const [term, n] = [toNumber(meeting[1]!), toNumber(meeting[2]!)];
    if (term === null || n === null || term > current) return null;
    // Meetings run from the term's first spring: meeting n falls about (n − 1) × 1.5 months after
    // February; the page's own day ("3月28日") says which year that lands in.
    const elapsed = ((n - 1) * 12) / MEETINGS_A_YEAR;
    const month = Number(DAY.exec(head)?.[1] ?? 0);
    const years = month >= 1 && month <= 12 ? Math.round((elapsed - (month - 2)) / 12) : Math.floor(elapsed / 12);
    return termStart(term) + Math.min(TERM_YEARS - 1, Math.max(0, years));
  }
  const session = SESSION.exec(head);
  if (session) {
    const [term, n] = [toNumber(session[1]!), toNumber(session[2]!)];
    if (term === null || n === null || term > current || n > TERM_YEARS + 1) return null;
    return termStart(term) + n - 1;
  }
  return null;
}
