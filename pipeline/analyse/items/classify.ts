import { ITEM_KINDS, type DocType, type ItemKind } from '../../../schemas/index.js';
import { REGULATION_SUFFIX } from '../../text/law-names.js';
import { PLAN_PUBLISHED_LEDE, PUBLISHED } from '../../text/plan-published.js';

/**
 * What kind of act an item is. Each rule recognises one act from how plans phrase it; an item gets
 * every kind whose rule fires (`kinds`) and its primary `kind` is the first of those in the
 * contract's precedence (ITEM_KINDS order). Rules read the item with committee names, law titles
 * and acts that are only occasions masked (maskNames below), so "选举任免代表联络工作委员会" is not an
 * election, 《…视察办法》 is not a visit and "邀请代表参加执法检查" is not a law check.
 */
interface Rule {
  id: string;
  kind: ItemKind;
  re: RegExp;
  /** Base confidence when this rule decides the kind. */
  weight: number;
}

const CLAUSE = '[^。；！？]';
/** Convening a session of the congress, not dating the committee's own next meeting. */
const CONVENE_SESSION = `决定${CLAUSE}{0,40}人民代表大会第?${CLAUSE}{1,8}次会议(?!${CLAUSE}{0,6}(常务委员会|常委会))${CLAUSE}{0,40}(召开|举行)`;

