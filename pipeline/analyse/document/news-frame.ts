import type { Item } from '../../../schemas/index.js';
import { PLAN_PUBLISHED } from '../../text/plan-published.js';
import { statesStudy } from '../../text/study.js';

/**
 * How a news article frames the acts it reports: which paragraphs are its lede, quotes, comment
 * and attendance lists rather than acts of the people's congress (ANNOTATING.md: "lead, quote and
 * commentary paragraphs that state no such act are not items").
 */

/**
 * The frame of a news article around the acts it reports: the lede (its first paragraph, or the one
 * that opens the meeting: who presided, who attended) and the quotes and comment ("会议指出…",
 * "他强调…"), when they state no act themselves. A paragraph that states no act but is neither, such
 * as one entry of a plan the article lists, stays an item.
 */
const NEWS_FRAME = /^(会议|会上|他|她|[\u4e00-\u9fff]{2,4}(指出|强调|表示|要求|认为|说))|主持(会议)?|出席(会议)?|列席(会议)?|讲话|召开|举行/;
/** A person's name; names of minority nationalities run longer, with a middle dot ("阿尔肯·艾比布拉"). */
const PERSON = '(?:[\\u4e00-\\u9fff]{2,4}|[\\u4e00-\\u9fff]{1,6}[·•][\\u4e00-\\u9fff]{1,8})';
/** Comment, whatever it names: "会议要求，要…办理好代表建议" exhorts; it reports no act. */
// A document's own requirements ("方案要求，…") are its contents, not comment.
// A speaker named with a title ("市人大常委会主任某某指出，") comments too.
const COMMENT = new RegExp(`^([^，。；\\n]{0,12}(后|上|中|时)，)?(会议|会上|(?:[^，。；\\n]{0,30}?(?:主任|主席|书记|秘书长|委员长|部长|局长|县长|市长|区长|省长|旗长|院长|检察长|组长))?(?!方案|计划|要点|意见|通知|文件|规划)${PERSON})(指出|强调|要求|认为|表示|希望|介绍说|说)[，：,:]`);
/** A lede that opens the meeting (who presided, who attended) and names no act of its own. */
const LEDE_ONLY = /(召开|举行|开幕|闭幕)/;
// (A work meeting the committee convenes to arrange its work, "…召开工作推进会，安排部署代表建议办理等工作", or to
// gather proposals, "…素材征集座谈会", states that act.)
const LEDE_ACT = /听取|审议|表决|通过|检查|视察|调研(?!员)|询问|评议|任免|选举|决定(?![^，。；]{0,30}召开)|部署|征集/;
/**
 * The political consultative conference meets beside the congress, and news of the "two sessions"
 * tells of both: what the CPPCC does ("政协会议将…", "市政协秘书长某某说，…") is no act of the congress.
 */
const CPPCC = /^[^，。；人]{0,12}政协(?!委员)[^，。；]{0,20}?(会议|党组|主席|秘书长|常委会|委员会)/;
/** A speaker on an occasion: "某某在某某街道征求代表意见时强调，…", "某某在讲话中指出，…" (not what a report says). */
// (At the meeting itself only what a speaker urges: "某某在会上强调，一是要…"; "某某在会上指出，2018年常委会…" may retell the plan.)
const SPEAKER_AT = /^[\u4e00-\u9fff]{2,4}在(?!报告|工作报告)([^，。；]{2,30}(时|上|中)(指出|强调|要求|表示|说)|会上(强调|要求))[，：,:]/;
/** A paragraph of quoted speech in the first person: "“为更好地推进工作，…我们创新形式，…". */
const FIRST_PERSON_QUOTE = /^[“「"][^。”」"]*我们/;
/** A speaker's words: "某某说，…", "某某感谢各位代表…。她说，…". */
const QUOTE = new RegExp(`^(${PERSON}|他|她)(说[，：,:]|感谢)`);

