import type { Committee, CommitteeKey } from '../../../schemas/index.js';

/**
 * The lead body named as responsible for an item, and the one table that maps the many real names
 * of people's congress committees onto the contract's keys. Order matters: the first pattern that
 * matches wins, so narrower names come before the broad ones they contain (预算 before 财经,
 * 选举任免代表联络 before anything with 法/监察, 社会建设 before 城乡建设).
 *
 * | key | names seen in plans (full and short) |
 * |---|---|
 * | budget | 预算工作委员会, 预算工委, 预工委, 财政预算… |
 * | deputy_affairs | 代表工作委员会, 代表工委, 选举任免代表联络工作委员会, 选工委, 人事代表选举工作委员会, 人代工委, 代表资格审查委员会, 代表联络… |
 * | legal_judicial | 法制委员会, 法制工作委员会, 法工委, 监察和司法委员会, 监司委, 内务司法委员会, 内司委, 法制和监察工作委员会, 政法… |
 * | finance_economy | 财政经济委员会, 财经委, 财经工作委员会, 财经工委, 经济工作委员会… |
 * | social | 社会建设委员会, 社会建设工作委员会, 社会委, 社建委… |
 * | education_science_culture_health | 教育科学文化卫生委员会, 教科文卫(工)委, 科教文卫… |
 * | agriculture_rural | 农业与农村委员会, 农业农村委员会, 农村工作委员会, 农工委, 农委… |
 * | environment_resources | 环境与资源保护委员会, 环资委, 城乡建设环境保护工作委员会, 城环委, 生态环境… |
 * | ethnic_foreign | 民族委员会, 华侨委员会, 外事委员会, 民族华侨外事委员会, 民宗侨外… |
 * | office | 办公室, 办公厅, 秘书处, 秘书长 |
 * | research_office | 研究室, 调研室, 研究处 |
 * | other | any other named lead body |
 */
const KEY_TABLE: Array<[CommitteeKey, RegExp]> = [
  ['budget', /预算|预工委|预工/],
  ['deputy_affairs', /代表|选举|选工|人事|人代|资格审查|任免|联络/],
  ['social', /社会建设|社会委|社建|社会工作委/],
  ['education_science_culture_health', /教|科|文|卫/],
  ['agriculture_rural', /农/],
  ['environment_resources', /环境|环资|环保|资源|生态|城建|城环|城乡建设/],
  ['ethnic_foreign', /民族|华侨|侨|外事|民宗|港澳台/],
  ['legal_judicial', /法|监察|司法|政法|内务|内司|监司/],
  ['finance_economy', /财|经济|经委/],
  ['research_office', /研究室|调研室|研究处/],
  ['office', /办公室|办公厅|秘书处|秘书长|^办$/],
];

export function committeeKey(name: string): CommitteeKey {
  const core = name.replace(/^(省|市|县|区|州|旗)?(人大)?(常委会|常务委员会)?/, '');
  for (const [key, re] of KEY_TABLE) if (re.test(core)) return key;
  return 'other';
}

/** A committee-like name: ends in 委员会, 工委, 委, 办公室, 研究室 or 室. */
// A name ending in a bare 委 needs two characters before it ("财经委", "农委" is too short to trust
// after OCR turned 常委会 into "第委会").
const BODY =
  '(?:[省市县区州旗])?(?:人大)?(?:常委会|常务委员会)?([\\u4e00-\\u9fff]{1,24}?(?:委员会|工委|办公室|办公厅|研究室|室|办|秘书处)|[\\u4e00-\\u9fff]{2,24}?(?<!常)委)';
const LEAD_PATTERNS: RegExp[] = [
  // "由X负责/牵头/组织实施/做好…" and any other task given to X ("由代表工委直接询问代表").
  new RegExp(`由${BODY}(?:具体|牵头|直接|统一|负责)?(?:负责|牵头|组织|承办|做好|会同|主办|[\\u4e00-\\u9fff])`),
  // "责任单位：", "牵头部门：", "承办：", "负责委室为": a label, then the body (the first of several).
  new RegExp(`(?:(?:责任|牵头|承办|主办|负责)(?:单位|科室|部门|委室|机构)(?:为|是|[:：])|(?:责任|牵头|承办|主办)[:：])\\s*${BODY}`),
  // "监察和司法委员会负责。", "（市人大城建环资委、市人大常委会法工委负责）": the first body named.
  new RegExp(`(?:^|[。；，：（\\s])${BODY}(?:、[^，。；（）]{1,24}?)*(?:具体|牵头)?(?:负责|牵头|承办|组织实施)(?!人|同志|的)`),
  // A committee as the subject that acts, as news and chronicles write it: "5月9日，农业与农村委赴…调研",
  // "法工委召开…座谈会", "侨民宗委、外事委联合…" (the first named).
  new RegExp(`^(?:(?:\\d{4}年)?\\d{1,2}月\\d{1,2}[日号](?:上午|下午|晚)?[，,]\\s*)?${BODY}(?:、[^，。；（）]{1,24}?)*(?:赴|到|深入|召开|开展|组织|举行|会同|联合|前往|走访|调研|视察)`),
];

/** Bodies that name no one in particular. */
const GENERIC = /^(各|有关|相关|各有关|各相关|其他)/;

export function findLeadCommittee(text: string): Committee | null {
  for (const re of LEAD_PATTERNS) {
    const g = new RegExp(re.source, 'g');
    for (const m of text.matchAll(g)) {
      const raw = m[1].replace(/^(常委会|常务委员会)/, '');
      if (GENERIC.test(raw)) continue;
      return { raw, key: committeeKey(raw) };
    }
  }
  return null;
}

/** Every committee-like name in a text, for resolving abbreviations such as （财） in tables. */
export function committeeNames(text: string): string[] {
  const re = /(?:常委会|常务委员会)([\u4e00-\u9fff]{0,20}?(?:委员会|工委|办公室|研究室))/g;
  const names = new Set<string>();
  for (const m of text.matchAll(re)) if (!GENERIC.test(m[1])) names.add(m[1]);
  return [...names];
}

/**
 * Resolve an abbreviation through the names the same file uses: （财） → the one name that starts
 * with 财. When the file names none, the abbreviation itself goes through the key table.
 */
export function resolveAbbreviation(abbrev: string, names: string[]): Committee {
  const hits = names.filter((n) => n.startsWith(abbrev));
  if (hits.length >= 1) {
    const shortest = hits.sort((a, b) => a.length - b.length)[0];
    return { raw: shortest, key: committeeKey(shortest) };
  }
  return { raw: abbrev, key: ABBREVIATIONS[abbrev[0]] ?? committeeKey(abbrev) };
}

/** The first character of a committee's name, as agenda tables abbreviate it. */
const ABBREVIATIONS: Record<string, CommitteeKey> = {
  财: 'finance_economy', 经: 'finance_economy', 预: 'budget', 法: 'legal_judicial', 监: 'legal_judicial',
  司: 'legal_judicial', 内: 'legal_judicial', 社: 'social', 教: 'education_science_culture_health',
  科: 'education_science_culture_health', 农: 'agriculture_rural', 环: 'environment_resources',
  城: 'environment_resources', 民: 'ethnic_foreign', 侨: 'ethnic_foreign', 外: 'ethnic_foreign',
  选: 'deputy_affairs', 代: 'deputy_affairs', 人: 'deputy_affairs', 办: 'office', 研: 'research_office',
};
