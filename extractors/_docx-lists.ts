/**
 * Word's list counters, replayed in document order, so each numbered paragraph gets back the
 * number Word shows before it ("1.", "（三）", "第二章"). As in Word, instances of one abstract list
 * share its counters (numbering goes on after an interrupting paragraph), an instance with a
 * startOverride restarts where it is first used, and a level restarts after a use of a level
 * above it.
 */
import { formatNumber } from './_docx-numfmt.js';
import type { AbstractList, ListLevel, NumberingDefs } from './_docx-numbering.js';
import { styleNumbering, type NumberingRef, type StyleSheet } from './_docx-styles.js';

export interface ParagraphNumbering {
  styleId: string | null;
  /** From the paragraph's own w:numPr; numId "0" switches a style's numbering off. */
  numId: string | null;
  ilvl: number | null;
}

export class ListNumbers {
  /** Current value per abstract list and level; undefined where the level has not been used since its last restart. */
  private readonly counts = new Map<string, Array<number | undefined>>();
  private readonly overridden = new Set<string>();
  /** Levels that name a paragraph style, by style id. */
  private readonly byStyle = new Map<string, NumberingRef>();
  /**
   * Lookups that follow chains (basedOn, numStyleLink), kept per id: a hostile file could chain
   * thousands of styles and number a million paragraphs with the last one.
   */
  private readonly styleCache = new Map<string | null, NumberingRef | null>();
  private readonly listCache = new Map<string, { id: string; list: AbstractList } | null>();

  constructor(
    private readonly defs: NumberingDefs,
    private readonly styles: StyleSheet,
  ) {
    // A level's w:pStyle links a style to a list without a w:numPr in the style: find an instance
    // of that list to count with.
    for (const [numId, num] of defs.nums) {
      for (const [ilvl, level] of this.resolve(num.abstractNumId)?.list.levels ?? []) {
        if (level.pStyle && !this.byStyle.has(level.pStyle)) this.byStyle.set(level.pStyle, { numId, ilvl });
      }
    }
  }

  /**
   * The label of a paragraph ('' when it is not numbered, or is a bullet), advancing the counters.
   * Call once per paragraph, in document order.
   */
  next(p: ParagraphNumbering): string {
    const ref = this.reference(p);
    if (!ref) return '';
    const num = this.defs.nums.get(ref.numId);
    const resolved = num && this.resolve(num.abstractNumId);
    if (!num || !resolved) return '';
    const ilvl = ref.ilvl ?? 0;
    const levelOf = (k: number): ListLevel | undefined => num.overrides.get(k)?.level ?? resolved.list.levels.get(k);
    const level = levelOf(ilvl);
    if (!level) return '';
    let counts = this.counts.get(resolved.id);
    if (!counts) this.counts.set(resolved.id, (counts = []));
    const start = num.overrides.get(ilvl)?.start;
    const key = `${ref.numId}:${ilvl}`;
    if (start !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key);
      counts[ilvl] = start;
    } else counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const restart = levelOf(k)?.restart ?? null;
      if (restart === null || (restart > 0 && ilvl < restart)) counts[k] = undefined;
    }
    if (level.numFmt === 'bullet' || !level.lvlText) return '';
    return level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const other = levelOf(k);
      const value = counts[k] ?? other?.start ?? 0;
      return formatNumber(value, level.isLgl ? 'decimal' : (other?.numFmt ?? 'decimal'));
    });
  }

  /** The paragraph's own numbering, else its style's (through basedOn), else a level that names its style. */
  private reference(p: ParagraphNumbering): NumberingRef | null {
    if (p.numId === '0') return null;
    let fromStyle = this.styleCache.get(p.styleId);
    if (fromStyle === undefined) this.styleCache.set(p.styleId, (fromStyle = styleNumbering(this.styles, p.styleId)));
    if (p.numId !== null) return { numId: p.numId, ilvl: p.ilvl ?? fromStyle?.ilvl ?? 0 };
    if (fromStyle) return { numId: fromStyle.numId, ilvl: p.ilvl ?? fromStyle.ilvl ?? 0 };
    const linked = p.styleId === null ? undefined : this.byStyle.get(p.styleId);
    return linked ? { numId: linked.numId, ilvl: p.ilvl ?? linked.ilvl } : null;
  }

  /** An abstract list, following numStyleLink through a numbering style to the list that defines the levels. */
  private resolve(abstractNumId: string): { id: string; list: AbstractList } | null {
    let found = this.listCache.get(abstractNumId);
    if (found === undefined) this.listCache.set(abstractNumId, (found = this.follow(abstractNumId)));
    return found;
  }

  private follow(abstractNumId: string): { id: string; list: AbstractList } | null {
    const seen = new Set<string>();
    for (let id = abstractNumId; !seen.has(id); ) {
      seen.add(id);
      const list = this.defs.abstract.get(id);
      if (!list) return null;
      if (!list.numStyleLink) return { id, list };
      const numId = this.styles.numbering.get(list.numStyleLink);
      const next = numId === undefined ? undefined : this.defs.nums.get(numId)?.abstractNumId;
      if (next === undefined) return { id, list };
      id = next;
    }
    return null;
  }
}
