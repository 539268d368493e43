/**
 * BM25-weighted term vectors and their cosine. Each item becomes a sparse vector: a term's weight
 * is its saturated frequency in the item (BM25's tf part, so a word said three times does not
 * count three times as much) times its rarity in the corpus (BM25's idf). Vectors are L2-normalised,
 * so the dot product is the cosine, and an inverted index makes one item's neighbours cost only
 * the postings of its own terms.
 */
export type SparseVector = Map<number, number>;

const K1 = 1.2;
const B = 0.75;
/**
 * Terms in more than this share of items say nothing about the matter (工作, 情况 survive the stop
 * list in every corpus); skipping them also keeps the inverted index's longest postings out of
 * every lookup.
 */
const MAX_DF_SHARE = 0.25;
/** Candidate generation skips terms in more than this share of items (and more than the floor). */
const CANDIDATE_DF_SHARE = 0.02;
const CANDIDATE_DF_FLOOR = 100;
/**
 * Items scored for one lookup, at most, rarest terms' postings first. A matter every jurisdiction's
 * plan names ("…计划执行情况的报告") has thousands of near-twins in a large archive; scoring them all
 * for every item made the table's rebuild grow with the square of the corpus. Its top ten are found
 * among the first few hundred, which score alike.
 */
const MAX_CANDIDATES = 300;
/** The rarest terms of an item are always used to find candidates. */
const MIN_CANDIDATE_TERMS = 3;
/** Below this many items a share says little: no term is dropped for being common. */
const MIN_CORPUS_FOR_CUTOFF = 40;

export class TfIdfIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly vectors: SparseVector[] = [];
  private readonly postings: Array<Array<[doc: number, weight: number]>> = [];

  private constructor() {}

  static build(docs: string[][]): TfIdfIndex {
    const index = new TfIdfIndex();
    const df: number[] = [];
    const counted = docs.map((terms) => {
      const tf = new Map<number, number>();
      for (const t of terms) {
        let id = index.vocabulary.get(t);
        if (id === undefined) {
          id = index.vocabulary.size;
          index.vocabulary.set(t, id);
          index.names.push(t);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const id of tf.keys()) df[id]!++;
      return { tf, length: terms.length };
    });
    const n = docs.length;
    const avgLength = counted.reduce((s, d) => s + d.length, 0) / Math.max(1, n);
    const idf = df.map((d) => (n >= MIN_CORPUS_FOR_CUTOFF && d > n * MAX_DF_SHARE ? 0 : Math.log(1 + (n - d + 0.5) / (d + 0.5))));
    for (const { tf, length } of counted) {
      const v: SparseVector = new Map();
      let norm = 0;
      for (const [id, f] of tf) {
        const w = idf[id]! * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / Math.max(1, avgLength))));
        if (w <= 0) continue;
        v.set(id, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      for (const [id, w] of v) v.set(id, w / norm);
      index.vectors.push(v);
    }
    index.vectors.forEach((v, doc) => {
      for (const [id, w] of v) (index.postings[id] ??= []).push([doc, w]);
    });
    return index;
  }

  get size(): number {
    return this.vectors.length;
  }

  /**
   * Documents most like `doc`, best first. Candidates come from the postings of the document's
   * rarer terms only (a term in thousands of items would make every lookup touch thousands of
   * items, and such terms weigh little in any cosine anyway); each candidate is then scored with
   * the exact cosine over all terms. This keeps the whole-corpus table near linear in practice.
   */
  neighbours(doc: number, accept: (other: number) => boolean, limit: number, minScore = 0): Array<{ doc: number; score: number }> {
    const v = this.vectors[doc];
    if (!v?.size) return [];
    const cap = Math.max(CANDIDATE_DF_FLOOR, this.vectors.length * CANDIDATE_DF_SHARE);
    const terms = [...v.keys()].sort((a, b) => this.postings[a]!.length - this.postings[b]!.length);
    // At least the rarest few terms are always used, so an item of common words still finds its peers.
    const used = terms.filter((id, k) => k < MIN_CANDIDATE_TERMS || this.postings[id]!.length <= cap);
    const candidates = new Set<number>();
    gather: for (const id of used) {
      for (const [other] of this.postings[id]!) {
        if (other !== doc) candidates.add(other);
        if (candidates.size >= MAX_CANDIDATES) break gather;
      }
    }
    const out: Array<{ doc: number; score: number }> = [];
    for (const other of candidates) {
      if (!accept(other)) continue;
      const score = this.cosine(doc, other);
      if (score >= minScore) out.push({ doc: other, score });
    }
    // Ties broken by position, so the answer never depends on Set iteration order.
    out.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return out.slice(0, limit);
  }

  cosine(a: number, b: number): number {
    const [small, large] = this.vectors[a]!.size <= this.vectors[b]!.size ? [this.vectors[a]!, this.vectors[b]!] : [this.vectors[b]!, this.vectors[a]!];
    let dot = 0;
    for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
    return dot;
  }

  /** The terms two documents share, heaviest first: why they were found similar. */
  shared(a: number, b: number, max = 5): string[] {
    const va = this.vectors[a]!;
    const vb = this.vectors[b]!;
    return [...va]
      .filter(([id]) => vb.has(id))
      .map(([id, w]) => ({ term: this.names[id]!, w: w * vb.get(id)! }))
      .sort((x, y) => y.w - x.w)
      .slice(0, max)
      .map((x) => x.term);
  }
}
