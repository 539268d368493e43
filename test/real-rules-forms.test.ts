import { describe, expect, it } from 'vitest';
import { bodyDocType } from '../pipeline/analyse/document/docmeta.js';
import { classify } from '../pipeline/analyse/items/classify.js';
import { analyseOne, analyseText } from './helpers.js';

/**
 * More general rules from the `p` and `q` real pages (issue 10), each on text written for the test:
 * no sentence here is copied from fixtures/real/ (test/real-rules-independence.test.ts checks).
 */
const only = analyseOne;
const starts = (text: string) => only(text).items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`);

describe('a work report\'s review opens with a summary of the period, which is no item', () => {
  it('whatever lines of the title block come before the review heading', () => {
    const doc = only(`某某市人民代表大会常务委员会工作报告
2030-01-20 10:02 市人大常委会
2030120日在某某市第三届人民代表大会第四次会议上
某某市人大常委会主任
各位代表:
我受市人大常委会委托,向大会报告一年来的工作,请予审议。
2029年主要工作
2029年,是承前启后的一年,也是本届常委会履职的关键之年。
坚持依法监督,听取和审议市政府关于水资源保护工作情况的报告。`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['坚持依法监督']);
  });

  it('a review heading worded another way: 五年工作的回顾, 主要工作和经验体会, 过去一年的工作', () => {
    for (const heading of ['五年工作的回顾', '五年来的主要工作和经验体会', '过去一年的工作']) {
      const doc = only(`某某自治区人民代表大会常务委员会工作报告
——2031年1月9日在某某自治区第九届人民代表大会第一次会议上
各位代表:
${heading}
本届常委会任期的五年,是砥砺奋进的五年。
一、依法监督
听取和审议自治区人民政府关于乡村振兴工作情况的报告。`);
      expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['听取和审议自']);
    }
  });

  it('the summary goes, a tally after it stays (kind other)', () => {
    expect(
      starts(`某某县人民代表大会常务委员会工作报告
各位代表：
五年来的主要工作
过去的五年，是全县发展极不平凡的五年。
这五年，共召开常委会会议40次，审议通过决议决定30件。`),
    ).toEqual(['other 这五年，共召']);
  });

  it('an untitled excerpt that opens on the review is a work report', () => {
    expect(bodyDocType('2029\n主要工作\n2029年是本届常委会的届中之年。一年来，区人大常委会依法履职。\n坚持依法监督。')).toBe('work_report');
    expect(bodyDocType('过去一年的工作\n2029年是深化改革的重要一年。\n一、强化监督')).toBe('work_report');
    // A heading alone, without the summary under it, says nothing of the document.
    expect(bodyDocType('主要工作\n一、强化监督')).not.toBe('work_report');
  });
});

describe('plans cut before their first entry', () => {
  it('the opening paragraphs of work points are its preamble, even with no numbered entry on the page', () => {
    const doc = only(`某某市人大常委会2031年工作要点
2031年是新一轮规划的开局之年。市人大常委会将以新思想为指导，依法履职。
新的一年，市人大常委会将围绕中心，今年将制定地方性法规3件，安排听取审议专项报告12个。`);
    expect(doc.docType).toBe('work_points');
    expect(doc.items).toHaveLength(0);
  });
});

describe('news told by a reporter, and when it was written', () => {
  it('who attended and what speakers said make a page news; so do its undated years', () => {
    const text = `王某、李某、赵某等区领导出席会议。
张某某指出，2030年，区政府办成了一批民生实事，这离不开人大的监督。
张某某表示，明年是新规划的起步之年，要继续聚焦发展平台。
刘某某在会上指出，2031年，区人大常委会工作的总体思路是：坚持依法监督，开展两项执法检查。`;
    expect(bodyDocType(text)).toBe('news');
    // Speakers named with their titles.
    expect(bodyDocType('某某市召开新闻发布会，通报大会筹备情况。\n市人大常委会秘书长王某某表示，一年来，常委会审议通过法规4部。\n市人大常委会副秘书长李某介绍，代表建议已全部办复。')).toBe('news');
    const doc = only(text);
    expect(doc.docType).toBe('news');
    // "明年" spoken in 2030 about 2031's plans: the page was written in 2030.
    expect(doc.year).toBe(2030);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['刘某某在会上']);
  });

  it('a meeting late in the year hears this year\'s work; the year-end accounts are still last year\'s', () => {
    const late = only(`12月20日，区人大常委会举行第十次会议。
会议听取了区政府关于2030年民生实事项目完成情况的报告。
会议表决通过了有关人事任免事项。`);
    expect(late.year).toBe(2030);
    const audit = only(`11月18日，县人大常委会召开第八次会议。
会议听取了县审计局关于2029年度县级财政收支的审计工作报告。`);
    expect(audit.year).toBe(2030);
  });

  it('an unnamed matter studied is no act', () => {
    const doc = only(`5月8日，县人大常委会召开主任会议。
会议听取了县人民政府关于河道整治工作情况的汇报。
会议还研究了其他事项。`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['会议听取了县']);
  });
});

describe('places and documents named the short way', () => {
  it('a district named twice without 区 is the district of "区人大常委会"', () => {
    const doc = only(`区人大常委会召开座谈会。
