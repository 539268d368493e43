import { createRequire } from 'node:module';

/**
 * Traditional → simplified Chinese with OpenCC's data (opencc-js), so one set of rules reads
 * documents from Hong Kong, Macao, Taiwan-style typesetting and old scans alike. Conversion is per
 * character, which keeps offsets stable; the phrase-level differences OpenCC knows about do not
 * matter for the vocabulary these documents use.
 */
type Convert = (s: string) => string;
let converter: Convert | null = null;
const cache = new Map<string, string>();

function load(): Convert {
  if (!converter) {
    // opencc-js ships a UMD build for require(); loading it this way avoids its large ESM graph.
    const require = createRequire(import.meta.url);
    const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    converter = OpenCC.Converter({ from: 'tw', to: 'cn' });
  }
  return converter;
}

export function toSimplified(text: string): string {
  // Most documents are already simplified; skip the converter unless a character changes.
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code < 0x3400 || code > 0xfaff) {
      out += ch;
      continue;
    }
    let s = cache.get(ch);
    if (s === undefined) {
      s = load()(ch);
      if (s.length !== 1) s = ch;
      cache.set(ch, s);
    }
    if (s !== ch) changed = true;
    out += s;
  }
  return changed ? out : text;
}
