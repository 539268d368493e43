import type { DocType } from '../../../schemas/index.js';
import { REGULATION_SUFFIX } from '../../text/law-names.js';
import { isoDate } from '../../text/clutter.js';
import { isReviewHeading, SUMMARY_OPENING } from '../../text/report-form.js';
// A record of a meeting lists who sat in it; the same lines are attendance, not items, in news-frame.ts.
import { ATTENDANCE_LIST } from './news-frame.js';

/**
 * Document-level facts read from the title and the first lines: the type of document, its year,
 * and the adoption date stated in the customary bracketed note.
 */
const DOC_TYPE_RULES: Array<[DocType, RegExp]> = [
  // A decision to convene a session ("关于召开县第十九届人民代表大会第二次会议的决定") gives its agenda.
  ['agenda', /议题安排|会议议题|议题计划|安排表|会议议程|议程草案|建议议程|议程（草案）|^关于召开[^\n]{0,40}会议的决定$/],
  ['supervision_plan', /监督工作计划|监督计划/],
  ['deputy_work_plan', /代表工作计划|代表工作要点/],
  ['legislation_plan', /立法工作计划|立法计划|立法规划|立法项目(计划|安排)|年度?立法项目(?!库|建议|征集|完成|情况|的)/],
  ['decision_plan', /重大事项决定|讨论决定重大事项|决定事项/],
  ['work_points', /工作要点/],
  ['work_report', /工作报告|工作总结/],
  ['implementation_plan', /实施方案|实施意见|工作方案|实施办法/],
];

/**
 * A title that says the body did something ("…人大常委会出台…方案", "…召开…会议") is a news report
 * about a document or an event, not the document itself.
 */
const NEWS_TITLE = /(人大常委会|人大|常委会).{0,6}(出台|召开|确定|敲定|举行|举办|开展|印发|部署|审议通过|通过了|发布|(?<!关于)公布|启动|推进|视察|调研|走访|督查|检查|组织|学习|赴)/;

/** Headlines of meetings and features: "…第28次主任会议召开", "…监督工作综述". */
/** Also the feature headline that names the body, then its theme: "沿河人大：突出…推动执法检查走深走实". */
// (An article on a document: "…——《某某县人大常委会工作报告》亮点解读".)
// (…or a plan made public: "某某市2030年立法计划公布", "…工作要点出炉".)
const NEWS_HEADLINE = /(召开|举行|开幕|闭幕|举办|综述|纪实|侧记|巡礼|回眸)$|(计划|要点|方案|规划)》?\s*(正式|全面)?(公布|出炉|发布|亮相|启动|出台)$|^[^《，。\s]{0,8}(确定|敲定|审议通过|讨论通过|出台)[^，。《》]{0,16}(计划|要点|方案)$|(综述|纪实|侧记)|》[^《》]{0,6}(解读|评述)|^[^:：\n]{0,12}人大(常委会)?\s*[:：](?![^\n]*(计划|要点|方案|报告|议程|安排|通知|公告|决定|决议))\s*\S/;

/** A public notice the body issues ("公告 | 某某县人大常委会将对…开展评议", "关于征集…的公告"): its own text. */
const PUBLIC_NOTICE = /^(公告|通告)\s*[|｜:：]|的(公告|通告)$/;

export function detectDocType(title: string, hasByline: boolean, body = '', reporter = false): DocType {
  const typed = DOC_TYPE_RULES.find(([, re]) => re.test(title));
  // A headline's subtitle ("——市十八届人大二次会议以来市人大常委会工作综述") says what the article is.
  const subtitle = /^\s*——([^\n]*)/.exec(body)?.[1] ?? '';
  const headline = subtitle && !/在[^\n]{0,40}(会议|大会)上/.test(subtitle) ? `${title}${subtitle}` : title;
  // A byline marks an article, but only a titled one: an untitled excerpt is read from its body.
  // "…人大常委会关于印发《…》的通知" is the notice itself, though its words tell of issuing something.
  const notice = /关于(印发|转发)[^\n]*的通知$/.test(title.trim()) || PUBLIC_NOTICE.test(title.trim());
  // (…or its lede carries one: "本报讯（记者某某）…".)
  const bylined = hasByline || reporter || DATELINE_LEDE.test(body.trimStart()) || REPORTER_OPENING.test(body.trimStart());
  if ((!notice && NEWS_TITLE.test(headline)) || NEWS_HEADLINE.test(headline) || (bylined && title && !typed)) return 'news';
  // A call for proposals ("关于公开征集2018年立法计划建议项目的公告") names the plan it gathers for; it is none.
  if (typed && /征集/.test(title)) return 'other';
  if (typed) return typed[0];
  // "关于2024年计划执行情况的报告" reports on a plan; it is none.
  if (/计划|要点/.test(title) && !/报告$/.test(title.trim())) return 'work_points';
  // A reporter wrote it: an article, whatever it reports, unless its body is a document's own form.
  if (reporter) {
    const read = body ? bodyDocType(body) : 'other';
    // (…but a report told about — "报告指出，…" — is news of it.)
    return read === 'work_report' && !REPORT_TOLD.test(body.slice(0, 600)) ? read : 'news';
  }
  return body ? bodyDocType(body) : 'other';
}

