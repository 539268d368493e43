import type { CorpusItem } from './corpus.js';
import type { SimilarityIndex } from './method.js';

export interface Neighbour {
  id: string;
  score: number;
  shared: string[];
}

/**
 * Below this cosine two items share only incidental words. Chosen on the hand-labelled pairs
 * (test/similar/labels.json): the threshold that best separates similar from dissimilar pairs.
 */
export const DEFAULT_MIN_SCORE = 0.12;

/** Items of other jurisdictions most like corpus item `doc`, best first. */
export function neighboursOf(
  items: CorpusItem[],
  index: SimilarityIndex,
  doc: number,
  limit: number,
  minScore = DEFAULT_MIN_SCORE,
  explain = true,
): Neighbour[] {
  const group = items[doc]!.group;
  return index
    .neighbours(doc, (other) => items[other]!.group !== group, limit, minScore)
    .map((n) => ({ id: items[n.doc]!.id, score: n.score, shared: explain ? index.shared(doc, n.doc) : [] }));
}
