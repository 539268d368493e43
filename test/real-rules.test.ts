import { describe, expect, it } from 'vitest';
import { classify } from '../pipeline/analyse/items/classify.js';
import { findLeadCommittee } from '../pipeline/analyse/items/committee.js';
import { bodyDocType, detectDocType, eventYear } from '../pipeline/analyse/document/docmeta.js';
import { normalise } from '../pipeline/normalise/normalise.js';
import { judgeTextLayer } from '../extractors/_pdf-quality.js';
import { analyseOne, plain } from './helpers.js';

/**
 * The general rules issue 10's real pages asked for, each on text written for the test (no sentence
 * here is copied from fixtures/real/): how untitled excerpts, news, mirror copies and work reports are
 * written, not what one page says.
 */
const only = analyseOne;
const rows = (text: string) => only(text).items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 8)}`);

describe('untitled pages: type, year and place from the body', () => {
  it('a dateline and an adoption note are never the title; bill lines make a legislation plan', () => {
    const doc = only(`2023-04-02（2023年3月9日某某自治区人大常委会第十次主任会议通过）
今年常委会立法工作的要求是：提高质量，突出重点。
一、继续审议项目
1.自治区河湖保护条例（修订）
2.自治区养犬管理办法（制定）
二、初次审议项目
3.自治区物业服务条例（制定）
4.自治区旅游促进条例（修订）`);
    expect(doc.title).toBe('');
    expect(doc.publishedDate).toBe('2023-04-02');
    expect(doc.docType).toBe('legislation_plan');
    expect(doc.year).toBe(2023);
    expect(doc.items.map((i) => i.kind)).toEqual(['legislation', 'legislation', 'legislation', 'legislation']);
  });

  it('a volume label or a reporter line is no title; a 原标题 line gives the headline', () => {
    expect(only('2019卷\n【代表工作】全年办理代表建议120件。').title).toBe('');
    const doc = only('原标题：县人大常委会召开第九次主任会议\n7月3日，县人大常委会召开第九次主任会议。\n会议听取了县人民政府关于秸秆禁烧工作情况的汇报。');
    expect(doc.title).toBe('县人大常委会召开第九次主任会议');
    expect(doc.docType).toBe('news');
  });

  it('reads news, reports and plans from how their bodies are written', () => {
    expect(bodyDocType('本报讯（记者 王某）3月8日，市人大常委会举行第十次会议。\n会议听取和审议了市政府关于菜篮子工程的报告。')).toBe('news');
    expect(bodyDocType('【概况】2021年，县人大常委会召开常委会会议8次。')).toBe('news');
    expect(bodyDocType('各位代表：\n现在，我代表县人大常委会向大会报告工作，请予审议。')).toBe('work_report');
    expect(bodyDocType('为做好今年的监督工作，特制定2022年监督工作计划如下。\n一、听取专项工作报告')).toBe('supervision_plan');
    expect(bodyDocType('（2022年2月8日县人大常委会第五次主任会议通过）\n一、加强政治建设\n1.深化理论学习。')).toBe('work_points');
    // An adoption note's "主任会议通过" is not a meeting reported on.
    expect(bodyDocType('（2022年2月8日县人大常委会第五次主任会议通过）\n做好全年工作。')).toBe('other');
  });

  it('a headline or its subtitle that tells of a meeting or a review is news', () => {
    expect(detectDocType('市人大常委会第十二次主任会议召开', false)).toBe('news');
    expect(detectDocType('凝心聚力谱新篇', false, '——市人大常委会一年来工作综述\n正文')).toBe('news');
    // A report's own dateline is not a subtitle.
    expect(detectDocType('某某县人民代表大会常务委员会工作报告', false, '——2025年1月8日在某某县第五届人民代表大会第四次会议上')).toBe('work_report');
  });

  it('takes the issuing body from the text when the title names none', () => {
    const doc = only('5月6日，崇明区人大常委会召开第二十次会议。区人大常委会主任主持会议。\n会议听取审议了区政府关于农村生活污水治理情况的报告。');
    expect(doc.jurisdiction).toMatchObject({ name: '崇明区', code: '310151', level: 'county' });
    // "区人大" alone, resolved from the place the text names; 南县 inside 苍南县 is no mention.
    const level = only('日前，县人大常委会召开主任会议。\n会议听取了县政府关于苍南县渔港建设情况的报告。');
    expect(level.jurisdiction).toMatchObject({ name: '苍南县', code: '330327' });
  });

  it('dates undated news by the events it reports', () => {
    expect(eventYear('会议听取审议了县政府关于2021年度全县环境状况和环保目标完成情况的报告。')).toBe(2022);
    expect(eventYear('会议审议了县政府关于2017年上半年国民经济和社会发展计划执行情况的报告。')).toBe(2017);
    expect(eventYear('会议讨论通过了2023年度监督工作计划和到2035年的远景目标。')).toBe(2023);
    expect(eventYear('会议定于2024年3月5日召开。回顾2022年的工作。')).toBe(2024);
  });
});

describe('news: acts, not frame; the day of the meeting', () => {
  it('drops the lede and comment that state no act, and dates the acts by the lede', () => {
    const doc = only(`县人大常委会召开第八次会议
