import { describe, expect, it } from 'vitest';
import { analyseOne, analyseText } from './helpers.js';

const only = analyseOne;
const paths = (text: string) => only(text).items.map((i) => `${i.path} ${i.number ?? '-'}`);

describe('segment: numbered documents', () => {
  it('infers nesting from the order marker styles first appear: （一） above 1. above （1）', () => {
    const doc = only(`某某市人大常委会2024年度监督工作计划
（一）听取和审议专项工作报告
1. 听取审议市政府关于城市管理工作情况的报告。
（1）重点了解垃圾分类。
（2）重点了解停车治理。
2. 听取审议市政府关于养老服务情况的报告。
（二）开展执法检查
1. 对《中华人民共和国消防法》实施情况开展执法检查。`);
    expect(doc.sections.map((s) => `${s.path} ${s.title}`)).toEqual([
      '1 听取和审议专项工作报告',
      '1.1 听取审议市政府关于城市管理工作情况的报告。',
      '2 开展执法检查',
    ]);
    expect(doc.items.map((i) => `${i.path} ${i.number}`)).toEqual(['1.1.1 （1）', '1.1.2 （2）', '1.2 2.', '2.1 1.']);
  });

  it('handles the reverse order: 1. above （一）', () => {
    expect(paths(`某某县人大常委会2024年工作要点
1. 加强监督工作
（一）听取审议县政府关于财政决算的报告。
（二）开展专题调研。
2. 加强代表工作
（一）组织代表培训。`)).toEqual(['1.1 （一）', '1.2 （二）', '2.1 （一）']);
  });

  it('reads 一是/二是 under 一、 and tolerates ASCII and OCR variants of markers', () => {
    expect(paths(`某某县人大常委会2023年度代表工作计划
一 、在示范点建设上下功夫
一是搞好两点一面建设。
二是将基层示范点向行业延伸。
二.其他
1，组织代表视察。
2，组织代表培训。`)).toEqual(['1.1 一是', '1.2 二是', '2.1 1，', '2.2 2，']);
  });

  it('makes a numbered heading with several paragraphs a section, and headings of the same style alike', () => {
    const doc = only(`某某县人民代表大会常务委员会工作报告
一、坚持党的领导
全年召开党组会议12次。
组织集中学习8次。
二、依法开展监督
听取审议县政府关于财政预算执行情况的报告。`);
    expect(doc.sections.map((s) => s.path)).toEqual(['1', '2']);
    expect(doc.items.map((i) => `${i.path} ${i.number ?? '-'} ${i.text}`)).toEqual([
      '1.1 - 全年召开党组会议12次。',
      '1.2 - 组织集中学习8次。',
      '2.1 - 听取审议县政府关于财政预算执行情况的报告。',
    ]);
  });

  it('keeps a heading and its one description paragraph together as one item in plans', () => {
    const doc = only(`某某县人大常委会2024年代表工作计划
一、密切代表联系
1.完善常委会组成人员联系代表制度
修订联系代表办法，实现联系的规范化。
2.开展代表接待日活动
常委会领导定期接待代表。`);
    expect(doc.items.map((i) => `${i.path} ${i.number} ${i.text.split('\n')[0]}`)).toEqual(['1.1 1. 完善常委会组成人员联系代表制度', '1.2 2. 开展代表接待日活动']);
  });

  it('records declared counts and warns when the items found differ', () => {
    const doc = only(`某某县人大常委会2023年度监督工作计划
一、听取审议工作报告（3 项）
1. 听取审议县政府关于信访工作情况的报告。
2. 听取审议县政府关于就业工作情况的报告。
二、专题调研（1项）
1. 对全县物业管理工作情况开展调研。`);
    expect(doc.sections.map((s) => [s.declaredCount, s.itemCount])).toEqual([[3, 2], [1, 1]]);
    expect(doc.warnings.map((w) => w.code)).toContain('declared_count_mismatch');
  });

  it('drops the preamble, the adoption note and annex labels', () => {
    const doc = only(`河南省人大常委会2025年度代表工作计划
(2025年2月13日省十四届人大常委会第46次主任会议通过)
2025年度省人大常委会代表工作,以习近平新时代中国特色社会主义思想为指导。
一、深化常委会同代表联系
1.完善常委会组成人员联系代表制度。
2.开展常委会领导接待代表日活动。
附件：议题安排表`);
    expect(doc.adoptedDate).toBe('2025-02-13');
    expect(doc.items.map((i) => i.text)).toEqual(['完善常委会组成人员联系代表制度。', '开展常委会领导接待代表日活动。']);
  });
});

describe('segment: unnumbered reports and news', () => {
  it('makes one-line headings sections and paragraphs items; a heading followed by a heading is a major one', () => {
    const doc = only(`某某市人民代表大会常务委员会工作报告
2023年主要工作回顾
坚持依法监督，更好发挥人大作用
聚焦经济运行持续监督。听取和审议计划、预算执行情况的报告。
聚焦生态环境依法监督。6月下旬，对全市贯彻实施水污染防治法情况开展执法检查。
加强代表工作，更好凝聚人大力量
完善代表履职平台。对代表联络站进行提档升级。
2024年主要任务
突出政治引领。坚持党的全面领导。`);
    expect(doc.sections.map((s) => `${s.path} ${s.title}`)).toEqual([
      '1 2023年主要工作回顾',
      '1.1 坚持依法监督，更好发挥人大作用',
      '1.2 加强代表工作，更好凝聚人大力量',
      '2 2024年主要任务',
    ]);
    expect(doc.items.map((i) => `${i.path} ${i.kind} ${i.months.join(',')}`)).toEqual([
      '1.1.1 report ',
      '1.1.2 law_check 6',
      '1.2.1 deputy ',
      '2.1 other ',
    ]);
    // Read at the 2024 session, it reviews 2023.
    expect(doc.year).toBe(2024);
    expect(doc.reviewYear).toBe(2023);
  });
});

