import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/**
 * The words an item is about. Jieba segments Chinese into dictionary words (precise mode with its
 * HMM for words not in the dictionary: on the hand-labelled pairs it ranked better than search
 * mode, whose extra compound parts — 执法检查 also as 执法 and 检查 — triple-count procedure); what every item says —
 * function words, the verbs of procedure, months, numbers — is dropped here, and what is left is
 * weighed by the corpus (tfidf.ts). Law titles become one extra term each, without the
 * 中华人民共和国/province prefix, because two items naming the same law are about the same matter.
 */

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    // Loaded on first use: the dictionary takes ~0.3 s and most commands never segment.
    const require = createRequire(import.meta.url);
    const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = J.withDict(dict);
  }
  return jieba;
}

/**
 * Words that carry procedure, not subject: every plan hears, reviews and organises something. The
 * corpus weighting would push them down anyway; dropping them keeps short items from matching on
 * procedure alone when the corpus is small.
 */
const STOP = new Set(
  `的 和 与 及 以及 或 等 对 在 于 为 了 是 将 把 被 由 从 向 就 并 其 该 各 有关 关于 进行 开展 组织 做好 加强 推进 推动 进一步 深入 全面
   听取 审议 审查 报告 情况 工作 方面 问题 意见 建议 有关 相关 重点 主要 实施 贯彻 落实 安排 拟 计划 负责 牵头 配合 会议 常委会 常务委员会
   人大 人民代表大会 委员会 人民政府 政府 主任 会议 举行 召开 月份 月 年 年度 上半年 下半年 全年 本级 届 次 第 个 项 一 二 三 四 五
   市 县 区 省 州 旗 镇 乡 全市 全县 全区 全省 全州 我市 我县 我区 我省 本市 本县 本区 本省 同时 适时 视情 根据 按照 通过 围绕 结合
   专门 工委 工作委员会 办公室 研究室`.split(/\s+/).filter(Boolean),
);

const LAW = /《([^《》]{2,40}?(?:法|条例|规定|办法|决定|规则|细则))》/g;
const LAW_PREFIX = /^(?:中华人民共和国|[\p{Script=Han}]{2,8}?(?:省|自治区|市|州|县|区|旗))/u;

export function lawTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LAW)) out.push('《' + m[1]!.replace(LAW_PREFIX, '') + '》');
  return out;
}

/**
 * Institution names and dates, cut out before segmenting: search mode would otherwise split them
 * into fragments (常委会 → 常委, 委会) that are not stop words and match everywhere.
 */
const INSTITUTIONAL =
  /中华人民共和国|人民代表大会常务委员会|常务委员会|人民代表大会|常委会|人民政府|人民法院|人民检察院|工作委员会|专门委员会|委员会|工委|(?:\d{4}|[〇零一二三四五六七八九]{4})年度?|\d{1,2}(?:—|-|至|～)?\d{0,2}月份?|上半年|下半年/g;

export function itemTerms(text: string): string[] {
  const cleaned = text.normalize('NFKC').replace(INSTITUTIONAL, '，');
  const words = segmenter().cut(cleaned, true);
  const terms: string[] = [];
  for (const w of words) {
    const t = w.trim().toLowerCase();
    if (!t || STOP.has(t)) continue;
    // One character carries little alone and numbers are dates and counts, not subjects.
    if ([...t].length < 2 || /^[\d.%０-９一二三四五六七八九十百千]+$/.test(t) || !/[\p{L}]/u.test(t)) continue;
    terms.push(t);
  }
  return terms.concat(lawTerms(text));
}
