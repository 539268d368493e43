import type { Table } from '../table-format.js';
import type { PlanReportPair } from './plan-report.js';

/** The plan/report comparison as tables: one row per pair, and one per planned item. */
export function planReportSummary(pairs: PlanReportPair[]): Table {
  return {
    title: 'plans and reports',
    columns: ['jurisdiction', 'year', 'plan', 'plan_type', 'report', 'planned', 'mentioned', 'share'],
    rows: pairs.map((p) => {
      const mentioned = p.items.filter((i) => i.mentioned).length;
      return {
        jurisdiction: p.jurisdiction,
        year: p.year,
        plan: p.plan.title,
        plan_type: p.plan.docType,
        report: p.report.title,
        planned: p.items.length,
        mentioned,
        share: p.items.length ? Math.round((mentioned / p.items.length) * 1000) / 1000 : null,
      };
    }),
  };
}

export function planReportItems(pairs: PlanReportPair[], full: boolean): Table {
  const clip = (s: string | null, n: number) => (s === null || full || [...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…');
  return {
    title: 'planned items in the report',
    columns: ['jurisdiction', 'year', 'item', 'kind', 'mentioned', 'score', 'planned', 'report_item', 'evidence'],
    rows: pairs.flatMap((p) =>
      p.items.map((i) => ({
        jurisdiction: p.jurisdiction,
        year: p.year,
        item: i.itemId,
        kind: i.kind,
        mentioned: i.mentioned ? 'yes' : 'no',
        score: i.score,
        planned: clip(i.text, 30),
        report_item: i.mentioned ? i.reportItem : null,
        evidence: i.mentioned ? clip(i.evidence, 40) : null,
      })),
    ),
  };
}