describe('segment: tables', () => {
  it('splits agenda cells into items that inherit the row month and resolve committee abbreviations', () => {
    const docs = analyseText(`汤阴县人民代表大会常务委员会2023年度监督工作计划
1. 听取审议县政府关于信访工作情况的报告。（由常委会法制工作委员会负责）
2. 对全县物业管理情况开展调研。（由常委会社会建设工作委员会负责）
附件：
县人大常委会会议2023年度议题安排表
| 时间 | 会议议题 |
|-----|---|
| 3月 | 1. 听取审议县政府关于2023年重大事项的报告；（办） 2. 听取审议县政府关于信访工作情况的报告。（法） |
| 6月 | 1. 听取审议县政府关于2022年财政决算和2023年1—5月份预算执行情况的报告；（财） 2. 审议物业管理调研报告。（社） |`);
    expect(docs.map((d) => d.docType)).toEqual(['supervision_plan', 'agenda']);
    const agenda = docs[1];
    expect(docs[0].jurisdiction.code).toBe('410523');
    expect(agenda.jurisdiction).toEqual(docs[0].jurisdiction);
    expect(agenda.warnings).toEqual([]);
    expect(agenda.sections.map((s) => `${s.path} ${s.title} ${s.itemCount}`)).toEqual(['1 3月 2', '2 6月 2']);
    expect(agenda.items.map((i) => `${i.path} ${i.number} ${i.months} ${i.committee?.key} ${i.committee?.raw}`)).toEqual([
      '1.1 1. 3 office 办',
      '1.2 2. 3 legal_judicial 法制工作委员会',
      '2.1 1. 6 finance_economy 财',
      '2.2 2. 6 social 社会建设工作委员会',
    ]);
  });

  it('reads task tables whose rows are items, with time and lead columns', () => {
    const doc = only(`某某市人大常委会2024年度监督工作计划
| 序号 | 工作内容 | 时间安排 | 牵头单位 |
|---|---|---|---|
| 1 | 听取审议市政府关于食品安全工作情况的报告 | 6月 | 市人大常委会教科文卫工委 |
| 2 | 对《中华人民共和国道路交通安全法》实施情况开展执法检查 | 第三季度 | 市人大常委会法工委 |`);
    expect(doc.items.map((i) => `${i.number} ${i.kind} ${i.months.join(',')} ${i.committee?.key}`)).toEqual([
      '1 report 6 education_science_culture_health',
      '2 law_check 7,8,9 legal_judicial',
    ]);
  });
});

describe('segment: unnumbered headings over numbered items', () => {
  it('makes a short unnumbered line followed by numbered items a section of its own', () => {
    const doc = only(`某某县人大常委会2024年度监督工作计划
听取和审议专项工作报告
1. 听取审议县政府关于养老服务工作情况的报告。（拟安排在4月份）
2. 听取审议县人民法院关于审判工作情况的报告。（拟安排在6月份）
执法检查
1. 对《中华人民共和国消防法》贯彻实施情况开展执法检查。（拟安排在9月份）`);
    expect(doc.sections.map((s) => `${s.path} ${s.title} ${s.itemCount}`)).toEqual(['1 听取和审议专项工作报告 2', '2 执法检查 1']);
    expect(doc.items.map((i) => `${i.path} ${i.kind} ${i.months}`)).toEqual(['1.1 report 4', '1.2 report 6', '2.1 law_check 9']);
  });
});

describe('segment: legislation plans and official dates', () => {
  it('reads bills listed by title and years written in Chinese numerals', () => {
    const doc = only(`某某市人大常委会二〇二四年立法工作计划
一、继续审议项目
1.《某某市物业管理条例》（修订）
2. 某某市养老服务条例（制定）
二、年底前完成立法调研
1. 开展城市更新立法调研。`);
    expect(doc.year).toBe(2024);
    expect(doc.docType).toBe('legislation_plan');
    expect(doc.items.map((i) => `${i.kind} ${i.laws.join('/')}`)).toEqual(['legislation 某某市物业管理条例', 'legislation ', 'legislation ']);
  });
});

describe('segment: the closing word of a plan', () => {
  it('is not glued to the last item of a numbered plan, but is an item of an unnumbered report', () => {
    const plan = only(`某某县人大常委会2024年度监督工作计划
1. 听取审议县政府关于信访工作情况的报告。
2. 对全县物业管理情况开展调研。
各牵头单位要提前制定实施方案，按时提交审议报告。本计划执行中如需调整，由主任会议研究决定。`);
    expect(plan.items.map((i) => i.text)).toEqual(['听取审议县政府关于信访工作情况的报告。', '对全县物业管理情况开展调研。']);
    const report = only(`某某县人民代表大会常务委员会工作报告
2023年主要工作回顾
加强监督，推动发展
听取审议县政府关于信访工作情况的报告。
各有关部门要认真落实审议意见，常委会跟踪督办。`);
    expect(report.items.map((i) => i.text.slice(0, 6))).toEqual(['听取审议县政', '各有关部门要']);
  });
});
