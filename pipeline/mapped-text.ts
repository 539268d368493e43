/**
 * Text that remembers where each of its characters came from. Normalisation deletes, replaces and
 * joins characters; spans and page numbers must still point at the source, so every edit goes
 * through this type, which carries `origin[i]` = offset in the raw text of character i.
 */
export class MappedText {
  constructor(
    readonly text: string,
    readonly origin: Int32Array,
  ) {}

  static identity(text: string): MappedText {
    const origin = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) origin[i] = i;
    return new MappedText(text, origin);
  }

  /** Raw offset of the character at `i` (or one past the end for `i === length`). */
  rawOffset(i: number): number {
    if (i < this.origin.length) return this.origin[i];
    return this.origin.length ? this.origin[this.origin.length - 1] + 1 : 0;
  }

  slice(start: number, end: number): MappedText {
    return new MappedText(this.text.slice(start, end), this.origin.slice(start, end));
  }

  /**
   * Rewrite with a regex. A replacement of equal length keeps per-character origins; any other
   * replacement maps every new character to the start of the match (the best we can say).
   */
  replace(pattern: RegExp, replacer: (match: string, ...groups: string[]) => string): MappedText {
    if (!pattern.global) throw new Error('MappedText.replace needs a global regex');
    const b = new MappedTextBuilder();
    let last = 0;
    for (const m of this.text.matchAll(pattern)) {
      const start = m.index ?? 0;
      b.copy(this, last, start);
      const out = replacer(m[0], ...(m.slice(1) as string[]));
      if (out.length === m[0].length) {
        for (let k = 0; k < out.length; k++) b.push(out[k], this.origin[start + k]);
      } else {
        const at = this.rawOffsetAt(start);
        for (const ch of out) b.push(ch, at);
      }
      last = start + m[0].length;
    }
    b.copy(this, last, this.text.length);
    return b.build();
  }

  /** Map each character through `fn`, which must return a string of the same length. */
  mapChars(fn: (ch: string) => string): MappedText {
    let out = '';
    for (let i = 0; i < this.text.length; i++) {
      const mapped = fn(this.text[i]);
      // A mapping that changes length would break origins; keep the character instead.
      out += mapped.length === 1 ? mapped : this.text[i];
    }
    return new MappedText(out, this.origin);
  }

  private rawOffsetAt(i: number): number {
    return i < this.origin.length ? this.origin[i] : this.rawOffset(i);
  }
}

export class MappedTextBuilder {
  private chars: string[] = [];
  private origins: number[] = [];

  push(ch: string, origin: number): void {
    this.chars.push(ch);
    this.origins.push(origin);
  }

  copy(src: MappedText, start: number, end: number): void {
    for (let i = start; i < end; i++) this.push(src.text[i], src.origin[i]);
  }

  build(): MappedText {
    return new MappedText(this.chars.join(''), Int32Array.from(this.origins));
  }
}
