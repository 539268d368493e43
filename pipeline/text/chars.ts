/** Character classes shared by the text stages. Han covers CJK unified ideographs and extension A. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width and CJK punctuation, including curly quotes and the long dash used in ranges. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65“”‘’—…·';

export const HAN_RE = new RegExp(`[${HAN}]`);
export const hasHan = (s: string): boolean => HAN_RE.test(s);

/** Chinese numerals up to 99, as used in section markers (一 … 九十九). */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function chineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  if (s.includes('百')) {
    const [h, rest] = s.split('百');
    const hundreds = h ? (DIGITS[h] ?? null) : 1;
    if (hundreds === null) return null;
    const tail = rest.replace(/^[零〇]/, '');
    const r = tail ? chineseNumeral(tail) : 0;
    return r === null ? null : hundreds * 100 + r;
  }
  if (s.includes('十')) {
    const [t, u] = s.split('十');
    const tens = t ? (DIGITS[t] ?? null) : 1;
    const units = u ? (DIGITS[u] ?? null) : 0;
    return tens === null || units === null ? null : tens * 10 + units;
  }
  return s.length === 1 ? (DIGITS[s] ?? null) : null;
}
