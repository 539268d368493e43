import type { Embedder } from './embed.js';
import type { CorpusItem } from './corpus.js';
import { itemTerms } from './terms.js';
import { TfIdfIndex } from './tfidf.js';

/**
 * A way of scoring how alike two items of the corpus are. The default is lexical (jieba + BM25
 * cosine, offline, explainable by the shared terms); a local sentence-embedding model is the
 * alternative for users who have one.
 */
export interface SimilarityIndex {
  /** Recorded with every stored pair, so a table says how it was computed. */
  readonly method: string;
  neighbours(doc: number, accept: (other: number) => boolean, limit: number, minScore: number): Array<{ doc: number; score: number }>;
  /** Cosine of two items of the corpus. */
  score(a: number, b: number): number;
  /** Words both items share, when the method can say. */
  shared(a: number, b: number): string[];
}

export const TFIDF_METHOD = 'bm25-cosine:jieba';

export function lexicalIndex(items: CorpusItem[]): SimilarityIndex {
  const index = TfIdfIndex.build(items.map((it) => itemTerms(it.text)));
  return {
    method: TFIDF_METHOD,
    neighbours: (doc, accept, limit, minScore) => index.neighbours(doc, accept, limit, minScore),
    score: (a, b) => index.cosine(a, b),
    shared: (a, b) => index.shared(a, b),
  };
}

/** Dense cosine over normalised embeddings: every pair is scored, so this is for corpora of thousands, not millions. */
export async function embeddingIndex(items: CorpusItem[], embedder: Embedder): Promise<SimilarityIndex> {
  const vectors = await embedder.embed(items.map((it) => it.text));
  return {
    method: embedder.id,
    neighbours(doc, accept, limit, minScore) {
      const q = vectors[doc]!;
      const out: Array<{ doc: number; score: number }> = [];
      vectors.forEach((v: Float32Array, other: number) => {
        if (other === doc || !accept(other)) return;
        const score = dot(q, v);
        if (score >= minScore) out.push({ doc: other, score });
      });
      out.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return out.slice(0, limit);
    },
    score: (a, b) => dot(vectors[a]!, vectors[b]!),
    shared: () => [],
  };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k]! * b[k]!;
  return sum;
}
