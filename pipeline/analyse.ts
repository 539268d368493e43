import type { DocType, Document, Item, Jurisdiction, Section, Warning } from '../schemas/index.js';
import type { ExtractedText } from '../extractors/types.js';
import { splitColonList, splitInlineAgenda, splitInlineNumbered, splitMonthFirst, splitOrdinalList } from './acts.js';
import { classify } from './classify.js';
import { committeeNames, findLeadCommittee, resolveAbbreviation } from './committee.js';
import { detectDocType, findAdoptedDate, findYears } from './docmeta.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { extractLaws } from './laws.js';
import { extractMonths } from './months.js';
import type { NormalisedText } from './normalize.js';
import { findOrgan } from './organ.js';
import { segment, type SegItem } from './segment.js';
import { splitDocuments } from './split.js';

/**
 * From a source's normalised text to its documents: split at titles, recover each document's
 * hierarchy, then read every item's kind, months, lead committee, organ and laws.
 */
export interface AnalyseInput {
  sourceId: string;
  normalised: NormalisedText;
  meta: ExtractedText['meta'];
  /** OCR confidence (0–1) per page number, for pages whose text was recognised. */
  ocrConfidence?: Map<number, number>;
}

export function analyse(input: AnalyseInput): Document[] {
  const { normalised, meta, sourceId } = input;
  const text = normalised.text;
  const slices = splitDocuments(text, meta.title);
  const namesInFile = committeeNames(text);
  const publishedDate = meta.publishedDate ?? normalised.publishedDate;
  const hasByline = publishedDate !== null && publishedDate !== undefined;

  const drafts = slices.map((slice, index) => {
    const docText = text.slice(slice.start, slice.end);
    const bodyStart = slice.bodyStart - slice.start;
    const docType = detectDocType(slice.title, hasByline || normalised.reporterSeen, docText.slice(bodyStart), normalised.reporterSeen);
    const seg = segment(docText, bodyStart, { report: docType === 'work_report' });
    const adoptedDate = findAdoptedDate(docText.slice(0, Math.min(docText.length, bodyStart + 200)));
    const docId = `${sourceId}-${index + 1}`;
    const warnings: Warning[] = [];
    const segs = seg.items
      // An e-paper page that opens with the rest of an article from an earlier page ("（上接第一版）…"):
      // that paragraph's start, and its act, are on the other page.
      .filter((s) => !CONTINUED_FROM.test(docText.slice(s.span[0], s.span[1])))
      .flatMap((s) => splitOrdinalList(s, docText))
      .flatMap((s) => splitInlineNumbered(s, docText))
      .flatMap((s) => splitColonList(s, docText))
      .flatMap((s) => splitInlineAgenda(s, docText))
      .flatMap((s) => splitMonthFirst(s, docText));
    const built = segs.map((s) => buildItem(s, docId, docText, slice.start, normalised, namesInFile, input.ocrConfidence, docType));
    // News tells of acts among leads, quotes and comment: only paragraphs that state an act are items,
    // and they took place on the day the lede gives ("5月27日上午，…会议召开" then "会议听取…").
    // The entries of an agenda it lists are items whatever they say, and belong to the meeting that
    // agenda is for: its own date, not the lede's ("主任会议…建议…会议于近期召开，议程为：…").
    // A text of articles ("第一条 为了…", "第二条 …") lays down rules: it schedules no act, so a notice
    // issuing such rules has no items.
    // Entries of a list the text dates ("3月29日9时全体会议：1.…；2.…") are on that day, in any document.
    const dated = built.map((it, k) => (segs[k].agendaOf && docType !== 'news' ? withMeetingMonth(it, segs[k].agendaOf!.month, publishedDate ?? null) : it));
    const items = isRulesText(docText.slice(bodyStart)) && docType === 'other' ? [] :
      docType === 'news'
        ? built
            .map((it, k) => ({ it, agendaOf: segs[k].agendaOf }))
            // A numbered entry is one of a list the article gives (a plan's contents, an agenda).
            .filter(({ it, agendaOf }, k) => agendaOf !== undefined || it.number !== null || !isNewsFrame(it, k))
            .map(({ it, agendaOf }) =>
              agendaOf === undefined
                ? withDayOnlyMonth(withDatelineMonth(it, docText, [DATED_LINE]), docText, publishedDate ?? null)
                : withMeetingMonth(it, agendaOf.month, publishedDate ?? null),
            )
        : docType === 'agenda'
          ? dated
              // Around an agenda's entries, unnumbered paragraphs that state no act are the notice's
              // procedure (who may attend, how to sign up), not entries.
              .filter((it, k) => it.number !== null || segs[k].agendaOf !== undefined || it.rule !== 'other.default' || segs.length === 1)
              .map((it) => withDatelineMonth(it, docText, ONE_MEETING.test(docText.slice(0, 400)) ? [DATED_HEADING, MEETING_DATE] : [DATE_LINE]))
          : dated;
    const sections: Section[] = seg.sections.map((sec) => {
      const itemCount = items.filter((it) => it.path.startsWith(sec.path + '.')).length;
      if (sec.declaredCount !== null && sec.declaredCount !== itemCount) {
        warnings.push({
          code: 'declared_count_mismatch',
          message: `section ${sec.path} "${sec.title}" declares ${sec.declaredCount} items, ${itemCount} found`,
        });
      }
      return { path: sec.path, title: sec.title, declaredCount: sec.declaredCount, itemCount };
    });
    if (items.length === 0) warnings.push({ code: 'no_items', message: 'no items were found in this document' });
    const { year, reviewYear } = findYears(slice.title, docText, [adoptedDate, publishedDate ?? null], docType === 'work_report');
    if (year === null) warnings.push({ code: 'year_unknown', message: 'no year in the title, headings or dates' });
    return { id: docId, title: slice.title, docType, year, reviewYear, adoptedDate, publishedDate: publishedDate ?? null, sections, items, warnings, text: docText };
  });

  const jurisdictions = resolveAll(drafts.map((d) => ({ title: d.title, text: d.text })));
  return drafts.map((d, k) => ({
    ...d,
    jurisdiction: jurisdictions[k].jurisdiction,
    warnings: [...jurisdictions[k].warnings, ...d.warnings],
  }));
}

