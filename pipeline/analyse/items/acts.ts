import { classify, LAW_NAME_SOURCE, LAW_SUFFIX } from './classify.js';
import { meetingMonth } from './dating.js';
import { PLAN_PUBLISHED } from '../../text/plan-published.js';
import { statesStudy } from '../../text/study.js';
import { extractMonths } from './months.js';
import type { ItemKind } from '../../../schemas/index.js';
import type { SegItem } from '../types.js';

/**
 * One item per act in a month-first paragraph. Reports and news run a month's acts together:
 * "6月份，听取和审议…的报告；审议…的报告；开展…执法检查。8月，…". Each act joined by "；" (or a
 * new month after "。") is an item of its own, carrying the month the paragraph gave it until
 * another month is named. A paragraph that tells of one act in several sentences stays whole:
 * only clauses that state an act of their own are split off; the others stay with the act before.
 */
const MONTH_FIRST = /^(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:\s*[—\-至~]\s*\d{1,2})?\s*月(?:份|上旬|中旬|下旬|初|底|中)?[，,]?/;

const LAW_CHECK_REPORT = /(执法)?检查(组)?(的)?报告/;
const MEETING_LEDE = /^(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:上午|下午|晚)?[，,][^。；]{0,60}(召开|举行)[^。；]{0,30}(会议|大会)/;

export function splitMonthFirst(item: SegItem, docText: string): SegItem[] {
  if (item.number !== null || item.hints) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  const lead = MONTH_FIRST.exec(text);
  if (!lead) return [item];
  // A day that opens the news of a meeting ("7月4日，…召开第十六次会议。…；…") dates one meeting: what it
  // did, clause after clause, is one item (ANNOTATING.md), not a month's list of acts.
  if (MEETING_LEDE.test(text.split('。')[0])) return [item];
  const clauses = clausesOf(text);
  const acts: Clause[] = [];
  let previous: ItemKind | null = null;
  for (const [k, c] of clauses.entries()) {
    const kind = classify(c.text).kind;
    // Hearing a law check's own report is a step of that check ("…开展执法检查；11月听取审议执法检查报告").
    // Such a clause names no law or subject of its own.
    const stepOfCheck =
      previous === 'law_check' && (kind === 'report' || kind === 'law_check') && LAW_CHECK_REPORT.test(c.text) && !/《|开展执法检查|进行执法检查/.test(c.text);
    if (k === 0 || (kind !== 'other' && !stepOfCheck)) {
      acts.push(c);
      previous = kind;
    }
  }
  if (acts.length < 2) return [item];

  const out: SegItem[] = [];
  let month = extractMonths(lead[0]);
  for (let k = 0; k < acts.length; k++) {
    const from = acts[k].start;
    const to = k + 1 < acts.length ? acts[k + 1].start : text.length;
    const own = extractMonths(docText.slice(start + from, start + to));
    // A clause that opens with its own month starts a new run of that month; one that does not
    // ("同次会议听取…，12月跟踪听取…") took place in the month running, and in any it names.
    const opensWithMonth = MONTH_FIRST.test(acts[k].text) && own.length > 0;
    if (opensWithMonth) month = own;
    const months = opensWithMonth ? own : [...new Set([...month, ...own])].sort((a, b) => a - b);
    out.push({
      path: `${item.path}.${k + 1}`,
      number: null,
      span: [start + from, start + trimEnd(text, to)],
      context: item.context,
      hints: { months },
    });
  }
  return out;
}

interface Clause {
  start: number;
  text: string;
}

/** Clauses at "；", and at "。" when the next sentence opens with a month. */
function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const cut = ch === '；' || (ch === '。' && MONTH_FIRST.test(text.slice(i + 1)));
    if (!cut) continue;
    out.push({ start: from, text: text.slice(from, i + 1) });
    from = i + 1;
  }
  if (from < text.length) out.push({ start: from, text: text.slice(from) });
  return out.filter((c) => c.text.trim().length > 0);
}

const trimEnd = (text: string, to: number): number => {
  let e = to;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
};

/**
 * A paragraph that enumerates entries by ordinal ("本次会议的建议议程共有19项：第一项议程是，审议…；
 * 第二项议程是，…"): each entry is an item, numbered by its ordinal; the sentence that announces
 * the list is not one.
 */
