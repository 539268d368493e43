/**
 * Laws and regulations named in an item: titles in 《》 that end like a legal instrument, and
 * quoted titles (“…条例”), which county documents often use instead of 《》. Plans, reports and
 * outlines in 《》 are not laws.
 */
const LEGAL_END = /(法|条例|办法|规定|规则|细则|决定|法典)$/;
const NOT_LEGAL_END = /(规划|报告|计划|要点|方案|纲要|决议|意见稿|草案)$/;

export function extractLaws(text: string): string[] {
  const out: string[] = [];
  const add = (raw: string) => {
    const name = raw.replace(/（[^（）]*(草案|审议稿|修订|修正|征求意见稿)[^（）]*）$/, '').trim();
    if (name.length >= 3 && LEGAL_END.test(name) && !NOT_LEGAL_END.test(name) && !out.includes(name)) out.push(name);
  };
  for (const m of text.matchAll(/《([^《》]{2,80})》/g)) {
    // Party committees' decisions ("省委《关于…的决定》") are policy, not law.
    if (/(党委|省委|市委|县委|区委|州委|中共中央|党中央|中央)$/.test(text.slice(Math.max(0, (m.index ?? 0) - 4), m.index))) continue;
    add(m[1]);
  }
  // Quoted names must look like a full title (a place or the state) to avoid slogans such as “两条例一决定”.
  for (const m of text.matchAll(/[“"]([^“”"]{4,60}?(法|条例))[”"]/g)) {
    if (/^(中华人民共和国|.{1,8}(省|自治区|市|州|县|区))/.test(m[1])) add(m[1]);
  }
  return out;
}