function buildItem(
  s: SegItem,
  docId: string,
  docText: string,
  docStart: number,
  normalised: NormalisedText,
  namesInFile: string[],
  ocrConfidence: Map<number, number> | undefined,
  docType: DocType,
): Item {
  const text = docText.slice(s.span[0], s.span[1]);
  const c = classify(text, s.context, docType);
  const fromRow = s.hints?.months;
  const months = fromRow && fromRow.length ? fromRow : extractMonths(text);
  let committee = findLeadCommittee(text);
  if (s.hints?.committeeRaw) committee = findLeadCommittee(`由${s.hints.committeeRaw}负责`) ?? committee;
  else if (s.hints?.committeeAbbrev) committee = resolveAbbreviation(s.hints.committeeAbbrev, namesInFile);
  const hearsSomething = c.kinds.some((k) => k === 'report' || k === 'law_check' || k === 'decision');
  const page = normalised.pageAt(docStart + s.span[0]);
  return {
    id: `${docId}:${s.path}`,
    path: s.path,
    number: s.number,
    text,
    kind: c.kind,
    kinds: c.kinds,
    months,
    committee,
    organ: hearsSomething ? findOrgan(text) : null,
    laws: extractLaws(text),
    page,
    span: s.span,
    confidence: Math.round(c.confidence * textFactor(page, ocrConfidence) * 100) / 100,
    rule: c.rule,
  };
}

/**
 * The frame of a news article around the acts it reports: the lede (its first paragraph, or the one
 * that opens the meeting: who presided, who attended) and the quotes and comment ("会议指出…",
 * "他强调…"), when they state no act themselves. A paragraph that states no act but is neither, such
 * as one entry of a plan the article lists, stays an item.
 */
