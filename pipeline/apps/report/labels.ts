import type { CommitteeKey, DocType, ItemKind, Level } from '../../../schemas/index.js';

/**
 * Display labels for the contract's closed vocabularies (schemas/vocabulary.ts). The page is read
 * by people who know the documents' own words, so each label is the Chinese term the plans use;
 * the key stays visible in tooltips and is matched by the table's text filter.
 */
export const KIND_LABELS: Record<ItemKind, string> = {
  law_check: '执法检查',
  decision: '决议决定',
  inquiry: '询问质询',
  evaluation: '评议',
  report: '听取审议报告',
  legislation: '立法',
  research: '调研视察',
  appointment: '选举任免',
  deputy: '代表工作',
  other: '其他',
};

export const COMMITTEE_LABELS: Record<CommitteeKey, string> = {
  finance_economy: '财政经济',
  budget: '预算',
  legal_judicial: '法制、监察和司法',
  social: '社会建设',
  education_science_culture_health: '教育科学文化卫生',
  agriculture_rural: '农业农村',
  environment_resources: '环境与资源保护',
  ethnic_foreign: '民族华侨外事',
  deputy_affairs: '代表工作',
  office: '办公室',
  research_office: '研究室',
  other: '其他机构',
};

export const LEVEL_LABELS: Record<Level, string> = {
  province: '省级',
  prefecture: '市级',
  county: '县级',
};

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  work_points: '工作要点',
  supervision_plan: '监督工作计划',
  deputy_work_plan: '代表工作计划',
  legislation_plan: '立法工作计划',
  decision_plan: '重大事项决定工作计划',
  agenda: '议题安排表',
  work_report: '工作报告',
  implementation_plan: '实施方案',
  news: '新闻',
  other: '其他',
};

export const UNKNOWN_JURISDICTION = '(unknown jurisdiction)';

/**
 * A value from the database through its label table. The database is not constrained to the
 * vocabulary (a newer renda may have widened it), so an unknown key shows as itself.
 */
export function label<K extends string>(table: Record<K, string>, key: string | null): string {
  if (key === null) return '';
  return Object.hasOwn(table, key) ? table[key as K] : key;
}
