import * as dingbats from 'dingbat-to-unicode';

/**
 * w:sym: a character in a symbol font (Wingdings' ✓ and ☐, Symbol's •), mapped to Unicode as mammoth
 * did; a glyph with no Unicode twin is left out rather than written as a private-use character.
 */
export function symbol(font: string | undefined, hex: string | undefined): string {
  if (!hex || !/^[0-9a-f]{1,6}$/i.test(hex)) return '';
  // Word writes the glyphs of a symbol font at F000 + their code in the font.
  const mapped = dingbats.hex(font ?? '', hex) ?? (/^f0..$/i.test(hex) ? dingbats.hex(font ?? '', hex.slice(2)) : undefined);
  if (mapped) return mapped.string;
  const code = Number.parseInt(hex, 16);
  const privateUse = code >= 0xe000 && code <= 0xf8ff;
  return code > 0x1f && code <= 0x10ffff && !privateUse && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
}
