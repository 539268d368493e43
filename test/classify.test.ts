import { describe, expect, it } from 'vitest';
import { classify } from '../pipeline/analyse/items/classify.js';

const kind = (text: string, context?: string[]) => classify(text, context).kind;

describe('classify: precedence from the contract', () => {
  it.each([
    ['听取审议《中华人民共和国食品安全法》贯彻实施情况执法检查的报告。', 'law_check'],
    ['对《中华人民共和国食品安全法》等4部法律法规在我县贯彻实施情况开展执法检查', 'law_check'],
    ['听取审议县政府关于2023年县级预算调整方案（草案）报告并作出决议。', 'decision'],
    ['批准2022年县级财政决算。', 'decision'],
    ['审议通过《濮阳县人民代表大会常务委员会2023年度工作要点（草案）》', 'decision'],
    ['听取审议市政府关于食品安全工作情况的报告，并开展专题询问。', 'inquiry'],
    ['对县检察院、审计局等9个部门开展工作评议、负责人履职评议。', 'evaluation'],
    ['听取审议县政府关于一类建议办理情况的报告，并进行满意度测评。', 'report'],
    ['审议《濮阳县国土空间总体规划（2021—2035）（审议稿）》。', 'report'],
    ['审议《某某市物业管理条例（草案）》。', 'legislation'],
    ['表决《某某市文明行为促进条例》。', 'legislation'],
    ['对全县公积金管理情况开展调研。', 'research'],
    ['组织代表视察重点项目建设。', 'research'],
    ['规范做好选举任免工作。依法任免国家机关工作人员。', 'appointment'],
    ['推动代表建议办理提质增效。', 'deputy'],
    ['加强代表联络站建设。', 'deputy'],
    ['全面加强党的建设。把党的政治建设摆在首位。', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('lists every act mentioned in kinds, in precedence order', () => {
    expect(classify('听取审议县政府关于环境状况的报告，对全县黄河生态廊道绿化情况开展调研。').kinds).toEqual(['report', 'research']);
  });

  it('is not fooled by act words inside committee names, law titles and compound words', () => {
    expect(kind('（由常委会选举任免代表联络工作委员会负责组织实施）对全县物业管理开展调研。')).toBe('research');
    expect(kind('修订《河南省各级人民代表大会代表视察办法》。')).toBe('legislation');
    expect(kind('重大事项及时向县委请示报告。')).toBe('other');
    expect(kind('认真执行任前审核把关、任前法律知识考试、任前询问等制度。')).toBe('appointment');
    expect(kind('不断提升法治素养和执法检查水平。')).toBe('other');
  });

  it('decides by the lead sentence when the details only mention other acts', () => {
    expect(kind('邀请代表列席常委会会议。结合常委会审议议题，邀请参加有关视察、调研活动的代表列席。')).toBe('deputy');
    expect(kind('做好理论研究和宣传工作。大力宣传人大代表履职活动。')).toBe('other');
  });

  it('calls a paragraph that tallies several kinds of activity other', () => {
    const c = classify('全年召开常委会会议8次，听取审议专项工作报告20项，开展执法检查6次，组织视察调研12次。');
    expect(c.kind).toBe('other');
    expect(c.rule).toBe('other.tally');
    expect(c.kinds).toEqual(['law_check', 'report', 'research', 'other']);
  });

  it('falls back on the section heading for bare items, with lower confidence', () => {
    const c = classify('对县行政服务中心工作情况。', ['专题调研（11项）']);
    expect(c.kind).toBe('research');
    expect(c.confidence).toBeLessThan(0.7);
  });
});
