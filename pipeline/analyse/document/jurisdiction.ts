import type { Jurisdiction, Warning } from '../../../schemas/output.js';
import { HAN } from '../../text/chars.js';
import { countyOfTowns } from './towns.js';
import { divisions, type Division } from './_divisions.js';

/**
 * Which people's congress issued a document: the place named before 人大常委会 / 人民代表大会常务委员会
 * in the title, resolved to a GB/T 2260 division. Ambiguous names are settled by the places the
 * title and text mention, never by guessing.
 */
export interface JurisdictionInput {
  /** The document title (simplified Chinese; already normalised). */
  title: string;
  /** The document body, for context (names of provinces/cities mentioned). */
  text: string;
  /** Jurisdiction of a neighbouring document in the same file, used when the title names no place. */
  fallback?: Jurisdiction;
  /**
   * The page's chrome (breadcrumbs, "来源：上海嘉定", "永嘉网", a footer's 主办单位), read only when title and
   * text leave the place open: its related links may name other places, so it never outvotes the text.
   */
  chrome?: string;
}

export interface JurisdictionResult {
  jurisdiction: Jurisdiction;
  warnings: Warning[];
}

const ANCHOR = /人民代表大会|人大/g;
const HAN_RUN = new RegExp(`[${HAN}]+$`);
const SPACE_IN_HAN = new RegExp(`(?<=[${HAN}])\\s+(?=[${HAN}])`, 'g');
// "广东省第十四届人民代表大会常务委员会", "省十四届人大常委会".
const TERM = /第?[一二三四五六七八九十]+届$/;
// Words that can precede the body's name in a title; dates come in as "2023年县人大常委会…".
const LEAD = /^.*(?:关于|召开|印发|转发|中共|中国共产党)|^(?:年度?|月份?)/;
// "省人大常委会": the document's own province, named only in its body.
const LEVEL_WORD = /^(?:省|市|县|区|州|旗|盟|自治区|自治州|自治县)$/;
// Township congresses (乡/镇) have no code at these levels but are still a name worth keeping.
const PLACE_SUFFIX = /[省市县区州旗盟乡镇]$/;
/**
 * A place the division list does not know (a township, a made-up or misspelt name) is short: the
 * listed names are 2–11 characters and unlisted townships 2–5. A longer run of characters before
 * 人大 that merely ends in 市 or 区 is a headline run on into the body's name ("奏响…强音——市人大常委会"
 * with the dash lost or misread), not a place.
 */
const MAX_UNLISTED = 6;
/** Zones with a congress working committee of their own, whose names run longer. */
const ZONE = /(?:开发区|新区|园区|示范区|试验区|管理区)$/;

type TitlePlace =
  | { kind: 'chain'; chain: Array<{ written: string; divisions: Division[] }> }
  | { kind: 'level'; word: string }
  | { kind: 'unlisted'; written: string };

const NONE: Jurisdiction = { name: null, code: null, level: null, province: null, prefecture: null };

export function resolveJurisdiction({ title, text, fallback, chrome = '' }: JurisdictionInput): JurisdictionResult {
  const place = placeInTitle(title);
  if (place?.kind === 'chain') return fromChain(place.chain, title, text);
  if (place?.kind === 'unlisted') {
    const expanded = expandShortName(place.written, text);
    if (expanded) {
      return {
        jurisdiction: toJurisdiction(expanded),
        warnings: [{ code: 'jurisdiction_inferred', message: `"${place.written}" read as ${expanded.name}, the one name the text gives that it shortens` }],
      };
    }
    return named(place.written, 'jurisdiction_not_found', `"${place.written}" is not a province, prefecture or county in the division list`);
  }
  if (fallback) return { jurisdiction: fallback, warnings: [] };
  if (place?.kind === 'level') return orInChrome(withTowns(inferFromText(place.word, text, visitedIn(title)), text, place.word), place.word, text, chrome, visitedIn(title));
  const inBody = placeInBody(text);
  if (inBody) {
    const r =
      inBody.kind === 'chain' ? fromChain(inBody.chain, '', text) : orInChrome(withTowns(inferFromText(inBody.word, text), text, inBody.word), inBody.word, text, chrome);
    if (r.jurisdiction.code !== null) {
      const said = inBody.kind === 'chain' ? inBody.chain.map((c) => c.written).join('') : inBody.word;
      return { jurisdiction: r.jurisdiction, warnings: [{ code: 'jurisdiction_inferred', message: `the title names no issuing body; "${said}人大" in the text` }] };
    }
  }
  // Neither title nor text names the body: a footer's "主办：某某县人大常委会" may.
  const inChrome = inBody ? null : placeInBody(chrome);
  if (inChrome?.kind === 'chain') {
    const r = fromChain(inChrome.chain, '', chrome);
    if (r.jurisdiction.code !== null) {
      return { jurisdiction: r.jurisdiction, warnings: [{ code: 'jurisdiction_inferred', message: `the text names no issuing body; "${inChrome.chain.map((c) => c.written).join('')}人大" in the page's chrome` }] };
    }
  }
  return { jurisdiction: NONE, warnings: [{ code: 'jurisdiction_unknown', message: `the title names no issuing body: "${title}"` }] };
}

