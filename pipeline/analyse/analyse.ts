import type { DocType, Document, Item, Jurisdiction, Section, Warning } from '../../schemas/index.js';
import { EPAPER_PAGE } from '../text/clutter.js';
import type { ExtractedText } from '../../schemas/stages.js';
import { splitAnnouncedOrdinals, splitColonList, splitPlanContents, splitInlineAgenda, splitInlineNumbered, splitMonthFirst, splitOrdinalList, splitReferredClauses } from './items/acts.js';
import { classify, CONVENES_CONGRESS } from './items/classify.js';
import { committeeNames, findLeadCommittee, resolveAbbreviation } from './items/committee.js';
import { detectDocType, findAdoptedDate, findYears } from './document/docmeta.js';
import { resolveJurisdiction } from './document/jurisdiction.js';
import { yearFromTerm } from './document/terms.js';
import { extractLaws } from './items/laws.js';
import { extractMonths } from './items/months.js';
import type { NormalisedText } from '../../schemas/stages.js';
import { findOrgan } from './items/organ.js';
import { segment } from './segment/segment.js';
import type { SegItem } from './types.js';
import { splitDocuments } from '../normalise/split.js';
import { DATE_LINE, DATED_HEADING, MEETING_DATE, MEETING_TIME, MEETING_TO_COME, ONE_MEETING, withDatelineMonth, withDayOnlyMonth, withLedeMonth, withMeetingMonth } from './items/dating.js';
import { isNewsFrame } from './document/news-frame.js';

/** A year's plans, whose opening paragraphs are a preamble (an agenda lists entries from its first line). */
const PLAN_TYPES: ReadonlySet<DocType> = new Set(['work_points', 'supervision_plan', 'legislation_plan', 'decision_plan', 'deputy_work_plan', 'implementation_plan']);

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
    const body = docText.slice(bodyStart);
    // A text of articles ("第一条 为了…", "第二条 …") lays down rules and schedules no act, whatever
    // field its title names ("…讨论决定重大事项的规定" is no plan for deciding them).
    const rules = isRulesText(body);
    const docType = rules && !/(计划|要点|安排|方案)\s*$/.test(slice.title) ? 'other' : detectDocType(slice.title, hasByline, body, normalised.reporterSeen);
    const seg = segment(docText, bodyStart, { report: docType === 'work_report', plan: PLAN_TYPES.has(docType), news: docType === 'news' });
    const adoptedDate = findAdoptedDate(docText.slice(0, Math.min(docText.length, bodyStart + 200)));
    const docId = `${sourceId}-${index + 1}`;
    const warnings: Warning[] = [];
    const segs = seg.items
      // An e-paper page that opens with the rest of an article from an earlier page ("（上接第一版）…"):
      // that paragraph's start, and its act, are on the other page.
      .filter((s) => !CONTINUED_FROM.test(docText.slice(s.span[0], s.span[1])))
      // A letter's addressee ("各有关单位：", "市人大常委会：") opens a notice or a report sent up; it is no act.
      .filter((s) => s.number !== null || !ADDRESSEE.test(docText.slice(s.span[0], s.span[1]).trim()))
      .flatMap((s) => splitOrdinalList(s, docText))
      .flatMap((s) => splitInlineNumbered(s, docText))
      .flatMap((s) => splitColonList(s, docText))
      .flatMap((s) => splitInlineAgenda(s, docText))
      .flatMap((s) => splitMonthFirst(s, docText))
      .flatMap((s) => splitAnnouncedOrdinals(s, docText))
      .flatMap((s) => (docType === 'news' ? splitReferredClauses(s, docText) : [s]))
      .flatMap((s) => (docType === 'news' ? splitPlanContents(s, docText) : [s]));
    const built = segs.map((s) => buildItem(s, docId, docText, slice.start, normalised, namesInFile, input.ocrConfidence, docType));
    const items = docType === 'other' && rules ? [] : keptAndDated(docType, docText, segs, built, publishedDate ?? null);
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
    const { year, reviewYear } = findYears(slice.title, docText, [adoptedDate, publishedDate ?? null], docType === 'work_report', docType === 'news' ? (publishedDate ?? null) : null);
    if (year === null) warnings.push({ code: 'year_unknown', message: 'no year in the title, headings or dates' });
    return { id: docId, title: slice.title, docType, year, reviewYear, adoptedDate, publishedDate: publishedDate ?? null, sections, items, warnings, text: docText };
  });

  const jurisdictions = resolveAll(drafts.map((d) => ({ title: d.title, text: d.text, chrome: normalised.chrome })));
  return drafts.map((d, k) => {
    const { jurisdiction } = jurisdictions[k];
    // An undated page of a province-level body: its term and meeting numbers date it.
    const termYear = d.year === null && jurisdiction.level === 'province' && jurisdiction.code ? yearFromTerm(d.text, jurisdiction.code) : null;
    const own = termYear === null ? d.warnings : d.warnings.filter((w) => w.code !== 'year_unknown');
    // A work report dated so was read at that year's session, on the year before.
    const reviewYear = termYear !== null && d.docType === 'work_report' ? termYear - 1 : d.reviewYear;
    return { ...d, year: termYear ?? d.year, reviewYear, jurisdiction, warnings: [...jurisdictions[k].warnings, ...own] };
  });
}

/**
 * A row's lead cells, in column order (the drafting unit "市城市管理综合执法局", then the committee that
 * reviews it first): the first that names a congress committee, else the first body named at all.
 */
