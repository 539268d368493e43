import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SourceResult, type CommitteeKey, type DocType, type Document, type Item, type ItemKind, type Level, type Organ } from '../../../schemas/index.js';
import { AnswerKey, keyDocuments, looksLikeKey } from './answer-key.js';
import { normalise } from '../../normalise/normalise.js';
import { dropPinyinGlosses } from '../../text/pinyin.js';
import { convertTraditional } from '../../text/simplify.js';

/**
 * The team's measure of extraction quality against gold: hand-checked files in the output format,
 * or answer keys (pipeline/apps/eval/answer-key.ts) that name items by their first characters. Items are
 * matched one-to-one, in order, within aligned documents: output-format gold by text similarity
 * (character-bigram Dice ≥ 0.8), keys by their start. Kind, months, committee and organ are then
 * scored on matched items only, so a segmentation error is counted once (in precision/recall), not
 * again in every field.
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
  /** On matched items whose gold names an organ field (keys may leave it out). */
  organAccuracy: number;
  /** docType, year, jurisdiction code and level together. */
  documentMetadataAccuracy: number;
  docTypeAccuracy: number;
  yearAccuracy: number;
  jurisdictionCodeAccuracy: number;
  /** On work reports whose gold states the year reported on. */
  reviewYearAccuracy: number;
}

export interface FileScores extends Scores {
  gold: string;
  /** The gold file's source path (or, for a key, its own name), which names the fixture. */
  source: string;
  predicted: string | null;
  /** Every disagreement, as a line a person can check against the text. */
  misses: string[];
}

/** Gold in one shape, whichever file it came from. */
export interface GoldDocument {
  title: string | null;
  docType: DocType;
  year: number | null;
  reviewYear?: number | null;
  code: string | null;
  level: Level | null;
  items: GoldItem[];
}
export interface GoldItem {
  /** The whole item text (output-format gold) … */
  text?: string;
  /** … or its first characters (a key). */
  start?: string;
  kind: ItemKind;
  months: number[];
  committee: CommitteeKey | null;
  organ?: Organ | null;
}

const MATCH_THRESHOLD = 0.8;
/** Items are looked for this far ahead of the last match. */
const WINDOW = 40;

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

/** Score sources against their gold, each and all together (in memory: tests, benchmarks). */
export function scoreSources(pairs: Array<{ gold: GoldDocument[]; pred: Document[] | null }>): {
  total: Scores;
  perFile: Array<Scores & { misses: string[] }>;
} {
  const acc = newAcc();
  const perFile = pairs.map(({ gold, pred }) => {
    const fileAcc = newAcc();
    scoreSource(gold, pred, fileAcc);
    addAcc(acc, fileAcc);
    return { ...finish(fileAcc, 1), misses: fileAcc.misses };
  });
  return { total: finish(acc, pairs.length), perFile };
}

export function goldFromOutput(result: SourceResult): GoldDocument[] {
  return result.documents.map((d) => ({
    title: d.title,
    docType: d.docType,
    year: d.year,
    reviewYear: d.reviewYear,
    code: d.jurisdiction.code,
    level: d.jurisdiction.level,
    items: d.items.map((it) => ({ text: it.text, kind: it.kind, months: it.months, committee: it.committee?.key ?? null, organ: it.organ })),
  }));
}

export function goldFromKey(key: AnswerKey): GoldDocument[] {
  return keyDocuments(key).map((d) => ({
    title: d.title,
    docType: d.docType,
    year: d.year,
    reviewYear: d.reviewYear,
    code: d.jurisdiction.code,
    level: d.jurisdiction.level,
    items: d.items.map((it) => ({ start: it.start, kind: it.kind, months: it.months, committee: it.committee, organ: it.organ })),
  }));
}

interface LoadedGold {
  file: string;
  source: string;
  /** The stem that names the fixture: the source path's for output gold, the key's own for a key. */
  stem: string;
  documents: GoldDocument[];
}
interface Loaded {
  file: string;
  result: SourceResult;
}

const stemOf = (p: string) => basename(p, extname(p));

/**
 * Every gold file in a folder: output-format files and answer keys. JSON that is neither (a notes
 * file, a list of known differences) is passed over; a file that claims to be one but is broken is
 * a problem to report.
 */
