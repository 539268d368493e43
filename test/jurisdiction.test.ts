import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveJurisdiction } from '../pipeline/analyse/document/jurisdiction.js';
import type { Jurisdiction } from '../schemas/output.js';

const seed = (name: string) => readFileSync(new URL(`../fixtures/text/${name}`, import.meta.url), 'utf8');
const resolve = (title: string, text = '', fallback?: Jurisdiction) => resolveJurisdiction({ title, text, fallback });
const codes = (r: ReturnType<typeof resolve>) => r.warnings.map((w) => w.code);

const PUYANG_COUNTY: Jurisdiction = { name: '濮阳县', code: '410928', level: 'county', province: '河南省', prefecture: '濮阳市' };

describe('seed titles', () => {
  it.each([
    ['000_aed2f3b3ef629585.txt', '濮阳县人民代表大会常务委员会', PUYANG_COUNTY],
    ['000_aed2f3b3ef629585.txt', '濮阳县人民代表大会常务委员会 2023 年度重大事项决定工作计划', PUYANG_COUNTY],
    [
      '001_754274ce12da7e36.txt',
      '禹州市人民代表大会常务委员会工作报告(摘要)',
      { name: '禹州市', code: '411081', level: 'county', province: '河南省', prefecture: '许昌市' },
    ],
    [
      '002_4ff2a9da724ed550.txt',
      '河南省人大常委会2025年度代表工作计划',
      { name: '河南省', code: '410000', level: 'province', province: '河南省', prefecture: null },
    ],
    [
      '003_056d0c26d8709168.txt',
      '濮阳市人大常委会出台学习宣传贯彻中央人大工作会议精神实施方案',
      { name: '濮阳市', code: '410900', level: 'prefecture', province: '河南省', prefecture: '濮阳市' },
    ],
    [
      '004_17a05f8ec4f51702.txt',
      '广东省人大常委会2023年度代表工作计划',
      { name: '广东省', code: '440000', level: 'province', province: '广东省', prefecture: null },
    ],
  ] as const)('%s: %s', (file, title, expected) => {
    expect(resolve(title, seed(file))).toEqual({ jurisdiction: expected, warnings: [] });
  });
});

describe('titles that name no place', () => {
  const title = '县人大常委会会议 2023 年度议题安排表';

  it('takes the fallback without a warning', () => {
    expect(resolve(title, '', PUYANG_COUNTY)).toEqual({ jurisdiction: PUYANG_COUNTY, warnings: [] });
  });

  it('is unknown without a fallback', () => {
    const r = resolve(title, '听取审议县政府关于2022年度环境状况的报告。');
    expect(r.jurisdiction).toEqual({ name: null, code: null, level: null, province: null, prefecture: null });
    expect(codes(r)).toEqual(['jurisdiction_unknown']);
  });

  it('is unknown when there is no anchor at all', () => {
    expect(codes(resolve('2023 年度工作要点'))).toEqual(['jurisdiction_unknown']);
  });

  it('infers the province of "省人大常委会" from the text, with a warning', () => {
    const r = resolve('省人大常委会2025年度代表工作计划', seed('002_4ff2a9da724ed550.txt'));
    expect(r.jurisdiction.code).toBe('410000');
    expect(codes(r)).toEqual(['jurisdiction_inferred']);
  });

  it('infers a county the text names', () => {
    const r = resolve(title, '为谱写新时代中原更加出彩的濮阳县绚丽篇章贡献力量。健全《濮阳县人大常委会审议意见办理的办法》');
    expect(r.jurisdiction).toEqual(PUYANG_COUNTY);
    expect(codes(r)).toEqual(['jurisdiction_inferred']);
  });

  it('prefers the fallback over inference', () => {
    expect(resolve('省人大常委会工作要点', '河南省', PUYANG_COUNTY).jurisdiction).toBe(PUYANG_COUNTY);
  });
});

describe('ambiguous names', () => {
  const title = '朝阳区人大常委会2024年工作要点';

  it('uses a province named in the text', () => {
    const r = resolve(title, '在北京市委的领导下，区人大常委会……');
    expect(r).toEqual({
      jurisdiction: { name: '朝阳区', code: '110105', level: 'county', province: '北京市', prefecture: null },
      warnings: [],
    });
  });

  it('uses a prefecture named in the text by its short name', () => {
    const r = resolve(title, '为建设现代化新长春贡献人大力量');
    expect(r.jurisdiction).toEqual({ name: '朝阳区', code: '220104', level: 'county', province: '吉林省', prefecture: '长春市' });
  });

  it('uses a chain in the title before the text', () => {
    expect(resolve('吉林省长春市朝阳区人大常委会', '北京市 北京市').jurisdiction.code).toBe('220104');
  });

  it('never guesses', () => {
    const r = resolve(title, '区人大常委会工作的总体要求是……');
    expect(r.jurisdiction).toEqual({ name: '朝阳区', code: null, level: null, province: null, prefecture: null });
    expect(codes(r)).toEqual(['jurisdiction_ambiguous']);
    expect(r.warnings[0].message).toContain('110105');
    expect(r.warnings[0].message).toContain('220104');
  });
});

