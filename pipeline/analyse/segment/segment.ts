import { DATE_ONLY, isBracketedNote, isClosingNote, isHeadingLike, isNoteLine, isSignOff, isTableRow, splitLines, type Line } from '../../text/lines.js';
import { matchMarker, type Marker, type MarkerStyle } from '../../text/markers.js';
import { isDeliveryNote, isReviewHeading, isSetPhrase, SUMMARY_OPENING } from '../../text/report-form.js';
import { segmentTable } from './table.js';
import type { SegItem, SegSection, Segmentation, TableCellHints } from '../types.js';
import { pushAll } from '../../text/arrays.js';

interface Node {
  marker: Marker | null;
  line: Line;
  body: Line[];
  children: Node[];
  /** A heading line of an unnumbered document: a section even when nothing follows it. */
  heading?: boolean;
  table?: Line[];
}

/** Markers that must be seen on this many lines before a document counts as numbered. */
const NUMBERED_MIN = 2;

export interface SegmentOptions {
  /** A work report to a congress session: its address, set phrases and opening summary are not items. */
  report?: boolean;
  /** A plan (work points, a supervision or legislation plan…): its opening paragraphs are its preamble. */
  plan?: boolean;
  /** News: paragraphs above a numbered list are the article's, not a plan's preamble. */
  news?: boolean;
}


/**
 * Recover a document's hierarchy. Numbered documents nest marker styles in the order the
 * document uses them (a style seen again closes everything opened after it); headings with
 * numbered children are sections and the smallest numbered units are items. Unnumbered documents
 * (reports, news) have one-line headings as sections and paragraphs as items.
 */
export function segment(docText: string, bodyStart: number, options: SegmentOptions = {}): Segmentation {
  let lines = splitLines(docText.slice(bodyStart), bodyStart).filter((l) => !isSetPhrase(l.text));
  if (options.report) lines = withoutReportForm(lines);
  const markerCount = lines.filter((l) => matchMarker(l.text)).length;
  // A fragment (a cropped scan, a one-item notice) may hold a single numbered line; it is still numbered.
  const numbered = markerCount >= NUMBERED_MIN || (markerCount === 1 && !!lines[0] && matchMarker(lines[0].text) !== null);
  if (!numbered && options.plan) lines = withoutPlanPreamble(lines);
  const roots = numbered ? buildNumberedTree(lines, options.report === true, options.news === true) : buildHeadingTree(lines);
  if (!numbered) dropTablePreamble(roots);
  const out: Segmentation = { sections: [], items: [] };
  emit(roots, '', [], out);
  return out;
}

/**
 * A report's form around its content: set phrases anywhere, and the summary of the year before
 * the first heading ("2024年是…。一年来，常委会…") when headings follow. A report with no heading
 * at all (a short 摘要) keeps its paragraphs.
 */
function withoutReportForm(all: Line[]): Line[] {
  // The delivery note is form wherever a copy prints it (a content farm may print it twice).
  const lines = all.filter((l) => !isDeliveryNote(l.text));
  // An excerpt cut right after a sub-heading ends on that heading: there is no paragraph under it.
  const last = lines[lines.length - 1];
  const kept = last && lines.length > 1 && !matchMarker(last.text) && isHeadingLike(last.text) && !/[。！？；：:]$/.test(last.text) ? lines.slice(0, -1) : lines;
  const anyHeading = kept.findIndex(
    (l, i) => matchMarker(l.text) !== null || (isHeadingLike(l.text) && !isTableRow(l.text) && !isByline(l.text) && i + 1 < kept.length),
  );
  // The review's own heading ("2025年主要工作", "五年工作的回顾") starts the body even when lines of
  // the title block that are not bylines (a portal's date and source, a mangled delivery note, a
  // speaker line without a name) come before it.
  const review = kept.findIndex((l, i) => i <= TITLE_BLOCK_LINES && isReviewHeading(l.text));
  const firstHeading = review >= 0 && (anyHeading < 0 || !matchMarker(kept[anyHeading].text) || review < anyHeading) ? review : anyHeading;
  if (firstHeading < 0) return withoutOpeningSummary(kept);
  const body = kept.slice(firstHeading);
  // "2020年的主要工作" / "十五届以来工作回顾" opens with a summary of the period before its
  // first sub-heading; the summary (and a photo caption with it) is the report's preamble too.
  // Numbered as the first part ("一、2024年主要工作") while its sections count from 一 again below it,
  // the heading is the part's title: it goes with its summary, or it would stand as an empty item.
  const marker = matchMarker(body[0].text);
  if (!isReviewHeading(body[0].text)) return body;
  const part = marker ? [] : [body[0]];
  let next = 1;
  while (next < body.length && !isReportHeading(body[next].text)) next++;
  if (marker && next < body.length && matchMarker(body[next].text)?.style !== marker.style) return body;
  // A summary is a paragraph or two; a run of paragraphs is the review itself, without sub-headings.
  if (next < body.length && next <= 4) return [...part, ...body.slice(next)];
  // An excerpt cut before the first sub-heading: the summary still opens the way summaries do
  // ("一年来，在…领导下，…", "2022年是极不平凡的一年"), a paragraph or two of it.
  let end = 1;
  while (end < body.length && end <= 3 && SUMMARY_OPENING.test(body[end].text)) end++;
  return [...part, ...body.slice(end)];
}

