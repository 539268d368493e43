import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Document } from '../schemas/index.js';
import { analyse } from '../pipeline/analyse/analyse.js';
import { AnswerKey } from '../pipeline/apps/eval/answer-key.js';
import { goldFromKey, type GoldDocument } from '../pipeline/apps/eval/gold.js';
import { scoreSources, type Scores } from '../pipeline/apps/eval/score.js';
import { normalise } from '../pipeline/normalise/normalise.js';
import { readAndExtract } from '../pipeline/extract/extract.js';

/**
 * Scores renda on a fixture folder whose answer keys (`answers/<stem>.json`, written by hand
 * before renda was run on the files) name each item by its first characters. The documents go
 * through the same stages as `renda ingest` (read → normalise → analyse), in memory, and are
 * scored by the same code as `renda eval`.
 */
export interface KeyedRow extends Scores {
  file: string;
  misses: string[];
}

export interface KeyedScores {
  rows: KeyedRow[];
  total: Scores;
}

const SOURCE = /\.(txt|html?|pdf|docx|jpe?g|png|tiff?)$/;

export async function scoreKeyed(folder: string, options: { keys?: string; only?: (stem: string) => boolean } = {}): Promise<KeyedScores> {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  const keys = new URL(`${options.keys ?? 'answers'}/`, dir);
  const pairs: Array<{ gold: GoldDocument[]; pred: Document[] }> = [];
  const files: string[] = [];
  for (const f of readdirSync(dir).filter((n) => SOURCE.test(n)).sort()) {
    const stem = f.replace(/\.\w+$/, '');
    if (options.only && !options.only(stem)) continue;
    const gold = goldFromKey(AnswerKey.parse(JSON.parse(readFileSync(new URL(`${stem}.json`, keys), 'utf8'))));
    const read = await readAndExtract(fileURLToPath(new URL(f, dir)));
    const pred = analyse({ sourceId: read.id, normalised: normalise(read.extracted), meta: read.extracted.meta });
    pairs.push({ gold, pred });
    files.push(f);
  }
  const { total, perFile } = scoreSources(pairs);
  return { rows: perFile.map((s, k) => ({ file: files[k], ...s })), total };
}

const COLUMNS: Array<[string, (s: Scores) => string]> = [
  ['key items', (s) => String(s.goldItems)],
  ['predicted', (s) => String(s.predictedItems)],
  ['P', (s) => s.precision.toFixed(3)],
  ['R', (s) => s.recall.toFixed(3)],
  ['F1', (s) => s.f1.toFixed(3)],
  ['kind', (s) => s.kindAccuracy.toFixed(3)],
  ['months', (s) => s.monthsExact.toFixed(3)],
  ['committee', (s) => s.committeeAccuracy.toFixed(3)],
  ['organ', (s) => s.organAccuracy.toFixed(3)],
  ['docType', (s) => s.docTypeAccuracy.toFixed(3)],
  ['year', (s) => s.yearAccuracy.toFixed(3)],
  ['code', (s) => s.jurisdictionCodeAccuracy.toFixed(3)],
  ['meta', (s) => s.documentMetadataAccuracy.toFixed(3)],
];

/** A Markdown table, as the README and fixture READMEs print scores. */
export function table({ rows, total }: KeyedScores): string {
  const line = (name: string, s: Scores) => `| ${name} | ${COLUMNS.map(([, cell]) => cell(s)).join(' | ')} |`;
  return [
    `| file | ${COLUMNS.map(([h]) => h).join(' | ')} |`,
    `|---|${COLUMNS.map(() => '---:').join('|')}|`,
    ...rows.map((r) => line(r.file, r)),
    line('**total**', total),
  ].join('\n');
}
