import { describe, expect, it } from 'vitest';
import { classify } from '../pipeline/analyse/items/classify.js';
import { isClutterLine } from '../pipeline/text/clutter.js';
import { bodyDocType, detectDocType, findYears } from '../pipeline/analyse/document/docmeta.js';
import { resolveJurisdiction } from '../pipeline/analyse/document/jurisdiction.js';
import { analyseOne } from './helpers.js';

/**
 * The rules the later batches of real pages (l, m, n, o) asked for: meeting news, agendas whose entries go
 * on after a comma, sign-offs, resolutions on a report. Every sentence here is made up (see
 * real-rules-independence.test.ts).
 */
const only = analyseOne;

describe('agendas: an entry that goes on with an act of its own', () => {
  it('"，并进行专题询问" and "，审查和批准…" start entries; "，批准…" approves what was just reviewed', () => {
    const doc = only(`9月3日，区人大常委会召开第六次主任会议。
会议决定，区人大常委会第九次会议于9月20日召开，建议议程为：听取和审议区政府养老服务工作情况的报告，并开展专题询问；听取和审议区政府上年决算草案的报告，审查和批准上年区级决算，并作出决议；审查区政府计划执行情况的报告，批准计划调整方案；审议人事任免事项。`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['听取和审议区', '并开展专题询', '听取和审议区', '审查和批准上', '并作出决议；', '审查区政府计', '审议人事任免']);
    expect(doc.items.map((i) => i.kind)).toEqual(['report', 'inquiry', 'report', 'decision', 'decision', 'decision', 'appointment']);
    expect(doc.items.every((i) => i.months.join() === '9')).toBe(true);
  });

  it('a government\'s motion, a budget adjustment plan and setting up a committee are decisions; the report made to the session is a report', () => {
    expect(classify('听取和审议区政府关于某某街道职责清单涉及政府履职事项的议案；').kind).toBe('decision');
    expect(classify('听取和审议本区2024年区级预算调整方案（草案）；').kind).toBe('decision');
    expect(classify('大会将表决设立某某区人民代表大会社会建设委员会。').kind).toBe('decision');
    expect(classify('受大会主席团委托，市人大常委会副主任某某向大会作《某某市人大常委会工作报告》。报告指出，一年来常委会依法履职。', [], 'news').kind).toBe('report');
    expect(classify('在主任会议上，秘书长某某就常委会第十次会议议程草案和日程安排作了汇报。', [], 'news').kind).toBe('report');
    // Reporting upward is no report heard.
    expect(classify('常委会党组向市委汇报年度工作。').kind).toBe('other');
  });

  it('a rating or vote that follows a report heard is a step of hearing it', () => {
    expect(classify('并进行满意度测评；').kind).toBe('report');
    expect(classify('并进行问责表决；').kind).toBe('report');
    // …but a vote on a decision is a decision.
    expect(classify('并表决关于加强河道管理的决定；').kind).toBe('decision');
  });
});

