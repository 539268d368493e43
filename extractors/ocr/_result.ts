import type { OcrEngineName, OcrLine, OcrPageResult } from './types.js';

/** Lines in reading order → the page result; confidence is weighted by each line's visible characters. */
export function pageResult(engine: OcrEngineName, lines: OcrLine[], ms: number): OcrPageResult {
  let weight = 0;
  let sum = 0;
  for (const line of lines) {
    const n = line.text.replace(/\s/g, '').length;
    weight += n;
    sum += n * line.confidence;
  }
  return {
    text: lines.map((l) => l.text).join('\n'),
    confidence: weight ? sum / weight : 0,
    lines,
    engine,
    ms: Math.round(ms),
  };
}

export const clamp01 = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
