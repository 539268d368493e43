// Character error rate's numerator, shared by the OCR benches: the Levenshtein distance between two
// strings, counted in code points (Chinese characters outside the BMP are one character, not two).
export function editDistance(a, b) {
  const A = [...a];
  const B = [...b];
  let prev = new Int32Array(B.length + 1).map((_, j) => j);
  let cur = new Int32Array(B.length + 1);
  for (let i = 1; i <= A.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[B.length];
}

/** Characters compared without whitespace, with full- and half-width punctuation folded together. */
export const fold = (s) =>
  s
    .replace(/\s+/g, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[“”]/g, '"')
    .replace(/[—–]/g, '-');