describe('meeting news', () => {
  it('who attended, sat on the rostrum or chaired is no item, even with a mirror\'s doubled stops and a byline after it', () => {
    const doc = only(`5月6日，某某县人大常委会举行第十二次会议。
会议听取和审议了县人民政府关于农村公路建设情况的报告。
县人大常委会副主任甲某、乙某出席会议，；县人民政府、县人民法院有关负责人列席会议，。（记者 丙某 通讯员 丁某）
本次会议的执行主席是：甲某、乙某、丙某、丁某。
县委领导甲某、乙某以及主席团其他成员在主席台就座。大会由戊某主持。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => i.text.slice(0, 8))).toEqual(['会议听取和审议了']);
  });

  it('a lede "据某区介绍，12月3日下午，…" opens an article; a speaker\'s words and a reading-time line are no items', () => {
    const doc = only(`本篇文章520字,读完约2分钟
据某某区介绍，12月3日上午，区人大常委会召开代表座谈会，听取代表对常委会工作报告（征求意见稿）的意见。
某某感谢各位代表一年来对常委会工作的支持。她说，常委会将认真吸纳代表们的意见。
某某说，代表们的意见建议将在修改报告时充分吸收。
区人大常委会各工作委员会负责人出席了会议。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => i.text.slice(0, 8))).toEqual(['据某某区介绍，1']);
  });

  it('a paragraph that opens with an act of the meeting is that act, though the report it heard tallies a year', () => {
    expect(
      classify('大会听取了县人大常委会主任某某作的县人民代表大会常务委员会工作报告。某某说，一年来，听取审议专项工作报告20个，开展执法检查4次、专题询问2场，作出决议决定9项。', [], 'news').kind,
    ).toBe('report');
    // A tally that opens the paragraph is still a tally.
    expect(classify('一年来，听取审议专项工作报告20个，开展执法检查4次、专题询问2场，作出决议决定9项。').kind).toBe('other');
  });

  it('what the meeting urges is no act of it; what it studied is an item of kind other', () => {
    const text = '会议传达学习了上级有关会议精神。会议强调，要以养老服务专题询问为抓手，推动各项工作落地。';
    expect(classify(text, [], 'news').kind).toBe('other');
    // …until the meeting acts again.
    expect(classify(`${text}会议还表决通过了关于召开县十九届人大五次会议的决定。`, [], 'news').kind).toBe('decision');
    // Outside news the same words are a plan's own content.
    expect(classify('要以养老服务专题询问为抓手，推动各项工作落地。', [], 'work_points').kind).toBe('inquiry');
    const doc = only(`6月2日，某某县人大常委会召开第十次主任会议。
${text}
会议还听取了县人民政府关于河长制工作情况的汇报。`);
    expect(doc.items.map((i) => i.kind)).toEqual(['other', 'report']);
  });

  it('a feature headline that names the body, then its theme, is news', () => {
    expect(detectDocType('某某人大：三个聚焦推动执法检查落地见效', false)).toBe('news');
    expect(detectDocType('某某县人大常委会：以监督实效回应群众期盼', false)).toBe('news');
    // …but not a document named after the colon.
    expect(detectDocType('某某县人大常委会：2024年立法工作计划', false)).toBe('legislation_plan');
  });

  it('an untitled page whose sentences have the body by its full name as subject is news; the report itself says "常委会"', () => {
    expect(bodyDocType('过去一年，某某县人大常委会紧扣全县大局，依法履职。\n全年召开常委会会议8次。')).toBe('news');
    expect(bodyDocType('时间:2022-05-06 来源:某某网\n某某县人大常委会今年以来，坚持依法监督，开展专项评议。')).toBe('news');
    // A title line or a signature names the body too, but runs on into no clause.
    expect(bodyDocType('某某县人大常委会 关于印发监督办法的通知\n某某县人大常委会监督办法\n第一条 为了规范监督工作，制定本办法。')).not.toBe('news');
  });

  it('a session\'s resolution approving the committee\'s report is a document of its own; approving it is a decision', () => {
    const body = '某某县九届人大二次会议听取并审议了常委会主任某某代表常委会所作的工作报告。会议同意报告对今后工作的安排，决定批准这个报告。';
    expect(bodyDocType(body)).toBe('other');
    expect(classify('会议充分肯定过去一年的工作，决定批准这个报告。').kind).toBe('decision');
  });
});

describe('years and sign-offs', () => {
  it('a delivery date in brackets after the session gives the report\'s year', () => {
    const body = '——在某某市第十届人民代表大会第三次会议上 (2019 年 3 月 12 日) 某某市人大常委会主任 某某 2018 年以来的主要工作 一年来，常委会依法履职。';
    expect(findYears('某某市人大常委会工作报告', body, [], true)).toEqual({ year: 2019, reviewYear: 2018 });
  });

  it('"2021年以来…执行情况" is the execution so far: the page is of 2021', () => {
    const doc = only('日前，区人大常委会召开第五次主任会议。会议确定下次常委会议程为：听取和审议区政府上年决算和2021年以来预算执行情况的报告；审议人事任免事项。');
    expect(doc.year).toBe(2021);
  });

  it('the office and date that sign a call off are no items; nor is its thank-you; a contact line is chrome but a paragraph giving the address is not', () => {
    const doc = only(`为听取群众意见，现公开征集2024年度监督议题建议。
一、征集内容
1.听取和审议专项工作报告的议题；
2.开展执法检查的议题。
二、征集时间
2024年3月1日至2024年3月15日。
三、征集方式
通过电子邮件或信函告知县人大常委会办公室（联系电话：0000-1234567）。请写明议题名称和理由。
衷心感谢社会各界对人大工作的关心和支持。
某某县人大常委会办公室
2024年3月1日`);
    expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual(['report 听取和审议专', 'law_check 开展执法检查', 'other 征集时间\n2', 'other 征集方式\n通']);
    expect(isClutterLine('联系人：某某，联系电话：0000-1234567。')).toBe(true);
    expect(isClutterLine('版权所有：某某县人大常委会办公室。未经授权不得转载。')).toBe(true);
    expect(isClutterLine('通过电子邮件告知县人大常委会办公室（联系电话：0000-1234567）。请写明议题名称和理由。')).toBe(false);
  });
});

describe('places named in passing', () => {
  it('a two-character county name inside a run of text is two words, not that county', () => {
    const text = '会议要求，县人大常委会要围绕党代会和县委确定的目标，依法履职。县人大常委会主任某某讲话。';
    expect(resolveJurisdiction({ title: '', text }).jurisdiction.code).toBeNull();
    expect(resolveJurisdiction({ title: '', text: '会议要求全市和县直部门抓好落实。县人大常委会主任某某讲话。' }).jurisdiction.code).toBeNull();
    expect(resolveJurisdiction({ title: '', text: '安徽省和县人大常委会召开第五次会议。县人大常委会主任某某主持。' }).jurisdiction.code).toBe('340523');
  });
});

