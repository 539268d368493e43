import type { Reader } from '../../store/similar/corpus.js';
import { filterSql, type ItemFilter } from '../../store/read/filters.js';
import { itemTerms, lawTerms } from '../../store/similar/terms.js';

/**
 * Which planned items a year's work report mentions. A work report is set beside the plans of the
 * same jurisdiction for the year it reviews (its reviewYear: the 2025 session's report reviews
 * 2024, so it meets the 2024 plans); the pair's year is that plan year. Each
 * planned item is looked for sentence by sentence in the report: the share of the item's own words
 * a sentence contains, each word weighed by its rarity in the whole database (so 食品安全 counts
 * for more than 监督), is the item's score in that sentence; a plan's law check is also found when
 * the report names the same law. Reports rephrase ("听取审议了…的报告"), which is why words are
 * compared, not strings.
 */
export const PLAN_TYPES = ['work_points', 'supervision_plan', 'legislation_plan', 'decision_plan', 'deputy_work_plan', 'agenda', 'implementation_plan'];

/**
 * A sentence must hold at least this weighted share of a planned item's words for the item to
 * count as mentioned. Chosen on the hand-labelled plan/report pairs (test/compare/plan-report-labels.json).
 */
export const MENTION_THRESHOLD = 0.5;

export interface PlannedItem {
  itemId: string;
  path: string;
  kind: string;
  text: string;
  mentioned: boolean;
  score: number;
  reportItem: string | null;
  evidence: string | null;
}

export interface PlanReportPair {
  jurisdiction: string | null;
  year: number;
  plan: { documentId: string; title: string; docType: string };
  report: { documentId: string; title: string };
  items: PlannedItem[];
}

interface DocRow {
  document_id: string;
  document_title: string;
  doc_type: string;
  year: number;
  review_year: number | null;
  jurisdiction: string | null;
  grp: string;
}

interface ItemRow {
  item_id: string;
  document_id: string;
  path: string;
  kind: string;
  text: string;
}

export async function planReportPairs(db: Reader, filter: ItemFilter, threshold = MENTION_THRESHOLD): Promise<PlanReportPair[]> {
  // Kinds do not select documents here: a plan is compared whole.
  const f = filterSql({ ...filter, kinds: undefined }, 'v');
  const docs = await db.all<DocRow>(
    `SELECT DISTINCT v.document_id, v.document_title, v.doc_type, v.year, v.review_year, v.jurisdiction,
            coalesce(v.jurisdiction_code, v.jurisdiction) AS grp
     FROM v_items v WHERE ${f.where} AND v.year IS NOT NULL AND coalesce(v.jurisdiction_code, v.jurisdiction) IS NOT NULL
     ORDER BY v.document_id`,
    f.params,
  );
  const pairs: Array<{ plan: DocRow; report: DocRow }> = [];
  for (const report of docs.filter((d) => d.doc_type === 'work_report')) {
    for (const plan of docs.filter((d) => PLAN_TYPES.includes(d.doc_type) && d.grp === report.grp && d.year === (report.review_year ?? report.year - 1))) {
      pairs.push({ plan, report });
    }
  }
  if (!pairs.length) return [];
  const weight = await termWeights(db);
  const ids = [...new Set(pairs.flatMap((p) => [p.plan.document_id, p.report.document_id]))];
  const items = await db.all<ItemRow>(
    `SELECT id AS item_id, document_id, path, kind, text FROM items WHERE document_id IN (${ids.map(() => '?').join(',')}) ORDER BY rowid`,
    ids,
  );
  return pairs.map(({ plan, report }) => {
    const sentences = items
      .filter((it) => it.document_id === report.document_id)
      .flatMap((it) => splitSentences(it.text).map((s) => ({ item: it.item_id, text: s, terms: new Set(itemTerms(s)) })));
    return {
      jurisdiction: plan.jurisdiction,
      year: plan.year,
      plan: { documentId: plan.document_id, title: plan.document_title, docType: plan.doc_type },
      report: { documentId: report.document_id, title: report.document_title },
      items: items
        .filter((it) => it.document_id === plan.document_id)
        .map((it) => {
          const best = bestSentence(it.text, sentences, weight);
          return {
            itemId: it.item_id,
            path: it.path,
            kind: it.kind,
            text: it.text,
            mentioned: best !== null && best.score >= threshold,
            score: best ? Math.round(best.score * 1000) / 1000 : 0,
            reportItem: best?.item ?? null,
            evidence: best?.text ?? null,
          };
        }),
    };
  });
}

/** Sentences of a report paragraph: the unit a report uses to say one thing was done. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！？!?])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

type Sentence = { item: string; text: string; terms: Set<string> };

function bestSentence(planned: string, sentences: Sentence[], weight: (t: string) => number) {
  // What the plan says about when and who (months, committees) is not what the report repeats.
  const subject = headline(planned);
  const terms = [...new Set(itemTerms(subject))].filter((t) => !ACT_WORDS.has(t));
  const laws = new Set(lawTerms(subject));
  const total = terms.reduce((s, t) => s + weight(t), 0);
  if (total === 0) return null;
  let best: { item: string; text: string; score: number } | null = null;
  for (const s of sentences) {
    let score = terms.reduce((acc, t) => acc + (s.terms.has(t) ? weight(t) : 0), 0) / total;
    // The same law named in both, where the report speaks of checking or implementing it (a law
    // named only in a list of drafts sent out for comment is not the plan's law check).
    if ([...laws].some((l) => s.terms.has(l)) && LAW_CHECK_WORDS.test(s.text)) score = Math.max(score, 1);
    if (!best || score > best.score) best = { item: s.item, text: s.text, score };
  }
  return best;
}

/**
 * Words that say what kind of act an item is, or who takes part, not what it is about: a plan's
 * 视察 of food safety is not the report's 视察 of school safety. The matter decides.
 */
const ACT_WORDS = new Set(
  `视察 调研 专题 询问 专题询问 执法 检查 执法检查 检查组 评议 测评 满意度 听取 审议 审查 批准 决议 决定 作出 组成 组成人员 成员 部分 代表 人大代表
   报告 综合 工作 情况 实施 贯彻 贯彻实施 开展 组织 推动 推进 加强 持续 深入 全面 进一步 提高 完善 初次 二次 表决 草案 修订`.split(/\s+/).filter(Boolean),
);

const LAW_CHECK_WORDS = /执法检查|检查|实施情况|贯彻/;

/**
 * What a planned item is: its first sentence, without when and who. Plans elaborate after the act
 * ("…的报告，结合审议开展专题询问。重点了解…"); reports name the act and move on, so the elaboration
 * only dilutes the share of the plan's words a report sentence can hold.
 */
export function headline(planned: string): string {
  const first = planned.split(/(?<=[。；;])/)[0] ?? planned;
  return first
    .replace(/[（(][^（）()]*(?:负责|月份?|会议|牵头)[^（）()]*[）)]/g, '')
    .replace(/由[^。；，]*(?:负责|牵头)/g, '')
    .replace(/拟?(?:安排)?在?\d{1,2}(?:月份?|—\d{1,2}月)[^。；，]*/g, '');
}

/** Inverse document frequency over every canonical item in the database. */
async function termWeights(db: Reader): Promise<(t: string) => number> {
  const rows = await db.all<{ text: string }>('SELECT text FROM v_items WHERE copy_of IS NULL');
  const df = new Map<string, number>();
  for (const r of rows) for (const t of new Set(itemTerms(r.text))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = rows.length;
  return (t) => Math.log(1 + n / ((df.get(t) ?? 0) + 1)) ** 2;
}