const REPORT_TOLD = /报告(指出|显示|提出|回顾|强调)[，,：:]/;
/** A body that opens on the reporter's name: "（记者 李某）泰兴市…", "| (记者 某某)…" in a table cell. */
const REPORTER_OPENING = /^[|｜\s]*[（(]\s*(?:本报)?记者[^）)\n]{1,20}[）)]/;
const DATELINE_LEDE = /^[^\n]{0,30}?(\d{1,2}月\d{1,2}日)?(讯|电)\s*(（[^）\n]{0,30}记者|据[^\n，。]{0,16}报道)/;
// (A scan may lose the dash or read it as "一一": then the note is a line of its own that ends "…会议上".)
const DELIVERY_NOTE = /(^|\n)\s*(?:——\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在[^\n]{0,40}人民代表大会[^\n]{0,20}会议上|(?:一一|--|—|-)?\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在[^\n。，]{0,40}人民代表大会[^\n。，]{0,20}会议上\s*(?=\n|$))/;
const CONVENED_WITH_AGENDA = /会议决定[:：，,][^\n]{0,80}(召开|举行)[^\n]{0,20}。[^\n]{0,10}(建议)?议程(（草案）)?(为|是|如下)?[:：]\s*\n/;
const AGENDA_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]\s*)?[^\n，。；]{0,8}(议程|议题)(（草案）)?[:：]?\s*$/;
const MEETING_NOTICE = /^[^\n。]{0,40}会议(将|定|拟定)于[^\n。]{0,60}(召开|举行)[^\n]*会议(主要|的主要|建议)?(议程|议题|内容|听取|审议)/;
const WORK_POINTS_OPENING = /工作的总体要求是|总体工作要求是/;
const REPORT_ADDRESS = /各位代表\s*[:：]|向大会(报告|作)[^。\n]{0,6}工作|请予审议/;
// The bracket may say when as well: "《某某市物业管理条例》（拟4月份市人大常委会会议审议）". A draft's
// "（草案）" is not such a note: an agenda lists drafts (classify's legislation.bill_title reads both).
const BILL_LINE = new RegExp(`^.{0,6}?[^，。；\\n]{2,40}(${REGULATION_SUFFIX}|决定)》?\\s*（[^）]{0,24}?(制定|修订|修改|废止|立项|初审|二审|审议|调研)[^）]{0,8}）`, 'gm');
/** Bills listed one to a line, by name alone: "1.某某市山体保护条例（草案）". */
const BARE_BILL_LINE = new RegExp(`^(?:\\d{1,2}[.．、]\\s*)?《?[^，。；：\\n]{2,40}(?:${REGULATION_SUFFIX})》?(?:（(?:草案|修订|修订草案|制定|修改)）)?》?\\s*$`, 'gm');
/** "现将2024年监督工作计划安排如下", "制定本年度代表工作计划": a preamble naming its document. */
const PREAMBLE_TYPE = /(制定|如下|安排如下|特制定|现将)/;
/** A lede: "本报讯（记者…）2月20日，…", "6月12日，…召开", or the meeting's own sentences. */
// …or with the day said from the paper's side: "昨天上午，…会议举行第二次全体会议".
// (A site's "某某网消息 12月11日至12日，…" opens one too.)
// (…or with its year, "2016年1月15日，…会议审议通过…", or only the day, "11日至26日，某某市人大常委会主任…带队赴…".)
const NEWS_LEDE = /^(?:[^\n]{0,12}(?:讯|消息)[:：]?\s*(?:（[^）\n]{0,20}）)?\s*|据[^，。\n]{1,12}(?:介绍|报道|消息)[，：:])?(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}[日号](?:至\d{1,2}[日号])?|\d{1,2}日(?:至\d{1,2}日)?(?=[^\n]{0,4}，[^\n]{0,20}(?:人大|常委会|人民代表大会))|(?:昨天|昨日|今天|今日|前天)(?:（\d{1,2}月\d{1,2}日）)?|近日|日前)(?:上午|下午|晚)?，/m;
// The meeting as the subject of a sentence, not the "…主任会议通过" of an adoption note.
const MEETING_SENTENCE = /(^|[，。；])(会议|会上)(还|先后|分别|首先)?(听取|审议|指出|强调|要求|决定|认为|通过|研究|确定|传达)/m;
/** Yearbook entries: "【概况】2019年，…". */
const YEARBOOK_ENTRY = /^【[^】\n]{2,16}】/m;
const ISSUER_OR_YEAR_IN = /人大|常委会|常务委员会|\d{4}\s*年/;
const ADOPTION_NOTE = /^（[^）\n]{0,60}(会议|主任会议)(通过|审议通过|批准)）/m;
/** A report speaks of "常委会" as the subject of its paragraphs, without naming the place. */
const REPORT_SUBJECT = /(^|。)(一年来，|过去一年，|五年来，)?常委会(?!组成|会议|主任|副主任|委员|党组|机关)/gm;