describe('plans and reports as web pages print them', () => {
  it('a web table copied as text ("1 | 某某条例 | 单位 | 3月 | |") is a table: its 序号 cell on a line of its own, two dates, two leads', () => {
    const doc = only(`（2021年2月5日市人大常委会第十次主任会议通过）
2021年立法项目安排如下：
序号
|
法规名称 | 起草单位 | 初审专委 | 送审时间 | 提请审议时间 |
继续审议项目 | |||||
1 | 某某市养犬管理条例 | 市人大常委会法工委 | | 4月 | |
2 | 某某市河道管理条例 | 市水务局 | 城乡建设环境保护委员会 | 3月 | 6月 |
3 | 某某市停车场管理条例 | 市交通局 | 财政经济委员会 | 5月 | 8月 |`);
    expect(doc.docType).toBe('legislation_plan');
    expect(doc.items.map((i) => `${i.text}|${i.months.join(',')}|${i.committee?.key ?? ''}`)).toEqual([
      '某某市养犬管理条例|4|legal_judicial',
      '某某市河道管理条例|3,6|environment_resources',
      '某某市停车场管理条例|5,8|finance_economy',
    ]);
    expect(doc.items.every((i) => i.kind === 'legislation')).toBe(true);
  });

  it('paragraphs of a plan that ends in a table stay its items; a call for bill proposals is no legislation plan', () => {
    const doc = only(`某某县人大常委会2023年工作安排
听取和审议县人民政府关于农村供水工作情况的报告。
开展《中华人民共和国水法》执法检查。
对全县耕地保护工作开展专题调研。
重点项目安排如下：
序号 | 项目 | 时间 |
1 | 听取和审议县人民政府关于审计工作的报告 | 6月 |
2 | 听取和审议县人民政府关于决算的报告 | 7月 |
3 | 听取和审议县人民政府关于国有资产的报告 | 10月 |`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['听取和审议县', '开展《中华人', '对全县耕地保', '重点项目安排', '听取和审议县', '听取和审议县', '听取和审议县']);
    expect(detectDocType('关于公开征集2024年立法项目建议的公告', false)).not.toBe('legislation_plan');
  });

  it('a legislation plan\'s bill lines say when they go to the committee; its 调研项目 are legislation work', () => {
    const doc = only(`某某市人大常委会立法工作总体要求是：提高立法质量。
一、项目安排
（一）审议项目（2件）
（1）《某某市物业管理条例》（拟2022年5月份市人大常委会会议审议）
（2）《某某市控制吸烟条例》（拟2022年9月份市人大常委会会议审议）
（3）《某某市电动自行车管理条例》（拟2022年11月份市人大常委会会议审议）
（二）调研项目
1.某某市古树名木保护条例
2.某某市城市绿化条例`);
    expect(doc.docType).toBe('legislation_plan');
    expect(doc.items.map((i) => i.kind)).toEqual(['legislation', 'legislation', 'legislation', 'legislation', 'legislation']);
  });

  it('"将安排N项议程，审议…；审查…" lists an agenda; "会议听取并研究了…计划" is the meeting\'s act', () => {
    const agenda = only('5月20日，某某自治区人大常委会召开主任会议。根据主任会议建议，常委会第九次会议将安排3项议程，审议《自治区某某条例（草案）》；审查某某州报请批准的单行条例；听取和审议自治区人民政府关于环境状况的报告。');
    expect(agenda.items.map((i) => i.text.slice(0, 4))).toEqual(['审议《自', '审查某某', '听取和审']);
    const news = only(`本报讯 3月2日，市人大常委会召开主任会议。
会议听取并研究了市人大常委会年度工作要点和监督工作计划，要求进一步修改完善。
会议还组织学习了上级人大有关会议精神。`);
    expect(news.items.map((i) => i.text.slice(0, 8))).toEqual(['会议听取并研究了', '会议还组织学习了']);
  });

  it('a report\'s numbered review part ("一、2024年主要工作") with its sections counting from 一 again: the part title and its summary are no items', () => {
    const doc = only(`某某市人民代表大会常务委员会工作报告
进入老年模式
无障碍阅读
> 专题 > 两会 > 工作报告
photo_01.jpg
扫描到手机，新闻随时看
各位代表：
一、2024年主要工作
2024年是极不平凡的一年。一年来，市人大常委会依法履职，共召开常委会会议8次。
一、坚持党的领导，推动创新理论学习
常委会坚持不懈学习党的创新理论，组织集中学习30次。
二、依法履行监督职责
常委会听取和审议专项工作报告20个。`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['常委会坚持不', '常委会听取和']);
  });
});
