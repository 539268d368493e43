/**
 * Which predicted item is which gold item: one-to-one, in order, within aligned documents;
 * output-format gold by text similarity (character-bigram Dice ≥ 0.8), keys by their start.
 */
import type { Item } from '../../../schemas/index.js';
import { normalise } from '../../normalise/normalise.js';
import { dropPinyinGlosses } from '../../text/pinyin.js';
import { convertTraditional } from '../../text/simplify.js';

const MATCH_THRESHOLD = 0.8;
/** Items are looked for this far ahead of the last match. */
const WINDOW = 40;

/** Pair gold items with predicted ones: by start for keys, by text similarity for full gold. */
export function matchGold<G extends { text?: string; start?: string }>(gold: G[], pred: Item[]): Array<[G, Item]> {
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

/**
 * The first item that begins with the start; failing that, the first that contains it; failing that (a scan's
 * text), the first that begins with it but for one misread character.
 */
function findByStart(start: string, squashed: string[], used: Set<number>, from: number): number {
  const end = Math.min(squashed.length, from + WINDOW);
  for (let j = from; j < end; j++) if (!used.has(j) && squashed[j].startsWith(start)) return j;
  for (let j = from; j < end; j++) if (!used.has(j) && squashed[j].includes(start)) return j;
  if (start.length >= MIN_FUZZY_START) for (let j = from; j < end; j++) if (!used.has(j) && oneMisread(squashed[j], start)) return j;
  return -1;
}

/** Starts shorter than this are matched exactly: one character is too much of them. */
const MIN_FUZZY_START = 8;

/** The text begins with the start but for one character read as another. */
function oneMisread(text: string, start: string): boolean {
  if (text.length < start.length) return false;
  let diff = 0;
  for (let i = 0; i < start.length; i++) if (text[i] !== start[i] && ++diff > 1) return false;
  return true;
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
