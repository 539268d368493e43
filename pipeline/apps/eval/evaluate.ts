/**
 * The team's measure of extraction quality against gold: hand-checked files in the output format,
 * or answer keys (pipeline/apps/eval/answer-key.ts) that name items by their first characters. Items are
 * matched one-to-one, in order, within aligned documents: output-format gold by text similarity
 * (character-bigram Dice ≥ 0.8), keys by their start (match.ts). Kind, months, committee and organ
 * are then scored on matched items only (score.ts), so a segmentation error is counted once (in
 * precision/recall), not again in every field.
 */
import { basename } from 'node:path';
import { findByStem, loadGold, loadPredictions } from './load.js';
import { scoreSources, type Scores } from './score.js';

export interface FileScores extends Scores {
  gold: string;
  /** The gold file's source path (or, for a key, its own name), which names the fixture. */
  source: string;
  predicted: string | null;
  /** Every disagreement, as a line a person can check against the text. */
  misses: string[];
}

export async function evaluateDirs(
  goldDir: string,
  predDir: string,
  options: { matchedOnly?: boolean } = {},
): Promise<{ total: Scores; perFile: FileScores[]; problems: string[] }> {
  const problems: string[] = [];
  const gold = await loadGold(goldDir, problems);
  const pred = await loadPredictions(predDir, problems);
  const pairs = gold
    .map((g) => ({ g, p: pred.get(basename(g.file)) ?? findByStem(pred, g.stem) }))
    // Scoring a subset (only the PDF twins, say): gold files without a prediction are left out.
    .filter(({ p }) => p || !options.matchedOnly);
  const { total, perFile } = scoreSources(pairs.map(({ g, p }) => ({ gold: g.documents, pred: p?.result.documents ?? null })));
  return {
    total,
    perFile: perFile.map((s, k) => ({ gold: pairs[k].g.file, source: pairs[k].g.source, predicted: pairs[k].p?.file ?? null, ...s })),
    problems,
  };
}