const ORDINAL_ENTRY = /第([一二三四五六七八九十]{1,3})项(?:议程|议题|内容|工作|任务)?(?:是|为)?[，,：:]?/g;

export function splitOrdinalList(item: SegItem, docText: string): SegItem[] {
  if (item.hints) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  const entries = [...text.matchAll(ORDINAL_ENTRY)].filter((m) => m.index === 0 || /[：:；;。，\s）)”」》]$/.test(text.slice(0, m.index)));
  // An enumeration counts from one ("第一项…第二项…"); ordinals that refer back to an agenda
  // ("第五项议程：…负责人。第六项议程：…", who attends for which entry) list no entries of their own.
  if (entries.length < 2 || entries[0][1] !== '一') return [item];
  const spans = entries.map((m, k): [number, number] => [
    (m.index ?? 0) + m[0].length,
    k + 1 < entries.length ? (entries[k + 1].index ?? text.length) : text.length,
  ]);
  // …and an enumeration of entries names acts; "第一项议程：区水务局负责人。" only refers to one.
  if (spans.every(([a, b]) => classify(text.slice(a, b)).kind === 'other')) return [item];
  return entries.map((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = k + 1 < entries.length ? (entries[k + 1].index ?? text.length) : text.length;
    return {
      path: `${item.path}.${k + 1}`,
      number: `第${m[1]}项`,
      span: [start + from, start + trimEnd(text, to)] as [number, number],
      context: item.context,
    };
  });
}

/**
 * A paragraph that gives a meeting's agenda inline ("建议主要议程为：审议…；听取审议…；人事任免事项等。",
 * "会议的主要议程：…；…") lists its entries: one item each, the announcing words are not one.
 */
// (…or with no colon, where the first entry's verb follows: "建议议程，主要包括听取和审议…；审议…".)
const AGENDA_INTRO = /(议程|议题)(共?[\d一二三四五六七八九十]+项)?[，,]?(主要|还)?(是|为|有|包括|主要包括|如下)?[:：]|(议程|议题)[，,]?(主要)?(包括|为|是)(?=听取|审议|审查)|[\d一二三四五六七八九十]+项(议程|议题)[，,:：](?=审议|听取|审查)|会议(的)?主要(任务|内容)?(是|为)?[：:，,]?(?=听取|审议|审查)|(?<=主任会议)建议[，,](?=[^。；]{0,10}(审议|听取))/;

const UNNAMED_MATTERS = /^(以及|及)?其他事项等?[。；;]?$/;
const ENTRY_START = /^(以及|还有)?(听取|审议|审查|批准|表决|票决|传达|学习|通报|讨论|决定|人事|任免|选举|补选|其他)/;

// "…计划草案的报告，批准…计划" approves what it just reviewed: one act, so a bare 批准 does not cut.
// ("…的报告（书面），书面印发…的报告": handing out a report in writing is an entry of its own.)
// ("…情况的报告，并确定提交常委会开展办理情况满意度测评；": deciding to rate it is an entry too.)
const AND_ALSO = '并(?:开展|进行|作出|听取|审议|审查|批准|表决|确定提交)';
const AND_THEN = new RegExp(`，(?=${AND_ALSO}|听取|审议|审查|表决|票决|开展|书面印发)`);

/** The announcing words end their paragraph, and the entries follow on the next line. */
const AGENDA_INTRO_AT_END = /(议程|议题)(共?[\d一二三四五六七八九十]+项)?[，,]?(主要|还)?(是|为|有|包括|主要包括|如下)?[:：]\s*$/;

