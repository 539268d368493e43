import type { CorpusItem } from './corpus.js';
import { neighboursOf } from './find.js';
import type { SimilarityIndex } from './method.js';

/**
 * How well a similarity method agrees with hand labels (test/similar/labels.json): precision of
 * the first five items returned for each query, and the share of labelled pairs it calls right
 * at its threshold.
 */
export interface SimilarLabels {
  queries: Array<{ item: string; text: string; relevant: Array<{ item: string; text: string; grade: number }> }>;
  pairs: Array<{ a: string; b: string; aText: string; bText: string; similar: boolean }>;
}

export interface SimilarScore {
  queries: number;
  /** Mean share of the top 5 that are relevant (grade ≥ 1), over queries with any relevant item. */
  precisionAt5: number;
  /** The same, counting only items of grade 2 (same matter and same act) as relevant. */
  precisionAt5Strict: number;
  /** Mean of (relevant in top 5) / min(5, relevant that exist): 1 when nothing better was possible. */
  attainableAt5: number;
  /** Mean reciprocal rank of the first relevant item. */
  mrr: number;
  /** Queries with nothing relevant elsewhere for which the method returned nothing above its threshold. */
  emptyWhenNothing: [number, number];
  pairs: number;
  pairAccuracy: number;
  /** The labelled items missing from the corpus or whose text changed: the labels need a look. */
  drift: string[];
}

export function scoreSimilar(items: CorpusItem[], index: SimilarityIndex, labels: SimilarLabels, minScore: number): SimilarScore {
  const at = new Map(items.map((it, k) => [it.id, k]));
  const drift: string[] = [];
  const check = (id: string, text: string) => {
    const k = at.get(id);
    if (k === undefined) drift.push(`${id}: not in the corpus`);
    else if (!items[k]!.text.startsWith(text)) drift.push(`${id}: text now starts '${items[k]!.text.slice(0, 40)}'`);
    return k;
  };
  let withRelevant = 0;
  let p5 = 0;
  let p5strict = 0;
  let attainable = 0;
  let mrr = 0;
  const empty: [number, number] = [0, 0];
  for (const q of labels.queries) {
    const k = check(q.item, q.text);
    for (const r of q.relevant) check(r.item, r.text);
    if (k === undefined) continue;
    const found = neighboursOf(items, index, k, 5, minScore).map((n) => n.id);
    const grade = new Map(q.relevant.map((r) => [r.item, r.grade]));
    if (!q.relevant.length) {
      empty[1]++;
      if (!found.length) empty[0]++;
      continue;
    }
    withRelevant++;
    const hits = found.filter((id) => (grade.get(id) ?? 0) >= 1).length;
    p5 += hits / 5;
    p5strict += found.filter((id) => grade.get(id) === 2).length / 5;
    attainable += hits / Math.min(5, q.relevant.length);
    const first = found.findIndex((id) => (grade.get(id) ?? 0) >= 1);
    mrr += first < 0 ? 0 : 1 / (first + 1);
  }
  let right = 0;
  let pairs = 0;
  for (const p of labels.pairs) {
    const a = check(p.a, p.aText);
    const b = check(p.b, p.bText);
    if (a === undefined || b === undefined) continue;
    pairs++;
    if (index.score(a, b) >= minScore === p.similar) right++;
  }
  const mean = (x: number) => Math.round((x / Math.max(1, withRelevant)) * 1000) / 1000;
  return {
    queries: labels.queries.length,
    precisionAt5: mean(p5),
    precisionAt5Strict: mean(p5strict),
    attainableAt5: mean(attainable),
    mrr: mean(mrr),
    emptyWhenNothing: empty,
    pairs,
    pairAccuracy: Math.round((right / Math.max(1, pairs)) * 1000) / 1000,
    drift,
  };
}