会议指出，要把青白江建设得更好，青白江的发展离不开人大的监督。
会议听取了区政府关于城市更新工作情况的报告。`);
    expect(doc.jurisdiction).toMatchObject({ name: '青白江区', code: '510113', level: 'county' });
  });

  it('a meeting\'s agenda (…议程) and the report printed after it are two documents', () => {
    const r = analyseText(`市五届人大常委会第九次会议议程
（2031年4月25日）
一、审议有关人事事项；
二、听取和审议关于2030年计划执行情况的报告。
关于2030年计划执行情况的报告
（2031年4月25日在某某市第五届人民代表大会常务委员会第九次会议上）
一、总体情况
（一）经济运行平稳。全年生产总值增长5%。`);
    expect(r.map((d) => [d.docType, d.title])).toEqual([
      ['agenda', '市五届人大常委会第九次会议议程'],
      ['other', '关于2030年计划执行情况的报告'],
    ]);
    expect(r[0].items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['appointment 4', 'report 4']);
  });
});

describe('what is not an act, though it names a field of work', () => {
  it('a count of the period\'s acts is a tally', () => {
    expect(classify('常委会坚持立法为民，一年来共审议法规案9件，表决通过5件，为发展提供了法治保障。', [], 'work_report').kind).toBe('other');
    expect(classify('全年召开常委会会议8次、主任会议20次，听取审议专项报告16个。', [], 'work_report').kind).toBe('other');
    // A scheduled act with a number is no tally.
    expect(classify('听取和审议县政府关于3个重点项目建设情况的报告。', [], 'work_points').kind).toBe('report');
  });

  it('a plan\'s framing and a lead on the Party\'s leadership are other', () => {
    expect(classify('指导思想以新思想为指导，推进科学立法、民主立法，提高立法质量。', [], 'legislation_plan').kind).toBe('other');
    expect(classify('坚持党对人大工作的全面领导，把牢立法工作的正确方向。', [], 'legislation_plan').kind).toBe('other');
    // …but not over an act of its own.
    expect(classify('坚持党的领导，听取和审议市政府关于生态环境保护工作的报告。', [], 'work_points').kind).toBe('report');
  });

  it('the leader\'s visit to a place, in the name of his instructions, is no visit of the committee', () => {
    expect(classify('深入学习总书记在两年里先后三次亲临本省各地考察时的重要讲话精神，增强履职本领。', [], 'work_report').kind).toBe('other');
    expect(classify('会议学习了国务院领导同志到本市调研指导安全生产工作的讲话精神。', [], 'news').kind).toBe('other');
  });
});

describe('lists, resolutions and notices as pages print them', () => {
  it('a list announced with its count and given by 一是…二是… inline: one item each, with the half-year it names', () => {
    const doc = only(`9月3日，区人大常委会召开座谈会。
区人大常委会主任某某强调，今年下半年，要重点抓好三项工作：一是加强预算审查监督，二是做好代表建议督办，三是推进基层立法联系点建设。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.number} ${i.text.slice(0, 4)}`)).toEqual([
      'other 7,8,9,10,11,12 一是 加强预算',
      'deputy 7,8,9,10,11,12 二是 做好代表',
      'legislation 7,8,9,10,11,12 三是 推进基层',
    ]);
    // Without an announced count, "一是…二是…" unfolds one act and stays one item.
    expect(only('某某县人大常委会2031年工作要点\n一、依法监督\n1.开展食品安全法执法检查，一是查找问题，二是推动整改。\n2.听取县政府关于防汛工作的报告。').items).toHaveLength(2);
  });

  it('a session\'s resolution on the committee\'s report is other, and what it asks is no item', () => {
    const doc = only(`某某县第五届人民代表大会第二次会议听取和审查了县人大常委会主任某某所作的《某某县人大常委会工作报告》。会议同意报告提出的2031年主要任务，决定批准这个报告。
会议要求，县人大常委会要坚持正确政治方向，依法履职尽责。`);
    expect(doc.docType).toBe('other');
    expect(doc.items.map((i) => i.kind)).toEqual(['decision']);
  });

  it('a public notice is the body\'s own text, not news of it; its contact and credit lines are chrome', () => {
    const doc = only(`公告 | 某某县人大常委会将对三个部门开展专项工作评议
一、评议对象
县交通运输局
县水利局
县应急管理局
二、联系方式
联系电话：0000—1234567；
QQ邮箱：12345@qq.com。
编校：某某
终审：某某某`);
    expect(doc.docType).toBe('other');
    expect(doc.items.map((i) => i.text)).not.toContain('编校：某某');
    expect(doc.items.some((i) => i.text.includes('@'))).toBe(false);
  });
});

describe('years of undated news', () => {
  it('a meeting late in the year that studies next year\'s plans was held the year before them', () => {
    const doc = only(`12月18日，州人大常委会召开主任会议。
会议听取了关于2032年全州发展计划草案的报告，研究了州人大常委会2032年工作要点。`);
    expect(doc.year).toBe(2031);
    // Adjusting this year's budget is no plan ahead.
    expect(only(`12月18日，市人大常委会举行第九次会议。