describe('kinds of division', () => {
  it('a municipality district has no prefecture', () => {
    expect(resolve('上海市浦东新区人大常委会2023年工作要点').jurisdiction).toEqual({
      name: '浦东新区', code: '310115', level: 'county', province: '上海市', prefecture: null,
    });
  });

  it('a municipality is a province', () => {
    expect(resolve('北京市人大常委会2024年度立法工作计划').jurisdiction).toMatchObject({ code: '110000', level: 'province', province: '北京市' });
  });

  it('an autonomous prefecture, in full and short', () => {
    const expected = { name: '延边朝鲜族自治州', code: '222400', level: 'prefecture', province: '吉林省', prefecture: '延边朝鲜族自治州' };
    expect(resolve('延边朝鲜族自治州人大常委会工作报告').jurisdiction).toEqual(expected);
    expect(resolve('延边州人大常委会工作报告').jurisdiction).toEqual(expected);
  });

  it('an autonomous county', () => {
    expect(resolve('长阳土家族自治县人大常委会2023年工作要点').jurisdiction).toEqual({
      name: '长阳土家族自治县', code: '420528', level: 'county', province: '湖北省', prefecture: '宜昌市',
    });
  });

  it('a banner in Inner Mongolia', () => {
    expect(resolve('达拉特旗人大常委会2023年监督工作计划').jurisdiction).toEqual({
      name: '达拉特旗', code: '150621', level: 'county', province: '内蒙古自治区', prefecture: '鄂尔多斯市',
    });
  });

  it('a county-level city run by the province has no prefecture', () => {
    expect(resolve('济源市人大常委会工作报告').jurisdiction).toMatchObject({ code: '419001', level: 'county', prefecture: null });
  });
});

describe('how the name is written', () => {
  it.each([
    ['广东人大常委会2023年工作要点', '440000'],
    ['河南人大', '410000'],
    ['内蒙古人大常委会', '150000'],
    ['广西人大常委会', '450000'],
    ['新疆人大常委会', '650000'],
    ['海南人大常委会', '460000'], // not 海南藏族自治州
    ['吉林人大常委会', '220000'], // not 吉林市
    ['吉林市人大常委会', '220200'],
    ['河南省濮阳市濮阳县人大常委会', '410928'],
    ['河南濮阳县人大常委会', '410928'],
    ['广东省第十四届人民代表大会常务委员会第1次主任会议', '440000'],
    ['关于召开封丘县人大常委会第十次会议的通知', '410727'],
  ])('%s → %s', (title, code) => {
    expect(resolve(title).jurisdiction.code).toBe(code);
  });

  it('濮阳县 is not 濮阳市', () => {
    expect(resolve('濮阳县人大常委会').jurisdiction.level).toBe('county');
  });
});

describe('names not in the dataset', () => {
  it('keeps a made-up name', () => {
    const r = resolve('花果山市人大常委会2023年工作要点');
    expect(r.jurisdiction).toEqual({ name: '花果山市', code: null, level: null, province: null, prefecture: null });
    expect(codes(r)).toEqual(['jurisdiction_not_found']);
  });

  it('keeps only the unknown part of a chain', () => {
    expect(resolve('河南省花果山市人大常委会').jurisdiction.name).toBe('花果山市');
  });

  it('takes no headline run on into the body for a place', () => {
    // The dash between a headline and "市人大常委会" lost: the run before 人大 is no name.
    const r = resolveJurisdiction({ title: '凝心聚力谱写发展新篇章一市人大常委会召开第十次会议', text: '4月20日，市人大常委会召开会议。会议在柳州举行，柳州市人大常委会主任出席。' });
    expect(r.jurisdiction.code).toBe('450200');
    expect(resolve('谱写新篇章一区人大常委会工作纪实').jurisdiction.name).toBeNull();
  });

  it('keeps a zone whose name runs longer than a place', () => {
    expect(resolve('花果山经济技术开发区人大工委2024年工作要点').jurisdiction.name).toBe('花果山经济技术开发区');
  });

  it('rejects a county placed in the wrong province', () => {
    const r = resolve('河北省濮阳县人大常委会');
    expect(r.jurisdiction).toMatchObject({ name: '濮阳县', code: null });
    expect(codes(r)).toEqual(['jurisdiction_not_found']);
  });
});