9月20日，县人大常委会召开第八次会议，县人大常委会主任主持会议。
会议听取和审议了县人民政府关于义务教育均衡发展情况的报告。
会议表决通过了有关人事任免事项。
会议强调，要切实增强责任感和紧迫感，推动各项工作落地见效。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 9', 'appointment 9']);
  });
});

describe('work reports', () => {
  it('read at a session are for that year and review the one before; the form is no item', () => {
    const doc = only(`某某县人民代表大会常务委员会工作报告
——2025年1月8日在某某县第五届人民代表大会第四次会议上
县人大常委会主任 张某某
各位代表：
现在，我代表本届县人大常委会向大会报告工作，请予审议。
2024年是实现规划目标的关键一年。一年来，常委会依法履职，各项工作取得新进展。
一、依法履行监督职责
3月，听取和审议县人民政府关于优化营商环境工作情况的报告；审议县人民法院关于执行工作情况的报告；开展《中华人民共和国种子法》执法检查。
二、加强代表工作
完善代表联络站建设，做好代表建议督办工作。`);
    expect(doc.year).toBe(2025);
    expect(doc.reviewYear).toBe(2024);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 6)}`)).toEqual([
      'report 3 3月，听取和',
      'report 3 审议县人民法',
      'law_check 3 开展《中华人',
      'deputy  完善代表联络',
    ]);
  });

  it('a law check and the hearing of its own report are one act; each later month starts a new one', () => {
    expect(rows('某某县人民代表大会常务委员会工作报告\n一、监督\n4月，由县人大农业农村工委牵头，开展《中华人民共和国土地管理法》执法检查，6月听取审议执法检查报告；9月，听取审议县人民政府关于防汛工作的报告，并开展专题询问。同次会议听取审议县人民检察院关于公益诉讼工作的报告。\n二、代表\n做好代表建议督办工作。')).toEqual([
      'law_check 4,6 4月，由县人大农',
      'inquiry 9 9月，听取审议县',
      'deputy  做好代表建议督办',
    ]);
  });
});

describe('acts, leads and lists as pages write them', () => {
  it('a check named before its law is a law check', () => {
    expect(classify('组织检查《中华人民共和国水法》实施情况').kind).toBe('law_check');
    expect(classify('开展《某某省河道管理条例》贯彻执行情况检查').kind).toBe('law_check');
    expect(classify('检查全县防汛准备工作').kind).toBe('research');
  });

  it('finds the lead under a label, and the first of "…牵头，…配合"', () => {
    expect(findLeadCommittee('听取关于林业工作的报告。承办：县人大农业农村工委')?.key).toBe('agriculture_rural');
    expect(findLeadCommittee('责任部门：财经工委、预算工委')?.key).toBe('finance_economy');
    expect(findLeadCommittee('开展专题调研，教科文卫工委牵头，社会建设工委配合')?.key).toBe('education_science_culture_health');
  });

  it('an agenda paragraph that counts its entries gives one item per entry', () => {
    const doc = only('关于会议议程的说明\n各位委员：\n本次会议的建议议程共有3项：第一项议程是，审议《某某市停车管理条例（草案）》；第二项议程是，听取和审议市人民政府关于粮食安全工作的报告；第三项议程是，审议人事任免事项。');
    expect(doc.items.map((i) => `${i.number} ${i.kind}`)).toEqual(['第一项 legislation', '第二项 report', '第三项 appointment']);
  });

  it('puts back the line breaks of a plan run into one line', () => {
    const plan =
      '某某区人大常委会2020年会议议题（2020年1月5日区人大常委会主任会议通过）' +
      '一、听取和审议区人民政府关于老旧小区改造和背街小巷环境整治工作情况的报告，推动城市更新。' +
      '二、听取和审议区人民法院关于涉企案件审判和优化法治化营商环境工作情况的报告。' +
      '三、审议有关人事任免事项，依法做好任前审查和宪法宣誓工作。' +
      '四、听取和审议区人民政府关于区十届人大第三次会议上代表所提建议办理情况的报告。';
    const doc = only(plan);
    expect(doc.docType).toBe('agenda');
    expect(doc.items.map((i) => i.kind)).toEqual(['report', 'report', 'appointment', 'report']);
  });
});

describe('mirror copies', () => {
  it('read traditional characters with pinyin glosses as the simplified text, offsets kept', () => {
    const raw = '縣人大常委會開展監(jiān)督檢查,聽取審議縣政府關(guān)于農(nóng)村公路建設情況的報告。';
    const n = normalise(plain(raw));
    expect(n.text).toBe('县人大常委会开展监督检查，听取审议县政府关于农村公路建设情况的报告。');
    const at = n.text.indexOf('督');
    expect(raw[n.rawOffset(at)]).toBe('督');
  });

  it('after OCR, which loses the tone marks, a mirror page\'s glosses are still glosses', () => {
    expect(normalise(plain('縣人大常委會聽(ting)取審議監(jian)督工作計劃。')).text).toBe('县人大常委会听取审议监督工作计划。');
    // A simplified page keeps a bracketed letter: it may be an item label.
    expect(normalise(plain('县人大常委会听取（a）报告。')).text).toBe('县人大常委会听取（a）报告。');
  });

  it('e-paper heads, reporter lines and markup leftovers are chrome; the paper gives the date', () => {
    const n = normalise(plain('正文复制\n某某日报/2024年/6月/3日/第003版要闻\n![]()|\n本报记者 李某某\n6月1日，市人大常委会召开会议。'));
    expect(n.text).toBe('6月1日，市人大常委会召开会议。');
    expect(n.publishedDate).toBe('2024-06-03');
  });
});

describe('PDF text layers', () => {
  it('a layer in traditional characters is text, not garbage to OCR', () => {
    expect(judgeTextLayer('本次會議將聽取和審議縣人民政府關於農村公路養護工作情況的報告，並開展專題詢問。')).toBe('good');
    expect(judgeTextLayer('\ue001\ue002\ue003\ue004\ue005\ue006')).toBe('garbage');
  });
});

describe('agendas of one meeting: notices and decisions to convene', () => {
  it('a decision to convene a session is its agenda; entries after an announcing line, dated by the session', () => {
    const doc = only(`关于召开某某县第九届人民代表大会第三次会议的决定
（2024年12月2日县九届人大常委会第十五次会议通过）
经县九届人大常委会第十五次会议决定，某某县第九届人民代表大会第三次会议于2025年1月8日至10日召开。建议会议的主要议程：
听取和审议县人民政府工作报告；审查和批准县2025年国民经济和社会发展计划；听取和审议县人大常委会工作报告；选举事项；其他。
某某县人民代表大会常务委员会`);
    expect(doc.docType).toBe('agenda');
    expect(rows(doc.text)).toEqual(['report 1 听取和审议县人民', 'decision 1 审查和批准县20', 'report 1 听取和审议县人大', 'appointment 1 选举事项；', 'other 1 其他。']);
  });

  it('an untitled meeting notice with an agenda heading is an agenda, dated by the notice', () => {
    const body = `某某区第八届人大常委会第十次会议定于6月18日上午9时在区机关会议室举行。
一、会议议程（草案）
1.听取和审议区人民政府关于河道保洁工作情况的报告。
2.人事任免事项。
二、列席人员
1.根据议程安排列席会议的人员：第一项议程：区水务局负责人。第二项议程：区人社局负责人。`;
    expect(bodyDocType(body)).toBe('agenda');
    const doc = only(body);
    expect(doc.docType).toBe('agenda');
    // Ordinals that refer back to the agenda ("第二项议程：…负责人") do not start entries of their own.
    expect(doc.items.map((i) => i.months)).toEqual([[6], [6], [6]]);
    expect(doc.items[2].text).toMatch(/^根据议程安排列席会议的人员/);
  });

  it('news listing a coming meeting\'s agenda: entries run with commas, months of that meeting, not the lede', () => {
    const doc = only(`3月2日，市人大常委会召开第八次主任会议。
会议研究决定，市十届人大常委会第五次会议将于近期召开。建议会议的主要议程为：传达学习省人民代表大会会议精神，审议市人大常委会关于某某事项的决定（草案），听取和审议市人大常委会法工委关于规章备案情况的报告，以及人事事项。`);
    expect(doc.docType).toBe('news');
    expect(rows(doc.text)).toEqual(['other  传达学习省人民代', 'decision  审议市人大常委会', 'report  听取和审议市人大', 'appointment  以及人事事项。']);
  });

  it('a session that opens today takes the month of the masthead date', () => {
    const doc = only(`县九届人大二次会议今日开幕
某某日报 2022-01-06 08:30
本报讯（记者 某某）县九届人大二次会议将于今（6）日开幕。
本次大会建议议程主要包括：听取和审议县人民政府工作报告；听取和审议县人民法院工作报告等。`);
    expect(doc.publishedDate).toBe('2022-01-06');
    expect(doc.items.map((i) => `${i.kind} ${i.months}`)).toEqual(['report 1', 'report 1']);
  });
});

describe('news frames and report form', () => {
  it('comment, background and attendance paragraphs are not items; a tally and the acts are', () => {
    const doc = only(`凝心聚力再出发——县人大常委会一年工作综述
一年来，县人大常委会共听取审议报告12个，开展执法检查3项，审议通过决定决议5件，任免干部40人次。
一串串数字，记录着县人大常委会依法履职的坚实足迹。
2023年是“十四五”规划实施承上启下的关键一年。
县人大常委会围绕乡村振兴，听取审议县政府关于农村饮水安全工作情况的报告。
本次会议还邀请了8位县人大代表列席，3位公民旁听。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual(['other 一年来，县人', 'report 县人大常委会']);
  });

  it('a lede that opens with the day makes the page news, whatever meeting it names', () => {
    expect(bodyDocType('2月9日，县人大常委会召开2022年度人大工作总结会。\n与会人员视察了城区污水处理厂。')).toBe('news');
    expect(bodyDocType('台海网3月1日讯（记者 某某）2015年省人大常委会监督工作计划日前确定。')).toBe('news');
  });

  it('a work report delivered to a session is typed by its delivery note; a cut summary is no item', () => {
    const doc = only(`——2024年1月10日在某某市第五届人民代表大会第三次会议上
市人大常委会主任 某某
2023年主要工作
一年来，在市委的坚强领导下，市人大常委会依法行使各项职权，各项工作取得新成效。`);
    expect(doc.docType).toBe('work_report');
    expect(doc.year).toBe(2024);
    expect(doc.items).toHaveLength(0);
  });

  it('an e-paper paragraph continued from an earlier page is not an item; a rules text has none', () => {
    const report = only(`某某区人民代表大会常务委员会工作报告
（上接第一版）组织新任命人员宪法宣誓30人次。
三、依法监督
听取和审议区政府关于城市管理工作情况的报告。`);
    expect(report.items.map((i) => i.text.slice(0, 6))).toEqual(['听取和审议区']);
    const notice = only(`某某县人大常委会关于印发《某某县人大常委会规范性文件审查工作办法》的通知
第一条为了规范备案审查工作，制定本办法。
第二条每年3月，常委会听取备案审查工作情况的报告。`);
    expect(notice.docType).toBe('other');
    expect(notice.items).toHaveLength(0);
  });
});

