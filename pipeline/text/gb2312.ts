import iconv from 'iconv-lite';

/**
 * Membership in GB2312, the simplified-Chinese standard: its 6,763 characters are the ones
 * mainland official prose is written in, and its first level (3,755) the common ones. iconv-lite
 * encodes "gb2312" as GBK, a superset that also holds traditional characters, so membership is read
 * from where the bytes fall: GB2312 occupies lead and trail bytes 0xA1–0xFE, level 1 leads 0xB0–0xD7.
 */
const cache = new Map<string, number>();

/** 0 not in GB2312, 1 level 1, 2 level 2 or symbols. */
function gbClass(ch: string): number {
  let v = cache.get(ch);
  if (v === undefined) {
    const b = iconv.encode(ch, 'gbk');
    v = 0;
    if (b.length === 2 && b[0] >= 0xa1 && b[0] <= 0xf7 && b[1] >= 0xa1 && b[1] <= 0xfe) v = b[0] >= 0xb0 && b[0] <= 0xd7 ? 1 : 2;
    cache.set(ch, v);
  }
  return v;
}

export const inGb2312 = (ch: string): boolean => gbClass(ch) > 0;
export const isCommonHan = (ch: string): boolean => gbClass(ch) === 1;
