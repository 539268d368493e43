import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SourceResult, type Document, type Item } from '../schemas/index.js';

/**
 * The team's measure of extraction quality against hand-checked gold files in the output format.
 * Items are matched one-to-one by text similarity (character-bigram Dice ≥ 0.8), in order, within
 * aligned documents; kind, months and committee are then scored on matched items only, so a
 * segmentation error is counted once (in precision/recall), not again in every field.
 */
export interface Scores {
  files: number;
  goldItems: number;
  predictedItems: number;
  matchedItems: number;
  precision: number;
  recall: number;
  f1: number;
  kindAccuracy: number;
  monthsExact: number;
  committeeAccuracy: number;
  documentMetadataAccuracy: number;
}

export interface FileScores extends Scores {
  gold: string;
  /** The gold file's source path, which names the fixture. */
  source: string;
  predicted: string | null;
}

const MATCH_THRESHOLD = 0.8;

export async function evaluateDirs(
  goldDir: string,
  predDir: string,
  options: { matchedOnly?: boolean } = {},
): Promise<{ total: Scores; perFile: FileScores[]; problems: string[] }> {
  const problems: string[] = [];
  const gold = await loadDir(goldDir, problems);
  const pred = await loadDir(predDir, problems);
  const perFile: FileScores[] = [];
  const acc = newAcc();
  let files = 0;
  for (const [name, g] of gold) {
    const p = pred.get(name) ?? findByStem(pred, g);
    // Scoring a subset (only the PDF twins, say): gold files without a prediction are left out.
    if (!p && options.matchedOnly) continue;
    files++;
    const fileAcc = newAcc();
    scoreSource(g.result, p?.result ?? null, fileAcc);
    addAcc(acc, fileAcc);
    perFile.push({ gold: g.file, source: g.result.source.path, predicted: p?.file ?? null, ...finish(fileAcc, 1) });
  }
  return { total: finish(acc, files), perFile, problems };
}

interface Loaded {
  file: string;
  result: SourceResult;
}

/**
 * Every output-format file in a folder. JSON that is not a source result (a notes file, a list of
 * known differences) is passed over; a file that looks like one but is broken is a problem to report.
 */
async function loadDir(dir: string, problems: string[]): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>();
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      problems.push(`${path}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    if (typeof raw !== 'object' || raw === null || !('schemaVersion' in raw)) continue;
    const parsed = SourceResult.safeParse(raw);
    if (parsed.success) out.set(f, { file: path, result: parsed.data });
    else problems.push(`${path}: not in the output format (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  }
  return out;
}

/** Twins (a PDF or OCR of a text fixture) share the file stem of their source path. */
function findByStem(pred: Map<string, Loaded>, g: Loaded): Loaded | undefined {
  const stem = (p: string) => basename(p, extname(p));
  return [...pred.values()].find((p) => stem(p.result.source.path) === stem(g.result.source.path));
}

interface Acc {
  gold: number;
  pred: number;
  matched: number;
  kind: number;
  months: number;
  committee: number;
  metaRight: number;
  metaTotal: number;
}

const newAcc = (): Acc => ({ gold: 0, pred: 0, matched: 0, kind: 0, months: 0, committee: 0, metaRight: 0, metaTotal: 0 });

function addAcc(a: Acc, b: Acc): void {
  for (const k of Object.keys(a) as Array<keyof Acc>) a[k] += b[k];
}

function scoreSource(gold: SourceResult, pred: SourceResult | null, acc: Acc): void {
  const predDocs = pred?.documents ?? [];
  gold.documents.forEach((gd, k) => {
    const pd = predDocs.find((d) => d.title === gd.title) ?? predDocs[k] ?? null;
    acc.gold += gd.items.length;
    scoreMetadata(gd, pd, acc);
    if (!pd) return;
    for (const [gi, pi] of matchItems(gd.items, pd.items)) {
      acc.matched++;
      if (gi.kind === pi.kind) acc.kind++;
      if (gi.months.join(',') === pi.months.join(',')) acc.months++;
      if ((gi.committee?.key ?? null) === (pi.committee?.key ?? null)) acc.committee++;
    }
  });
  // Predicted items in documents the gold does not have are false positives too.
  acc.pred += predDocs.reduce((n, d) => n + d.items.length, 0);
}

function scoreMetadata(gd: Document, pd: Document | null, acc: Acc): void {
  const fields: Array<(d: Document) => unknown> = [(d) => d.docType, (d) => d.year, (d) => d.jurisdiction.code, (d) => d.jurisdiction.level];
  for (const f of fields) {
    acc.metaTotal++;
    if (pd && f(pd) === f(gd)) acc.metaRight++;
  }
}

/** Greedy in-order matching: documents list items in reading order, so search forward only. */
export function matchItems(gold: Item[], pred: Item[]): Array<[Item, Item]> {
  const pairs: Array<[Item, Item]> = [];
  const used = new Set<number>();
  let from = 0;
  for (const g of gold) {
    let best = -1;
    let bestScore = MATCH_THRESHOLD;
    for (let j = from; j < pred.length && j < from + 40; j++) {
      if (used.has(j)) continue;
      const s = dice(g.text, pred[j].text);
      if (s >= bestScore) [best, bestScore] = [j, s];
      if (s === 1) break;
    }
    if (best >= 0) {
      used.add(best);
      pairs.push([g, pred[best]]);
      from = best + 1;
    }
  }
  return pairs;
}

function bigrams(s: string): Map<string, number> {
  const t = s.replace(/\s+/g, '');
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const A = bigrams(a);
  const B = bigrams(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of A.values()) na += v;
  for (const v of B.values()) nb += v;
  for (const [k, v] of A) inter += Math.min(v, B.get(k) ?? 0);
  return na + nb === 0 ? 0 : (2 * inter) / (na + nb);
}

function finish(a: Acc, files: number): Scores {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const precision = a.pred ? a.matched / a.pred : 0;
  const recall = a.gold ? a.matched / a.gold : 0;
  return {
    files,
    goldItems: a.gold,
    predictedItems: a.pred,
    matchedItems: a.matched,
    precision: r(precision),
    recall: r(recall),
    f1: r(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    kindAccuracy: r(a.matched ? a.kind / a.matched : 0),
    monthsExact: r(a.matched ? a.months / a.matched : 0),
    committeeAccuracy: r(a.matched ? a.committee / a.matched : 0),
    documentMetadataAccuracy: r(a.metaTotal ? a.metaRight / a.metaTotal : 0),
  };
}