const RESOLUTION_ON_REPORT = /听取(和|并)?审(议|查)了?[^。\n]{0,60}工作报告》?。[^\n]{0,120}批准(这个|该)报告/;
// (Not after a preposition: "在自治区人大常委会立法权限内，" names the body as a place, not a subject.)
// After the period it reviews, the body may go without its place: "今年上半年以来，区人大常委会对标…，",
// "这一年，在市委坚强领导下，市人大常委会紧紧围绕…，", "党的十八大以来，某某市人大常委会认真履行…，". (The bare
// "市人大常委会" only after such a period or clause: the comma before it is theirs, as the anchor admits no other.)
const NAMED_SUBJECT = /(^|[。\n])\s*(?:(?:过去一年|过去五年|今年以来|近年来|一年来|五年来|这一年|这五年|年初以来|(?:今年)?[上下]半年以来|(?:19|20)\d{2}年(?:以来)?|[^，,。\n]{2,10}以来)[，,])?(?:在[^，,。\n]{2,16}(?:领导|支持|指导)下[，,])?(?![在对向由经于按据从])(?:[\u4e00-\u9fff]{2,8}(?:自治)?|(?<=[，,]))(?:[县市区旗州省]|自治区)人大常委会(?!主任|副主任|委员|党组|办公室|机关|第)[\u4e00-\u9fff][^\n。]{0,30}[，,]/;

const WORK_AREA_HEADING = /^[一二三四五六七八九十]+[、.．]\s*(立法|监督|代表|讨论决定重大事项|重大事项决定|人事任免|自身建设|机关建设|党的建设)(工作)?\s*$/gm;
const ATTENDED_SENTENCE = /等[^。\n]{0,12}(出席|列席)(了)?(会议|活动|座谈会)。/;
// The speaker may come with a title: "市人大常委会秘书长某某表示，".
const REPORTED_SPEECH = /(^|\n)\s*[^\n。，,]{0,30}?[\u4e00-\u9fff]{2,4}(在会上|在讲话中)?(指出|表示|强调|说|介绍)[，,：:]/g;

/** An excerpt that opens on the review of the past period: "2024年主要工作" over "2024年是…之年，…". */
function opensWithReview(head: string): boolean {
  const lines = head.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 5);
  return lines.some((l, i) => isReviewHeading(l) && i + 1 < lines.length && SUMMARY_OPENING.test(lines[i + 1]));
}

/**
 * A page with no title line (an excerpt, a copy that lost its headline): the type its body shows.
 * Rules read how each kind of document is written, in order of how telling they are.
 */