const NEWS_FRAME = /^(会议|会上|他|她|[\u4e00-\u9fff]{2,4}(指出|强调|表示|要求|认为|说))|主持(会议)?|出席(会议)?|列席(会议)?|讲话|召开|举行/;
/** Comment, whatever it names: "会议要求，要…办理好代表建议" exhorts; it reports no act. */
// A document's own requirements ("方案要求，…") are its contents, not comment.
// A speaker named with a title ("市人大常委会主任某某指出，") comments too.
const COMMENT = /^([^，。；\n]{0,12}(后|上|中|时)，)?(会议|会上|(?:[^，。；\n]{0,16}?(?:主任|主席|书记|秘书长|委员长|部长|局长|县长|市长|区长|省长|旗长|院长|检察长|组长))?(?!方案|计划|要点|意见|通知|文件|规划)[\u4e00-\u9fff]{2,4})(指出|强调|要求|认为|表示|希望)[，：,:]/;
/** A lede that opens the meeting (who presided, who attended) and names no act of its own. */
const LEDE_ONLY = /(召开|举行|开幕|闭幕)/;
const LEDE_ACT = /听取|审议|表决|通过|检查|视察|调研|询问|评议|任免|选举|决定(?![^，。；]{0,30}召开)/;
const isNewsFrame = (item: Item, index: number): boolean =>
  COMMENT.test(item.text) ||
  ATTENDANCE_ONLY(item.text) ||
  (item.kind === 'other' && item.rule !== 'other.tally' && (index === 0 || NEWS_FRAME.test(item.text) || (item.rule === 'other.default' && !MEETING_ACT.test(item.text) && !DOC_CONTENT.test(item.text)))) ||
  (index === 0 && LEDE_ONLY.test(item.text) && !LEDE_ACT.test(item.text));

/** What a plan the article reports on says is its content: "方案要求，…", "计划明确，…". */
const DOC_CONTENT = /(方案|计划|要点|意见|规划)(要求|提出|明确|规定|强调)[，,：:]/;
/** The meeting itself as the subject of an act no rule names: "会议传达学习了…精神". */
const MEETING_ACT = /^(会议|会上)(还|先后|首先)?(传达|学习|研究|通报)/;
/** Who attended, presided or sat in: every sentence ends so ("…列席会议。", "…6位公民旁听。"). */
const ATTENDANCE_ONLY = (text: string): boolean => {
  const sentences = text.split(/(?<=[。！])/).map((x) => x.trim()).filter(Boolean);
  return sentences.length > 0 && sentences.every((x) => /(出席|列席|旁听|主持|陪同|参加)(了)?(会议|活动|座谈会)?[。！]?$/.test(x));
};

/** A paragraph that opens with a day: "5月27日上午，…", "本报讯（记者…）2月20日，…". */
// (or a source's name before the day: "台海网11月29日讯…")
const DATED_LINE = /(?:^|\n)(?:[^\n，。]{0,12}讯\s*(?:（[^）\n]{0,24}）)?\s*|[^\n，。\d]{0,8}(?:网|报|社|台))?(\d{1,2})月\d{1,2}日/g;

/**
 * An agenda's entries are taken up at the meeting its date heading names ("8月28日" on a line of its
 * own). The agenda of one meeting ("第二十七次会议议题", "本次会议的建议议程") is also dated by its
 * note ("（2019年8月1日…会议通过）", "（2021年8月30日在…会议上）"); a year's agenda adopted in
 * January is not: its entries are spread over the year.
 */
