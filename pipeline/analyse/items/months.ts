import { chineseNumeral } from '../../text/chars.js';

/**
 * Months in which an item is scheduled or took place. A month that only says what period a report
 * covers ("2023年1—7月份预算执行情况", "截至6月底的数据") is not a schedule month; neither is a date
 * inside a law's title or a date on which a law was adopted or took effect.
 */

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const RANGE_SEP = '\\s*[—–\\-~～至到]\\s*';
/** "3月", "3月份", "3—4月", "3月至4月", "6月份、11月份" (the list is handled by repeated matches). */
const MONTH_EXPR = new RegExp(`${NUM}(?:\\s*月份?)?(?:${RANGE_SEP}${NUM})?\\s*月(份)?`, 'g');
const QUARTER = /(第?[一二三四1-4])季度/g;

/** What follows a month that marks it as the period a report or figure covers. */
const COVERAGE_AFTER = /^(份)?(的)?\s*(预算|决算|财政|国民经济|经济|计划执行|执行|累计|数据|统计|情况|期间|以来|止|末的|底的)/;
/** What follows a date that is a law's or a document's own date, not an activity's. */
const DOC_DATE_AFTER = /^\d{0,2}日?\s*(起)?\s*(施行|实施|生效|颁布|公布|印发|修订|修正|通过|批准|发布|起施行)/;

export function extractMonths(text: string): number[] {
  const masked = maskBracketedTitles(text);
  const months = new Set<number>();
  for (const m of masked.matchAll(MONTH_EXPR)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(0, start - 6), start);
    const after = masked.slice(end, end + 12);
    // "十二月" must not be read as "二月" because the regex started inside a longer numeral.
    if (/[一二三四五六七八九十零〇第]$/.test(before)) continue;
    // "明年1月9日" is in another year than the item's: the act this year took place in its own month.
    if (/(明年|来年|次年|去年|上年)$/.test(before)) continue;
    if (COVERAGE_AFTER.test(after) || DOC_DATE_AFTER.test(after)) continue;
    const a = toMonth(m[1]);
    const b = m[2] ? toMonth(m[2]) : null;
    if (a === null) continue;
    // A range from January is a reporting period ("2023年1—7月份", "1-9月份全县经济运行情况")
    // unless it is introduced as a schedule ("拟于1—2月").
    if (b !== null && a === 1 && !/(拟|(?<!关)于|在|计划|安排)\s*$/.test(before)) continue;
    if (!isScheduleContext(before, after, m[0])) continue;
    for (let k = a; k <= (b ?? a); k++) months.add(k);
  }
  // "年底前完成" is a December deadline; "年底的数据" is not.
  for (const y of masked.matchAll(/(?<!上|去|前)年(底|末)(前|之前|以前|完成|召开|举行|进行|，)/g)) {
    if (!/\d{4}$/.test(masked.slice(0, y.index))) months.add(12);
  }
  // "上半年完成", "下半年，要重点抓好…" schedule a half; "上半年…计划执行情况" is a reporting period.
  for (const h of masked.matchAll(/(上|下)半年(?=(内|前|就|完成|开展|进行|召开|举行|组织|启动|[，,]?(要|将|重点|着力|计划|拟)))/g)) {
    const [from, to] = h[1] === '上' ? [1, 6] : [7, 12];
    for (let k = from; k <= to; k++) months.add(k);
  }
  for (const q of masked.matchAll(QUARTER)) {
    const after = masked.slice((q.index ?? 0) + q[0].length, (q.index ?? 0) + q[0].length + 8);
    if (COVERAGE_AFTER.test(after)) continue;
    const n = chineseNumeral(q[1].replace('第', ''));
    if (n) for (let k = 3 * n - 2; k <= 3 * n; k++) months.add(k);
  }
  return [...months].sort((x, y) => x - y);
}

/** A table's time cell ("3月", "6月份", "第二季度") states the schedule outright. */
export function scheduleMonthsInCell(cell: string): number[] {
  // In a time column a bare half-year is a schedule: "下半年".
  const half = /^\s*(上|下)半年\s*$/.exec(cell);
  if (half) return half[1] === '上' ? [1, 2, 3, 4, 5, 6] : [7, 8, 9, 10, 11, 12];
  return extractMonths(cell);
}

function toMonth(s: string): number | null {
  const n = chineseNumeral(s);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/**
 * Chinese-numeral months are also ordinary words ("一月一次"); accept them only where a schedule
 * is being stated. Arabic months are accepted anywhere not excluded above.
 */
function isScheduleContext(before: string, after: string, match: string): boolean {
  if (/^\d/.test(match)) return true;
  return /((?<!关)于|在|拟|定|安排|从|自|、|，|^)\s*$/.test(before) || /^(份|底|末|初|上旬|中旬|下旬|前|中|召开|举行|进行)/.test(after);
}

/** Dates inside 《…》 belong to the title ("《…条例（2021年7月修订）》"). */
function maskBracketedTitles(text: string): string {
  return text.replace(/《[^《》]*》/g, (m) => '《' + '＿'.repeat(m.length - 2) + '》');
}