async function loadGold(dir: string, problems: string[]): Promise<LoadedGold[]> {
  const out: LoadedGold[] = [];
  for (const { path, raw } of await readJsonDir(dir, problems)) {
    if ('schemaVersion' in raw) {
      const parsed = SourceResult.safeParse(raw);
      if (parsed.success) out.push({ file: path, source: parsed.data.source.path, stem: stemOf(parsed.data.source.path), documents: goldFromOutput(parsed.data) });
      else problems.push(describe(path, 'not in the output format', parsed.error));
    } else if (looksLikeKey(raw)) {
      const parsed = AnswerKey.safeParse(raw);
      if (parsed.success) out.push({ file: path, source: basename(path), stem: stemOf(path), documents: goldFromKey(parsed.data) });
      else problems.push(describe(path, 'not an answer key', parsed.error));
    }
  }
  return out;
}

async function loadPredictions(dir: string, problems: string[]): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>();
  for (const { path, raw } of await readJsonDir(dir, problems)) {
    if (!('schemaVersion' in raw)) continue;
    const parsed = SourceResult.safeParse(raw);
    if (parsed.success) out.set(basename(path), { file: path, result: parsed.data });
    else problems.push(describe(path, 'not in the output format', parsed.error));
  }
  return out;
}

async function readJsonDir(dir: string, problems: string[]): Promise<Array<{ path: string; raw: object }>> {
  const out: Array<{ path: string; raw: object }> = [];
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, f);
    try {
      const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) out.push({ path, raw });
    } catch (err) {
      problems.push(`${path}: not valid JSON (${(err as Error).message})`);
    }
  }
  return out;
}

function describe(path: string, what: string, error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return `${path}: ${what} (${issue?.path.map(String).join('.')}: ${issue?.message})`;
}

/** Twins (a PDF or OCR of a text fixture) and keys share the file stem of the source path. */
function findByStem(pred: Map<string, Loaded>, stem: string): Loaded | undefined {
  return [...pred.values()].find((p) => stemOf(p.result.source.path) === stem);
}

interface Acc {
  gold: number;
  pred: number;
  matched: number;
  kind: number;
  months: number;
  committee: number;
  organ: number;
  organTotal: number;
  metaRight: number;
  metaTotal: number;
  docs: number;
  docType: number;
  year: number;
  code: number;
  reviewYear: number;
  reviewYearTotal: number;
  misses: string[];
}

const newAcc = (): Acc => ({
  gold: 0, pred: 0, matched: 0, kind: 0, months: 0, committee: 0, organ: 0, organTotal: 0, metaRight: 0, metaTotal: 0,
  docs: 0, docType: 0, year: 0, code: 0, reviewYear: 0, reviewYearTotal: 0, misses: [],
});

function addAcc(a: Acc, b: Acc): void {
  for (const k of Object.keys(a) as Array<keyof Acc>) {
    if (k === 'misses') a.misses.push(...b.misses);
    else a[k] += b[k];
  }
}