export function bodyDocType(body: string): DocType {
  const head = body.slice(0, 600);
  // A news agency's dateline ("…2月13日讯（…记者…）") opens an article, whatever document it then names.
  // So does a lede that opens with the day ("1月26日，…主持召开…工作总结座谈会"): the document it
  // names is the occasion of the article.
  // (Not under an adoption note: "（2015年9月29日…主任会议通过）" over "2015年5月28日，我市成为…" is a plan's preamble.)
  const adopted = ADOPTION_NOTE.test(head.split('\n').find((l) => l.trim())?.trim() ?? '');
  if (!adopted && (DATELINE_LEDE.test(head.slice(0, 80)) || NEWS_LEDE.test(head.split('\n').find((l) => l.trim()) ?? ''))) return 'news';
  // An editor's note over the article ("编者按"), or a source and its reporter before the lede ("某某法制网：（某某）…").
  if (/^\s*(编者按|编者的话)/.test(head) || /^\s*[^\n，。]{2,12}(网|报|台)[:：]\s*[（(][\u4e00-\u9fff]{2,4}[）)]/.test(head)) return 'news';
  // A session's resolution on the committee's report: "…会议听取和审议了…所作的…工作报告。…决定批准这个报告。"
  if (RESOLUTION_ON_REPORT.test(head)) return 'other';
  // A first line that names its document, even one run together with the body ("…会议议题（…通过）一、…").
  const firstLine = head.split('\n').find((l) => l.trim())?.slice(0, 60) ?? '';
  const named = DOC_TYPE_RULES.find(([, re]) => re.test(firstLine.replace(/（[^）]*）/g, '')));
  if (named && ISSUER_OR_YEAR_IN.test(firstLine) && !/征集/.test(firstLine)) return named[0];
  if (REPORT_ADDRESS.test(head)) return 'work_report';
  if (opensWithReview(head)) return 'work_report';
  // Numbered parts named for the committee's fields of work ("一、立法工作", "二、监督工作"): a year's plan
  // printed without its title.
  if ((head.match(WORK_AREA_HEADING)?.length ?? 0) >= 2) return 'work_points';
  // "——2023年1月6日在扬州市第九届人民代表大会第二次会议上" over the committee's report.
  if (DELIVERY_NOTE.test(head.slice(0, 200)) && /常委会|常务委员会/.test(head)) return 'work_report';
  if ((body.match(BILL_LINE)?.length ?? 0) >= 3 || (body.match(BARE_BILL_LINE)?.length ?? 0) >= 3) return 'legislation_plan';
  // A notice of one meeting that opens with its date and gives its business: "…第四十次会议将于2016年
  // 7月27日…召开，会期半天。会议主要听取和审议…".
  if (MEETING_NOTICE.test(head.split('\n').find((l) => l.trim()) ?? '')) return 'agenda';
  // A session's day schedule: "【1月20日(星期四)】" over "上午", "一、9时，在…举行大会第四次全体会议".
  if (/^\s*【\d{1,2}月\d{1,2}日[（(]星期.[）)]】/.test(head) || /^\s*\d{1,2}月\d{1,2}日[（(]星期.[）)]\s*$/m.test(head.split('\n').slice(0, 2).join('\n'))) return 'agenda';
  // A decision to convene that gives the session's proposed agenda, entry by entry ("…会议决定：…于…召开。会议的建议
  // 议程为：" over "1.听取…"): the agenda is the document.
  if (CONVENED_WITH_AGENDA.test(head) && /\n\s*(?:1[.、．]|（1）|一、)/.test(head)) return 'agenda';
  // A meeting notice whose heading lines give its agenda ("一、会议议程（草案）").
  if (head.split('\n').some((l) => l.trim().length <= 24 && AGENDA_HEADING.test(l))) return 'agenda';
  // Only the preamble names its own document; a numbered entry's "研究制定地方立法规划" plans another one.
  const preamble = head.split(/\n(?=[一二三四五六七八九十]+[、.．])/)[0];
  for (const sentence of preamble.split(/[。\n]/)) {
    // A call for proposals ("现面向社会公开征集…立法计划建议项目") names the plan it gathers for; it is none.
    if (!PREAMBLE_TYPE.test(sentence) || /征集/.test(sentence)) continue;
    const typed = DOC_TYPE_RULES.find(([, re]) => re.test(sentence));
    if (typed) return typed[0];
    // "为统筹安排某某市人大常委会2025年立法工作，…制定本计划": the year's legislation, planned.
    if (/安排[^。，]{0,24}立法工作/.test(sentence)) return 'legislation_plan';
  }
  // "今年常委会工作的总体要求是：…" opens the year's work points.
  if (WORK_POINTS_OPENING.test(preamble) && /\n[一二三四五六七八九十]+、/.test(body)) return 'work_points';
  if (NEWS_LEDE.test(head) || MEETING_SENTENCE.test(body) || YEARBOOK_ENTRY.test(head) || REPORTER_OPENING.test(head)) return 'news';
  if ((body.match(REPORT_SUBJECT)?.length ?? 0) >= 2) return 'work_report';
  // A sentence whose subject is the body by its full name ("西畴县人大常委会坚持…，", "过去一年，某某县人大
  // 常委会…") is written about it, by a reporter: the committee's own report says "常委会". (A title or a
  // signature names the body too, but runs on into no clause.)
  if (NAMED_SUBJECT.test(head)) return 'news';
  // A reporter's words: who attended ("…等区领导出席会议。") and what speakers said ("某某指出，…",
  // "某某在会上表示，…"). Plans and reports speak in their own voice.
  if (ATTENDED_SENTENCE.test(head) || ATTENDANCE_LIST.test(head) || (head.match(REPORTED_SPEECH)?.length ?? 0) >= 2) return 'news';
  // Adopted and numbered, naming no type of its own: the committee's general plan for the year.
  if (ADOPTION_NOTE.test(head) && (body.match(/^[一二三四五六七八九十]+、/gm)?.length ?? 0) >= 1) return 'work_points';
  return 'other';
}