/**
 * A report cut before its first heading, or one printed without headings: its opening summary of the
 * period ("五年来，在市委的坚强领导下，…") is still the preamble, a paragraph or two of it.
 */
function withoutOpeningSummary(lines: Line[]): Line[] {
  const first = lines.findIndex((l) => !isByline(l.text));
  if (first < 0 || !SUMMARY_OPENING.test(lines[first].text)) return lines;
  let end = first + 1;
  while (end < lines.length && end <= first + 2 && SUMMARY_OPENING.test(lines[end].text)) end++;
  return [...lines.slice(0, first), ...lines.slice(end)];
}

/** How far down a report the title block (title, delivery note, speaker, address) may reach. */
const TITLE_BLOCK_LINES = 8;
const isReportHeading = (text: string): boolean => matchMarker(text) !== null || (isHeadingLike(text) && !isByline(text));


/** The lines under a report's title: "——2025年1月14日在…会议上", "州人大常委会主任 张三". */
const isByline = (text: string): boolean =>
  /^(——|—|（)/.test(text) ||
  isDeliveryNote(text) ||
  /^在[^。]{0,50}人民代表大会[^。]{0,20}会议上$/.test(text) ||
  // The title printed again, or its date line ("1990年3月15日").
  /(常务委员会|常委会)工作报告(（摘要）)?$/.test(text) ||
  DATE_ONLY.test(text) || /(主任|副主任|秘书长|委员长)(\s*[\u4e00-\u9fff·•]{2,12})?$/.test(text) || /^[\u4e00-\u9fff]{2,4}$/.test(text);

function buildNumberedTree(lines: Line[], report = false, news = false): Node[] {
  const roots: Node[] = [];
  // 'heading' stands for an unnumbered section heading above numbered items.
  const stack: Array<{ style: MarkerStyle | 'heading'; node: Node }> = [];
  let table: Line[] | null = null;
  for (const [i, line] of lines.entries()) {
    if (isTableRow(line.text)) {
      if (!table) {
        table = [];
        const holder: Node = { marker: null, line, body: [], children: [], table };
        (stack.length ? stack[stack.length - 1].node.children : roots).push(holder);
      }
      table.push(line);
      continue;
    }
    table = null;
    const marker = matchMarker(line.text);
    if (!marker) {
      // Notes, annex labels, adoption lines and the closing word describe the document, not an item.
      if (isNoteLine(line.text) || isClosingNote(line.text) || isBracketedNote(line.text)) continue;
      if (i >= lines.length - 2 && isSignOff(line.text)) continue;
      // …not a line just before the next sibling of an open heading ("县行政审批局" then "二、…"): that
      // line ends the open heading's body.
      const next = lines[i + 1] ? matchMarker(lines[i + 1]!.text) : null;
      const closesOpen = !!next && stack.some((s) => s.style === next.style && s.node.marker?.value === next.value - 1);
      if (!closesOpen && isUnnumberedSectionHeading(line, lines[i + 1], stack[stack.length - 1]?.node)) {
        const node: Node = { marker: null, line, body: [], children: [], heading: true };
        roots.push(node);
        stack.length = 0;
        stack.push({ style: 'heading', node });
        continue;
      }
      if (stack.length) stack[stack.length - 1].node.body.push(line);
      // An article that ends on a numbered list ("通过了7项议案。…7项议案 1.…2.…") tells its news above it.
      else if (news) roots.push({ marker: null, line, body: [], children: [] });
      continue;
    }
    const node: Node = { marker, line, body: [], children: [] };
    const open = stack.findIndex((s) => s.style === marker.style);
    if (open >= 0) stack.length = open;
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ style: marker.style, node });
  }
  promoteHeadingLeaves(roots, report);
  return roots;
}