function scoreSource(gold: GoldDocument[], pred: Document[] | null, acc: Acc): void {
  const predDocs = pred ?? [];
  gold.forEach((gd, k) => {
    const pd = (gd.title !== null ? predDocs.find((d) => d.title === gd.title) : undefined) ?? predDocs[k] ?? null;
    acc.gold += gd.items.length;
    scoreMetadata(gd, pd, acc);
    if (!pd) {
      if (gd.items.length) acc.misses.push(`no document for gold document ${k + 1} (${gd.items.length} items)`);
      return;
    }
    const pairs = matchGold(gd.items, pd.items);
    const matched = new Set(pairs.map(([g]) => g));
    for (const g of gd.items) if (!matched.has(g)) acc.misses.push(`missing item "${label(g)}"`);
    const used = new Set(pairs.map(([, p]) => p));
    for (const p of pd.items) if (!used.has(p)) acc.misses.push(`extra item "${p.text.slice(0, 24)}"`);
    for (const [gi, pi] of pairs) {
      acc.matched++;
      const check = (field: string, want: unknown, got: unknown): number => {
        const ok = JSON.stringify(want) === JSON.stringify(got);
        if (!ok) acc.misses.push(`${field} "${label(gi)}": gold ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        return ok ? 1 : 0;
      };
      acc.kind += check('kind', gi.kind, pi.kind);
      acc.months += check('months', gi.months, pi.months);
      acc.committee += check('committee', gi.committee, pi.committee?.key ?? null);
      if (gi.organ !== undefined) {
        acc.organTotal++;
        acc.organ += check('organ', gi.organ, pi.organ);
      }
    }
  });
  // Predicted items in documents the gold does not have are false positives too.
  acc.pred += predDocs.reduce((n, d) => n + d.items.length, 0);
  for (const d of predDocs.slice(gold.length)) if (d.items.length) acc.misses.push(`extra document "${d.title.slice(0, 24)}" (${d.items.length} items)`);
}

const label = (g: GoldItem) => (g.start ?? g.text ?? '').slice(0, 24);

function scoreMetadata(gd: GoldDocument, pd: Document | null, acc: Acc): void {
  const field = (name: string, want: unknown, got: unknown): number => {
    const ok = pd !== null && want === got;
    if (!ok) acc.misses.push(`${name}: gold ${JSON.stringify(want)}, got ${pd ? JSON.stringify(got) : 'no document'}`);
    return ok ? 1 : 0;
  };
  const docType = field('docType', gd.docType, pd?.docType);
  const year = field('year', gd.year, pd?.year);
  const code = field('jurisdiction code', gd.code, pd?.jurisdiction.code);
  const level = field('level', gd.level, pd?.jurisdiction.level);
  acc.docs++;
  acc.docType += docType;
  acc.year += year;
  acc.code += code;
  acc.metaRight += docType + year + code + level;
  acc.metaTotal += 4;
  if (gd.reviewYear !== undefined && gd.reviewYear !== null) {
    acc.reviewYearTotal++;
    // Output written before schema 1.3.0 has no reviewYear: it meets null.
    acc.reviewYear += field('reviewYear', gd.reviewYear, pd?.reviewYear ?? null);
  }
}

/** Pair gold items with predicted ones: by start for keys, by text similarity for full gold. */
function matchGold<G extends { text?: string; start?: string }>(gold: G[], pred: Item[]): Array<[G, Item]> {
  // Normalising every predicted item costs time; only keys need it.
  const squashed = gold.some((g) => g.start !== undefined) ? pred.map((p) => squash(p.text)) : [];
  const pairs: Array<[G, Item]> = [];
  const used = new Set<number>();
  let from = 0;
  for (const g of gold) {
    const j = g.start !== undefined ? findByStart(squash(cutGloss(g.start)), squashed, used, from) : findBySimilarity(g.text ?? '', pred, used, from);
    if (j >= 0) {
      used.add(j);
      pairs.push([g, pred[j]]);
      from = j + 1;
    }
  }
  return pairs;
}

/** Greedy in-order matching of output-format items: documents list items in reading order. */
export const matchItems = (gold: Item[], pred: Item[]): Array<[Item, Item]> => matchGold(gold, pred);

/** The first item that begins with the start; failing that, the first that contains it. */
function findByStart(start: string, squashed: string[], used: Set<number>, from: number): number {
  const end = Math.min(squashed.length, from + WINDOW);
  for (let j = from; j < end; j++) if (!used.has(j) && squashed[j].startsWith(start)) return j;
  for (let j = from; j < end; j++) if (!used.has(j) && squashed[j].includes(start)) return j;
  return -1;
}

function findBySimilarity(text: string, pred: Item[], used: Set<number>, from: number): number {
  let best = -1;
  let bestScore = MATCH_THRESHOLD;
  for (let j = from; j < pred.length && j < from + WINDOW; j++) {
    if (used.has(j)) continue;
    const s = dice(text, pred[j].text);
    if (s >= bestScore) [best, bestScore] = [j, s];
    if (s === 1) break;
  }
  return best;
}

/** A start cut after 12 characters can end inside a pinyin gloss ("學(xué"); the fragment is no text. */
const cutGloss = (start: string): string => start.replace(/[（(][a-zA-Z\u00c0-\u024f]*$/, '');

/**
 * A key quotes the file as written (traditional characters, pinyin glosses, ASCII punctuation);
 * renda's item text is normalised. Both go through the same folding before they are compared.
 */
function squash(s: string): string {
  const text = convertTraditional(dropPinyinGlosses(s));
  const n = normalise({ extractor: 'text', mediaType: 'text/plain', pageCount: null, pages: [{ number: 1, text }], meta: {} });
  return n.text.replace(/\s+/g, '');
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
  const ratio = (x: number, n: number) => r(n ? x / n : 0);
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
    kindAccuracy: ratio(a.kind, a.matched),
    monthsExact: ratio(a.months, a.matched),
    committeeAccuracy: ratio(a.committee, a.matched),
    organAccuracy: ratio(a.organ, a.organTotal),
    documentMetadataAccuracy: ratio(a.metaRight, a.metaTotal),
    docTypeAccuracy: ratio(a.docType, a.docs),
    yearAccuracy: ratio(a.year, a.docs),
    jurisdictionCodeAccuracy: ratio(a.code, a.docs),
    reviewYearAccuracy: ratio(a.reviewYear, a.reviewYearTotal),
  };
}