会议听取了市政府关于2031年预算调整情况的报告。`).year).toBe(2031);
  });

  it('a province\'s term and meeting numbers date a page that gives no year', () => {
    // Provincial terms began in 2023 (the 14th of most provinces, 西藏's 12th): the 9th meeting in May is in its second year.
    expect(only(`5月20日，广西壮族自治区十四届人大常委会第九次会议在南宁开幕。
会议听取和审议了自治区人民政府关于森林防火工作情况的报告。`).year).toBe(2024);
    expect(only(`1月10日，西藏自治区九届人大常委会第七次会议在拉萨闭幕。
会议表决通过了有关人事任免事项。`).year).toBe(2009);
    // A congress session is once a year from the term's first.
    expect(only(`浙江省十三届人大三次会议期间，省人大常委会工作报告获得通过。
会议听取和审议了省人大常委会工作报告。`).year).toBe(2020);
  });
});

describe('more of the forms the t pages showed', () => {
  it('a province\'s report whose delivery note lost its year is dated by the session, and reviews the year before', () => {
    const doc = only(`浙江省人民代表大会常务委员会
工作报告
（年1月12日在浙江省第十四届人民代表大会第一次会议上）
各位代表：
一、过去五年的主要工作
过去的五年，是全省发展极不平凡的五年。
五年来，常委会在省委领导下依法履职，各项工作取得新进展。`);
    expect([doc.docType, doc.year, doc.reviewYear]).toEqual(['work_report', 2023, 2022]);
    // A cut excerpt: the numbered review's summary, and nothing more, is no item.
    expect(doc.items).toHaveLength(0);
  });

  it('numbered parts named for the fields of work make an untitled page a year\'s plan', () => {
    expect(bodyDocType('一、立法工作\n1.审议《某某省河道管理条例》（提请5月份常委会会议审议）；\n二、监督工作\n1.听取和审议省政府关于水污染防治情况的报告。')).toBe('work_points');
  });

  it('what a session\'s resolution asks is no item, whatever fields it names', () => {
    const doc = only(`某某市第三届人民代表大会第四次会议听取和审议了市人大常委会主任某某所作的市人大常委会工作报告。会议决定批准这个报告。
会议要求，市人大常委会要加强立法和监督工作，密切联系人大代表。`);
    expect(doc.items.map((i) => i.kind)).toEqual(['decision']);
  });
});

describe('news that tells what a plan holds', () => {
  it('each clause with an act of its own is an entry of the plan, without the article\'s day', () => {
    const doc = only(`某某市人大常委会确定2031年监督工作计划
3月2日，市人大常委会召开主任会议，研究确定今年的监督工作计划。
今年市人大常委会将听取和审议市政府关于养老服务体系建设情况的报告，开展《中华人民共和国水法》执法检查，组织对城市燃气安全工作进行专题询问，并确定两项跟踪监督项目。
主任某某指出，今年常委会将突出重点，听取和审议专项报告，做好跟踪监督。`);
    expect(doc.docType).toBe('news');
    // A clause that states no act ("并确定两项跟踪监督项目") stays with the entry before it; the
    // speaker's words about the plan are comment.
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 6)}`)).toEqual([
      'report  今年市人大常',
      'law_check  开展《中华人',
      'inquiry  组织对城市燃',
    ]);
  });
});

describe('calls for proposals and news said from the paper\'s day', () => {
  it('a call for supervision topics is for the year it gathers them for, and is no plan', () => {
    const doc = only(`为做好监督工作，现面向社会公开征集2032年度监督议题建议，公告如下：
一、征集内容
（一）听取和审议县人民政府专项工作报告的议题；
（二）开展执法检查的议题。
二、征集时间
2031年10月1日至10月31日。`);
    expect([doc.docType, doc.year]).toEqual(['other', 2032]);
    expect(only('在自治区人大常委会职权范围内，围绕中心工作，现公开征集2032年立法计划建议项目。\n一、征集内容\n二、报送方式').docType).toBe('other');
  });

  it('"昨天上午，…会议举行…" opens an article', () => {
    expect(bodyDocType('昨天上午，某某市第五届人大二次会议开幕。市人大常委会主任某某受委托向大会作工作报告。')).toBe('news');
  });
});

describe('numbered headings over paragraphs, outside work reports', () => {
  it('a heading and the paragraphs under it are one entry; a heading that counts its lines lists them', () => {
    const doc = only(`某某县人大常委会关于开展专项工作评议的公告
一、评议对象（共3个）
县交通运输局
县水利局
县应急管理局
二、评议内容
1.履行部门职责情况；
2.办理代表建议情况。
三、意见征集方式
群众可以来信或者发送电子邮件反映意见。
截止时间为2031年9月30日。`);
    expect(doc.items.map((i) => i.text.replace(/\n/g, '|'))).toEqual([
      '县交通运输局',
      '县水利局',
      '县应急管理局',
      '履行部门职责情况；',
      '办理代表建议情况。',
      '意见征集方式|群众可以来信或者发送电子邮件反映意见。|截止时间为2031年9月30日。',
    ]);
  });
});