export function splitInlineAgenda(item: SegItem, docText: string): SegItem[] {
  if (item.hints) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  // Where the announcing words are ([introStart, from)): in this paragraph, or ending the one before.
  const intro = AGENDA_INTRO.exec(text);
  const announcedBefore = !intro && AGENDA_INTRO_AT_END.test(docText.slice(Math.max(0, start - 200), start));
  if (!intro && !announcedBefore) return [item];
  const introStart = intro?.index ?? 0;
  const from = intro ? introStart + intro[0].length : 0;
  // The paragraph that only announces the list is not an entry.
  if (AGENDA_INTRO_AT_END.test(text) && text.length - from < 2) {
    return classify(text.slice(0, introStart)).kind === 'other' ? [] : [item];
  }
  const entries: Array<[number, number]> = [];
  let at = from;
  for (let i = from; i <= text.length; i++) {
    if (i === text.length || text[i] === '；' || (text[i] === '。' && i > from)) {
      if (i > at) entries.push([at, i + (i < text.length ? 1 : 0)]);
      at = i + 1;
      if (text[i] === '。') break;
    }
  }
  // Entries run together with commas ("…精神，审议…决定（草案），听取和审议…报告，以及人事事项。"):
  // a comma starts an entry where an act begins.
  if (entries.length === 1) {
    const [a, b] = entries[0];
    const cuts = [a];
    for (let i = a; i < b; i++) if (text[i] === '，' && ENTRY_START.test(text.slice(i + 1, i + 8))) cuts.push(i + 1);
    if (cuts.length >= 2) {
      entries.splice(0, 1, ...cuts.map((c, k): [number, number] => [c, k + 1 < cuts.length ? cuts[k + 1] : b]));
    }
  }
  // An entry that goes on after a comma with an act of its own ("听取…的报告，并开展专题询问", "…的报告，
  // 审查和批准…预算，并作出决议") is as many entries; each keeps its joining word.
  for (let k = 0; k < entries.length; k++) {
    const [a, b] = entries[k];
    const joined = AND_THEN.exec(text.slice(a, b));
    if (joined && joined.index > 0) entries.splice(k, 1, [a, a + joined.index + 1], [a + joined.index + 1, b]);
  }
  // "其他事项。" at the end of a list given inline names no matter: no entry (a numbered "其他。" stays one, as keys have it).
  const named = entries.filter(([a, b]) => !UNNAMED_MATTERS.test(text.slice(a, b).trim()));
  entries.splice(0, entries.length, ...named);
  // One entry: the item is that entry when a sentence (convening the meeting) comes before it.
  if (entries.length === 0 || (entries.length === 1 && !/[。；]/.test(text.slice(0, introStart)))) return [item];
  const agendaOf = { month: meetingMonth(docText.slice(Math.max(0, start - 300), start) + text.slice(0, from)) };
  const listed = entries.map(([a, b], k) => ({
    path: `${item.path}.${k + 1}`,
    number: null,
    span: [start + a, start + trimEnd(text, b)] as [number, number],
    context: item.context,
    agendaOf,
  }));
  // The meeting's own act, said before it sets the next one's agenda ("会议传达学习了…精神，研究确定了…方案。
  // 根据…，…将于12月上旬召开，建议议程为：…"), is an item of its own, on the meeting's day.
  const own = text.slice(0, introStart).split('。')[0];
  if (own.length < introStart && statesStudy(own)) {
    return [{ path: `${item.path}.0`, number: null, span: [start, start + own.length + 1] as [number, number], context: item.context }, ...listed];
  }
  return listed;
}


/**
 * A paragraph that numbers its entries inline, after a colon or between semicolons
 * ("3月29日9时全体会议：1.传达…；2.审议…；3.听取…。"): one item per entry, counted from 1. A date that
 * opens the paragraph is the day of those entries.
 */
const INLINE_NUMBER = /(^|[：:；;。])\s*(\d{1,2})[.．、](?!\d)/g;
const LEADING_DATE = /^(?:\d{4}年)?(\d{1,2})月\d{1,2}日/;

export function splitInlineNumbered(item: SegItem, docText: string): SegItem[] {
  if (item.hints || item.agendaOf) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  const marks = [...text.matchAll(INLINE_NUMBER)].filter((m) => (m.index ?? 0) > 0 || m[1] !== '');
  const run: RegExpMatchArray[] = [];
  for (const m of marks) if (Number(m[2]) === run.length + 1) run.push(m);
  if (run.length < 2) return [item];
  const dated = LEADING_DATE.exec(text);
  const agendaOf = dated ? { month: Number(dated[1]) } : undefined;
  return run.flatMap((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = k + 1 < run.length ? (run[k + 1].index ?? text.length) + 1 : text.length;
    // An entry that goes on with an act of its own after "，并" ("…情况的报告，并确定提交常委会开展满意度测评；")
    // is two, as in an agenda given inline.
    const joined = AND_THEN_ALSO.exec(text.slice(from, to));
    const cut = joined ? from + joined.index + 1 : to;
    const entry = (a: number, b: number, n: number, number: string | null): SegItem => ({
      path: `${item.path}.${k + 1}${n ? `.${n}` : ''}`,
      number,
      span: [start + a, start + trimEnd(text, b)] as [number, number],
      context: item.context,
      ...(agendaOf ? { agendaOf } : {}),
    });
    return joined ? [entry(from, cut, 0, `${m[2]}.`), entry(cut, to, 1, null)] : [entry(from, to, 0, `${m[2]}.`)];
  });
}
// (Only "，并…": an inline entry's own clauses after a comma are not agenda entries.)
const AND_THEN_ALSO = new RegExp(`，(?=${AND_ALSO})`);