/** The text left the level word's place open: the page's chrome may name it ("永嘉网", "来源：上海嘉定"). */
function orInChrome(r: JurisdictionResult, word: string, text: string, chrome: string, visited: string[] = []): JurisdictionResult {
  if (r.jurisdiction.code !== null || !chrome) return r;
  const again = inferFromText(word, text, visited, chrome);
  return again.jurisdiction.code !== null ? again : r;
}

/**
 * A long name shortened to its first character and its level ("莫旗" for 莫力达瓦达斡尔族自治旗, as local
 * papers write it): the division whose full name the text also gives, when exactly one does.
 */
function expandShortName(written: string, text: string): Division | undefined {
  if (written.length !== 2) return undefined;
  const [first, level] = [written[0], written[1]];
  const found = divisions().all.filter((d) => d.name.length > 3 && d.name.startsWith(first) && d.name.endsWith(level) && text.includes(d.name));
  return found.length === 1 ? found[0] : undefined;
}

/** How much of an untitled page is read for the body it is about: its first paragraphs. */
const BODY_HEAD = 1200;
const LEVEL_TAIL = /(自治区|自治州|自治县|省|市|县|区|州|旗|盟)$/;

/**
 * A page with no title (a news excerpt, a yearbook entry) names its body in the text:
 * "扎鲁特旗十六届人大常委会第三十次会议", "市人大常委会主任…". The place named most often wins;
 * a bare level word ("市人大") only when no place is named.
 */
function placeInBody(text: string): Extract<TitlePlace, { kind: 'chain' | 'level' }> | null {
  const flat = text.slice(0, BODY_HEAD).replace(SPACE_IN_HAN, '');
  const chains = new Map<string, { n: number; chain: Array<{ written: string; divisions: Division[] }> }>();
  const levels = new Map<string, number>();
  for (const m of flat.matchAll(ANCHOR)) {
    const run = (HAN_RUN.exec(flat.slice(0, m.index).trimEnd())?.[0] ?? '').replace(TERM, '');
    if (!run || /全国$/.test(run)) continue;
    const chain = parseChain(run);
    if (chain.length) {
      const key = chain.map((c) => c.written).join('');
      const seen = chains.get(key) ?? { n: 0, chain };
      seen.n++;
      chains.set(key, seen);
      continue;
    }
    const level = LEVEL_TAIL.exec(run)?.[1];
    if (level) levels.set(level, (levels.get(level) ?? 0) + 1);
  }
  // "市人大常委会主任…" said five times outweighs one "枣庄市第十六届人民代表大会" (a higher body
  // the deputies are elected to): the level word is then resolved from the places the text names.
  const topChain = [...chains.values()].sort((a, b) => b.n - a.n)[0];
  const topLevel = [...levels.entries()].sort((a, b) => b[1] - a[1])[0];
  if (topChain && (!topLevel || topChain.n >= topLevel[1])) return { kind: 'chain', chain: topChain.chain };
  return topLevel ? { kind: 'level', word: topLevel[0] } : null;
}