describe('ledes and records of a meeting', () => {
  it('a lede that says what the meeting studied states an act; one where a speaker urges study does not', () => {
    const doc = only(`11月3日，县人大常委会召开第二十次会议，传达学习中央经济工作会议精神。
县人大常委会主任某某主持会议，副主任某某出席会议。县人大常委会一级调研员某某列席会议。
会议听取和审议了县政府关于河长制工作情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual(['other 11月3日，', 'report 会议听取和审']);
    const urged = only(`6月5日，县人大常委会第九次会议闭幕。主任某某主持会议并讲话，强调要学习贯彻新修订的法律，与深入学习贯彻法治思想结合起来。
会议表决通过了有关人事任免事项。`);
    expect(urged.items.map((i) => i.kind)).toEqual(['appointment']);
  });

  it('a record that lists who sat in the meeting is news, and the lists are no items', () => {
    const doc = only(`某某自治区第三届人大常委会第五次会议于1981年5月10日至15日在某地举行。
出席会议的有，常委会主任某某，副主任某某、某某。
列席会议的有，自治区人民政府副主席某某，自治区高级人民法院院长某某。
这次会议，听取和审议了自治区人民政府关于春耕生产情况的报告。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => i.text.slice(0, 4))).toEqual(['这次会议']);
  });
});

describe('texts of rules', () => {
  it('a text of articles is rules, whatever field its title names, and schedules no act', () => {
    const doc = only(`某某县人大常委会讨论决定重大事项的规定
第一条 为了规范县人大常委会讨论决定重大事项，根据有关法律，制定本规定。
第二条 下列重大事项，县人民政府应当提请县人大常委会讨论决定：
（一）国民经济和社会发展五年规划的调整；
（二）一次追加100万元以上的支出。`);
    expect(doc.docType).toBe('other');
    expect(doc.items).toHaveLength(0);
  });
});

describe('decisions to convene a session', () => {
  it('the agenda a decision to convene proposes is taken up on the session\'s day', () => {
    const doc = only(`某某旗人民代表大会常务委员会关于召开某某旗第九届人民代表大会第五次会议的决定
（2032年2月8日某某旗第九届人民代表大会常务委员会第二十次会议通过）
某某旗第九届人民代表大会常务委员会第二十次会议决定，某某旗第九届人民代表大会第五次会议于2032年3月2日召开。建议会议的主要议程是：听取和审议旗人民政府工作报告；听取和审议旗人民代表大会常务委员会工作报告；选举事项。`);
    expect(doc.docType).toBe('other');
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 3', 'report 3', 'appointment 3']);
  });
});