describe('act forms from real pages', () => {
  it.each([
    ['审议表决了县人大常委会关于设立县宪法宣传周的决定', 'decision'],
    ['审议表决县人大常委会2019年代表工作计划（草案）', 'decision'],
    ['听取和审议了县人大常委会《关于加强河长制工作的决议（草案）》', 'decision'],
    ['在全市率先作出《关于全面推进法治乡村建设的决议》', 'decision'],
    ['审查和批准县2029年经济社会发展计划执行情况的报告', 'decision'],
    ['修改县人大常委会议事规则', 'legislation'],
    ['表决通过关于修改《某某市供水条例》的决定', 'legislation'],
    ['审议县人大常委会专题调研组关于农村公路建设情况的调研报告', 'report'],
    ['听取审议县政府关于对农村公路视察、《某某条例》执法检查等3项审议意见办理情况的报告', 'report'],
    ['会议还研究了讨论决定重大事项清单的起草', 'other'],
    ['全年审议通过法规 8 件，听取审议报告 20 个，开展执法检查 4 项', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(classify(text).kind).toBe(kind);
  });
});

describe('lists given inline, notices of one meeting, page furniture', () => {
  it('entries numbered inside a dated schedule line are items on that day', () => {
    const doc = only(`某某市人大常委会第九次会议议题安排
4月8日9时全体会议：1.审议《某某市河道管理条例（草案）》；2.听取和审议市政府关于菜篮子工程情况的报告；3.人事任免事项。`);
    expect(doc.items.map((i) => `${i.number} ${i.kind} ${i.months}`)).toEqual(['1. legislation 4', '2. report 4', '3. appointment 4']);
  });

  it('a colon list of a plan\'s projects joined by "、" gives one entry each, with the sentence\'s act', () => {
    const doc = only(`某某市人大常委会确定今年立法计划
3月2日，某某市人大常委会召开主任会议，确定今年立法计划。
据介绍，今年计划审议的法规项目包括：城市绿化条例、养犬管理条例（修订）、物业管理办法等。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.text}`)).toEqual(['legislation 城市绿化条例、', 'legislation 养犬管理条例（修订）、', 'legislation 物业管理办法等']);
  });

  it('a notice that convenes one meeting and names its business is an agenda; its sign-up paragraph is no entry', () => {
    const body = `县十五届人大常委会第十二次会议将于2021年9月28日上午在县人大会议室召开，会期半天。会议主要听取和审议县人民政府关于农村公路建设情况的报告。
年满18周岁的本县公民可以申请旁听，请于9月20日至24日到县人大常委会办公室报名。
某某县人大常委会办公室`;
    expect(bodyDocType(body)).toBe('agenda');
    expect(rows(body)).toEqual(['report 9 听取和审议县人民']);
  });

  it('a numbered entry of a list in news is an item even when it names no act', () => {
    const doc = only(`常委会信息
11月20日下午，某某区人大常委会召开第十次会议。会议共有三项议程，具体如下：
一、审议人事事项；
二、审议《某某区人大常委会机关工作规程（草案）》；
三、其他。`);
    expect(doc.items.map((i) => i.number)).toEqual(['一、', '二、', '三、']);
  });

  it('lines ending in "；" under a heading run on as one entry; a site address and an e-paper byline are chrome', () => {
    const doc = only(`某某县人大常委会关于召开第八次会议的通知
经主任会议研究，定于2020年6月下旬召开县人大常委会第八次会议。
一、会议建议议程
（一）听取和审议县人民政府关于防汛工作情况的报告；
（二）其他。
二、出席人员
全体常委会组成人员出席；
县人民政府分管领导列席；
有关部门负责人列席。`);
    expect(doc.items).toHaveLength(3);
    expect(doc.items[2].text).toMatch(/^出席人员/);
    const page = only('rd.example.gov.cn\n某某区人民代表大会常务委员会工作报告\n版次：03 作者：2021年02月05日\n各位代表：\n一、依法监督\n听取和审议区政府关于垃圾分类工作的报告。');
    expect(page.publishedDate).toBe('2021-02-05');
    expect(page.text).not.toMatch(/example|版次/);
  });

  it('a district is found by the name it had as a county', () => {
    const doc = only(`县人大常委会召开第九次会议
本报讯 5月10日，县人大常委会召开第九次会议。会议听取了《关于章丘县2017年度县级决算的报告》，审议了《章丘县人民政府关于调整预算的议案》。`);
    expect(doc.jurisdiction.code).toBe('370114');
    expect(doc.jurisdiction.name).toBe('章丘区');
  });

  it.each([
    ['听取5个部门负责人述职并进行满意度测评', 'evaluation'],
    ['听取关于列席省人大常委会第八次会议情况的汇报', 'report'],
    ['邀请人大代表列席常委会会议，参加执法检查和视察', 'deputy'],
  ])('%s → %s', (text, kind) => {
    expect(classify(text).kind).toBe(kind);
  });

  it("deputies reporting to their voters (述职评议 of deputies) is no evaluation of a department", () => {
    expect(classify('常态化开展人大代表向选民述职评议工作').kind).not.toBe('evaluation');
  });
});