/**
 * A list of a plan's projects given after a colon and joined by "、" ("今年计划制定的7个正式法规项目包括：
 * 甲条例、乙条例（修订）、丙办法等。"): each named project is an entry, and what the sentence says of them
 * (制定法规, 立法调研) is their act. Without the colon ("提请审议项目包括甲条例、乙条例、丙规定。") only a list
 * of laws' names is one. A paragraph may give several lists, each in its sentence.
 */
const LIST_INTRO = /(项目|议题|法规|条例|内容|事项)[^。：:，]{0,24}?(包括|有|为|是)[^。：:，]{0,8}[:：]|(项目|法规)[^。：:，]{0,8}[，,]即[:：]/g;
// (…the verb may follow a comma, "将安排审议9项法规，包括甲条例、…"; and a list may go on after "另外，".)
const BARE_LIST_INTRO = /(项目|法规)[^。：:，]{0,12}?[，,]?(包括|有|为)(?![:：])|(?<=^|。)另外[，,]/g;
const LAW_NAME = new RegExp(`^${LAW_NAME_SOURCE}$`);

// (After a law's name only: "高等教育条例" keeps its 等.)
const LAST_NAME_TAIL = new RegExp(`(?<=(${LAW_SUFFIX})》?(（[^）]{0,12}）)?)等[^、]*$`);
const PLAN_PROJECTS = /项目|计划|规划/;
/** A count in the sentences before a list: the plan's tally ("…共涉及立法项目40件，…"). */
const COUNT_IN_HEAD = /\d+\s*(项|件|个)/;

interface NameList {
  sentenceStart: number;
  from: number;
  parts: Array<[number, number]>;
}

function listAfter(text: string, from: number, bare: boolean): Array<[number, number]> | null {
  const stop = text.indexOf('。', from);
  const to = stop < 0 ? text.length : stop;
  // Names joined by "、"; or by "；" ("即：甲条例；乙条例；…；对相关法规进行修改或废止1件"), where an entry may
  // be a clause, so long as most are names.
  const semicolons = !bare && /^[^、。]*[；;]/.test(text.slice(from, to));
  const sep = semicolons ? /[；;]/ : /、/;
  const parts: Array<[number, number]> = [];
  let at = from;
  for (let i = from; i <= to; i++) {
    if (i === to || sep.test(text[i]!)) {
      if (i > at) parts.push([at, i]);
      at = i + 1;
    }
  }
  // The last name may run on into what the list is for: "…丙条例等21个立法项目将开展前期调研".
  const names = parts.map(([a, b], k) => text.slice(a, b).replace(k === parts.length - 1 ? LAST_NAME_TAIL : /等$/, ''));
  if (parts.length < 3) return null;
  if (semicolons) return names.filter((n) => LAW_NAME.test(n)).length * 3 >= names.length * 2 ? parts : null;
  if (names.some((n) => n.length < 2 || n.length > 40 || /[，,；;]/.test(n))) return null;
  if (bare && !names.every((n) => LAW_NAME.test(n))) return null;
  return parts;
}