const ADOPTION = /（\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^（）]{0,80}?(通过|批准|印发|修订)[^（）]{0,10}）/;

/** The adoption note in the first lines: "（2025年2月13日省十四届人大常委会第46次主任会议通过）". */
export function findAdoptedDate(head: string): string | null {
  const m = ADOPTION.exec(head);
  return m ? isoDate(m[1]) : null;
}

/**
 * The year a document is for: the title's year; else, for a report, the year after the one its
 * review section names ("2023年主要工作回顾" is read at the 2024 session); else the adoption or
 * publication year. A work report also has the year it reviews (`reviewYear`).
 */
export interface DocYears {
  year: number | null;
  reviewYear: number | null;
}

// …or the year named first: "做好2022年立法计划…的编制工作，…现公开征集…立法建议项目".
const CALL_FOR_AFTER = /((?:19|20)\d{2})\s*年度?[^。\n]{0,6}?(立法计划|监督计划|工作计划|议题)[^\n]{0,80}?征集/;
const CALL_FOR = /征集[^。\n]{0,40}?((?:19|20)\d{2})\s*年度?[^。\n]{0,24}?(议题|项目|立法计划|监督计划|工作计划|计划)/;
const REVIEW_HEADING = /^((?:19|20)\d{2})\s*年[^\n。]{0,12}(工作回顾|主要工作|工作总结)/m;
const PLAN_HEADING = /^((?:19|20)\d{2})\s*年[^\n。]{0,12}(工作要点|工作安排|主要任务|工作任务)/m;
// A work report is delivered at the annual session early in the year and reviews the last:
// "——2025年1月14日在…人民代表大会第五次会议上".
// (its place and session may run onto a second line: "——2021年1月14日在某某县\n第十五届…会议上")
const DELIVERED = /((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日在[^。]{0,50}(代表大会|会议)上/;
// …or with the date after the session, in brackets: "——在某某市第十三届人民代表大会第五次会议上（2020年4月22日）".
const DELIVERED_DATE_AFTER = /在[^。（(]{0,50}(?:代表大会|会议)上\s*[（(]\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*[）)]/;

export function findYears(title: string, body: string, dates: Array<string | null>, isReport: boolean, newsPublished: string | null = null): DocYears {
  const fromTitle = /((?:19|20)\d{2})\s*年/.exec(title);
  // News is dated by when it was published ("…2025年工作巡礼" published 2026-01-22 is 2026's news).
  if (newsPublished) return { year: Number(newsPublished.slice(0, 4)), reviewYear: null };
  if (!isReport) {
    if (fromTitle) return { year: Number(fromTitle[1]), reviewYear: null };
    // A call for proposals is for the year it gathers them for ("征集2025年度监督议题"), though dated before.
    const called = CALL_FOR.exec(body.slice(0, 400)) ?? CALL_FOR_AFTER.exec(body.slice(0, 400));
    if (called) return { year: Number(called[1]), reviewYear: null };
    const heading = REVIEW_HEADING.exec(body) ?? PLAN_HEADING.exec(body);
    if (heading) return { year: Number(heading[1]), reviewYear: null };
    for (const d of dates) if (d) return { year: Number(d.slice(0, 4)), reviewYear: null };
    return { year: eventYear(body), reviewYear: null };
  }
  const delivered = DELIVERED.exec(body.slice(0, 300)) ?? DELIVERED_DATE_AFTER.exec(body.slice(0, 300));
  const reviewed = REVIEW_HEADING.exec(body);
  const planned = PLAN_HEADING.exec(body);
  let year: number | null = fromTitle ? Number(fromTitle[1]) : null;
  if (year === null && delivered) year = Number(delivered[1]);
  if (year === null && reviewed) year = Number(reviewed[1]) + 1;
  if (year === null && planned) year = Number(planned[1]);
  if (year === null) for (const d of dates) if (d) { year = Number(d.slice(0, 4)); break; }
  // An excerpt with no session line: the year after the latest one it reports on ("经信委2016年工作").
  if (year === null && !reviewed) {
    const latest = eventYear(body);
    if (latest !== null) year = latest + 1;
  }
  let reviewYear: number | null = reviewed ? Number(reviewed[1]) : null;
  // A report delivered late in the year (a few counties meet in December) reviews that same year.
  if (reviewYear === null && year !== null) reviewYear = delivered && year === Number(delivered[1]) && Number(delivered[2]) >= 10 ? year : year - 1;
  return { year, reviewYear };
}

const FULL_DATE = /((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
// Targets ("到2035年", "2035年远景目标") are not events.
const YEAR_MENTION = /(?<![到至—\-~])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月|远景|前|以前)/g;
/** After a year, words that look back on it: "2023年度…", "2024年民生实事项目完成情况的报告". */
// Half-year and quarter reports are heard in the year they cover ("2018年上半年…执行情况").
// "2023年度监督工作计划" looks forward; "2023年度环境状况…完成情况的报告" back; "2022年以来预算执行情况" is
// the execution so far, in 2022.
const LOOKS_BACK = /^(?!以来)((?!度?(上半年|前三季度|第?[一二三]季度|\d{1,2}[—\-至~]\d{1,2}月))(?![^，。；、\n]{0,20}(计划|要点|安排|方案))[^，。；、\n]{0,20}(完成情况|执行情况|决算|环境状况|工作情况|工作总结|落实情况|办理情况|收支情况|审计工作))/;

/**
 * An undated page (a meeting report whose dateline says only "1月9日"): the year of the events it
 * reports. A full date settles it; otherwise the latest year it looks forward to, counting a year
 * it looks back on ("2024年…完成情况的报告", heard early in 2025) as the year after.
 */
export function eventYear(body: string): number | null {
  const full = FULL_DATE.exec(body);
  if (full) return Number(full[1]);
  let best: number | null = null;
  let plannedAhead = false;
  // A meeting late in the year (its lede dated "12月23日") hears how this year's work was done in that
  // same year; early in the year, it hears last year's. (LOOKS_BACK.)
  const ledeMonth = Number(LEDE_DAY.exec(body.slice(0, 120))?.[1] ?? 0);
  const heardSameYear = ledeMonth >= 11;
  for (const m of body.matchAll(YEAR_MENTION)) {
    const after = body.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
    // Accounts and their audit are always of the year before, whenever they are heard.
    const y = Number(m[1]) + (LOOKS_BACK.test(after) && (!heardSameYear || /决算|审计/.test(after)) ? 1 : 0);
    if (best === null || y > best) {
      best = y;
      plannedAhead = PLANS_AHEAD.test(after) && !LOOKS_BACK.test(after);
    }
  }
  // A page that speaks of next year's session ("大会拟于明年1月9日举行") and of that year's plans
  // ("2019年…计划草案") was written the year before.
  // So was a meeting late in the year that studies that year's plans ("12月29日…2026年计划草案").
  return best !== null && plannedAhead && (/明年|来年/.test(body) || heardSameYear) ? best - 1 : best;
}

// "2019年…计划草案", "2018年，常委会工作的总体思路是": what that year will do.
// ("2020年…预算调整情况" adjusts this year's budget: no plan ahead.)
const PLANS_AHEAD = /^[，,]?[^，。；、\n]{0,20}(计划草案|预算草案|计划(?!执行|调整)|预算(?!执行|调整)|指导思想|总体思路|工作思路|工作要点|主要任务|目标任务)/;
const LEDE_DAY = /(?<!\d)(\d{1,2})月\d{1,2}[日号]/;