describe('more forms from real pages', () => {
  it('a reporter line makes an article of what would read as a plan or an agenda', () => {
    const doc = only(`记者张某/某某晚报
某某市人大常委会主任会议决定，市人大常委会第十次会议于4月20日举行。
会议议题安排
4月20日9时全体会议：1.审议《某某市公园条例（草案）》；2.人事任免事项。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.months}`)).toEqual(['legislation 4', 'appointment 4']);
  });

  it('a speaker named with a title comments; an ellipsis ends a line', () => {
    const doc = only(`市人大常委会召开座谈会
5月6日，市人大常委会召开立法工作座谈会。会议听取了市司法局关于政府立法工作情况的汇报。
市人大常委会副主任某某某指出，立法工作要坚持问题导向，回应群众关切。
这是一份沉甸甸的答卷：审议法规8件、听取报告12个、开展执法检查3项⋯⋯
这是一道亮丽的风景：对物业管理条例实施情况开展全面检查⋯⋯`);
    expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 5)}`)).toEqual(['report 5月6日，', 'other 这是一份沉', 'law_check 这是一道亮']);
  });

  it.each([
    ['听取各代表小组评议县政府年度工作情况的汇报', 'evaluation'],
    ['委员们实地查看了三个水厂，所看项目均在本次会议审议的报告之列', 'research'],
    ['全年听取专项工作报告和预算执行报告18个，开展集体视察、专题询问等4次，组织调研7项', 'other'],
    ['我们始终把学习宣传贯彻党的创新理论作为首要政治任务。组织代表开展学习活动，邀请代表参加培训。', 'other'],
    ['组织代表集中学习贯彻党的十九大精神。举办代表培训班两期。', 'deputy'],
  ])('%s → %s', (text, kind) => {
    expect(classify(text).kind).toBe(kind);
  });
});

describe('hosts, tallies and agendas settled at a meeting', () => {
  it('a body that visits another is not that other body', () => {
    const doc = only(`区人大常委会副主任某某赴江北区学习考察代表工作
近日，区人大常委会副主任某某率队赴江北区学习考察代表工作。江北区人大常委会副主任某某陪同。
一行先后到江北区代表之家、江北区人大代表联络站考察。渝中区人大常委会将借鉴经验。`);
    expect(doc.jurisdiction.name).toBe('渝中区');
  });

  it('a tally that opens a yearbook entry is an item; settling a session\'s draft agenda is a decision', () => {
    const doc = only(`【概况】2022年，县人大常委会召开常委会会议8次，听取审议报告15项，开展执法检查3次，作出决议决定6项。
【立法】2022年，县人大常委会配合省人大开展立法调研2次。`);
    expect(doc.items[0].rule).toBe('other.tally');
    expect(classify('会议通过了县十八届人大常委会第九次会议的议程（草案）').kind).toBe('decision');
  });
});

describe('a meeting that convenes the next session', () => {
  it('lists the session\'s agenda ("议程共6项，包括：…"), dated by the session even "明年"; the vote today has today\'s month', () => {
    const doc = only(`某某网11月20日讯 据某某日报报道 今天上午，市十四届人大常委会第十次会议召开。会议表决通过了《某某市人民代表大会常务委员会关于召开某某市第十四届人民代表大会第二次会议的决定》，大会拟于明年1月8日举行。
大会的议程共3项，包括：听取和审议市人民政府工作报告；审查和批准市2020年预算；选举和决定人事事项。
各项议程结束后，市人大常委会主任某某指出，要精心做好大会各项筹备工作。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.months}`)).toEqual(['decision 11', 'report 1', 'decision 1', 'appointment 1']);
  });

  it('a draft decision put to the vote is a decision; an amending decision is legislation', () => {
    expect(classify('提请审议了《某某市人大常委会关于召开某某市第十届人民代表大会第三次会议的决定（草案）》').kind).toBe('decision');
    expect(classify('审议《某某省人大常委会关于修改〈某某省河道管理条例〉的决定（草案）》').kind).toBe('legislation');
  });
});

it('a chairmen\'s council proposes a meeting\'s business without a colon, entries run with commas', () => {
  const doc = only(`本报讯 3月1日，市人大常委会召开第二十次主任会议。