export function splitColonList(item: SegItem, docText: string): SegItem[] {
  if (item.hints || item.agendaOf) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  const intros = [...[...text.matchAll(LIST_INTRO)].map((m) => ({ m, bare: false })), ...[...text.matchAll(BARE_LIST_INTRO)].map((m) => ({ m, bare: true }))].sort(
    (x, y) => (x.m.index ?? 0) - (y.m.index ?? 0),
  );
  const lists: NameList[] = [];
  for (const { m, bare } of intros) {
    const at = m.index ?? 0;
    const sentenceStart = Math.max(0, text.lastIndexOf('。', at) + 1);
    // One list to a sentence, in page order.
    if (lists.length && sentenceStart <= lists[lists.length - 1]!.from) continue;
    const from = at + m[0].length;
    const parts = listAfter(text, from, bare);
    if (parts) lists.push({ sentenceStart, from, parts });
  }
  if (!lists.length) return [item];
  // The plan's tally said before the list ("今年立法计划共涉及立法项目40件，包括…。其中，…分别为：") is an item
  // of its own (a tally, ANNOTATING.md).
  const first = lists[0]!;
  const head = text.slice(0, first.sentenceStart);
  const out: SegItem[] = [];
  for (const [k, list] of lists.entries()) {
    const sentence = text.slice(list.sentenceStart, list.from);
    const context = [...item.context, sentence];
    // A plan's projects ("立法计划…4件制定项目分别为：") are on no day of the article's; a meeting's
    // business ("会议议题有：…") is on the meeting's.
    const agendaOf = PLAN_PROJECTS.test(sentence) ? { month: null, plan: true as const } : { month: null };
    // A lede that makes the plan public ("省人大常委会26日公布2013年立法计划。") is an item too; unlike the entries it
    // is dated as news is, by the article's day.
    if (k === 0 && COUNT_IN_HEAD.test(head)) out.push({ ...item, path: `${item.path}.0`, span: [start, start + trimEnd(text, list.sentenceStart)], agendaOf });
    else if (k === 0 && PLAN_PUBLISHED.test(head)) out.push({ ...item, path: `${item.path}.0`, span: [start, start + trimEnd(text, list.sentenceStart)] });
    const { parts } = list;
    out.push(
      ...parts.map(([a, b], j) => ({
        path: `${item.path}.${k + 1}.${j + 1}`,
        number: null,
        span: [start + a, start + (j + 1 < parts.length ? b + 1 : b)] as [number, number],
        context,
        agendaOf,
      })),
    );
  }
  return out;
}

/**
 * A list announced with its count and given inline by ordinal ("今年下半年，要重点抓好八项工作：一是…，
 * 二是…，三是…"): one item per entry, numbered 一是, 二是, …; the announcing words are none, and the
 * months they name ("下半年") are each entry's. A paragraph whose "一是…二是…" only unfolds one act
 * announces no count, and stays whole.
 */
const ANNOUNCED = /([两二三四五六七八九十\d]+)(项|个方面|方面|件|点)[^。：:；]{0,16}[:：]\s*(?=一是)/;
const ORDINAL_IS = /(^|[，,；;。：:])\s*([一二三四五六七八九十]{1,2})是/g;
/** The lead sentence before "一是", when 一是, 二是 and 三是 each open a sentence: an intro with no count. */
function sentenceOrdinals(text: string): { index: number; 0: string } | null {
  const first = /(^|。)\s*一是/.exec(text);
  if (!first || !/。\s*二是/.test(text) || !/。\s*三是/.test(text)) return null;
  const lead = first.index + first[1].length;
  // A lead that states an act of its own ("常委会听取和审议了…的报告。一是…") is that act, unfolded: not a list's intro.
  if (lead === 0 || classify(text.slice(0, lead)).kind !== 'other') return null;
  // (The intro is the lead's last sentence, whose months, if any, are the entries'.)
  const last = text.lastIndexOf('。', lead - 2) + 1;
  return { index: last, 0: text.slice(last, lead) };
}
const CHINESE_ORDINALS = '一二三四五六七八九十';

