/**
 * numbering.xml: the definitions behind Word's automatic list numbers, which are not in the text.
 * A paragraph names a list instance (w:num) and a level; the instance points to an abstract
 * definition (w:abstractNum) whose level says how to write the number: lvlText "%1." or "（%2）"
 * with each %n in its level's numFmt (decimal, chineseCounting, …), counted from w:start.
 */
import type { DocxPackage } from './_docx-package.js';
import { isOn, toLevel } from './_docx-styles.js';

export interface ListLevel {
  start: number;
  numFmt: string;
  /** Null when the level shows no number at all. */
  lvlText: string | null;
  /** A paragraph style that puts its paragraphs on this level (heading styles linked to a list). */
  pStyle: string | null;
  /** Legal numbering: every %n of this level's text written as a decimal (1.1 under 一、). */
  isLgl: boolean;
  /** w:lvlRestart: restart after a use of levels above this 1-based level only; 0 never. Null: after any higher level. */
  restart: number | null;
}

export interface AbstractList {
  levels: Map<number, ListLevel>;
  /** The numbering style whose list this one stands for. */
  numStyleLink: string | null;
}

export interface ListInstance {
  abstractNumId: string;
  /** Per level: where this instance restarts the count, and a level redefined for it. */
  overrides: Map<number, { start?: number; level?: ListLevel }>;
}

export interface NumberingDefs {
  abstract: Map<string, AbstractList>;
  nums: Map<string, ListInstance>;
}

export const EMPTY_NUMBERING: NumberingDefs = { abstract: new Map(), nums: new Map() };

const newLevel = (): ListLevel => ({ start: 0, numFmt: 'decimal', lvlText: null, pStyle: null, isLgl: false, restart: null });

export async function readNumbering(pkg: DocxPackage, part: string): Promise<NumberingDefs> {
  const defs: NumberingDefs = { abstract: new Map(), nums: new Map() };
  let list: AbstractList | null = null;
  let num: ListInstance | null = null;
  let override: number | null = null;
  let level: ListLevel | null = null;
  let ilvl = 0;
  await pkg.parse(part, {
    open(el) {
      const val = el.attrs['w:val'];
      switch (el.name) {
        case 'w:abstractNum':
          list = { levels: new Map(), numStyleLink: null };
          if (!defs.abstract.has(el.attrs['w:abstractNumId'] ?? '')) defs.abstract.set(el.attrs['w:abstractNumId'] ?? '', list);
          return;
        case 'w:num':
          num = { abstractNumId: '', overrides: new Map() };
          if (!defs.nums.has(el.attrs['w:numId'] ?? '')) defs.nums.set(el.attrs['w:numId'] ?? '', num);
          return;
        case 'w:abstractNumId':
          if (num) num.abstractNumId = val ?? '';
          return;
        case 'w:numStyleLink':
          if (list) list.numStyleLink = val ?? null;
          return;
        case 'w:lvlOverride':
          override = toLevel(el.attrs['w:ilvl']);
          return;
        case 'w:startOverride':
          if (num && override !== null) entry(num, override).start = toInt(val, 0);
          return;
        case 'w:lvl':
          ilvl = toLevel(el.attrs['w:ilvl']);
          level = newLevel();
          if (num && override !== null) entry(num, override).level = level;
          else if (list && !list.levels.has(ilvl)) list.levels.set(ilvl, level);
          return;
      }
      if (!level) return;
      if (el.name === 'w:start') level.start = toInt(val, 0);
      // Word 2010 puts a custom format in mc:Choice and a standard one in mc:Fallback: the standard one wins.
      else if (el.name === 'w:numFmt' && val && (level.numFmt === 'decimal' || level.numFmt === 'custom')) level.numFmt = val;
      else if (el.name === 'w:lvlText') level.lvlText = val ?? null;
      else if (el.name === 'w:pStyle') level.pStyle = val ?? null;
      else if (el.name === 'w:isLgl') level.isLgl = isOn(val, true);
      else if (el.name === 'w:lvlRestart') level.restart = toInt(val, 0);
    },
    close(name) {
      if (name === 'w:lvl') level = null;
      else if (name === 'w:lvlOverride') override = null;
      else if (name === 'w:abstractNum') list = null;
      else if (name === 'w:num') num = null;
    },
    text() {},
  });
  return defs;
}

function entry(num: ListInstance, ilvl: number): { start?: number; level?: ListLevel } {
  let e = num.overrides.get(ilvl);
  if (!e) num.overrides.set(ilvl, (e = {}));
  return e;
}

function toInt(val: string | undefined, fallback: number): number {
  const n = Number.parseInt(val ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}