主任会议建议，常委会第九次会议听取和审议市人民政府关于菜篮子工程情况的报告，审议人事任免事项。`);
  expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual(['report 常委会第九次', 'appointment 审议人事任免']);
});

it('a county page that names no county is placed by the towns it names', () => {
  const doc = only(`本报讯 6月3日，县人大常委会召开第十二次会议。灵溪镇、宜山镇、钱库镇人大主席团主席列席会议。
会议听取和审议了县人民政府关于农村饮水工作情况的报告。`);
  expect(doc.jurisdiction.code).toBe('330327');
  expect(doc.jurisdiction.level).toBe('county');
});

it('a lede that gives only the day takes the month of the publication date', () => {
  const doc = only(`县人大常委会召开第八次会议
2019-06-28 08:00:00 作者：某某 来源：某某日报
县人大常委会第八次会议于27日上午召开。
会议听取了县人民政府关于河长制工作情况的报告。`);
  expect(doc.items.map((i) => i.months)).toEqual([[6]]);
});

describe('work reports as printed', () => {
  it('the title printed twice, a speaker with a "·" name, summaries of a cut excerpt: no items', () => {
    const doc = only(`某某市人民代表大会常务委员会工作报告
某某市人民代表大会常务委员会工作报告
——2024年1月10日在某某市第二届人民代表大会第三次会议上
某某市人大常委会主任阿不都·某某
各位代表：
我受市人大常委会委托，向大会报告工作，请予审议。
过去一年的主要工作
2023年是“十四五”规划实施承上启下的关键一年。
一年来，在市委的坚强领导下，市人大常委会依法履职。`);
    expect(doc.items).toHaveLength(0);
  });

  it('a delivery note on two lines, an undated note, dates in Chinese numerals, a county that became a city', () => {
    const two = only(`某某县人民代表大会