export function splitAnnouncedOrdinals(item: SegItem, docText: string): SegItem[] {
  if (item.hints || item.agendaOf) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  // …or entries that are whole sentences under a lead ("发挥监督职能作用，助推脱贫攻坚。一是…。二是…。三是…。"):
  // each ordinal opens a sentence of its own, so each entry states its own acts.
  const intro = ANNOUNCED.exec(text) ?? sentenceOrdinals(text);
  if (!intro) return [item];
  const from = intro.index + intro[0].length;
  const run: RegExpMatchArray[] = [];
  for (const m of text.slice(from - 1).matchAll(ORDINAL_IS)) {
    if (m[2] === CHINESE_ORDINALS[run.length]) run.push(m);
  }
  if (run.length < 2) return [item];
  const sentence = text.slice(text.lastIndexOf('。', intro.index) + 1, from);
  const months = extractMonths(sentence);
  const at = (m: RegExpMatchArray) => from - 1 + (m.index ?? 0);
  return run.map((m, k) => {
    const a = at(m) + m[0].length;
    const b = k + 1 < run.length ? at(run[k + 1]!) + run[k + 1]![1].length : text.length;
    return {
      path: `${item.path}.${k + 1}`,
      number: `${m[2]}是`,
      span: [start + a, start + trimEnd(text, b)] as [number, number],
      context: item.context,
      ...(months.length ? { hints: { months } } : {}),
    };
  });
}

/**
 * News that tells what a plan holds ("据了解，2020年市人大常委会监督工作包括听取和审议24项专项工作报告，听取
 * 和审议计划、预算和审计工作报告，以及法律法规实施情况检查…。常委会立法工作将…，并确定…"): each clause that
 * states an act of its own is an entry of the plan, and an item (ANNOTATING.md: "in a news article that lists
 * a plan's contents, each listed entry is an item"). Entries are not on the article's day: they keep only
 * the months they name.
 */
// (计划 and 安排 as verbs, not a plan's title: "…人大常委会2023年立法工作计划；" names the plan it heard.)
const PLAN_TALK = /(今年|明年|\d{4}\s*年)[^。]{0,24}(人大常委会|常委会)[^。]{0,16}(将|拟|(?<!工作)(计划|安排)(?=[^，。；;、》和及]))|(监督|立法|代表)工作(方面)?[，,]?[^。]{0,8}(将|包括|主要包括|(?<!工作)(计划|安排)(?=[^，。；;、》和及]))/;
const CLAUSE_ACT = /^以及|^(并|还|同时)?(将)?(持续)?(听取|审议|审查|开展|组织|检查|视察|调研|制定|修订|修改|作出|做出|确定|安排|进行|提高|加强|深化|推进)/;
const PLAN_FIELDS = /^[^。；;：:]{0,16}(法规案|法规项目|立法项目|监督项目|监督议题|议题|项目)[^。；;：:]{0,6}(包括|分为|涉及)[^。；;：:]{0,8}[:：]/;
/** A speaker's words about the plan ("主任某某指出，…今年常委会将…") are comment, not its list. */
const SPOKEN = /^[^，。；\n]{0,30}(指出|强调|表示|说|要求|认为)[，,：:]/;

export function splitPlanContents(item: SegItem, docText: string): SegItem[] {
  if (item.hints || item.agendaOf || item.number !== null) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  // …or a list of the plan's fields after a colon, one to a "；" ("主要法规案包括6大类：在…方面，制定…；在…方面，…；"):
  // the announcing words are no entry, and a field's clauses stay together.
  const listed = PLAN_FIELDS.exec(text);
  const fields = listed !== null && (text.slice(listed[0].length).match(/[；;]/g)?.length ?? 0) >= 2;
  if (!(PLAN_TALK.test(text) || fields) || SPOKEN.test(text)) return [item];
  // Clause boundaries: a stop always; a comma or semicolon where the next clause opens with an act.
  const from = fields ? listed![0].length : 0;
  const cuts = [from];
  for (const m of text.slice(from).matchAll(fields ? /[。；;]/g : /[。；;，,]/g)) {
    const at = from + (m.index ?? 0) + 1;
    if (at >= text.length) continue;
    if (m[0] === '。' || fields || CLAUSE_ACT.test(text.slice(at))) cuts.push(at);
  }
  const spans = cuts.map((a, k): [number, number] => [a, k + 1 < cuts.length ? cuts[k + 1]! : text.length]);
  // Only clauses that state an act are entries; the rest (why, how) stay with the entry before them.
  // A lede that states no act ("昨天上午，…会议举行第二次全体会议。") opens the first entry.
  const entries: Array<[number, number]> = [];
  let firstActs = false;
  for (const [a, b] of spans) {
    const acts = classify(text.slice(a, b)).kind !== 'other';
    if (entries.length && (!acts || (entries.length === 1 && !firstActs))) {
      entries[entries.length - 1]![1] = b;
      firstActs ||= acts;
    } else {
      if (!entries.length) firstActs = acts;
      entries.push([a, b]);
    }
  }
  if (entries.length < 3) return [item];
  return entries.map(([a, b], k) => ({
    path: `${item.path}.${k + 1}`,
    number: null,
    span: [start + a, start + trimEnd(text, b)] as [number, number],
    context: item.context,
    // Entries of a plan the article retells: on no day of the article's.
    agendaOf: { month: null, plan: true },
  }));
}