function placeInTitle(title: string): TitlePlace | null {
  const flat = title.replace(SPACE_IN_HAN, '');
  for (const m of flat.matchAll(ANCHOR)) {
    // "【江苏人大网】…": a website's name, not the body.
    if (flat.startsWith('人大网', m.index ?? 0)) continue;
    const run = HAN_RUN.exec(flat.slice(0, m.index).trimEnd())?.[0] ?? '';
    const before = run.replace(TERM, '');
    if (!before) continue;
    const chain = parseChain(before);
    if (chain.length) return { kind: 'chain', chain };
    const bare = before.replace(LEAD, '');
    if (LEVEL_WORD.test(bare)) return { kind: 'level', word: bare };
    const written = withoutKnownPrefix(bare);
    if (bare.length >= 2 && PLACE_SUFFIX.test(bare) && (written.length <= MAX_UNLISTED || ZONE.test(written))) return { kind: 'unlisted', written };
    // "全国人大", "加强新时代人大…": not an issuing body; try the next mention.
  }
  return null;
}

/** The names that end the run, right to left: "河南省濮阳市濮阳县" → 河南省, 濮阳市, 濮阳县. Longest
 *  match first, so 濮阳县 is never read as 濮阳 + 县. */
function parseChain(run: string): Array<{ written: string; divisions: Division[] }> {
  const { lookup, maxLength } = divisions();
  const chain: Array<{ written: string; divisions: Division[] }> = [];
  let end = run.length;
  while (end > 0) {
    let hit: { written: string; divisions: Division[] } | undefined;
    for (let len = Math.min(maxLength, end); len >= 2 && !hit; len--) {
      const written = run.slice(end - len, end);
      const found = lookup(written);
      if (found) hit = { written, divisions: found };
    }
    if (!hit) break;
    chain.unshift(hit);
    end -= hit.written.length;
  }
  return chain;
}

/** "河南省花果山市" → 花果山市: the unknown name is what follows the places we do know. */
function withoutKnownPrefix(s: string): string {
  const { lookup, maxLength } = divisions();
  for (let len = Math.min(maxLength, s.length - 2); len >= 2; len--) {
    if (lookup(s.slice(0, len))) return withoutKnownPrefix(s.slice(len));
  }
  return s;
}

function fromChain(chain: Array<{ written: string; divisions: Division[] }>, title: string, text: string): JurisdictionResult {
  const leaf = chain[chain.length - 1];
  const outer = chain.slice(0, -1);
  const candidates = leaf.divisions.filter((d) => outer.every((o) => o.divisions.some((p) => d.parents.includes(p))));
  if (!candidates.length) {
    const where = outer.map((o) => o.written).join('');
    return named(leaf.written, 'jurisdiction_not_found', `"${leaf.written}" is not in ${where}`);
  }
  if (candidates.length === 1) return { jurisdiction: toJurisdiction(candidates[0]), warnings: [] };

  // The title outranks the body; within each, the candidate whose parents are named most wins.
  const rest = title.replace(leaf.written, ' ');
  const chosen = mostMentioned(candidates, rest) ?? mostMentioned(candidates, text);
  if (chosen) return { jurisdiction: toJurisdiction(chosen), warnings: [] };
  return named(leaf.written, 'jurisdiction_ambiguous', `"${leaf.written}" could be ${describe(candidates)}; neither the title nor the text names its province or prefecture`);
}

/** Title says only "省人大常委会": the division of that kind the body names most. */
/** Places a headline's body goes to ("区人大常委会…赴荣昌区学习考察"): hosts, not the body itself. */
const visitedIn = (title: string): string[] => [...title.matchAll(/(?:赴|到|前往|走进)([\u4e00-\u9fff]{2,8})/g)].map((m) => m[1]);

/** Level words whose places are found by their short names too, and the level of those places. */
const SHORT_NAME_LEVEL: Record<string, Division['level'] | undefined> = { 市: 'prefecture', 区: 'county', 县: 'county' };