export const isNewsFrame = (item: Item, index: number): boolean =>
  COMMENT.test(item.text) ||
  SPEAKER_AT.test(item.text) ||
  FIRST_PERSON_QUOTE.test(item.text) ||
  CPPCC.test(item.text) ||
  OTHER_MATTERS.test(item.text) ||
  QUOTE.test(item.text) ||
  ATTENDANCE_ONLY(item.text) ||
  (item.kind === 'other' &&
    item.rule !== 'other.tally' &&
    item.rule !== 'other.plan_reported' &&
    !MEETING_ACT.test(item.text) &&
    // A paragraph that says what the meeting studied states its act: the lede ("…召开第三十五次会议，传达
    // 学习…精神") or a later one on the meeting ("会上，某某传达学习了…精神"), not a review's "坚持…，深入
    // 学习贯彻…".
    !((index === 0 || /^[^，。]{0,4}(会议|会上|会前)/.test(item.text)) && statesStudy(item.text)) &&
    !(index === 0 && PLAN_MADE_PUBLIC.test(item.text)) &&
    (index === 0 || NEWS_FRAME.test(item.text) || (item.rule === 'other.default' && !DOC_CONTENT.test(item.text)))) ||
  (index === 0 && LEDE_ONLY.test(item.text) && !LEDE_ACT.test(item.text) && !statesStudy(item.text) && !PLAN_MADE_PUBLIC.test(item.text));

/**
 * A lede that reports a plan made public or adopted ("…召开《某某市人大常委会2030年立法计划》新闻发布会", "…工作要点出炉",
 * "…主任会议讨论通过了2030年度常委会监督工作计划") states
 * the committee's act: an item of kind other (ANNOTATING.md: "a lead that reports a plan adopted").
 */
const PLAN_MADE_PUBLIC = new RegExp(`《[^》]{0,40}(计划|要点|规划)》[^，。；]{0,6}(新闻发布会|发布会)|${PLAN_PUBLISHED.source}|(讨论|审议|研究)通过了?[^，。；]{0,40}(计划|要点)`);

/** "会议还研究了其他事项。": the matters go unnamed, so no act is stated. */
const OTHER_MATTERS = /^(会议|会上)?(还)?(研究|讨论|审议)(了)?(其他|其它)(有关)?事项。?$/;
/** What a plan the article reports on says is its content: "方案要求，…", "计划明确，…". */
const DOC_CONTENT = /(方案|计划|要点|意见|规划)(要求|提出|明确|规定|强调)[，,：:]/;
/** The meeting itself as the subject of an act no rule names: "会议传达学习了…精神", "会议听取并研究了…计划". */
const MEETING_ACT = /^(会议|会上)(还|先后|首先|集中)?(组织)?(听取(并|和)?)?(传达|学习|研究|通报|讨论)/;
/**
 * Who attended, presided or sat in: every sentence ends so ("…列席会议。", "…6位公民旁听。", "…在主席台就座。"),
 * or names who chairs ("执行主席是：甲、乙、丙。"). A reporter's byline after the last sentence
 * ("（记者 某某 通讯员 某某）") and stray commas before the stop (mirror copies: "列席会议，。") are no part of it.
 */
const BYLINE_TAIL = /[（(](?:记者|通讯员|本报记者)[^（）()]{1,40}[）)]\s*$/;
const ATTENDED = /(出席|列席|旁听|主持|陪同|参加|就座|就坐)(了)?(会议|活动|座谈会)?$/;
/** A record's list of who sat in the meeting: "出席会议的有，…", "列席会议的有：…". */
export const ATTENDANCE_LIST = /^(出席|列席)(会议)?的(有|是)[，,：:]/m;
// (…or who sat on the platform: "担任本次会议执行主席并在主席台前排就座的有：…", "在主席台就座的还有：…"; and the quorum:
// "本次会议应出席代表266名，实到247名，符合法定人数".)
const CHAIRS = new RegExp(`^[^。]{0,20}(执行主席|主持人)(是|为|有)[：:，,][^。；]+$|^[^。]{0,30}就座的(有|是|还有)[：:，,][^。；]+$|^[^。]{0,12}应(出席|到)[^。]{0,24}实到[^。]{0,30}(符合法定人数|可以开会)|${ATTENDANCE_LIST.source}`);
const ATTENDANCE_ONLY = (text: string): boolean => {
  const sentences = text
    .replace(BYLINE_TAIL, '')
    .split(/(?<=[。！])/)
    .map((x) => x.trim().replace(/[，、；,;]*[。！]?$/, ''))
    .filter(Boolean);
  // "…举行主任会议，听取相关报告，某某主持会议" ends on who presided but states an act first.
  return sentences.length > 0 && sentences.every((x) => (ATTENDED.test(x) && !LEDE_ACT.test(x)) || CHAIRS.test(x));
};
