import type { Pooling } from './_embed-folder.js';

/**
 * One L2-normalised vector per sequence from a model's token vectors. `hidden` is the row-major
 * [batch, sequence, dim] `last_hidden_state`; `mask` marks real tokens (1) against padding (0), so
 * padding never enters the mean. CLS takes position 0 (BERT's [CLS]); mean averages the real
 * tokens. Sums run in float64 and are rounded to float32 once, at the end.
 */
export function poolAndNormalise(
  hidden: Float32Array,
  dims: readonly number[],
  mask: ArrayLike<bigint | number>,
  pooling: Pooling,
): Float32Array[] {
  const [batch, sequence, dim] = dims;
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const sum = new Float64Array(dim);
    if (pooling === 'cls') {
      const at = b * sequence * dim;
      for (let d = 0; d < dim; d++) sum[d] = hidden[at + d];
    } else {
      let count = 0;
      for (let t = 0; t < sequence; t++) {
        if (Number(mask[b * sequence + t]) === 0) continue;
        count++;
        const at = (b * sequence + t) * dim;
        for (let d = 0; d < dim; d++) sum[d] += hidden[at + d];
      }
      for (let d = 0; d < dim; d++) sum[d] /= Math.max(count, 1);
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += sum[d] * sum[d];
    norm = Math.sqrt(norm);
    // A zero vector stays zero rather than becoming NaNs that would poison every cosine.
    const vector = new Float32Array(dim);
    if (norm > 0) for (let d = 0; d < dim; d++) vector[d] = sum[d] / norm;
    out.push(vector);
  }
  return out;
}
