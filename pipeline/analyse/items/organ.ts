import type { Organ } from '../../../schemas/index.js';

/**
 * Whose report is heard. The reporting body is named between the verb (听取/审议) and 关于…报告,
 * or right after the verb when there is no 关于; reports of the standing committee's own work
 * (law-enforcement inspections, record review) name no organ but are the committee's.
 */
const ORGAN_WORDS: Array<[Organ, RegExp]> = [
  ['supervision_commission', /监察委|监委/],
  ['court', /法院/],
  ['procuratorate', /检察院/],
  ['standing_committee', /常委会|常务委员会|主任会议|专门委员会|工作委员会|执法检查组/],
  ['government', /政府|审计/],
];

const HEARING = /(听取|审议|审查)(?:和|并)?(?:审议)?了?[^。；]{0,160}?(报告|汇报)/g;
const SPEAKER = /^(?:听取|审议|审查)(?:和|并)?(?:审议)?了?([^。；关]{0,30}?)关于/;
const DIRECT = /^(?:听取|审议|审查)(?:和|并)?(?:审议)?了?((?:[县市省区州旗]|自治[区州县])?(?:人民)?(?:政府|法院|检察院|监察委员会|监委|常委会))/;

export function findOrgan(text: string): Organ | null {
  for (const m of text.matchAll(HEARING)) {
    const organ = organOfHearing(m[0]);
    if (organ) return organ;
  }
  return null;
}

function organOfHearing(hearing: string): Organ | null {
  const who = SPEAKER.exec(hearing)?.[1] || DIRECT.exec(hearing)?.[1] || '';
  if (who) {
    for (const [organ, re] of ORGAN_WORDS) if (re.test(who)) return organ;
    if (/一府一委两院|一府两院/.test(who)) return 'other';
  }
  if (/执法检查|备案审查|代表资格|常委会工作/.test(hearing)) return 'standing_committee';
  if (/预算|决算|审计|国民经济|计划执行|国有资产|环境状况|政府债务|民生实事/.test(hearing)) return 'government';
  // Departments under review (工作评议) report on their rectification: "听取被评议部门整改情况的报告".
  if (/被评议(部门|单位)|[局厅]整改/.test(hearing)) return 'government';
  return who ? 'other' : null;
}