function leadOfCells(cells: string[]): ReturnType<typeof findLeadCommittee> {
  const found = cells.map((cell) => findLeadCommittee(`由${cell}负责`));
  return found.find((c) => c && c.key !== 'other') ?? found.find((c) => c) ?? null;
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
  // News of a vote to convene the congress ("会议决定，区十六届人民代表大会一次会议于2017年2月7日召开"): the vote is
  // on the meeting's day, the date it names is the session's.
  // (The lede's own date, before the vote, still counts: "某某网11月20日讯 …会议表决通过了…关于召开…会议的决定".)
  const convening = docType === 'news' && c.kind === 'decision' ? CONVENES_CONGRESS.exec(text) : null;
  const months = fromRow && fromRow.length ? fromRow : extractMonths(convening ? text.slice(0, convening.index) : text);
  let committee = findLeadCommittee(text);
  if (s.hints?.leads) committee = leadOfCells(s.hints.leads) ?? committee;
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
 * Which items a document keeps, and the month of those whose text names none, by how its type is
 * written. Entries of a dated list or of a meeting's agenda are on that meeting's day, in any
 * document. News tells of acts among leads, quotes and comment: only paragraphs that state an act
 * (or entries of a list it gives) are items, on the day its lede gives. Around an agenda's entries,
 * unnumbered paragraphs that state no act are the notice's procedure (who may attend, how to sign
 * up).
 */
function keptAndDated(docType: DocType, docText: string, segs: SegItem[], built: Item[], publishedDate: string | null): Item[] {
  const listed = (k: number) => segs[k].agendaOf !== undefined;
  const items = built.map((it, k) => (listed(k) ? withMeetingMonth(it, segs[k].agendaOf!.month, publishedDate) : it));
  // A session's resolution ends on what it asks ("会议要求，常委会要…", "大会号召，…"): asking is no act.
  // (Filtered after dating: a decision to convene a session is 'other' too, and its agenda is on the session's day.)
  if (docType === 'other') return items.filter((it) => !RESOLUTION_ASKS.test(it.text));
  if (docType === 'news') {
    // A chronicle of dated entries ("11月21日，市人大常委会副主任某某到…就…征求意见建议。"): each entry is
    // an act of the body's people, whatever kind it is, not a frame around one.
    const chronicle = items.filter((it) => DATED_ENTRY.test(it.text)).length >= CHRONICLE_ENTRIES;
    // A listed entry keeps its meeting's month, even none ("会议将于近期召开"): the lede's day is not its.
    // A numbered list under the news of a meeting ("…第八次会议于2026年1月13日至16日举行。建议会议的主要议程为：
    // 1.…", "…第四十二次会议，于2016年11月2日…召开。一、会议听取…") is that meeting's business, on its day.
    return items
      .map((it) => (it.number !== null ? withDatelineMonth(it, docText, [MEETING_DATE]) : it))
      .map((it, k) => (listed(k) && !currentAgenda(segs[k], docText) ? it : withDayOnlyMonth(withLedeMonth(it, docText), docText, publishedDate)))
      .filter((it, k) => listed(k) || it.number !== null || (chronicle && DATED_ENTRY.test(it.text)) || !isNewsFrame(it, k));
  }
  if (docType === 'agenda') {
    const dates = ONE_MEETING.test(docText.slice(0, 400)) ? [DATED_HEADING, MEETING_DATE, MEETING_TIME] : [DATE_LINE];
    return items
      .filter((it, k) => it.number !== null || listed(k) || it.rule !== 'other.default' || items.length === 1)
      // A notice's time and place ("一、会议时间：…", "二、会议地点：…") are no act, numbered or not.
      .filter((it) => !NOTICE_LOGISTICS.test(it.text))
      .map((it) => withDatelineMonth(it, docText, dates));
  }
  return items;
}

/**
 * An agenda the article gives with no date of its own, and no word of a meeting to come ("通过后的…会议议程为：…"),
 * is the business of the meeting the article reports: on that meeting's day.
 */
function currentAgenda(seg: SegItem, docText: string): boolean {
  if (!seg.agendaOf || seg.agendaOf.month !== null || seg.agendaOf.plan) return false;
  return !MEETING_TO_COME.test(docText.slice(Math.max(0, seg.span[0] - 300), seg.span[0]));
}

/** An entry of a chronicle: its day, then someone of the congress doing something. */
const DATED_ENTRY = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至—-]\d{1,2}日)?(?:上午|下午)?[，,][^。]{0,20}(人大|常委会)/;
const CHRONICLE_ENTRIES = 4;

const RESOLUTION_ASKS = /^(会议|大会)(要求|号召|希望|强调|指出)[，,：:]/;

const NOTICE_LOGISTICS = /^(会议)?(时间|地点|会期)[:：]/;
const ADDRESSEE = /^(各|全体)?[^，,。；;：:\s]{1,20}(单位|部门|委员会|常委会|常务委员会|同志们|同志)[：:]$/;

const CONTINUED_FROM = new RegExp(`^[（(]上接${EPAPER_PAGE}[）)]`);

const ARTICLE = /(^|\n|\s|。)第[一二三四五六七八九十百]+条\s*/g;
const isRulesText = (body: string): boolean => (body.match(ARTICLE)?.length ?? 0) >= 2;

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
function resolveAll(docs: Array<{ title: string; text: string; chrome: string }>): Array<{ jurisdiction: Jurisdiction; warnings: Warning[] }> {
  const first = docs.map((d) => resolveJurisdiction(d));
  const anchor = first.find((r) => r.jurisdiction.code !== null)?.jurisdiction;
  if (!anchor) return first;
  return first.map((r, k) =>
    r.warnings.some((w) => w.code === 'jurisdiction_unknown' || w.code === 'jurisdiction_inferred')
      ? resolveJurisdiction({ ...docs[k], fallback: anchor })
      : r,
  );
}