describe('the day of a news lede', () => {
  it('dates the acts of the meeting it tells of', () => {
    const doc = only(`某某区人大常委会召开第九次会议
9月6日上午，某某区第五届人大常委会召开第九次会议。
会议听取和审议了区人民政府关于城市更新工作情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 9']);
  });

  it('not the work of a period the reporter learned of, nor acts told as the period\'s', () => {
    const doc = only(`某某州人大常委会一年工作扫描
12月29日，记者从州人大常委会了解到，本年度州人大常委会围绕中心依法履职。
常委会听取和审议了州人民政府关于森林防火工作情况的报告。
今年以来，常委会组织开展《中华人民共和国草原法》执法检查，督促整改问题十余个。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report ', 'law_check ']);
  });
});

describe('dates as mirror sites and papers print them', () => {
  it('a day-first dateline ("30.10.2018  12:02") dates a lede that gives only the day', () => {
    const doc = only(`某某市人大常委会举行第二十次会议
17.11.2033  09:15
  16日,市人大常委会主任某某主持召开市九届人大常委会第二十次会议。
  会议听取和审议了市人民政府关于地下管网改造工作情况的报告。`);
    expect(doc.year).toBe(2033);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 11']);
  });

  it('a meeting "将于本月25日…举行" is in the month the page came out', () => {
    const doc = only(`某某自治州人大常委会召开主任会议
2034-06-12 10:00
  10日上午，州人大常委会召开第40次主任会议，会议决定，州十五届人大常委会第十八次会议将于本月25日至26日举行，建议议程为：审议《某某自治州草原保护条例（草案）》；听取和审议州人民政府关于耕地保护工作情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['legislation 6', 'report 6']);
  });
});

describe('what a meeting did, as its news tells it', () => {
  it('a committee\'s deputies reporting on their duties and rated is an evaluation', () => {
    expect(classify('会议听取和审议县人民法院关于诉源治理工作情况的报告，对部分县人大代表述职进行测评。').kind).toBe('evaluation');
  });

  it('a report on how an inquiry\'s or a check\'s opinions were handled is heard; the committee\'s own opinions on a check are the check', () => {
    expect(classify('会议听取了区政府关于老旧小区改造的报告、农贸市场提升专题询问所提审议意见落实情况的报告。').kind).toBe('report');
    expect(classify('会议研究了县人大常委会对食品安全法执法检查报告提出的审议意见书，同意将意见书转县政府研究处理。').kind).toBe('law_check');
  });

  it('a report put to the vote is heard; a decision on a long list of laws is still a vote on laws', () => {
    expect(classify('会议表决通过了区人大常委会代表资格审查委员会所作关于补选代表资格的报告。').kind).toBe('report');
    expect(classify('县人大常委会副主任某某受县人大常委会委托，向大会报告工作。').kind).toBe('report');
  });

  it('the meeting\'s study before it sets the next agenda is an item; a report handed out in writing is an entry of its own', () => {
    const doc = only(`某某市人大常委会召开第二十次主任会议
10月28日下午，市十七届人大常委会举行第二十次主任会议。
会议传达学习了全市经济工作座谈会精神，研究确定了市十七届人大常委会第九次会议方案。根据方案，第九次会议将于11月中旬召开，建议议程为：听取审议市政府关于物业管理条例实施情况的报告，审议市中级人民法院关于少年审判工作情况的报告（书面），书面印发市人大有关专门委员会关于代表建议督办情况的报告；人事事项。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 4)}`)).toEqual([
      'other 10 会议传达',
      'report 11 听取审议',
      'report 11 审议市中',
      'deputy 11 书面印发',
      'appointment 11 人事事项',
    ]);
  });

  it('a speaker at the meeting who passes on the national sessions\' spirit states an act; a review\'s "深入学习贯彻" does not', () => {
    const doc = only(`某某县人大常委会召开第十五次会议
4月2日，县十六届人大常委会召开第15次会议。
会议听取和审议县人民政府关于农村饮水安全工作情况的报告。
会上，全国人大代表、某某县某某村党支部书记某某传达学习全国两会精神。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 4', 'other 4']);
    const review = only(`某某市人大常委会一年工作综述
12月20日，记者从市人大常委会获悉全年工作情况。
2035年，市人大常委会坚持以新时代中国特色社会主义思想为指导，深入学习贯彻党的会议精神，依法履职。
市人大常委会听取和审议了市人民政府关于海绵城市建设情况的报告。`);
    expect(review.items.map((i) => i.kind)).toEqual(['report']);
  });

  it('what the report heard at the meeting recounts, and a tally, took place over the period, not on the meeting\'s day', () => {
    const doc = only(`某某县九届人大三次会议举行第二次全体会议
3月1日，某某县九届人大三次会议在县会议中心举行第二次全体会议。
县人大常委会主任某某受县人大常委会委托，向大会报告工作。
某某在报告中指出，一年来县人大常委会共听取审议专项工作报告12个，开展执法检查3次，专题询问1次。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 3', 'other ']);
  });
});

describe('who leads, and which body, as news names them', () => {
  it('a committee that acts as the subject of a dated line leads it', () => {
    const doc = only(`某某市人大常委会工作动态（2036年7月）
7月3日，市人大常委会农业农村委赴某某区调研高标准农田建设。
7月8日，市人大常委会教科文卫委赴某某县视察职业教育工作。`);
    expect(doc.items.map((i) => i.committee?.key ?? null)).toEqual(['agriculture_rural', 'education_science_culture_health']);
  });

  it('a one-character county name is not read after a quoted phrase ("“两城两带”和县委…")', () => {
    const doc = only(`县人大常委会召开第8次会议
5月6日，县十七届人大常委会召开第8次会议。
会议要求，要围绕“两城两带”和县委全会部署的重点工作，精准开展监督。
会议听取和审议县人民政府关于中小学校舍安全工作情况的报告。`);
    expect(doc.jurisdiction.code).toBeNull();
  });

  it('a half-year review that names the body after its period is news', () => {
    expect(bodyDocType(`今年上半年以来，区人大常委会围绕中心、服务大局，依法履职，各项工作取得新进展。
坚持党的领导
区人大常委会坚持重大事项请示报告制度。`)).toBe('news');
  });
});

describe('a work report\'s form on a copied page', () => {
  it('the delivery note with the speaker and the mandate run on is form, and a headingless excerpt\'s opening summary is preamble', () => {
    const doc = only(`某某市人民代表大会常务委员会工作报告
2037年1月20日在某某市第十九届人民代表大会第一次会议上 某某市第十八届人大常委会主任 某 某 我受某某市第十八届人大常委会委托，现向大会报告工作，请予审议。
五年来，在市委的坚强领导下，市十八届人大常委会认真履行宪法法律赋予的职责。
常委会听取和审议市人民政府关于生态环境保护工作情况的报告，开展专题询问。`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['常委会听取和']);
  });
});

describe('more of what county news pages do (zb/zc tuning pages)', () => {
  it('a report on how several titled opinions were acted on is heard, however long the list of titles', () => {
    const titles = ['《区人大常委会关于<某某省河道管理条例>执行情况的审议意见》', '《区人大常委会对区人民政府关于2031年度国有资产管理情况报告的审议意见》', '《区人大常委会对区人民政府关于全区养老服务工作情况报告的审议意见》', '《区人大常委会对区人民政府关于城市内涝治理工作情况报告的审议意见》'];
    expect(classify(`会议听取了区人民政府关于${titles.join('')}落实情况的报告，并进行了满意度测评。`, [], 'news').kind).toBe('report');
  });

  it('a lede dated with 号, or with the full date, or "近日" after "据…报道：", makes news and dates its acts', () => {
    const doc = only(`某某区九届人大常委会第二十次会议召开
9月3号，某某区九届人大常委会第二十次会议召开，区人大常委会主任某某主持会议。
会议听取和审议了区人民政府关于城乡供水一体化工作情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 9']);
    const full = only(`某某旗人大常委会召开第十次会议
2033年3月8日，某某旗第五届人民代表大会常务委员会召开第十次会议。
会议听取和审议了旗人民政府关于草原生态保护补助奖励政策落实情况的报告。`);
    expect(full.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 3']);
    expect(bodyDocType(`据某某区新闻报道：近日，某某区人大常委会与区政府召开了年度工作沟通会。
会上，各副区长分别汇报了各自分管领域的重点工作。`)).toBe('news');
  });

  it('government units that report in turn to the meeting: the meeting hears reports; the committee\'s own offices reporting their plans do not', () => {
    expect(classify('会上，县公安局、县水利局、县民政局等单位分别汇报了代表建议办理情况。', [], 'news').kind).toBe('report');
    expect(classify('区人大常委会各工委也分别汇报了明年工作设想。', [], 'news').kind).not.toBe('report');
  });

  it('a meeting\'s lede with a day and what it did, clause after clause, is one item; its attendance names no deputies\' work', () => {
    const doc = only(`某某县人大常委会召开第九次会议
6月5日，某某县第十六届人大常委会召开第九次会议。县人大常委会党组书记某某同志作了讲话；县人大常委会主任某某同志传达学习了关于坚持和完善人民代表大会制度的重要思想。部分县人大代表列席参加。
会议听取并通过了本次会议议程（草案）；审议表决通过了某某等3名同志辞去相关职务的申请。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['other 6', 'appointment 6']);
  });

  it('convening a session of the congress is a decision; a notice citing that decision is not one', () => {
    expect(classify('会议决定，某某县第十五届人民代表大会第一次会议于2034年1月10日至12日在县城召开。', [], 'news').kind).toBe('decision');
    expect(classify('经县第十二届人大常委会第十一次会议决定，某某县第十二届人民代表大会第四次会议于2034年1月10日召开。', [], 'agenda').kind).toBe('other');
  });

  it('speakers, the CPPCC and first-person quotes are the news\'s frame, not the congress\'s acts', () => {
    const doc = only(`某某市两会新闻发布会举行
11月19日，某某市第十三届人民代表大会第一次会议新闻发布会举行。
某某市人大常委会副秘书长某某介绍，大会的主要任务是听取和审议市人民政府工作报告。
某某市政协党组成员、秘书长某某说，政协会议将听取和讨论市人民政府工作报告。
市人大常委会党组成员、代表工作委员会主任某某介绍说：“代表们将认真审议各项报告。”
“为更好地开好大会，我们提前组织代表开展了集中视察。”
某某在某某街道征求市人大代表意见时强调，要精心做好大会各项准备。`);
    expect(doc.items.map((i) => i.kind)).toEqual(['report']);
  });

  it('rating the departments that handled deputies\' suggestions is an evaluation; rating a report just heard stays report', () => {
    expect(classify('12月1日，某某市人大常委会第八次会议对市交通局、教育局等部门进行了代表建议办理工作满意度测评。', [], 'news').kind).toBe('evaluation');
    expect(classify('会议听取了市政府有关部门关于代表建议办理情况的报告，并进行满意度测评。', [], 'news').kind).toBe('report');
  });
});

describe('chrome that content farms and e-papers add', () => {
  it('a keyword line, an arrowless breadcrumb, a share bar, an e-paper page head and a 刊发日期 byline are not the page', () => {
    const doc = only(`关键词甲乙丙-词语丁戊己-短语庚辛壬-其他词语
某某人大网>市县人大>某某市>工作动态>正文
05版：要闻总第2088期 >2035-03-02编印
某县人大：一项小小的创新
刊发日期：2035-03-02 阅读次数： 作者：admin 语音阅读：
—分享—
3月1日，某县人大常委会召开第十二次会议，听取和审议县人民政府关于政府工作报告目标任务分解落实情况的报告。`);
    expect(doc.title).toBe('某县人大：一项小小的创新');
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => i.text.slice(0, 5))).toEqual(['3月1日，']);
  });
});

describe('a long name shortened to its first character and level', () => {
  it('"莫旗" is the banner whose full name the text gives', () => {
    const doc = only(`莫旗人大常委会召开第二十次会议
3月2日，莫旗人大常委会召开第二十次会议，听取莫力达瓦达斡尔族自治旗人民政府关于冬季供暖工作情况的报告。`);
    expect(doc.jurisdiction.code).toBe('150722');
  });
});

describe('more of what mirrors and reviews do (zd/ze tuning pages)', () => {
  it('a chairmen\'s meeting that "决定12月21日至22日召开" the next meeting dates that meeting\'s agenda', () => {
    const doc = only(`某某市人大常委会第五十次主任会议召开
11月3日，某某市八届人大常委会第五十次主任会议召开，决定11月18日至19日召开市八届人大常委会第二十六次会议。
会议研究确定第二十六次会议建议议程：审议《某某市古树名木保护条例（草案）》；听取和审议市政府关于优化营商环境工作情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['legislation 11', 'report 11']);
  });

  it('a motion to pass a law is legislation; a motion for a project is a decision', () => {
    expect(classify('审议市人大常委会主任会议关于提请审议《某某市物业管理条例（修正草案）》的议案；').kind).toBe('legislation');
    expect(classify('审议市政府关于提请审议城市轨道交通二期建设规划的议案；').kind).toBe('decision');
  });

  it('a site\'s tag before the headline is neither title nor body', () => {
    const doc = only(`【某某人大网】履职五年：某某市某某区十七届人大常委会工作回顾
来源：某某 发布日期：2034-01-06
五年来，区人大常委会坚持依法监督。
常委会听取和审议了区人民政府关于河长制落实情况的报告。`);
    expect(doc.title).toBe('履职五年：某某市某某区十七届人大常委会工作回顾');
  });

  it('a pinyin gloss padded with a space ("會(huì )議") is dropped too', () => {
    const doc = only(`某某市人大常委會(huì )召開(kāi)第十次會(huì )議
12月2日,某某市人大常委會(huì )召開(kāi)第十次會(huì )議。
會(huì )議還研究了市人大常委會(huì )明年工作要點(diǎn)等其他事項(xiàng)。`);
    // (The analysis text is simplified, without the glosses: "会(huì )议" would not read as 会议.)
    expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual(['other 会议还研究了']);
  });
});

describe('study before and at the meeting', () => {
  it('"会前，与会人员学习了《…》" states what the meeting did', () => {
    const doc = only(`某某县人大常委会召开第六次会议
4月9日，某某县第十届人大常委会召开第六次会议。
会前，与会人员集中学习了《某某省人民代表大会常务委员会监督条例》。
会议听取和审议了县人民政府关于农村道路建设情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['other 4', 'report 4']);
  });
});

describe('more of what county news and calls do (zg tuning pages)', () => {
  it('a dispatch dated before its 讯 dates the meeting\'s acts; a speech at it is frame', () => {
    const doc = only(`某某区人大系统工作务虚会召开
某某市某某区融媒体中心3月15日讯（通讯员 某某）3月14日，某某区人大常委会召开人大工作务虚会。
会议传达学习了全市人大工作会议精神，听取了各街道人大工委工作汇报。
某某在讲话中指出，要围绕中心大局谋划好全年工作。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 3']);
  });

  it('what the year\'s plan will do, retold in news, is not done on the dispatch\'s day; the meeting\'s own later business is', () => {
    const doc = only(`某某网5月20日讯 5月19日，某某省人大常委会召开第十次会议，审议通过了2036年监督工作计划。
今年，省人大常委会将围绕乡村振兴开展专题询问。
同时，会议还将审议某某省湿地保护条例草案。`);
    expect(doc.items.map((i) => i.months)).toEqual([[5], [], [5]]);
  });

  it('a call that names the year\'s plan before it asks for proposals is for that year; its deadline and contact lines are not the page', () => {
    const doc = only(`关于公开征集某某市人大常委会立法建议项目的公告
为做好某某市人大常委会2037年立法计划的编制工作，现公开征集立法建议项目。
一、征集对象。本市公民和单位均可提出立法建议项目。
二、征集要求。请写明项目名称和立法必要性。
截止日期：2036年9月30日
联系方式：某某市人大常委会法制工作委员会`);
    expect(doc.year).toBe(2037);
    expect(doc.docType).not.toBe('news');
    expect(doc.items.map((i) => i.months)).toEqual([[], []]);
  });

  it('adopting the motions the chairmen\'s meeting put is a decision', () => {
    expect(classify('会议传达学习了有关会议精神，审议并通过了县人大常委会主任会议有关议案。', [], 'news').kind).toBe('decision');
  });
});

describe('visits, site dispatches and articles on a report (zf tuning pages)', () => {
  it('a site\'s "某某网消息 12月11日至12日，…" opens news and dates the visit; hearing briefings is how a visit is made', () => {
    const doc = only(`某某人大网消息 10月9日至10日，某某市人大常委会组织代表开展集中视察，采取实地察看、听取汇报和座谈等方式，了解乡村振兴项目实施情况。
视察组实地查看了某某镇农产品加工园、某某村污水处理站。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['research 10', 'research 10']);
  });

  it('a headline that reads a report ("——《…工作报告》亮点解读") is an article', () => {
    const doc = only(`履职尽责 砥砺前行——《某某县人大常委会工作报告》解读
回望2035年
一年来，县人大常委会召开常委会会议10次，听取和审议工作报告25个。`);
    expect(doc.docType).toBe('news');
  });
});

describe('sessions, visits and e-papers (zh/zi tuning pages)', () => {
  it('an article that ends on a numbered list tells its news above it; a minority name\'s quote is frame', () => {
    const doc = only(`某某市十六届人大三次会议确定5项议案
1月10日，某某市十六届人大三次会议主席团举行第四次会议，通过了5项议案。
通过的5项议案由8件议案合并而成，由市人大常委会交市人民政府办理。
议案审查委员会主任买买提·吐尔逊说，今年议案质量较高。
5项议案
1.某某等10名代表提出的关于加快老旧小区改造的议案
2.某某等12名代表提出的关于完善社区养老服务的议案`);
    expect(doc.items.map((i) => i.text.slice(0, 6))).toEqual(['1月10日，', '通过的5项议', '某某等10名', '某某等12名']);
  });

  it('a visiting group that hears the local briefing is still visiting', () => {
    expect(classify('视察组一行深入某某镇卫生院、某某社区，实地察看基层医疗服务情况，听取了旗卫健委有关情况汇报。', [], 'news').kind).toBe('research');
    expect(classify('会议听取了旗人民政府关于基层医疗服务情况的报告。', [], 'news').kind).toBe('report');
  });

  it('a titled page whose body opens "本报讯（记者…）" or "（记者…）" is an article; e-paper labels and kickers are chrome', () => {
    const doc = only(`某某日报 数字报纸
a0003版:要闻
某某开发区 〉〉
代表听预算 晒账本
本报讯（记者某某 通讯员某某）1月12日，市人大某某联络处组织代表召开预算征询会，听取开发区管委会关于2036年预算编制情况的报告。`);
    expect(doc.title).toBe('代表听预算晒账本');
    expect(doc.docType).toBe('news');
    expect(bodyDocType('（记者 某某）某某市第十六届人民代表大会第三次会议将于1月20日召开。记者就大会筹备工作采访了市人大常委会负责人。')).toBe('news');
  });
});

describe('numbered business of a meeting told in news (zj/zk tuning pages)', () => {
  it('the numbered agenda of a session, or the numbered record of a meeting, is on the meeting\'s day', () => {
    const doc = only(`某某区第八届人民代表大会第三次会议将于1月20日举行
转自：某某区融媒 2036-12-02
区八届人大常委会第十五次会议通过了关于召开区八届人大三次会议的决定。
某某区第八届人民代表大会第三次会议于2037年1月20日至1月23日举行。建议会议的主要议程为：
1.听取和审议某某区人民政府工作报告；
2.审查和批准某某区2037年预算；
3.选举事项。`);
    expect(doc.items.filter((i) => i.number !== null).map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 1', 'decision 1', 'appointment 1']);
  });
});

describe('days said from the paper\'s side (zl tuning pages)', () => {
  it('an e-paper reader\'s date on top is not the article\'s "日期:02-26"; "昨天下午" is the day before it, and the agenda then adopted is that meeting\'s', () => {
    const doc = only(`电子报阅读机
2036-12-22
星期一
当前报纸名称:某某日报
区九届人大五次会议今天开幕
日期:03-05
本报讯 昨天下午，区九届人大五次会议举行大会预备会议。区人大常委会主任某某主持会议。
会议以举手表决方式，选举了大会主席团和秘书长。
通过后的区九届人大五次会议议程为：听取和审查某某区人民政府工作报告；审查和批准某某区2036年财政预算；选举。`);
    expect(doc.year).toBe(2036);
    expect(doc.items.map((i) => i.months.join(','))).toEqual(['3', '3', '3', '3']);
  });

  it('"昨天上午，…召开…" under a byline date dates the meeting\'s acts', () => {
    const doc = only(`县第十七届人大常委会召开第十次会议
时间： 2036-04-01 字号：[ ]
昨天上午，县第十七届人大常委会召开第十次会议。
会议审议了县人民政府关于农村供水工作情况的报告。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 3']);
  });
});

describe('what the newcomer\'s read found (counter-examples to the rules above)', () => {
  it('an attendance clause hides no act in the same sentence; units asked to report have not reported; "通过" as "by way of" adopts nothing', () => {
    expect(classify('县人大常委会第十次会议审议了县政府关于河道治理工作情况的报告，副县长某某列席会议。', [], 'news').kind).toBe('report');
    expect(classify('年底前，市直各部门分别报告整改落实情况。', [], 'news').kind).not.toBe('report');
    expect(classify('通过听取县政府有关议案办理情况汇报，推动问题解决。', [], 'news').kind).not.toBe('decision');
  });

  it('a meeting that hears a briefing and then visits heard it; a joint meeting with the CPPCC is the congress\'s too', () => {
    expect(classify('会议听取了县政府关于防汛工作情况的汇报，并赴现场视察。', [], 'news').kind).toBe('report');
    const doc = only(`某某县人大常委会召开视察工作会议
5月8日，某某县人大常委会召开视察工作会议。
县人大常委会和县政协联合召开视察工作会议，听取县政府关于营商环境建设的报告。`);
    expect(doc.items.map((i) => i.kind)).toContain('report');
  });

  it('later plan talk in an item does not undo the meeting\'s day', () => {
    const doc = only(`某某县人大常委会召开第十二次会议
7月4日，某某县人大常委会召开第十二次会议。
会议听取了县人民政府关于乡村道路养护情况的报告，要求县政府将对审议意见认真研究处理。`);
    expect(doc.items.map((i) => i.months)).toEqual([[7]]);
  });
});