/**
 * A chairmen's meeting that readies business for the next meeting, clause after clause ("会议听取了…的说明，决定将
 * 相关报告提请常委会第九次会议讨论；讨论了…的说明，决定将相关报告草案提请常委会第九次会议审议；…"): each clause
 * is an entry of that meeting's business, on its day, as a listed agenda's entries are.
 */
const REFERRED = /提请[^。；]{0,12}第[一二三四五六七八九十百\d]+次会议(审议|讨论|审查)/g;

export function splitReferredClauses(item: SegItem, docText: string): SegItem[] {
  if (item.hints || item.agendaOf || item.number !== null) return [item];
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  if ((text.match(REFERRED)?.length ?? 0) < 2) return splitReferredTogether(item, docText);
  const cuts = [0];
  for (const m of text.matchAll(/[；;]/g)) if ((m.index ?? 0) + 1 < text.length) cuts.push((m.index ?? 0) + 1);
  if (cuts.length < 2) return [item];
  const agendaOf = { month: meetingMonth(docText.slice(Math.max(0, start - 300), start)) };
  return cuts.map((a, k) => ({
    path: `${item.path}.${k + 1}`,
    number: null,
    span: [start + a, start + trimEnd(text, k + 1 < cuts.length ? cuts[k + 1]! : text.length)] as [number, number],
    context: item.context,
    agendaOf,
  }));
}

/**
 * The same business sent on all at once: "会议讨论了…；听取了…的汇报；听取了…，决定将上述事项提请…第六次会议审议。"
 * The clauses before "上述事项" are the next meeting's entries, on that meeting's day, which the page does not
 * give; the sentences after it ("会议听取了…的汇报。", "会议原则通过了…。") are the chairmen's meeting's own acts.
 */
const REFERRED_TOGETHER = /(上述|以上|前述)[^。；;]{0,8}提请[^。；;]{0,16}第[一二三四五六七八九十百\d]+次会议(审议|讨论|审查)/;
const OWN_ACT_SENTENCE = /^(会议|会上)?(还)?(听取|审议|讨论|研究|审定|通过|原则通过|决定)/;

function splitReferredTogether(item: SegItem, docText: string): SegItem[] {
  const [start, end] = item.span;
  const text = docText.slice(start, end);
  const m = REFERRED_TOGETHER.exec(text);
  if (!m) return [item];
  const sentenceStart = Math.max(text.lastIndexOf('。', m.index) + 1, 0);
  const stop = text.indexOf('。', m.index);
  const sentenceEnd = stop < 0 ? text.length : stop + 1;
  const clauses = [sentenceStart];
  for (const c of text.slice(sentenceStart, sentenceEnd).matchAll(/[；;]/g)) clauses.push(sentenceStart + (c.index ?? 0) + 1);
  if (clauses.length < 2) return [item];
  const spans: Array<{ a: number; b: number; referred: boolean }> = clauses.map((a, k) => ({ a, b: k + 1 < clauses.length ? clauses[k + 1]! : sentenceEnd, referred: true }));
  // The sentences after it that state the meeting's own acts, each a sentence; the rest (what it asked, a lede
  // before the clauses) are no entries.
  let at = sentenceEnd;
  while (at < text.length) {
    const next = text.indexOf('。', at);
    const b = next < 0 ? text.length : next + 1;
    if (OWN_ACT_SENTENCE.test(text.slice(at).trimStart())) spans.push({ a: at, b, referred: false });
    at = b;
  }
  return spans.map(({ a, b, referred }, k) => ({
    path: `${item.path}.${k + 1}`,
    number: null,
    span: [start + a, start + trimEnd(text, b)] as [number, number],
    context: item.context,
    ...(referred ? { agendaOf: { month: null, plan: true as const } } : {}),
  }));
}
