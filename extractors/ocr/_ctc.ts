/**
 * Greedy CTC decoding of the recogniser's output, as PaddleOCR's CTCLabelDecode: the most likely
 * class at each time step, repeats of the previous step collapsed, the blank (class 0) dropped.
 * The line's confidence is the mean probability of the characters kept.
 */
export function decodeCtc(probs: Float32Array, steps: number, classes: number, dictionary: string[]): { text: string; mean: number } {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row];
    for (let c = 1; c < classes; c++) {
      if (probs[row + c] > bestP) {
        bestP = probs[row + c];
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, mean: kept ? sum / kept : 0 };
}
