import { loadCorpus, type Reader } from './corpus.js';
import { neighboursOf } from './find.js';
import { lexicalIndex, type SimilarityIndex } from './method.js';
import type { CorpusItem } from './corpus.js';

export interface SimilarRow {
  itemId: string;
  otherId: string;
  rank: number;
  score: number;
  method: string;
}

export interface SimilarWriter extends Reader {
  replaceSimilar(rows: SimilarRow[]): Promise<void>;
}

/** Neighbours kept per item in the table; `renda similar <id>` computes more on demand. */
export const TABLE_TOP = 10;

/**
 * Recompute the similar-items table over the whole corpus. Similarity depends on every item (a
 * term's weight is its rarity in the corpus), so a new batch changes old items' neighbours too:
 * the table is rebuilt, not patched.
 */
export async function buildSimilar(
  store: SimilarWriter,
  makeIndex: (items: CorpusItem[]) => Promise<SimilarityIndex> | SimilarityIndex = lexicalIndex,
): Promise<{ items: number; pairs: number; method: string; seconds: number }> {
  const started = performance.now();
  const items = await loadCorpus(store);
  const index = await makeIndex(items);
  const rows: SimilarRow[] = [];
  for (let doc = 0; doc < items.length; doc++) {
    neighboursOf(items, index, doc, TABLE_TOP, undefined, false).forEach((n, k) =>
      rows.push({ itemId: items[doc]!.id, otherId: n.id, rank: k + 1, score: Math.round(n.score * 1e4) / 1e4, method: index.method }),
    );
  }
  await store.replaceSimilar(rows);
  return { items: items.length, pairs: rows.length, method: index.method, seconds: Math.round(performance.now() - started) / 1000 };
}