function inferFromText(word: string, text: string, visited: string[] = [], chrome = ''): JurisdictionResult {
  const idx = divisions();
  // The chrome is read with the text only on a second try (orInChrome), so it never outvotes the text.
  const hay = chrome ? `${text}\n${chrome}` : text;
  // A district is found by the name it had as a county too ("济阳县人大常委会" on a page from before 2018).
  let candidates = candidatesByWord.get(word);
  if (!candidates) {
    candidates = idx.all.filter((d) => (d.name.endsWith(word) || idx.formerNames(d).some((f) => f.endsWith(word))) && (word !== '区' || d.level === 'county'));
    candidatesByWord.set(word, candidates);
  }
  // Short forms only for provinces: a bare prefecture name (保定, 长治) is too often an ordinary word.
  const own = (d: Division) => (d.level === 'province' ? idx.namesOf(d) : [d.name, ...idx.formerNames(d)]);
  // Most of the ~3,000 candidates are named nowhere in the text: one pass finds those that are.
  const present = namesIn(hay, word, candidates, own);
  let counts = candidates
    .filter((d) => own(d).some((name) => present.has(name)))
    .filter((d) => !visited.some((v) => own(d).some((name) => v.startsWith(name))))
    .map((d) => ({ d, n: countStandalone(hay, own(d), d.parents.flatMap((p) => idx.namesOf(p))) }))
    .filter((c) => c.n > 0);
  // No full name at all: a prefecture's, district's or county's name without 市/区/县 said at least twice
  // ("包头新闻网", "包头打造成…"; "我区建设“四个路桥”", "路桥历史上") is the place, when no other place of
  // that level is said as often (the top must be one place, below); once could be an ordinary word (长治久安).
  const shortLevel = SHORT_NAME_LEVEL[word];
  if (!counts.length && shortLevel) {
    // A page that names a province is not about a place elsewhere: "成渝地区双城经济圈" in a 重庆 page is
    // no 双城区 of 黑龙江.
    const provinces = idx.all.filter((d) => d.level === 'province' && count(hay, idx.namesOf(d)) > 0);
    const inNamedProvince = (d: Division) => !provinces.length || d.parents.some((p) => provinces.includes(p));
    counts = candidates
      .filter((d) => d.level === shortLevel && d.name.length >= 3 && d.name.endsWith(word) && inNamedProvince(d))
      .map((d) => ({ d, n: shortMentions(d, text, chrome) }))
      .filter((c) => c.n >= 2);
  }
  // 南县 is read inside every 苍南县: a name found only within a longer candidate's name is not a mention.
  counts = counts.filter((c) => !counts.some((o) => o !== c && o.d.name.length > c.d.name.length && o.d.name.includes(c.d.name) && o.n >= c.n));
  const top = Math.max(0, ...counts.map((c) => c.n));
  let best = counts.filter((c) => c.n === top);
  // Two places of one name (通州区 of 北京 and of 南通) said equally often: the one whose province or
  // prefecture the page names ("北京市通州区…").
  if (best.length > 1) {
    const chosen = mostMentioned(best.map((c) => c.d), hay);
    if (chosen) best = best.filter((c) => c.d === chosen);
  }
  if (best.length === 1) {
    const { d, n } = best[0];
    return {
      jurisdiction: toJurisdiction(d),
      warnings: [{ code: 'jurisdiction_inferred', message: `the title says only "${word}人大"; ${d.name} inferred from ${n} mention(s) in the text` }],
    };
  }
  const message = best.length
    ? `the title says only "${word}人大" and the text names ${describe(best.map((c) => c.d))} equally often`
    : `the title says only "${word}人大" and the text names no ${word}`;
  return { jurisdiction: NONE, warnings: [{ code: best.length ? 'jurisdiction_ambiguous' : 'jurisdiction_unknown', message }] };
}

/**
 * Mentions of a place by its name without 市/区/县, counted as evidence: once in the running text could
 * be an ordinary word (长治久安), so a mention counts one; a mention right after the name of its province
 * or prefecture ("上海嘉定", "温州永嘉"), or in the chrome (a site's name, "来源：…", where nothing is
 * ordinary prose), is meant as the place and counts two.
 */
function shortMentions(d: Division, text: string, chrome: string): number {
  const short = d.name.slice(0, -1);
  const parents = d.parents.flatMap((p) => divisions().namesOf(p)).filter((n) => /^[\u4e00-\u9fff]+$/.test(n));
  const afterParent = parents.length ? (text.match(new RegExp(`(?:${parents.join('|')})${short}`, 'g'))?.length ?? 0) : 0;
  return count(text, [short]) + afterParent + 2 * count(chrome, [short]);
}