/**
 * Plans often group numbered items under unnumbered headings ("听取和审议专项工作报告" then "1.…").
 * Such a heading is short, ends no sentence and is followed by a numbered line; it is not the
 * wrapped second line of a numbered heading that has nothing under it yet.
 */
function isUnnumberedSectionHeading(line: Line, next: Line | undefined, open: Node | undefined): boolean {
  if (!next || !matchMarker(next.text) || !isHeadingLike(line.text, 30) || !balanced(line.text)) return false;
  const wrapsOpenHeading = !!open?.marker && open.body.length === 0 && open.children.length === 0 && isHeadingLike(open.line.text.slice(open.marker.length));
  return !wrapsOpenHeading;
}

const balanced = (t: string) => (t.match(/（/g) ?? []).length === (t.match(/）/g) ?? []).length;

/**
 * A numbered heading with no numbered children but paragraphs under it: in a work report ("一、加强
 * 监督" over the year's paragraphs) a section whose paragraphs are items, every heading of that style
 * alike (a document builds its headings one way); in a plan or notice one item, heading and
 * paragraphs together (ANNOTATING.md: "a numbered heading with no children is an item").
 */
function promoteHeadingLeaves(roots: Node[], report: boolean): void {
  const all: Node[] = [];
  const walk = (n: Node) => {
    all.push(n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  // Lines that end in "；" run on as one enumeration ("请…出席会议；\n请…列席会议；\n…。"): one paragraph.
  const runOn = (n: Node) => n.body.length >= 2 && n.body.slice(0, -1).every((l) => /；$/.test(l.text));
  const headingLeaf = (n: Node) => !!n.marker && n.children.length === 0 && n.body.length >= 1 && !runOn(n) && isHeadingLike(n.line.text.slice(n.marker.length));
  // In a work report a heading never is the act: its paragraphs, even one, are the items.
  // Elsewhere a heading and the paragraphs under it are one entry ("三、提出议题方式" and how to send them),
  // unless the heading counts its entries and the lines under it are that many ("评议对象（共6个）").
  const sectionStyles = new Set(all.filter((n) => headingLeaf(n) && report).map((n) => n.marker!.style));
  const listsDeclared = (n: Node) => Number(DECLARED.exec(n.line.text)?.[1] ?? 0) === n.body.length && n.body.length >= 2;
  for (const n of all) {
    if (!headingLeaf(n) || !(sectionStyles.has(n.marker!.style) || listsDeclared(n))) continue;
    n.children = n.body.map((line) => ({ marker: null, line, body: [], children: [] }));
    n.body = [];
  }
}

/**
 * Unnumbered documents: a heading followed directly by another heading is a major heading; the
 * others are minor headings nested under the last major one. Paragraphs are items.
 */
function buildHeadingTree(lines: Line[]): Node[] {
  const roots: Node[] = [];
  let major: Node | null = null;
  let minor: Node | null = null;
  let table: Line[] | null = null;
  const isHeading = (l: Line | undefined) => !!l && isHeadingLike(l.text) && !isTableRow(l.text) && !isNoteLine(l.text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const parent = minor ?? major;
    if (isTableRow(line.text)) {
      if (!table) {
        table = [];
        (parent ? parent.children : roots).push({ marker: null, line, body: [], children: [], table });
      }
      table.push(line);
      continue;
    }
    table = null;
    if (isNoteLine(line.text) || isBracketedNote(line.text)) continue;
    if (i >= lines.length - 2 && isSignOff(line.text)) continue;
    if (isHeading(line)) {
      const node: Node = { marker: null, line, body: [], children: [], heading: true };
      if (isHeading(lines[i + 1]) || (major !== null && sameShape(major.line.text, line.text))) {
        roots.push(node);
        major = node;
        minor = null;
      } else {
        (major ? major.children : roots).push(node);
        minor = node;
      }
      continue;
    }
    (parent ? parent.children : roots).push({ marker: null, line, body: [], children: [] });
  }
  return roots;
}

/**
 * A plan that is a table announces it ("2021年立法项目安排如下："): the paragraphs before the table
 * are its preamble, not items, as the paragraphs before a numbered plan's first entry are.
 */
const PREAMBLE_MAX = 3;

function dropTablePreamble(roots: Node[]): void {
  const all: Array<{ node: Node; siblings: Node[] }> = [];
  const walk = (nodes: Node[]) => nodes.forEach((node) => (all.push({ node, siblings: nodes }), walk(node.children)));
  walk(roots);
  const table = all.find((x) => x.node.table && x.node.table.length >= 4)?.node;
  if (!table) return;
  // The opening paragraphs only, before any heading: a preamble is a paragraph or a few, and the
  // paragraphs of a plan that only ends in a table stay its items.
  const firstHeading = all.find((x) => x.node.heading || x.node.table)?.node.line.start ?? table.line.start;
  const before = all.filter((x) => !x.node.table && !x.node.heading && x.node.line.start < Math.min(firstHeading, table.line.start));
  if (!before.length || before.length > PREAMBLE_MAX || !/[:：]$/.test(before[before.length - 1].node.line.text)) return;
  for (const { node, siblings } of before) siblings.splice(siblings.indexOf(node), 1);
}

/**
 * A plan's opening paragraphs set out the year and the committee's aims ("2021年是…的第一年。市人大
 * 常委会将以…为指导", "新的一年，常委会将…"): its preamble, as before a numbered plan's first entry. An
 * excerpt cut before the first entry shows only these, and they are still no items.
 */
const PLAN_PREAMBLE = new RegExp(`${SUMMARY_OPENING.source}|^(新的一年|今年|(?:19|20)\\d{2}\\s*年)[，,][^。]{0,40}将`);

function withoutPlanPreamble(lines: Line[]): Line[] {
  let end = 0;
  while (end < lines.length && end < PREAMBLE_MAX && PLAN_PREAMBLE.test(lines[end].text.trim())) end++;
  return lines.slice(end);
}

/** Top-level headings of reports share a shape: "2023年主要工作回顾" / "2024年主要任务". */
const sameShape = (a: string, b: string): boolean => /^\d{4}年/.test(a) && /^\d{4}年/.test(b);

const DECLARED = /[（(]\s*(?:共|计)?\s*(\d+)\s*(?:项|个|件|次|条)\s*[）)]\s*$/;

function emit(nodes: Node[], prefix: string, context: string[], out: Segmentation): void {
  let ordinal = 0;
  for (const node of nodes) {
    if (node.table) {
      const table = segmentTable(node.table, prefix, ordinal, context);
      pushAll(out.sections, table.sections);
      pushAll(out.items, table.items);
      ordinal = table.ordinal;
      continue;
    }
    ordinal++;
    const path = prefix ? `${prefix}.${ordinal}` : String(ordinal);
    if (node.children.length > 0 || node.heading === true) {
      const title = node.line.text.slice(node.marker?.length ?? 0);
      const declared = DECLARED.exec(title);
      out.sections.push({ path, title, declaredCount: declared ? Number(declared[1]) : null });
      emit(node.children, path, [...context, title], out);
      continue;
    }
    const last = node.body.length ? node.body[node.body.length - 1] : node.line;
    out.items.push({ path, number: node.marker?.raw ?? null, span: [node.line.start + (node.marker?.length ?? 0), last.end], context });
  }
}
