import { describe, expect, it } from 'vitest';
import { committeeKey, findLeadCommittee, resolveAbbreviation } from '../pipeline/analyse/items/committee.js';
import { extractLaws } from '../pipeline/analyse/items/laws.js';
import { extractMonths } from '../pipeline/analyse/items/months.js';
import { findOrgan } from '../pipeline/analyse/items/organ.js';

describe('extractMonths', () => {
  it.each([
    ['（拟安排在3月份举行的常委会会议上进行）', [3]],
    ['（拟于9月份启动）', [9]],
    ['6月底前，先期在县人民法院……；6月底前，在行政服务大厅建设代表监督站。10月底，完成乡镇示范点全面建设', [6, 10]],
    ['6月份、11月份督导县乡人大代表述职。', [6, 11]],
    ['年初（3—4月）开展集中视察', [3, 4]],
    ['7月份，以线上培训的方式；9月份，举办专题培训班', [7, 9]],
    ['从4月开始，继续采取工作机制。8月底前组织座谈会', [4, 8]],
    ['拟安排在第三季度进行', [7, 8, 9]],
    ['拟于十一月份进行', [11]],
    ['2023年12月，市人大常委会法工委被评为先进单位', [12]],
    ['6月下旬，对全市贯彻实施情况开展执法检查', [6]],
  ])('%s → %j', (text, months) => {
    expect(extractMonths(text)).toEqual(months);
  });

  it.each([
    '听取审议县政府关于2022年财政决算和2023年1—7月份预算执行情况的报告',
    '关于2023年上半年国民经济和社会发展计划执行情况的报告',
    '关于1-9月份全县经济运行情况的报告',
    '对《河南省乡镇人大工作条例（2021年7月修订）》开展调研',
    '《条例》自2023年3月1日起施行',
    '每月一通报，每季度一排名',
  ])('no schedule month in %s', (text) => {
    expect(extractMonths(text)).toEqual([]);
  });
});

describe('committees', () => {
  it.each([
    ['财经工作委员会', 'finance_economy'],
    ['财政经济委员会', 'finance_economy'],
    ['财经委', 'finance_economy'],
    ['预算工作委员会', 'budget'],
    ['监察和司法委员会', 'legal_judicial'],
    ['法制工作委员会', 'legal_judicial'],
    ['法制和监察工作委员会', 'legal_judicial'],
    ['内务司法委员会', 'legal_judicial'],
    ['社会建设工作委员会', 'social'],
    ['教科文卫工作委员会', 'education_science_culture_health'],
    ['教育科学文化卫生委员会', 'education_science_culture_health'],
    ['农业与农村委员会', 'agriculture_rural'],
    ['农村工作委员会', 'agriculture_rural'],
    ['环境与资源保护委员会', 'environment_resources'],
    ['城乡建设环境保护工作委员会', 'environment_resources'],
    ['民族华侨外事委员会', 'ethnic_foreign'],
    ['选举任免代表联络工作委员会', 'deputy_affairs'],
    ['选工委', 'deputy_affairs'],
    ['代表工作委员会', 'deputy_affairs'],
    ['人事代表选举工作委员会', 'deputy_affairs'],
    ['办公室', 'office'],
    ['研究室', 'research_office'],
    ['信访局', 'other'],
  ])('%s → %s', (name, key) => {
    expect(committeeKey(name)).toBe(key);
  });

  it('finds the lead body named as responsible, skipping generic ones', () => {
    expect(findLeadCommittee('（拟安排在3月份举行的常委会会议上进行，由常委会社会建设工作委员会负责做好相关工作）')).toEqual({ raw: '社会建设工作委员会', key: 'social' });
    expect(findLeadCommittee('由常委会选举任免代表联络工作委员会做好相关工作')?.key).toBe('deputy_affairs');
    expect(findLeadCommittee('（责任科室为各有关工作委员会）……（责任科室为选工委）')).toEqual({ raw: '选工委', key: 'deputy_affairs' });
    expect(findLeadCommittee('牵头单位：市人大常委会财经委')?.key).toBe('finance_economy');
    expect(findLeadCommittee('由常委会代表工委直接询问代表对建议办理的满意度')?.key).toBe('deputy_affairs');
    expect(findLeadCommittee('重点督办建议由省级领导领办')).toBeNull();
    expect(findLeadCommittee('（拟安排在4月份举行的常委会会议上进行）')).toBeNull();
  });

  it('resolves table abbreviations through the names the file uses', () => {
    const names = ['社会建设工作委员会', '财经工作委员会', '法制和监察工作委员会', '办公室'];
    expect(resolveAbbreviation('法', names)).toEqual({ raw: '法制和监察工作委员会', key: 'legal_judicial' });
    expect(resolveAbbreviation('办', names)).toEqual({ raw: '办公室', key: 'office' });
    expect(resolveAbbreviation('农', names)).toEqual({ raw: '农', key: 'agriculture_rural' });
  });
});

describe('organ', () => {
  it.each([
    ['听取审议县政府关于信访工作情况的报告', 'government'],
    ['听取审议县人民法院关于执行工作情况的报告', 'court'],
    ['听取审议县检察院关于民事检察工作情况的报告', 'procuratorate'],
    ['适时听取审议县监察委员会关于专项工作情况的报告', 'supervision_commission'],
    ['听取审议《中华人民共和国食品安全法》贯彻实施情况执法检查的报告', 'standing_committee'],
    ['审议2023年度规范性文件备案审查工作情况的报告', 'standing_committee'],
    ['听取和审议了市政府2023年民生实事项目办理情况报告', 'government'],
  ])('%s → %s', (text, organ) => {
    expect(findOrgan(text)).toBe(organ);
  });

  it('is null when no report is heard', () => {
    expect(findOrgan('对全县公积金管理情况开展调研')).toBeNull();
  });
});

describe('laws', () => {
  it('takes legal instruments from 《》 and full titles from quotes, not plans or slogans', () => {
    expect(extractLaws('听取审议《中华人民共和国安全生产法》和《河南省安全生产条例》贯彻实施情况执法检查的报告')).toEqual([
      '中华人民共和国安全生产法',
      '河南省安全生产条例',
    ]);
    expect(extractLaws('对“河南省乡镇人大工作条例”贯彻执行情况开展调研')).toEqual(['河南省乡镇人大工作条例']);
    expect(extractLaws('审议《濮阳县国土空间总体规划（2021—2035）（审议稿）》')).toEqual([]);
    expect(extractLaws('优化营商环境“两条例一决定”执法检查')).toEqual([]);
    expect(extractLaws('审议《某某市物业管理条例（草案）》')).toEqual(['某某市物业管理条例']);
  });
});
