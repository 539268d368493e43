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
    pattern.lastIndex = 0;
    if (!pattern.test(this.text)) return this;
    pattern.lastIndex = 0;
    const b = new MappedTextBuilder(this.text.length);
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

/** Builds text and origins in bulk: large documents make per-character arrays too costly. */
export class MappedTextBuilder {
  private pieces: string[] = [];
  private origins: Int32Array;
  private length = 0;

  constructor(capacity = 1024) {
    this.origins = new Int32Array(Math.max(16, capacity));
  }

  push(ch: string, origin: number): void {
    this.ensure(ch.length);
    this.pieces.push(ch);
    for (let k = 0; k < ch.length; k++) this.origins[this.length++] = origin;
  }

  copy(src: MappedText, start: number, end: number): void {
    if (end <= start) return;
    this.ensure(end - start);
    this.pieces.push(src.text.slice(start, end));
    this.origins.set(src.origin.subarray(start, end), this.length);
    this.length += end - start;
  }

  build(): MappedText {
    return new MappedText(this.pieces.join(''), this.origins.slice(0, this.length));
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.origins.length) return;
    const grown = new Int32Array(Math.max(this.origins.length * 2, this.length + extra));
    grown.set(this.origins.subarray(0, this.length));
    this.origins = grown;
  }
}