function mostMentioned(candidates: Division[], hay: string): Division | undefined {
  const parentNames = (d: Division) => d.parents.flatMap((p) => divisions().namesOf(p));
  const scored = candidates.map((d) => ({ d, n: count(hay, parentNames(d)) }));
  const top = Math.max(...scored.map((s) => s.n));
  const best = scored.filter((s) => s.n === top);
  return top > 0 && best.length === 1 ? best[0].d : undefined;
}

/**
 * As count, but a two-character county name (和县, 南县, 沙县) only where it stands on its own: after no Han
 * character, or after the name of the province or prefecture it belongs to ("安徽省和县", "马鞍山市和县").
 * Inside a run of text, or after a quoted phrase, it is usually two words ("党代会和县委", "全市和县直部门",
 * "“两海两绿”和县委", "湖南县域"), or the
 * tail of a longer name (苍南县).
 */
function countStandalone(hay: string, names: string[], parentNames: string[]): number {
  const isShort = (n: string) => n.length === 2 && /[县区旗]$/.test(n);
  const long = names.filter((n) => !isShort(n));
  const short = names.filter(isShort);
  if (!short.length) return count(hay, long);
  // (Not after a closing quote or bracket: "…“两海两绿”和县委…" joins two phrases.)
  const after = ['^', '[^\\u4e00-\\u9fff”’》」』）)\\]】]', ...parentNames.filter((n) => /^[\u4e00-\u9fff]+$/.test(n))].join('|');
  const alone = hay.match(new RegExp(`(?<=${after})(${short.join('|')})`, 'g'))?.length ?? 0;
  return count(hay, long) + alone;
}

/** Non-overlapping occurrences of any of the names; longest first so 吉林省 counts once, not as 吉林 too. */
function count(hay: string, names: string[]): number {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  if (!sorted.some((n) => hay.includes(n))) return 0;
  return hay.match(new RegExp(sorted.join('|'), 'g'))?.length ?? 0;
}

/** "旗人大常委会" and no banner named: the towns the text names may settle which county it is. */
function withTowns(r: JurisdictionResult, text: string, word: string): JurisdictionResult {
  if (r.jurisdiction.code !== null || !/^(县|区|旗|市)$/.test(word)) return r;
  const county = countyOfTowns(text.slice(0, BODY_HEAD), (d) => d.name.endsWith(word));
  if (!county) return r;
  return {
    jurisdiction: toJurisdiction(county),
    warnings: [{ code: 'jurisdiction_inferred', message: `the text says only "${word}人大"; ${county.name} inferred from the towns it names` }],
  };
}

function toJurisdiction(d: Division): Jurisdiction {
  return { name: d.name, code: d.code, level: d.level, province: d.province, prefecture: d.prefecture };
}

function named(name: string, code: string, message: string): JurisdictionResult {
  return { jurisdiction: { ...NONE, name }, warnings: [{ code, message }] };
}

function describe(ds: Division[]): string {
  return ds.map((d) => `${d.name} ${d.code} (${[d.province, d.prefecture].filter((x) => x && x !== d.name).join('')})`).join(', ');
}

/**
 * Which of the candidates' names occur in `hay`, in one pass over it: names bucketed by their first
 * character, each checked only where that character stands. The same answer as asking `includes`
 * of every name, without reading the text once per name (a county-level "县人大" has ~1,300
 * candidates).
 */
function namesIn(hay: string, word: string, candidates: Division[], own: (d: Division) => string[]): Set<string> {
  let byFirst = bucketsByWord.get(word);
  if (!byFirst) bucketsByWord.set(word, (byFirst = buckets(candidates, own)));
  const found = new Set<string>();
  for (let i = 0; i < hay.length; i++) {
    const bucket = byFirst.get(hay[i]);
    if (!bucket) continue;
    for (const name of bucket) if (hay.startsWith(name, i)) found.add(name);
  }
  return found;
}

/** The candidates for a word are always the same divisions: they and their buckets are made once. */
const candidatesByWord = new Map<string, Division[]>();
const bucketsByWord = new Map<string, Map<string, string[]>>();

function buckets(candidates: Division[], own: (d: Division) => string[]): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  for (const d of candidates) {
    for (const name of own(d)) {
      if (!name) continue;
      const bucket = byFirst.get(name[0]);
      if (!bucket) byFirst.set(name[0], [name]);
      else if (!bucket.includes(name)) bucket.push(name);
    }
  }
  return byFirst;
}