常务委员会工作报告
——2021年1月14日在某某县
第十五届人民代表大会第七次会议上
各位代表：
一、依法监督
听取和审议县政府关于防汛工作情况的报告。`);
    expect([two.year, two.reviewYear]).toEqual([2021, 2020]);
    const old = only(`昆山县人民代表大会常务委员会工作报告
一九八八年二月二日
在昆山县第九届人民代表大会第二次会议上
各位代表：
本届常委会任期过半，现将一年来的工作报告如下。
一、依法监督
常委会听取和审议了县政府关于农田水利建设的报告。`);
    expect([old.year, old.reviewYear, old.jurisdiction.code]).toEqual([1988, 1987, '320583']);
    expect(old.items.map((i) => i.kind)).toEqual(['report']);
  });

  it('exercising the power to decide major matters is a decision', () => {
    expect(classify('围绕全县中心工作，用好重大事项决定权').kind).toBe('decision');
    expect(classify('依法行使重大事项决定权').kind).toBe('decision');
  });
});

describe('OCR misreads inside a line', () => {
  it('rejoins split numbers, reads "." between characters as "，" and a colon between entries as "；"', async () => {
    const { fixOcrPunctuation } = await import('../extractors/ocr/clean.js');
    expect(fixOcrPunctuation('批准201 9年县本级预算')).toBe('批准2019年县本级预算');
    expect(fixOcrPunctuation('审查县财政决算草案的报告.批准县财政决算')).toBe('审查县财政决算草案的报告，批准县财政决算');
    expect(fixOcrPunctuation('听取和审议县政府工作报告：听取和审议县法院工作报告')).toBe('听取和审议县政府工作报告；听取和审议县法院工作报告');
    // A colon that announces the list stays.
    expect(fixOcrPunctuation('会议的主要议程：听取和审议县政府工作报告')).toBe('会议的主要议程：听取和审议县政府工作报告');
    expect(fixOcrPunctuation('建议议程包括：审议人事任免事项')).toBe('建议议程包括：审议人事任免事项');
  });
});

it('an ordinal entry after a closing bracket whose "；" OCR lost still starts an entry', () => {
  const doc = only(`本次会议的建议议程共有3项：第一项议程是，审议《某某市养犬管理条例（草案）》第二项议程是，听取和审议市政府关于防汛工作的报告；第三项议程是，审议人事任免事项。`);
  expect(doc.items.map((i) => i.number)).toEqual(['第一项', '第二项', '第三项']);
});