const ONE_MEETING = /第[一二三四五六七八九十百\d]+次?会议[^\n。]{0,4}(议程|议题)|本次(常委会)?会议|会议议程（草案）|关于召开[^\n]{0,40}会议的决定|会议(定|将)于|(定|将)于[^。\n]{0,30}(召开|举行)/;
/** The meeting's own date in a notice or a decision to convene: "会议定于8月26日…举行", "…会议于2022年12月25日至27日召开". */
const MEETING_DATE = /(?:定于|将于|于)(?:\d{4}年)?(\d{1,2})月(?:\d{1,2}日|上旬|中旬|下旬|初|底)[^。\n]{0,40}?(?:召开|举行|开幕)/g;
const DATE_LINE = /(?:^|\n)(?:\d{4}年)?(\d{1,2})月(?:\d{1,2}日)?(?:份)?(?=\s*(?:\n|$))/g;
const DATED_HEADING = /(?:^|\n)(?:[^\n]{0,40}（)?(?:\d{4}年)?(\d{1,2})月\d{1,2}日(?=[^\n。；]{0,60}(?:）|$|\n))/g;

function withDatelineMonth(item: Item, docText: string, dated: RegExp[]): Item {
  if (item.months.length) return item;
  // The date nearest above the item, whichever form it takes.
  let month: number | null = null;
  let at = -1;
  for (const re of dated) {
    for (const m of docText.slice(0, item.span[0]).matchAll(re)) {
      if ((m.index ?? 0) >= at) {
        at = m.index ?? 0;
        month = Number(m[1]);
      }
    }
  }
  return month !== null && month >= 1 && month <= 12 ? { ...item, months: [month] } : item;
}

const CONTINUED_FROM = /^[（(]上接第?\s*[A-Z\d一二三四五六七八九十]+\s*版[）)]/;

const ARTICLE = /(^|\n|\s|。)第[一二三四五六七八九十百]+条\s*/g;
const isRulesText = (body: string): boolean => (body.match(ARTICLE)?.length ?? 0) >= 2;

/**
 * A lede that gives only the day ("…第十二次会议于29日上午召开") is dated by the page's publication
 * date, when that day is not after it: the meeting was in the month the page came out.
 */
const DAY_ONLY = /(?:^|\n|于)(\d{1,2})日(?:上午|下午|晚)?[，,]?[^。\n]{0,24}?(?:召开|举行|开幕)/;

function withDayOnlyMonth(item: Item, docText: string, publishedDate: string | null): Item {
  if (item.months.length || !publishedDate) return item;
  const day = DAY_ONLY.exec(docText.slice(0, item.span[0]));
  if (!day || Number(day[1]) > Number(publishedDate.slice(8, 10))) return item;
  return { ...item, months: [Number(publishedDate.slice(5, 7))] };
}

function withMeetingMonth(item: Item, month: number | 'today' | null, publishedDate: string | null): Item {
  if (item.months.length) return item;
  const m = month === 'today' ? (publishedDate ? Number(publishedDate.slice(5, 7)) : null) : month;
  return m !== null && m >= 1 && m <= 12 ? { ...item, months: [m] } : item;
}

/** Recognised text below this mean confidence makes every reading of it less certain. */
const TRUSTED_OCR = 0.9;

function textFactor(page: number | null, ocrConfidence: Map<number, number> | undefined): number {
  const c = page === null ? undefined : ocrConfidence?.get(page);
  return c === undefined ? 1 : Math.min(1, c / TRUSTED_OCR);
}

/**
 * Documents in one file share an issuer more often than not: a document whose title names no
 * place (an annexed 议题安排表) takes the jurisdiction of the first one that does.
 */
function resolveAll(docs: Array<{ title: string; text: string }>): Array<{ jurisdiction: Jurisdiction; warnings: Warning[] }> {
  const first = docs.map((d) => resolveJurisdiction({ title: d.title, text: d.text }));
  const anchor = first.find((r) => r.jurisdiction.code !== null)?.jurisdiction;
  if (!anchor) return first;
  return first.map((r, k) =>
    r.warnings.some((w) => w.code === 'jurisdiction_unknown' || w.code === 'jurisdiction_inferred')
      ? resolveJurisdiction({ ...docs[k], fallback: anchor })
      : r,
  );
}