const RULES: Rule[] = [
  { id: 'law_check.enforcement_inspection', kind: 'law_check', re: /(执法检查|执法大检查)(?!水平|能力|工作水平)/, weight: 0.95 },
  { id: 'law_check.implementation_check', kind: 'law_check', re: /(法律法规|法规|法律|条例|法》|规定》|办法》|决定》)[》”"]?(实施|贯彻|执行)[^。；]{0,12}(情况)?的?检查(?!组)/, weight: 0.85 },
  // "检查《…法》实施情况", "检查《…条例》和《…规定》贯彻执行情况": the check named before the law.
  { id: 'law_check.check_named_law', kind: 'law_check', re: new RegExp(`检查${CLAUSE}{0,4}?[《“"][^》”"]+[》”"]${CLAUSE}{0,30}?(实施|执行|贯彻|落实)${CLAUSE}{0,4}?情况`), weight: 0.85 },
  // "作出决议", "作出关于…的决议", "作出《关于…的决议》", "作出召开…会议的决定"; not "近两年作出的决议" (decisions already
  // made, being followed up).
  { id: 'decision.resolution', kind: 'decision', re: new RegExp(`(作出|做出)了?(?!的)(${CLAUSE}{0,10}|(关于|召开)${CLAUSE}{0,60}?的|《[^》]{0,80})(决议|决定)`), weight: 0.9 },
  // "审查和批准…计划执行情况及…计划草案的报告", "批准…决算": approving a plan or budget decides it.
  { id: 'decision.approve_budget', kind: 'decision', re: new RegExp(`批准${CLAUSE}{0,40}(决算|预算|调整方案|计划|规划)|(审议|审查)${CLAUSE}{0,40}预算调整方案(（草案）)?(?!（草案）|的?(报告|说明))`), weight: 0.9 },
  // A region's plan put to the committee in draft ("审议《某某市2031—2035年依法治市规划（草案）》"): to approve it.
  // (Not a draft named in the title of a report heard: "听取审议…关于《…规划（草案）》编制情况的报告".)
  { id: 'decision.review_plan_draft', kind: 'decision', re: new RegExp(`(审议|审查)${CLAUSE}{0,60}?(规划|纲要|计划)》?(（草案）|草案)(?!》?[^》《。；]{0,10}(报告|说明))`), weight: 0.8 },
  // Approving what the government puts up: "审查批准新增2021年政府投资重大建设项目", "审查和批准了…议案的报告"
  // (approving a city's regulation is legislation).
  { id: 'decision.approve', kind: 'decision', re: /(审查|审议)(和|并)?批准(?!项目|类)/, weight: 0.85 },
  // "审议决定了区五届人大六次会议召开时间和建议议程", "审议决定了增加人民陪审员名额的有关事项".
  { id: 'decision.decided', kind: 'decision', re: /审议决定了/, weight: 0.8 },
  // A decision adopted by its name: "审议通过了…《关于补选…代表的决定》和《关于召开…会议的决定》".
  { id: 'decision.adopted_by_name', kind: 'decision', re: new RegExp(`(审议通过|通过)了?${CLAUSE}{0,100}?《[^》]*决定》`), weight: 0.8 },
  // (A report on how a plan went, "审议通过了…计划执行情况报告", is a report heard, not a plan adopted.)
  { id: 'decision.adopt_plan', kind: 'decision', re: new RegExp(`(审议通过|表决通过|讨论通过|审议表决|审议并表决)${CLAUSE}{0,40}(计划|要点|方案|规划)(?!${CLAUSE}{0,8}(执行|完成|实施|落实)情况|${CLAUSE}{0,4}的?报告)`), weight: 0.85 },
  // Deputies' ballot on the year's projects for people's livelihood ("票决…民生实事项目"); a 票决制 is the system.
  // (Only as the clause's act: "…票决项目进展情况的报告", "经代表票决确定的项目" name an earlier ballot.)
  { id: 'decision.ticket_vote', kind: 'decision', re: /(^|[，,；;：:。])\s*(会议|大会|会上)?还?票决(?!制|确定|产生|项目)|(进行|开展|组织)了?[^，,。；;]{0,6}票决(?!制|确定|产生|项目)/, weight: 0.85 },
  // A vote on the committee's own decision or resolution: "审议表决了…关于表彰…的决定", "表决通过…的决议".
  { id: 'decision.vote', kind: 'decision', re: new RegExp(`(审议表决|审议并表决|表决通过|表决)了?${CLAUSE}{0,100}?(决议|决定)(?!${CLAUSE}{0,12}(执行|落实|贯彻)情况)|(?<!讨论|原则)通过了?(有关|各项|相关)决议|通过了决议`), weight: 0.85 },
  // A motion put to the committee for its approval ("审议市政府关于提请审议…项目的议案"), or a
  // resolution it votes on ("审议并表决…的决议（草案）"), is a decision; deputies' 议案 are not motions.
  { id: 'decision.motion', kind: 'decision', re: new RegExp(`提请(审议|审查|批准)${CLAUSE}{0,60}议案|(审议|听取)${CLAUSE}{0,10}(政府|法院|检察院|主任会议)关于${CLAUSE}{0,60}的议案|(审议|表决)${CLAUSE}{0,4}(并|和)?(表决|通过)?${CLAUSE}{0,60}(决议|决定)(（草案）|草案)|(审议|表决)${CLAUSE}{0,12}《[^》]{0,80}决议》|((审议并|表决)通过了?|通过了)${CLAUSE}{0,20}(主任会议|人民政府|政府)${CLAUSE}{0,6}(有关|提请的)议案`), weight: 0.85 },
  // Settling a session's draft agenda and schedule: "会议审议了…第二十二次会议议程草案和日程安排".
  // (A meeting that adopts its own agenda, "会议通过了本次会议议程", "听取并通过了…第16次会议议程（草案）", follows
  // procedure: no decision; ANNOTATING.md. A chairmen's meeting that passes the next meeting's agenda decides it.)
  { id: 'decision.agenda', kind: 'decision', re: new RegExp(`(?<!听取并|听取和)(审议|通过)了?(?!${CLAUSE}{0,6}本次)${CLAUSE}{0,30}会议(的)?(议程|日程)(（?草案）?|和日程安排|安排)`), weight: 0.7 },
  // Convening a session of the congress is the committee's formal decision ("会议决定，某某县第十四届人民代表大会
  // 第一次会议于1月13日召开"); dating its own next meeting is not (ANNOTATING.md).
  { id: 'decision.convene_session', kind: 'decision', re: new RegExp(CONVENE_SESSION), weight: 0.8 },
  // Setting up a body of the congress by vote: "将表决设立…人民代表大会社会建设委员会".
  { id: 'decision.establish', kind: 'decision', re: new RegExp(`(表决|决定)(设立|成立|撤销)${CLAUSE}{0,40}(委员会|机构)`), weight: 0.8 },
  // A session approving the committee's report: "决定批准这个报告".
  { id: 'decision.approve_report', kind: 'decision', re: /批准(这个|该|此)报告/, weight: 0.85 },
  { id: 'decision.decide_major_matters', kind: 'decision', re: /讨论(、)?决定(本行政区域内的)?重大事项|讨论决定重大|重大事项决定工作|(行使|用好|履行)重大事项决定权/, weight: 0.8 },
  { id: 'inquiry.question', kind: 'inquiry', re: /专题询问|质询|(开展|组织|进行)询问/, weight: 0.9 },
  { id: 'evaluation.review', kind: 'evaluation', re: /工作评议|履职评议|(?<!听取[^。；]{0,160})(?<!^)(?<!^并[^。；]{0,8})满意度测评(?!采取|采用|实行|结果|工作)|测评[^。；，]{0,6}(督办件|代表建议)|代表[^。；，]{0,16}进行了?测评|(?<!代表)履职(情况)?(满意度)?测评|专项评议|集中评议|(开展|进行|组织)评议|(?<!述职)评议(工作|活动)|(部门|干部|人员|负责人|局长)[^。；]{0,8}述职评议|评议[省市县区旗]?(人民)?(政府|法院|检察院)|述职[^。；]{0,30}(满意度)?测评|对[^。；]{0,20}述职(进行|开展)?(测评|评议)|(?<!听取[^。；]{0,60})(部门|单位)[^。；]{0,60}满意度测评/, weight: 0.85 },
  // (A report put to the vote, "表决通过了…代表资格审查委员会关于…的报告", is heard and adopted.)
  { id: 'report.hear', kind: 'report', re: new RegExp(`(听取|审议(?!意见)|表决通过了?)${CLAUSE}{0,160}?(报告|汇报|规划)(?!的?(审议)?意见)`), weight: 0.9 },
  // A chairmen's meeting taking up the committee's draft opinions on a report heard, or the report on how
  // they were handled ("讨论区人大常委会关于…情况报告的审议意见（草案）", "讨论区政府办理《…审议意见》情况的报告"):
  // steps of hearing that report (a law check's opinions are the check's, below).
  { id: 'report.opinions', kind: 'report', re: new RegExp(`^(讨论|研究)${CLAUSE}{0,80}?(报告的审议意见|意见》?${CLAUSE}{0,6}情况的报告)`), weight: 0.75 },
  // A body presenting a plan to the meeting ("听取和审议了市人大法制委员会关于…2023年立法工作计划"): heard, as a report is.
  { id: 'report.hear_plan', kind: 'report', re: /听取(和|并)?(审议)?了?[^，,。；;、]{0,40}?关于[^，,。；;]{0,60}?(计划|要点|方案)》?(?=$|[，,。；;、和及])/, weight: 0.8 },
  // The report made to the session or the meeting, as news puts it: "…向大会作《某某市人大常委会工作报告》",
  // "秘书长某某就…议程草案和日程安排等作了汇报".
  // Government bodies that report to the meeting: "会上，各副区长分别汇报了…", "县公安局、…等单位分别汇报了…情况".
  { id: 'report.delivered', kind: 'report', re: new RegExp(`(政府|[省市县区旗]长|局|单位|部门)${CLAUSE}{0,12}?分别(作了(汇报|报告)|(汇报|报告)了)|向(大会|会议)((作|做)了?${CLAUSE}{0,40})?报告|就${CLAUSE}{1,60}(作|做)了?(汇报|报告)`), weight: 0.85 },
  // The vote or rating that follows hearing a report, split off as an agenda entry of its own
  // ("听取…的报告，并进行满意度测评；", "…，并进行问责表决；"): a step of hearing that report.
  { id: 'report.rate_heard', kind: 'report', re: /^并(进行|开展|组织)?[^，。；]{0,6}(测评|问责表决|满意度表决)/, weight: 0.7 },
  { id: 'legislation.bill', kind: 'legislation', re: new RegExp(`(制定|修改|修订|废止|审议|表决|起草|出台|清理)(?!的)${CLAUSE}{0,30}?(法规|条例|法规案|法律草案|规章)(?!》?(和|及|等)?${CLAUSE}{0,12}(贯彻|实施|执行|落实)情况)`), weight: 0.8 },
  // The committee's rules of procedure are its own legislation: "修订常委会议事规则".
  { id: 'legislation.procedure_rules', kind: 'legislation', re: new RegExp(`(制定|修改|修订|废止)${CLAUSE}{0,20}?议事规则`), weight: 0.75 },
  { id: 'legislation.measures', kind: 'legislation', re: /(制定|修改|修订|废止|表决|审议)《[^》]*(办法|规定|条例|法)(（[^）]*草案）)?》/, weight: 0.75 },
  // 立法 as an activity ("立法调研", "加强立法联系点建设", "科学立法"), not as one word in a list of functions.
  // Legislation plans list bills by title: "《某某市物业管理条例》（修订）", "某某省养老服务条例（制定）".
  { id: 'legislation.bill_title', kind: 'legislation', re: /^《?[^，。；]{2,40}(条例|法|办法|规定|决定)》?\s*（[^）]{0,24}?(制定|修订|修改|废止|草案|初审|二审|三审|审议|表决|继续审议|打包修改)[^）]{0,10}）/, weight: 0.85 },
  { id: 'legislation.lawmaking', kind: 'legislation', re: /法规(案)?(立项|起草|论证)|(正式|审议|备选|调研)?法规项目|立法(?!法)(备选|预备|储备)?(工作|调研|计划|项目|建议|规划|联系点|论证|听证|评估|质量|权限|资源|格局|协商|起草|后评估)|(科学|民主|依法|开展|加强|推进|做好|参与|配合|地方|特色|精准性|创制性)立法/, weight: 0.7 },
  // A check of anything but a law's implementation ("检查全县防汛准备工作") is a visit of inspection.
  { id: 'research.survey', kind: 'research', re: /调研|实地(查看|察看|检查)|(?:到|赴|深入)[^。；]{1,40}(现场|一线|基层)[^。；]{0,12}了解|视察(?!学习)|调查研究|(?<!学习|观摩)考察(?!学习)|(开展|组织|进行|专项|集中)检查(?!组|报告|结果)|检查(?!组|报告|结果|意见|[^，。；]{0,6}(整改|落实))[^，。；]{0,12}(工作|情况)/, weight: 0.8 },
  { id: 'appointment.elect_appoint', kind: 'appointment', re: /选举(?!单位)|任免|(表决|通过)[^。；]{0,30}(组成人员|委员)名单|人事事项|任命(?!的?人员)|罢免|辞职|辞去[^。；]{0,12}职务|补选|宪法宣誓|人事安排|任前(审核|审查|法律|考试|询问|发言|公示|谈话)|供职发言/, weight: 0.85 },
  {
    id: 'deputy.deputies',
    kind: 'deputy',
    re: /代表[^。；]{0,12}培训|听取[^。；]{0,12}代表[^。；]{0,40}(意见|建议)|全过程人民民主(基层)?(示范点|实践基地|联系点)|代表(?!大会)(参与|参加|联系|建议|议案|培训|履职|联络|之家|工作(?!计划|要点)|活动|述职|小组|视察|资格|票决|列席|作用|主体|能力|服务|意见|接待|进站|专题|集中|出席|约见|学习)|(联系|服务|邀请|组织|引导|支持|保障|推荐)(人大)?代表|联络站|议案|建议办理|票决制/,
    weight: 0.75,
  },
];

/**
 * Publicity is "other" whatever it publicises: a plan item whose lead sentence names publicity as
 * its task ("做好代表工作宣传。", "加强代表履职的宣传报道。") is other even though it names deputies.
 */
const PUBLICITY: Rule = { id: 'other.publicity', kind: 'other', re: /(宣传|报道)(报道)?(工作)?$/, weight: 0.7 };
/** Lead sentences are short; a long first sentence is the whole item, not a lead. */
const LEAD_MAX = 40;

/** A paragraph that counts several kinds of activity ("召开会议6次…开展执法检查6次") tallies, it does not schedule. */
const COUNTED = /\d+\s*(次|场|批|项(?!目)|件|部(?![门分署长队委])|个(?!人|月|百分点)|人次)/g;
/** Acts counted as they are named: "听取审议20个工作报告、检查7件法律法规实施情况" — a tally, whatever the acts. */
const COUNTED_ACTS = /(听取|审议通过|表决通过|审议|检查|开展|制定|修订|修改|批准|作出|组织|完成|办理|视察|调研|任免)(和审议|审议)?了?\s*\d+\s*(个|件|项|次|部|场|批)/g;

const FRAMING = /^(指导思想|总体要求|基本原则|工作原则|总体目标|工作目标|主要目标|总体思路|目标任务)[:：\s]?(?![^，。；]{0,4}(的|情况|落实))/;
/** Documents that schedule acts: their counts are plans, however worded ("年内听取审议12个专项工作报告"). */
const SCHEDULES = new Set<DocType>(['work_points', 'supervision_plan', 'deputy_work_plan', 'legislation_plan', 'decision_plan', 'agenda', 'implementation_plan']);
/** A plan's counts are what it schedules, not a tally of acts done. */
const PLANNED = /(拟|将|安排在|计划(于|在|对|开展|听取|审议|组织))/;
/** The period a tally counts over, then its total: "一年来共…", "全年共…", "五年来，常委会共…", "全年召开…". */
const TALLIED_PERIOD = /(一年来|全年|[两三四五六七八九十\d]+年来|这五年|过去一年|过去五年|本届以来|\d{4}年以来)[，,]?[^。；]{0,30}共|全年(召开|听取|审议|开展)/;
/** One count is a tally too when it sums a period's finished work: "2016年以来，…共完成立法项目18件". */
const TALLIED_ONE = /(以来|年来)[，,]?[^。；]{0,30}共(完成|制定|审议通过|办理|听取|开展|作出)[^。；，]{0,16}\d+\s*(件|项|个|部|次)/;
/** …in news, a plan's tally: "今年立法计划共涉及立法项目40件，包括…", "9件立法调研项目中，…" (a plan itself schedules its items). */
const PLAN_TALLY = /(计划|规划)[^。；，]{0,6}(共|共计)?(涉及|安排|有|包括|计)[^。；，]{0,10}?(共|共计)?\s*\d+\s*(个|项|件)|^\d+\s*(件|项|个)[^。；，]{0,10}项目中|(根据计划|按照计划|今年)[，,]?[^。；]{0,20}(共有|总共|共计)\s*\d+\s*(个|项|件)|总共\s*\d+\s*(个|项|件)/;

export interface Classification {
  kind: ItemKind;
  kinds: ItemKind[];
  rule: string;
  confidence: number;
}

/**
 * What a document's type says of an item that names no act, in its text or its section heading: a
 * bare bill name in a legislation plan is legislation, a bare matter in a plan for deciding major
 * matters is a decision.
 */
const DOC_TYPE_KIND: Partial<Record<DocType, ItemKind>> = { legislation_plan: 'legislation', decision_plan: 'decision' };

export function classify(text: string, context: string[] = [], docType?: DocType): Classification {
  // A masked run stands for one name, however long ("听取…关于《…意见》《…意见》…落实情况的报告"): acts around it
  // are as near as the words that are left.
  const masked = (docType === 'news' ? maskExhortation(maskAttendance(maskNames(text))) : maskNames(text)).replace(/＿{2,}/g, '＿');
  const fired = firing(masked);
  const hits = fired.filter((h) => !OWN_PLAN_RULES.has(h.id) || !adoptsOwnPlansOnly(h, text, docType));
  const kinds = ITEM_KINDS.filter((k) => hits.some((h) => h.kind === k));
  // Only its own plans adopted: the item reports a plan adopted, kind other.
  if (!kinds.length && fired.length) return { kind: 'other', kinds: ['other'], rule: 'other.plan_reported', confidence: 0.6 };

  if (kinds.length >= 3 && (masked.match(COUNTED)?.length ?? 0) >= 3 && !PLANNED.test(masked)) {
    // "大会听取了…的工作报告。某某说，…一年来，听取审议报告32个，开展执法检查3次…": the paragraph's act is
    // its first sentence; the tally is what the report it heard says.
    const first = text.split(/[。！？]/)[0];
    if (docType === 'news' && first.length < text.length - 1 && !maskNames(first).match(COUNTED)) {
      const own = classify(first, context, docType);
      if (own.kind !== 'other') return own;
    }
    return otherThan(kinds, 'other.tally', 0.6);
  }
  // A plan's framing ("一、指导思想 以…为指导，…科学立法", "基本原则", "总体要求") guides its acts; it is none.
  if (FRAMING.test(text.trim())) return otherThan(kinds, 'other.framing', 0.6);
  // "一年来共审议了法规案13件，表决通过7件": counts of the period's acts, said as a tally.
  if ((TALLIED_PERIOD.test(masked) || (docType === 'news' && PLAN_TALLY.test(masked))) && (masked.match(COUNTED)?.length ?? 0) >= 2) return otherThan(kinds, 'other.tally', 0.55);
  if (TALLIED_ONE.test(masked) && !PLANNED.test(masked)) return otherThan(kinds, 'other.tally', 0.55);
  if ((masked.match(COUNTED_ACTS)?.length ?? 0) >= 2 && !PLANNED.test(masked) && !(docType && SCHEDULES.has(docType))) return otherThan(kinds, 'other.tally', 0.55);
  if (kinds.length === 0) {
    // Fall back on the section heading: "五、专题调研" makes its bare items research.
    const inherited = docType && DOC_TYPE_KIND[docType];
    for (let i = context.length - 1; i >= 0; i--) {
      const c = classify(context[i]);
      // A legislation plan's "调研项目" are bills under study: legislation work, not a survey.
      if (c.kind === 'research' && inherited === 'legislation') break;
      // (A heading that is itself a name, "…会议决定", says nothing of its entries.)
      if (c.kind !== 'other' && c.rule !== 'section.bare_title') return { kind: c.kind, kinds: [c.kind], rule: `section.${c.rule}`, confidence: 0.6 };
    }
    if (inherited) return { kind: inherited, kinds: [inherited], rule: `doctype.${docType}`, confidence: 0.55 };
    // An entry that is only a law's name ("某某市湿地保护条例、") is a bill a plan lists, wherever the list
    // is printed; a decision's name is the committee's decision (ANNOTATING.md).
    const named = BARE_TITLE.exec(text.trim());
    if (named && (named[1] !== '决定' || /关于/.test(text))) {
      const kind = named[1] === '决定' ? 'decision' : 'legislation';
      return { kind, kinds: [kind], rule: 'section.bare_title', confidence: 0.55 };
    }
    return { kind: 'other', kinds: ['other'], rule: 'other.default', confidence: 0.5 };
  }
  // Deputies are named everywhere in congress texts, so deputy is the weakest signal: a lead sentence
  // about the institution itself (机关建设, 干部队伍, 党的建设) outweighs it, though no real act. So does
  // a lead on the Party's leadership ("坚持党对立法工作的全面领导，…") over words that only name a field
  // of work ("立法工作", "联系代表").
  const generic = hits.every((h) => GENERIC_RULES.has(h.id));
  // News of the year's plan itself ("经…主任会议通过，…对2030年立法计划贯彻落实工作进行安排部署"), naming its
  // field only: a lead reporting a plan adopted, kind other (ANNOTATING.md).
  if (docType === 'news' && generic && PLAN_REPORTED.test(masked)) return otherThan(kinds, 'other.plan_reported', 0.6);
  // …and a lede on a plan made public, whatever acts it lists: "日前，市人大常委会2022年工作要点出炉，将…开展立法项目4项、
  // 讨论决定重大事项11项…".
  if (docType === 'news' && PLAN_PUBLISHED_LEDE.test(masked)) return otherThan(kinds, 'other.plan_reported', 0.6);
  const lead = publicityLead(masked)
    ? PUBLICITY
    : (kinds.length === 1 && kinds[0] === 'deputy' && institutionLead(masked)) || (generic && PARTY_LEAD.test(masked))
      ? INSTITUTION_RULE
      : null;
  const kind = lead ? 'other' : kinds[0];
  const primary = lead ?? hits.filter((h) => h.kind === kind).sort((a, b) => b.weight - a.weight)[0];
  // Many acts in one item make the primary one less certain.
  const confidence = Math.max(0.3, primary.weight - 0.05 * Math.max(0, kinds.length - 2));
  return { kind, kinds: kind === 'other' ? [...kinds, 'other'] : kinds, rule: primary.id, confidence: round(confidence) };
}

/**
 * A law's (or a decision's) name as a plan lists it: "某某市湿地保护条例", "《某某条例》（修订）", "某某市实施《…法》办法".
 * Shared with the list splitters (items/acts.ts).
 */
export const LAW_SUFFIX = `${REGULATION_SUFFIX}|守则|(?<![立执守普司违])法|决定`;
export const LAW_NAME_SOURCE = `《?(?:[^，,。；;：:《》]|《[^》]{1,40}》){2,60}?(${LAW_SUFFIX})》?(（[^）]{0,12}）|\\([^)]{0,12}\\))?`;
const BARE_TITLE = new RegExp(`^${LAW_NAME_SOURCE}[、，,。；;]?$`);

/** The committee's vote to convene a session of the congress, however news words it. */
export const CONVENES_CONGRESS = new RegExp(`${CONVENE_SESSION}|召开[^。；]{0,40}人民代表大会[^。；]{0,20}会议的决定|关于召开[^。；]{0,40}会议的决定`);

/** An item whose words name acts (`kinds`) but that is none itself: kind other, the acts kept as kinds. */
const otherThan = (kinds: ItemKind[], rule: string, confidence: number): Classification => ({
  kind: 'other',
  kinds: [...kinds.filter((k) => k !== 'other'), 'other'],
  rule,
  confidence,
});

const firing = (masked: string) => RULES.filter((r) => r.re.test(masked) && !vetoed(r, masked));

function leadSentence(masked: string): string {
  const end = masked.indexOf('。');
  return end > 0 && end <= LEAD_MAX && end < masked.length - 1 ? masked.slice(0, end) : '';
}

// …or opens on publicity as its topic: "在加强普法宣传工作方面，市人大常委会将…".
const PUBLICITY_TOPIC = /^在?(加强|做好|深化|推进)?[^，。；]{0,8}(宣传|普法)(工作)?方面[，,]/;
const publicityLead = (masked: string) => PUBLICITY.re.test(leadSentence(masked)) || PUBLICITY_TOPIC.test(masked);

const INSTITUTION_RULE: Rule = {
  id: 'other.institution',
  kind: 'other',
  re: /党的建设|党建|机关建设|自身建设|干部队伍|机关(工作)?效能|政治(引领|建设|机关|任务)|意识形态|理论研究|(?<!代表[^，。；]{0,8})(理论武装|学习贯彻[^，。；]{0,20}精神)/,
  weight: 0.65,
};
const institutionLead = (masked: string) => INSTITUTION_RULE.re.test(leadSentence(masked));
/** Rules that fire on a field of work named in passing, not on an act. */
const GENERIC_RULES = new Set(['legislation.lawmaking', 'deputy.deputies']);
const PARTY_LEAD = /^(始终)?坚持(和加强|和完善)?(党(对[^，。；]{0,10})?的(全面|集中统一|绝对)?领导|把党的领导贯穿|用党的创新理论)/;

/** Hearing a briefing (汇报, 介绍), not a formal report: "听取了县政府有关情况汇报", "听取了…对…情况的介绍". */
const BRIEFING = /听取(了)?[^。；，]{0,40}?(汇报|介绍)/;
/** A purpose readied for ("为…审议报告、提好议案建议做好充分准备", "为…打下基础"), not an act of the item's own. */
const READYING = /为[^。；]{0,80}?(做好|做足|打好|打下|奠定)[^。；，]{0,8}(准备|基础)/;

// …or adopted by a meeting ("经…主任会议通过，…"), or arranged ("…立法计划贯彻落实工作…部署").
const PLAN_REPORTED = new RegExp(`经[^。；]{0,30}通过[^。；]{0,40}(计划|要点)|(计划|要点)[^。；]{0,30}(${PUBLISHED}|部署)`);

/** The committee's own plans: "…人大常委会2030年工作要点", "《…常委会…监督工作计划》", "代表工作计划". */
const OWN_PLAN = /《?[^，。；《》]{0,24}(人大常委会|常委会|人大)[^，。；《》]{0,16}(工作要点|工作计划|立法计划|监督计划|议题安排|工作安排)(（草案）)?》?|(立法|监督|代表|调研|讨论决定重大事项)(工作)?计划(（草案）)?》?/g;

/**
 * Adopting the committee's own plans for its year ("讨论通过了《某某市人大常委会2030年工作要点》《…监督工作计划》")
 * settles its own work, not a matter of the region: other, as a lead reporting a plan adopted (ANNOTATING.md).
 * A vote on them ("审议表决…工作要点（草案）"), or on a motion or decision beside them, is the committee's decision.
 * (Read before the names are masked: the plans' titles say whose they are.)
 */
function adoptsOwnPlansOnly(rule: Rule, text: string, docType?: DocType): boolean {
  if (/表决|议案|的决定|决定（草案）|决议/.test(text)) return false;
  const rest = text.replace(OWN_PLAN, '＿');
  return !rule.re.test(docType === 'news' ? maskExhortation(maskAttendance(maskNames(rest))) : maskNames(rest));
}
const OWN_PLAN_RULES = new Set(['decision.adopt_plan', 'decision.review_plan_draft']);

/** Each clause where the rule fires, from its match on. */
const clausesOf = (text: string, rule: Rule): string[] =>
  text
    .split(/[；。，,]/)
    .filter((c) => rule.re.test(c))
    .map((c) => c.slice(c.search(rule.re)));

/** Cases where a rule's words are present but the act is not. */
function vetoed(rule: Rule, text: string): boolean {
  // "通过实地察看、听取汇报、座谈交流等方式", "视察组…听取了县政府有关情况汇报": hearing briefings is how a
  // visit is made, not a report heard (a formal 报告 still is).
  if (rule.id === 'report.hear') {
    // "…为代表审议各项工作报告做好充分准备": what a visit readies deputies for is not done in it.
    const acted = text.replace(new RegExp(READYING.source, 'g'), (m) => '＿'.repeat(m.length));
    if (!rule.re.test(acted)) return true;
    if (rule.re.test(acted.replace(new RegExp(BRIEFING.source, 'g'), (m) => '＿'.repeat(m.length)))) return false;
    return acted.split(/[。；]/).some((s) => BRIEFING.test(s) && /视察|调研|察看|考察|走访/.test(s) && !/^(会议|会上)/.test(s.trim()));
  }
  // 任前询问 is a step of appointment, not an inquiry into a state organ's work.
  if (rule.kind === 'inquiry') return /任前询问/.test(text) && !/专题询问|质询/.test(text);
  // "表决通过关于修改《…条例》的决定" amends a law: legislation, not a decision of the committee's own.
  // "讨论决定重大事项工作计划" names a plan, not the act of deciding.
  if (rule.id === 'decision.decide_major_matters') {
    const acts = text.replace(/(讨论(、)?决定(本行政区域内的)?重大事项|重大事项决定)[^，。；]{0,30}(计划|清单|目录|制度|办法|规定)/g, '');
    return !rule.re.test(acts);
  }
  // "经…会议决定，…人民代表大会第二次会议于…召开": a notice citing the decision, not the meeting making it.
  // A motion to pass a law ("审议…主任会议关于提请审议《…条例（草案）》的议案") is legislation, as the law is.
  if (rule.id === 'decision.motion') return /(条例|法规|办法|规定|规则)(（[^）]{0,10}草案[^）]{0,6}）|草案|修正案)[^。；]{0,30}议案/.test(text) && !/决议|决定（草案）/.test(text);
  if (rule.id === 'decision.convene_session') return /经[^。；]{0,40}决定/.test(text);
  // Decisions already made, being followed up: "督促落实常委会近年作出并跟踪督办的决定".
  if (rule.id === 'decision.resolution') return clausesOf(text, rule).length > 0 && text.split(/[；。，,]/).filter((c) => rule.re.test(c)).every((c) => /近(年|两年|几年|年来)[^。；，]{0,8}(作出|做出)|(作出|做出)[^。；，]{0,4}并[^。；，]{0,6}(跟踪|督办|落实)/.test(c));
  // A regulation put up for approval ("审查批准《某某市爱国卫生条例》", "…报省人大常委会审查批准") is lawmaking.
  // (Nor is a city's law sent up to the province for its approval: "报请省人大常委会审查批准".)
  if (rule.id === 'decision.approve') {
    if (/(报|报请|提请|待)[^。；，]{0,4}省人大常委会[^。；]{0,6}(审查|审议)(和|并)?批准/.test(text)) return true;
    return clausesOf(text, rule).every((c) => /条例|规定|办法|法规|法》/.test(c));
  }
  // (Clause by clause: "审议通过了《关于召开…的决定》，表决通过了关于修改《…》的决定" holds one decision of each kind.)
  if (rule.id === 'decision.adopted_by_name') return clausesOf(text, rule).every((c) => /(修改|废止|修正)[^。；]{0,60}决定/.test(c) && !/决议/.test(c));
  if (rule.id === 'decision.vote') return /(修改|废止|修订)[^。；]{0,40}决定/.test(text) && !/决议/.test(text);
  return false;
}

/**
 * Committee names, law titles and reports that are products rather than hearings carry act words
 * that are not acts: "选举任免代表联络工作委员会" elects no one, 《…视察办法》 visits nothing,
 * 请示报告 and 调研报告 hear no report. Titles keep their last two characters (…条例, …规划, …要点)
 * because those say what kind of instrument is being acted on.
 */
function maskNames(text: string): string {
  return maskOccasions(text)
    // Only the act words inside committee names: masking whole names would also swallow the verb
    // before them ("听取审议省监察委员会关于…").
    .replace(/(选举任免|人事代表选举|代表选举|代表联络|代表资格审查|代表工作|代表人事|选联|人代)(工作)?(委员会|工委|委)/g, (m) => '＿'.repeat(m.length))
    .replace(/《([^《》]*)》/g, (_, inner: string) => {
      const core = inner.replace(/(（[^（）]*）)+$/, '');
      // A draft stays a draft ("《…的决定（草案）》" is put to a vote); a decision that amends or
      // repeals a law is legislation, like the law it changes.
      const draft = /（[^（）]*草案）$/.test(inner) ? '（草案）' : '';
      // (So is an amendment to a law, "《…土地管理条例修正案》": the law is its subject.)
      const tail = /(修改|废止|修正)[^《》]*决定$/.test(core) || /(条例|办法|规定|法)(修正案|修订案)$/.test(core) ? '条例' : core.slice(-2);
      return '《' + '＿'.repeat(Math.max(0, core.length - 2)) + tail + draft + '》';
    })
    // "本次常委会听取和审议的报告中涉及的项目": the reports heard name the occasion, not an act.
    .replace(/(听取|审议)(和审议)?的(报告|汇报)/g, (m) => '＿'.repeat(m.length))
    // …but a research group's report put to the committee is heard: "审议…调研组关于…的调研报告".
    .replace(/(?<!(听取|审议)[^，。；]{0,60})(请示|调研|视察|述职)报告(?!会)/g, '$2＿＿')
    // A report on how the committee's opinions were acted on names the acts they came from
    // ("关于对…视察、《…条例》执法检查等6项审议意见办理情况的报告"): those acts are past, the report is heard.
    // So does one listed after other reports without its own 关于 ("听取了…的报告、…专题询问的审议意见研究处理
    // 情况的报告"). The opinions themselves ("研究…执法检查报告的审议意见书，决定交…") are the check's last step.
    .replace(new RegExp(`关于([^。；]{2,200}?)((的|等[\\d一二三四五六七八九十]*项)审议意见)${FOLLOW_UP}`, 'g'), (_, acts: string, tail: string) => `关于${maskActs(acts)}${tail}`)
    .replace(new RegExp(`(^|[、，,：:]|听取了?|审议了?)([^。；、，,]{2,80}?)((的|等[\\d一二三四五六七八九十]*项)?审议意见)${FOLLOW_UP}`, 'g'), (_, before: string, acts: string, tail: string) => `${before}${maskPastActs(acts)}${tail}`)
    .replace(/报告(履职|工作情况)/g, '＿＿$1');
}

/**
 * News reports what a meeting urged as well as what it did: "会议强调，…。要以专题询问为切入口，…" urges an
 * inquiry, it holds none. In news, from "会议强调/要求/指出/希望" on, the paragraph is the meeting's
 * words and names no act of its own, until the meeting acts again ("会议还审议通过了…"). (What a plan the article reports on requires, "方案…提出要求，要…", is
 * that plan's content and keeps its acts.)
 */
const EXHORTATION = /(^|[。！；])\s*(会议|会上)(还|同时)?(强调|要求|指出|希望)[，,：:]/;
/** …up to a sentence in which the meeting acts again: "。会议还审议通过了…". */
const ACTS_AGAIN = /[。！；]\s*(会议|会上)(还|同时|并|随后|最后)?(听取|审议|审查|批准|表决|通过|决定|任免|作出|开展)/;
function maskExhortation(masked: string): string {
  const from = EXHORTATION.exec(masked);
  if (!from) return masked;
  const start = from.index;
  const again = ACTS_AGAIN.exec(masked.slice(start + from[0].length));
  const end = again ? start + from[0].length + again.index : masked.length;
  return masked.slice(0, start) + maskActs(masked.slice(start, end)) + masked.slice(end);
}

/** News lists who sat in: "…及部分县级人大代表列席参加。" names deputies, not deputies' work. */
const maskAttendance = (masked: string): string => masked.replace(/[^。；，]*?(出席|列席)了?(会议|参加)(?=[。；]|$)/g, (m) => '＿'.repeat(m.length));

const ACT_WORDS = /执法检查|检查|调研|视察|考察|询问|质询|评议|立法|审议|听取|报告|汇报|选举|任免|决定|决议|批准/g;
const maskActs = (span: string) => span.replace(ACT_WORDS, (m) => '＿'.repeat(m.length));
/** The acts a follow-up report names, keeping the words that say a report is heard ("…报告审议意见研究处理情况的报告"). */
const PAST_ACT_WORDS = new RegExp(ACT_WORDS.source.split('|').filter((w) => !/^(审议|听取|报告|汇报)$/.test(w)).join('|'), 'g');
/** "…审议意见研究处理情况": how opinions already given were acted on. */
const FOLLOW_UP = '(?=[^。；]{0,8}(办理|处理|落实|整改|执行)情况)';
const maskPastActs = (span: string) => span.replace(PAST_ACT_WORDS, (m) => '＿'.repeat(m.length));

const ACTION_BEFORE_LIST = /(开展|组织|运用|通过|采取|进行|加强)/;

/**
 * Acts named only as occasions are not acts of the item: what deputies are invited to take part in
 * (a clause with 邀请/参加/参与/列席: "邀请代表参加执法检查、调研等活动", "在审议执法检查报告时邀请
 * 代表列席"), and lists of the congress's functions or of the stages of a procedure
 * ("统筹安排视察、调研、监督、决定、代表等各项工作", "立项、起草、调研、论证、审议等环节"). A list that
 * is the object of an action verb ("通过组织开展执法检查、专题调研等方式") is kept.
 */
/**
 * A clause: a run between commas and stops. Tested clause by clause rather than with
 * "[^，。；]*word[^，。；]*", which tries every start in a long unpunctuated run (quadratic: a
 * 100,000-character item took minutes).
 */
const CLAUSE_RUN = /[^，。；]+/g;
const INVITED = /邀请|参加|参与|列席/;
const PUT_UPWARD = /请示|(提请|报经?|报请)[省市县州区旗]?委|(提请|报经?|报请)党委/;

function maskOccasions(text: string): string {
  return text
    // (Hearing a report on attending something, "听取关于列席…会议情况的汇报", is still hearing.)
    // What a meeting urges ("会议强调，要以…专题询问为切入口") is no act of that meeting.
    .replace(/(^|[。；])(会议|会上)(还)?(强调|要求|指出|认为)[，：:,][^。]*/g, (m) => maskActs(m))
    .replace(CLAUSE_RUN, (clause) => (INVITED.test(clause) && !/^\s*(听取|审议)[^，。；]*(报告|汇报)$/.test(clause) ? maskActs(clause) : clause))
    // What is put to the Party committee ("立法计划、监督计划和重要人事任免均提请市委研究") is reported
    // upward, not done.
    .replace(CLAUSE_RUN, (clause) => (PUT_UPWARD.test(clause) ? maskActs(clause) : clause))
    .replace(/([\u4e00-\u9fff]{1,8}[、和]){2,40}[\u4e00-\u9fff]{1,8}等/g, (list, _item, offset: number) =>
      ACTION_BEFORE_LIST.test(text.slice(Math.max(0, offset - 6), offset) + list.slice(0, 6)) ? list : maskActs(list),
    )
    // Reporting upward ("向市委汇报"; not the report made to the session, "向大会作…报告"), honours ("被评为…立法工作先进单位") and leaders' visits
    // ("习近平总书记视察广西重要讲话精神") are not acts either.
    .replace(/向(?!大会|会议)[^，。；]{1,15}(汇报|报告)|被评为[^，。；]*|总书记[^，。；]{0,24}(视察|考察)|(视察|考察|调研)[^，。；、]{0,16}?(时|工作)?的?(重要)?(讲话|指示)/g, maskActs);
}

const round = (x: number) => Math.round(x * 100) / 100;
