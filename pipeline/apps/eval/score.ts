/**
 * Counting agreement with the gold: items matched (match.ts) give precision and recall; kind,
 * months, committee and organ are then scored on matched items only, so a segmentation error is
 * counted once (in precision/recall), not again in every field. Every disagreement is kept as a
 * line a person can check.
 */
import type { Document } from '../../../schemas/index.js';
import type { GoldDocument, GoldItem } from './gold.js';
import { matchGold } from './match.js';

/** What `renda eval` reports, for one source or for all together. */
export interface Scores {
  files: number;
  goldItems: number;
  predictedItems: number;
  matchedItems: number;
  precision: number;
  recall: number;
  f1: number;
  kindAccuracy: number;
  monthsExact: number;
  committeeAccuracy: number;
  /** On matched items whose gold names an organ field (keys may leave it out). */
  organAccuracy: number;
  /** docType, year, jurisdiction code and level together. */
  documentMetadataAccuracy: number;
  docTypeAccuracy: number;
  yearAccuracy: number;
  jurisdictionCodeAccuracy: number;
  /** On work reports whose gold states the year reported on. */
  reviewYearAccuracy: number;
}

/** Score sources against their gold, each and all together (in memory: tests, benchmarks). */
export function scoreSources(pairs: Array<{ gold: GoldDocument[]; pred: Document[] | null }>): {
  total: Scores;
  perFile: Array<Scores & { misses: string[] }>;
} {
  const acc = newAcc();
  const perFile = pairs.map(({ gold, pred }) => {
    const fileAcc = newAcc();
    scoreSource(gold, pred, fileAcc);
    addAcc(acc, fileAcc);
    return { ...finish(fileAcc, 1), misses: fileAcc.misses };
  });
  return { total: finish(acc, pairs.length), perFile };
}

interface Acc {
  gold: number;
  pred: number;
  matched: number;
  kind: number;
  months: number;
  committee: number;
  organ: number;
  organTotal: number;
  metaRight: number;
  metaTotal: number;
  docs: number;
  docType: number;
  year: number;
  code: number;
  reviewYear: number;
  reviewYearTotal: number;
  misses: string[];
}

const newAcc = (): Acc => ({
  gold: 0, pred: 0, matched: 0, kind: 0, months: 0, committee: 0, organ: 0, organTotal: 0, metaRight: 0, metaTotal: 0,
  docs: 0, docType: 0, year: 0, code: 0, reviewYear: 0, reviewYearTotal: 0, misses: [],
});

function addAcc(a: Acc, b: Acc): void {
  for (const k of Object.keys(a) as Array<keyof Acc>) {
    if (k === 'misses') a.misses.push(...b.misses);
    else a[k] += b[k];
  }
}

function scoreSource(gold: GoldDocument[], pred: Document[] | null, acc: Acc): void {
  const predDocs = pred ?? [];
  gold.forEach((gd, k) => {
    const pd = (gd.title !== null ? predDocs.find((d) => d.title === gd.title) : undefined) ?? predDocs[k] ?? null;
    acc.gold += gd.items.length;
    scoreMetadata(gd, pd, acc);
    if (!pd) {
      if (gd.items.length) acc.misses.push(`no document for gold document ${k + 1} (${gd.items.length} items)`);
      return;
    }
    const pairs = matchGold(gd.items, pd.items);
    const matched = new Set(pairs.map(([g]) => g));
    for (const g of gd.items) if (!matched.has(g)) acc.misses.push(`missing item "${label(g)}"`);
    const used = new Set(pairs.map(([, p]) => p));
    for (const p of pd.items) if (!used.has(p)) acc.misses.push(`extra item "${p.text.slice(0, 24)}"`);
    for (const [gi, pi] of pairs) {
      acc.matched++;
      const check = (field: string, want: unknown, got: unknown): number => {
        const ok = JSON.stringify(want) === JSON.stringify(got);
        if (!ok) acc.misses.push(`${field} "${label(gi)}": gold ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        return ok ? 1 : 0;
      };
      acc.kind += check('kind', gi.kind, pi.kind);
      acc.months += check('months', gi.months, pi.months);
      acc.committee += check('committee', gi.committee, pi.committee?.key ?? null);
      if (gi.organ !== undefined) {
        acc.organTotal++;
        acc.organ += check('organ', gi.organ, pi.organ);
      }
    }
  });
  // Predicted items in documents the gold does not have are false positives too.
  acc.pred += predDocs.reduce((n, d) => n + d.items.length, 0);
  for (const d of predDocs.slice(gold.length)) if (d.items.length) acc.misses.push(`extra document "${d.title.slice(0, 24)}" (${d.items.length} items)`);
}

const label = (g: GoldItem) => (g.start ?? g.text ?? '').slice(0, 24);

function scoreMetadata(gd: GoldDocument, pd: Document | null, acc: Acc): void {
  const field = (name: string, want: unknown, got: unknown): number => {
    const ok = pd !== null && want === got;
    if (!ok) acc.misses.push(`${name}: gold ${JSON.stringify(want)}, got ${pd ? JSON.stringify(got) : 'no document'}`);
    return ok ? 1 : 0;
  };
  const docType = field('docType', gd.docType, pd?.docType);
  const year = field('year', gd.year, pd?.year);
  const code = field('jurisdiction code', gd.code, pd?.jurisdiction.code);
  const level = field('level', gd.level, pd?.jurisdiction.level);
  acc.docs++;
  acc.docType += docType;
  acc.year += year;
  acc.code += code;
  acc.metaRight += docType + year + code + level;
  acc.metaTotal += 4;
  if (gd.reviewYear !== undefined && gd.reviewYear !== null) {
    acc.reviewYearTotal++;
    // Output written before schema 1.3.0 has no reviewYear: it meets null.
    acc.reviewYear += field('reviewYear', gd.reviewYear, pd?.reviewYear ?? null);
  }
}

function finish(a: Acc, files: number): Scores {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const ratio = (x: number, n: number) => r(n ? x / n : 0);
  const precision = a.pred ? a.matched / a.pred : 0;
  const recall = a.gold ? a.matched / a.gold : 0;
  return {
    files,
    goldItems: a.gold,
    predictedItems: a.pred,
    matchedItems: a.matched,
    precision: r(precision),
    recall: r(recall),
    f1: r(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    kindAccuracy: ratio(a.kind, a.matched),
    monthsExact: ratio(a.months, a.matched),
    committeeAccuracy: ratio(a.committee, a.matched),
    organAccuracy: ratio(a.organ, a.organTotal),
    documentMetadataAccuracy: ratio(a.metaRight, a.metaTotal),
    docTypeAccuracy: ratio(a.docType, a.docs),
    yearAccuracy: ratio(a.year, a.docs),
    jurisdictionCodeAccuracy: ratio(a.code, a.docs),
    reviewYearAccuracy: ratio(a.reviewYear, a.reviewYearTotal),
  };
}
