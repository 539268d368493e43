/**
 * One colour per kind, the same in every chart and in the table's legend (Tableau 10, which stays
 * distinguishable for the common colour-vision deficiencies). Kinds beyond the vocabulary get grey.
 */
const KIND_COLOURS: Record<string, string> = {
  law_check: '#e15759',
  decision: '#b07aa1',
  inquiry: '#f28e2b',
  evaluation: '#edc948',
  report: '#4e79a7',
  legislation: '#59a14f',
  research: '#76b7b2',
  appointment: '#9c755f',
  deputy: '#ff9da7',
  other: '#bab0ac',
};

export function kindColour(kind: string): string {
  return Object.hasOwn(KIND_COLOURS, kind) ? KIND_COLOURS[kind] : '#8c8c8c';
}

/** Numbers placed into SVG geometry: rounded so the markup stays short and stable. */
export const px = (n: number): string => String(Math.round(n * 100) / 100);
