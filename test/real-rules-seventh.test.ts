import { describe, expect, it } from 'vitest';
import { bodyDocType } from '../pipeline/analyse/document/docmeta.js';
import { classify } from '../pipeline/analyse/items/classify.js';
import { isClutterLine } from '../pipeline/text/clutter.js';
import { fixOcrPunctuation } from '../extractors/ocr/clean.js';
import { layoutPages } from '../extractors/_pdf-layout.js';
import { ocrToLines } from '../extractors/ocr/to-lines.js';
import { analyseOne, ocrBox, ocrPage } from './helpers.js';

/**
 * Rules the seventh session's real pages (issue 10, tuning pages only) asked for, each on text written for
 * the test: no sentence here is copied from fixtures/real/ (real-rules-independence.test.ts checks).
 */
const only = analyseOne;

describe('a page whose body says only "县人大常委会"', () => {
  const body = `县十七届人大常委会举行第九次会议
5月8日，县十七届人大常委会举行第九次会议，县人大常委会主任某某主持。
会议听取和审议了县政府关于全县养老服务体系建设情况的报告。`;

  it('takes its place from the portal\'s chrome: a site named by the short name ("某某网", "某某新闻")', () => {
    const doc = only(`您当前的位置：德清新闻网 -> 新闻中心 -> 时政要闻 -> 正文\n${body}`);
    expect(doc.jurisdiction?.name).toBe('德清县');
    expect(doc.jurisdiction?.code).toBe('330521');
    // Without the chrome nothing names the county.
    expect(only(body).jurisdiction?.code ?? null).toBeNull();
  });

  it('and from a source line that puts the short name after its province ("来源：上海青浦")', () => {
    const doc = only(`区六届人大常委会召开第十二次主任会议
点击数： 次来源：上海青浦
6月3日下午，区六届人大常委会召开第十二次主任会议，会议讨论了区人大常委会下半年的监督工作安排。`);
    expect(doc.jurisdiction?.code).toBe('310118');
  });

  it('but the chrome never outvotes the text: related links to another county\'s news are not the page\'s place', () => {
    const doc = only(`当前位置：首页 > 要闻
长兴县人大常委会举行第九次会议
5月8日，长兴县人大常委会举行第九次会议。会议听取和审议了县政府关于全县养老服务体系建设情况的报告。
相关新闻：德清县人大常委会视察农村饮用水工程`);
    expect(doc.jurisdiction?.code).toBe('330522');
  });
});

describe('two places of one name, said equally often', () => {
  it('are told apart by the province or prefecture the page names ("北京市朝阳区…")', () => {
    const doc = only(`区十六届人大常委会召开第五次会议
日前，区十六届人大常委会召开第五次会议，听取和审议区政府关于北京市朝阳区2031年区级预算调整方案的报告。`);
    expect(doc.jurisdiction?.code).toBe('110105');
  });
});

describe('a chairmen\'s meeting that sends its business on all at once ("决定将上述事项提请…会议审议")', () => {
  it('gives one item per clause sent on, on no day of the article\'s, and one per act of its own after it', () => {
    const doc = only(`某某市人大常委会召开第七次主任会议
9月16日上午，某某市十届人大常委会第七次主任会议召开。
会议讨论了市十届人大常委会第五次会议议程（草案）和人事任免事项；会议听取了关于检查《某某省水资源条例》实施情况的汇报；听取了关于全市文旅产业发展情况的调查汇报，决定将上述事项提请市十届人大常委会第五次会议审议。会议听取了关于住房保障工作专题询问准备情况的汇报。会议讨论并原则通过了《市人大常委会机关公文处理办法》。`);
    expect(doc.items.map((i) => i.kind)).toEqual(['appointment', 'law_check', 'report', 'inquiry', 'other']);
    expect(doc.items.map((i) => i.months)).toEqual([[], [], [], [9], [9]]);
  });

  it('but a meeting that sends on one matter stays one item', () => {
    const doc = only(`某某市人大常委会召开第七次主任会议
9月16日上午，某某市十届人大常委会第七次主任会议召开。
会议听取了关于全市文旅产业发展情况的调查汇报，决定将上述事项提请市十届人大常委会第五次会议审议。`);
    expect(doc.items).toHaveLength(1);
  });
});

describe('a visit that hears briefings', () => {
  it('is research when it hears someone\'s introduction ("听取了…对…情况的介绍"), even of a plan ("…思路和规划")', () => {
    const t = '某某随后来到某某村茶园进行调研，听取了村干部对茶叶种植、加工销售等情况的介绍，以及产业发展的思路和规划。';
    expect(classify(t, [], 'news').kind).toBe('research');
    // A meeting that hears a formal plan still hears a report.
    expect(classify('会议听取了县政府关于全县旅游发展规划编制情况的报告。', [], 'news').kind).toBe('report');
  });

  it('is research when the reports it names are what it readies deputies for ("为…审议各项工作报告做好准备")', () => {
    const t = '12月3日至4日，某某县人大常委会组织县人大代表开展集中视察，通过实地察看、座谈交流等方式了解民生项目进展，为代表出席县人代会审议各项工作报告做好充分准备。';
    expect(classify(t, [], 'news').kind).toBe('research');
  });
});

describe('a photo caption that says who stands where', () => {
  it('is chrome: "某某（右二）与某某代表（左一）在…调研"', () => {
    expect(isClutterLine('县人大常委会主任某某（右二）与某某代表（左一）在某乡查看茶叶种植')).toBe(true);
    expect(isClutterLine('某某（中）与代表们交流')).toBe(true);
    // A sentence is no caption, brackets or not.
    expect(isClutterLine('会议由常委会副主任某某（左一）主持，听取了县政府的报告。')).toBe(false);
  });
});

describe('a tally that counts acts as it names them', () => {
  it('is other: "听取审议16个工作报告、检查6件法律法规实施情况…", "审议通过…法规28部"', () => {
    expect(classify('听取审议16个工作报告、检查6件法律法规实施情况、开展8项专题调研……', [], 'news').kind).toBe('other');
    expect(classify('全年共审议通过省级法规28部，审查批准设区的市法规35部。', [], 'news').kind).toBe('other');
  });

  it('but a plan\'s counts are what it schedules, and a count of the places a visit went is no tally', () => {
    expect(classify('今年拟听取审议12个专项工作报告、检查3件法律实施情况。', [], 'work_points').kind).not.toBe('other');
    expect(classify('今年以来组织代表开展专题调研11次，通过260个代表活动阵地收集群众意见。', [], 'news').kind).toBe('research');
  });
});

describe('an untitled review of the committee\'s work', () => {
  it('is news when it names the body after the period it reviews, even past a clause on who led it', () => {
    expect(bodyDocType('这一年，在市委坚强领导下，市人大常委会紧扣全市发展大局依法履职，把各项决策部署落到实处。\n一年来的立法、监督和代表工作……')).toBe('news');
    expect(bodyDocType('党的十八大以来，某某市人大常委会认真行使监督职权，推动全市经济社会持续发展。\n把牢监督方向……')).toBe('news');
    // The committee's own report says "常委会".
    expect(bodyDocType('一年来，常委会在市委领导下依法履职。常委会坚持围绕中心、服务大局，……')).toBe('work_report');
  });
});

describe('a stray word above a headline, and the copy\'s "原标题：" under it', () => {
  it('leave the headline the title and are no items', () => {
    const doc = only(`评论
奋力书写某某发展新篇章！某某市人大常委会五年履职回眸
原标题：奋力书写某某发展新篇章！某某市人大常委会五年履职回眸
五年来，某某市人大常委会聚焦全市中心工作依法履职，共听取审议专项工作报告41个。
发挥监督作用，助推乡村振兴。市人大常委会组织开展乡村振兴促进法执法检查，推动问题整改。`);
    expect(doc.title).toBe('奋力书写某某发展新篇章！某某市人大常委会五年履职回眸');
    expect(doc.items.some((i) => i.text.startsWith('原标题'))).toBe(false);
    expect(doc.items.some((i) => i.text.startsWith('奋力书写'))).toBe(false);
  });
});

describe('decisions as agendas and news word them, and what only names one', () => {
  it('a report on how a plan went is heard, not a plan adopted; a draft named in a report\'s title is not reviewed', () => {
    expect(classify('会议听取和审议通过了县政府关于2031年上半年国民经济和社会发展计划执行情况报告。', [], 'news').kind).toBe('report');
    expect(classify('听取审议某某市人民政府关于《某某市国土空间总体规划（草案）》编制情况的报告；', [], 'agenda').kind).toBe('report');
    // The draft itself, reviewed, is still the committee's decision.
    expect(classify('审查《某某市国土空间总体规划（草案）》；', [], 'agenda').kind).toBe('decision');
  });

  it('a ballot on the year\'s livelihood projects is a decision; a report on projects balloted before is a report', () => {
    expect(classify('票决某某区2032年民生实事项目；', [], 'agenda').kind).toBe('decision');
    expect(classify('听取区政府关于2031年人大代表票决民生实事项目进展情况的报告；', [], 'agenda').kind).toBe('report');
    expect(classify('代表们视察了经区人大代表票决确定的民生实事项目推进情况。', [], 'news').kind).toBe('research');
  });

  it('"通过有关决议" is a decision', () => {
    expect(classify('通过有关决议和报告。', [], 'agenda').kind).toBe('decision');
  });

  it('an agenda entry goes on after "，票决…" with an act of its own', () => {
    const doc = only(`某某区人大常委会召开第二十次会议
12月20日，某某区三届人大常委会召开第二十次会议，决定区三届人大五次会议于2032年1月8日召开。建议会议议程为：听取和审议区人民政府工作报告；对2031年度民生实事项目完成情况进行满意度测评，票决某某区2032年度民生实事项目；其他事项。`);
    // (The closing "其他事项。" names no matter: no entry.)
    expect(doc.items.map((i) => i.kind)).toEqual(['report', 'evaluation', 'decision']);
  });
});

describe('an untitled plan under its adoption note', () => {
  it('is no news though its preamble opens on a date, and bills listed one to a line make it a legislation plan', () => {
    const text = `（2031年3月2日某某市十六届人大常委会第十二次主任会议通过）
2030年6月1日，我市取得地方立法权。市人大常委会2031年的立法工作，要坚持问题导向，突出地方特色。
一、提请审议项目
1.某某市古树名木保护条例（草案）
2.某某市停车场管理规定（草案）
3.某某市河道管理条例（草案）
二、调研项目
某某市物业管理条例`;
    expect(bodyDocType(text)).toBe('legislation_plan');
    const doc = only(text);
    expect(doc.docType).toBe('legislation_plan');
    expect(doc.items.every((i) => i.months.length === 0)).toBe(true);
  });
});

describe('news that lists a plan\'s fields after a colon, one to a "；"', () => {
  it('gives one item per field, and the announcing words are none', () => {
    const doc = only(`某某省人大常委会2031年立法计划出台
本报讯（记者 某某）3月5日，记者从省人大常委会获悉，省人大常委会2031年立法计划已经省委批准。
主要立法项目分为4个方面：在推动高质量发展方面，制定某某省数据条例、某某省促进科技成果转化条例；在社会治理方面，修改某某省物业管理条例；在生态环保方面，制定某某省湿地保护条例；在保障民生方面，制定某某省养老服务条例。`);
    const starts = doc.items.map((i) => i.text.slice(0, 6));
    expect(starts).toEqual(['本报讯（记者', '在推动高质量', '在社会治理方', '在生态环保方', '在保障民生方']);
  });
});

describe('scans: misreads OCR makes in these pages', () => {
  it('a "；" read as "：" between two laws\' names, and "报告" read as "报吉"', () => {
    expect(fixOcrPunctuation('即：某某省燃气管理条例；某某省电信设施保护条例：某某省农村公路条例；')).toBe('即：某某省燃气管理条例；某某省电信设施保护条例；某某省农村公路条例；');
    expect(fixOcrPunctuation('会议听取了区政府关于河长制工作情况的报吉。')).toBe('会议听取了区政府关于河长制工作情况的报告。');
    // A colon that announces a list stays.
    expect(fixOcrPunctuation('立法项目6件，即：某某省燃气管理条例；')).toBe('立法项目6件，即：某某省燃气管理条例；');
  });
});

describe('a portal\'s bulleted menu lines', () => {
  it('are chrome: "•当前位置：首页>…", a bulleted word or two; the headline under them is the title', () => {
    expect(isClutterLine('•当前位置：首页>人大要闻')).toBe(true);
    expect(isClutterLine('•新思想')).toBe(true);
    expect(isClutterLine('会议听取了市政府关于食品安全工作的报告。')).toBe(false);
    const doc = only(`•学习园地
•当前位置：首页>人大要闻
市十六届人大三次会议举行第二次全体会议
1月9日上午，某某市第十六届人民代表大会第三次会议举行第二次全体会议。
大会应到298人，实到281人，符合法定人数。
市人大常委会主任某某受市人大常委会委托，向大会作了某某市人民代表大会常务委员会工作报告。`);
    expect(doc.title).toBe('市十六届人大三次会议举行第二次全体会议');
    expect(doc.docType).toBe('news');
  });
});

describe('entries by ordinal that are whole sentences under a lead', () => {
  it('"…。一是…。二是…。三是…。" gives one item per entry; ordinals inside one sentence stay one act', () => {
    const doc = only(`某某市人大常委会五年工作回眸
发挥监督作用，助推乡村振兴。一是听取和审议市政府关于农村人居环境整治情况的报告，提出审议意见。二是对全市高标准农田建设情况开展专题调研，形成调研报告。三是开展《某某省乡村振兴促进条例》执法检查，督促整改。`);
    expect(doc.items.map((i) => i.kind)).toEqual(['report', 'research', 'law_check']);
    const one = only(`某某市人大常委会五年工作回眸
常委会组织开展食品安全法执法检查，一是听取政府汇报，二是实地察看企业，三是召开座谈会。`);
    expect(one.items).toHaveLength(1);
  });
});

describe('a scanned line that stops a character short of the edge', () => {
  // A 300-dpi page, body lines 60 px tall (a character is about 60 px wide) from x 320 to 2180.
  const box = ocrBox;
  const page = ocrPage;
  it('is still full: OCR boxes end where the ink ends, so the wrapped line runs on', () => {
    const r = page([
      box('会议听取和审议了县人民政府关于全县农村公路建设情况的报告和', 300, 450, 2180),
      box('县交通运输局关于养护工作的汇报。会议指出，要加大投入，推动', 420, 320, 2180),
      box('农村公路建设提质增效。', 540, 320, 980),
      box('会议表决通过了县十八届人大常委会代表资格审查委员会', 660, 450, 2120),
      box('关于个别代表的代表资格的报告。', 780, 320, 1240),
      box('会议还表决通过了有关人事任免事项，并向新任命人员颁发了', 900, 450, 2180),
      box('任命书。', 1020, 320, 560),
      box('会议审议了县人民政府关于提请审议县本级预算调整方案的议案，经', 1140, 450, 2180),
      box('过表决，批准了县本级预算调整方案，并要求县人民政府严格执行经', 1260, 320, 2180),
      box('批准的预算调整方案，切实加强预算管理，提高财政资金使用效益', 1380, 320, 2180),
      box('和管理水平。', 1500, 320, 700),
    ]);
    const text = layoutPages([ocrToLines(r, 300)])[0].text.split('\n');
    expect(text).toContain('会议表决通过了县十八届人大常委会代表资格审查委员会关于个别代表的代表资格的报告。');
  });
});

describe('news ledes and headlines as portals print them', () => {
  it('a date and source on the line under the headline are chrome, and date the page', () => {
    expect(isClutterLine('2032年01月20日 来源:上海某区')).toBe(true);
    const doc = only(`凝心聚力依法履职——某区十八届人大常委会2031年工作巡礼
2032年01月20日 来源:上海某区
2031年是某某之年。区人大常委会全年共举行9次常委会会议，听取和审议15个专项工作报告。`);
    expect(doc.title).toBe('凝心聚力依法履职——某区十八届人大常委会2031年工作巡礼');
    expect(doc.docType).toBe('news');
    expect(doc.year).toBe(2032);
  });

  it('"今天（1月3日）下午，…" opens news, as "今天下午，…" does', () => {
    expect(bodyDocType('今天（1月3日）下午，县人大常委会与县政府召开联席会议，通报2031年工作情况。\n会上，双方通报了各自的工作。')).toBe('news');
  });

  it('a province\'s committee named after the period it reviews makes a review news', () => {
    expect(bodyDocType('奋进新征程。2031年，某某省人大常委会坚持围绕中心、服务大局，依法履职。\n一年来……')).toBe('news');
  });

  it('an e-paper jump mid-sentence ("；（下转02版）（上接01版）听取…") is the paper\'s, not the text\'s', () => {
    const doc = only(`某某市人大常委会召开主任会议
9月2日，市人大常委会召开主任会议。会议建议市十届人大常委会第十五次会议议程为：审查和批准市本级预算调整方案；（下转02版）（上接01版）听取和审议市人民政府关于国有资产管理情况的报告；人事任免事项。`);
    expect(doc.items.map((i) => i.text)).toContain('听取和审议市人民政府关于国有资产管理情况的报告；');
  });

  it('a letter\'s addressee ("各有关单位：") is no item', () => {
    const doc = only(`关于某某市第十七届人民代表大会第三次会议代表测评结果的通报
各有关单位:
某某市第十七届人民代表大会第三次会议于2032年2月2日至3日在某某市区召开。会议期间，市人大代表对“一府两院”进行了民主测评，被测评单位满意率均达到90%以上。
附件：测评结果统计`);
    expect(doc.items.some((i) => i.text.startsWith('各有关单位'))).toBe(false);
  });
});

describe('an inline agenda\'s "其他事项。"', () => {
  it('names no matter: no entry', () => {
    const doc = only(`某某市人大常委会召开主任会议
8月30日，市人大常委会召开主任会议。会议建议市十五届人大常委会第九次会议议程为：审议《某某市养犬管理条例（草案）》；听取和审议市人民政府关于全市安全生产工作情况的报告；人事任免事项；其他事项。`);
    expect(doc.items.some((i) => i.text.startsWith('其他事项'))).toBe(false);
    expect(doc.items).toHaveLength(3);
  });
});

describe('news of a work report, with its paper\'s byline', () => {
  it('the byline "某某日报全媒体记者某某某某" is chrome, and a report told about ("报告指出，…") is news', () => {
    expect(isClutterLine('某某日报全媒体记者王小明李大山')).toBe(true);
    expect(isClutterLine('记者从市人大常委会获悉')).toBe(false);
    const doc = only(`某某日报全媒体记者王小明李大山
某某省某某市第十八届人民代表大会第三次会议举行第二次全体会议，市人大常委会主任某某作某某市人大常委会工作报告。
报告指出，一年来，某某市人大常委会坚持围绕中心、服务大局，推动人大工作取得新进展。
某某市人大常委会全年制定修改地方性法规4件，听取审议工作报告30项，开展专题询问2场。`);
    expect(doc.docType).toBe('news');
  });
});

describe('tallies as news and reviews give them', () => {
  it('one count that sums a period\'s finished work, a span of years, a plan\'s total told in news', () => {
    expect(classify('某某介绍了本届人大常委会立法工作情况，2017年以来，市人大及其常委会共完成立法项目16件。', [], 'news').kind).toBe('other');
    expect(classify('“三年来，共制定、修改完成法规12部，完成立法调研类项目17件。”', [], 'news').kind).toBe('other');
    expect(classify('根据计划，2032年共有38件立法项目，分别是初次审议项目8件、预备项目6件。', [], 'news').kind).toBe('other');
    // A plan's own schedule is no tally.
    expect(classify('今年将制定某某市物业管理条例，计划于6月提请常委会会议审议。', [], 'legislation_plan').kind).toBe('legislation');
  });
});

describe('a scanned table whose rules OCR reads as "丨"', () => {
  it('is read as rows, one to a line, and never run on', async () => {
    const { cleanOcrLine } = await import('../extractors/ocr/clean.js');
    expect(cleanOcrLine('2丨某某市古树名木保护条例丨市人大常委会法工委丨3月')).toBe('2 | 某某市古树名木保护条例 | 市人大常委会法工委 | 3月 |');
    // One "丨" is no table.
    expect(cleanOcrLine('某某丨某某')).toBe('某某丨某某');
  });
});

describe('a notice of a meeting with its time and place', () => {
  it('dates its agenda by "会议时间：…", and its time and place are no items', () => {
    const doc = only(`关于公民旁听某某市人大常委会第二十次会议的公告
现将公民旁听某某市第九届人民代表大会常务委员会第二十次会议有关事项公告如下：
一、会议时间：2032年6月28日上午9:00，会期一天
二、会议地点：市行政中心五楼会议室
三、会议主要议程：
1、听取和审议市人民政府关于2031年度财政决算的报告；
2、审查和批准2031年度市本级财政决算；
3、人事事项；`);
    expect(doc.items.map((i) => i.text.slice(0, 4))).toEqual(['听取和审', '审查和批', '人事事项']);
    expect(doc.items.every((i) => i.months.join() === '6')).toBe(true);
  });
});

describe('a decision to convene that gives the session\'s proposed agenda', () => {
  it('is an agenda, its entries on the session\'s month; "建议议程八项：（1）…；（2）…" inline is one entry each', () => {
    const doc = only(`根据有关法律规定，某某县第十八届人民代表大会常务委员会第九次会议决定：某某县第十八届人民代表大会第三次会议于2032年2月20日至23日在县城召开。会议的建议议程为：
1.听取和审查某某县人民政府工作报告；
2.审查和批准某某县2031年预算执行情况及2032年预算的报告；
3.其他。`);
    expect(doc.docType).toBe('agenda');
    expect(doc.items.map((i) => i.months.join())).toEqual(['2', '2', '2']);
    const news = only(`某某市人大常委会召开主任会议
3月2日，市人大常委会召开第九次主任会议。会议决定于3月6日召开常委会第五次会议，建议议程五项：（1）审议市人大常委会工作要点；（2）听取市政府关于防汛工作的报告；（3）人事任免。`);
    // (Reviewing the committee's own work points is other, as ANNOTATING.md has a plan adopted.)
    expect(news.items.map((i) => i.kind)).toEqual(['other', 'report', 'appointment']);
  });
});

describe('a news subheadline naming who delivered the report', () => {
  it('"某某某作市人大常委会工作报告" heads no document: the page is news of the session', async () => {
    const { isTitleText } = await import('../pipeline/normalise/split.js');
    expect(isTitleText('李某某作市人大常委会工作报告')).toBe(false);
    expect(isTitleText('某某市人民代表大会常务委员会工作报告')).toBe(true);
    const doc = only(`市八届人大五次会议举行第二次全体会议
李某某作市人大常委会工作报告
1月20日上午，某某市第八届人民代表大会第五次会议举行第二次全体会议，听取市人大常委会工作报告。
受市八届人大常委会委托，李某某作市人大常委会工作报告。`);
    expect(doc.docType).toBe('news');
  });
});

describe('a forum copy\'s noise', () => {
  it('its edit note is chrome, and the random tokens it puts before a line to jam scrapers are dropped', () => {
    expect(isClutterLine('本帖最后由 某某日报 于 2032-1-9 21:20 编辑 9 N# `7')).toBe(true);
    const doc = only(`某某市人大常委会组织代表开展视察
本帖最后由 某某日报 于 2032-1-9 21:20 编辑
0 w, a3 \\. E4 ?$ T* P某某日报讯（记者某某）1月8日，市人大常委会组织部分省人大代表开展会前视察。`);
    expect(doc.items[0]?.text.startsWith('某某日报讯')).toBe(true);
  });
});

describe('what the rules above must not touch (a newcomer\'s read of them)', () => {
  it('spaced digits and a table\'s pipes are no scraper noise; a page jump keeps the line break after it', async () => {
    const { normalise } = await import('../pipeline/normalise/normalise.js');
    const read = (text: string) => normalise({ extractor: 'text', mediaType: 'text/plain', pageCount: null, meta: {}, pages: [{ number: 1, text, continues: false }] }).text;
    expect(read('2 0 3 2 年某某市人大常委会立法计划')).toMatch(/^2 0 3 2\s?年某某/);
    expect(read('| 1 | 某某市古树名木保护条例 | 3月 |')).toContain('| 1 |');
    expect(read('会议听取了市政府的报告。（下转02版）\n市人大代表视察了某某工程。')).toContain('\n市人大代表');
  });

  it('a lead that states its own act is not a list\'s intro; plans\' counts are no tally; words that only look like acts', () => {
    const doc = only(`某某市人大常委会五年工作回眸
常委会听取和审议了市政府关于环境保护工作的报告。一是加强督促。二是跟踪问效。三是公开通报。`);
    expect(doc.items).toHaveLength(1);
    expect(classify('年内听取审议12个专项工作报告，检查3件法规实施情况。', [], 'work_points').kind).not.toBe('other');
    expect(classify('常委会综合运用通过决议决定、专题询问等方式推动问题整改。', [], 'news').kind).not.toBe('decision');
    expect(classify('听取和审议经组织代表票决产生的民生实事项目进展情况的报告。', [], 'news').kind).toBe('report');
    expect(fixOcrPunctuation('本条例规定：县级以上人民政府应当制定实施办法')).toBe('本条例规定：县级以上人民政府应当制定实施办法');
    expect(isClutterLine('新华社记者专访省人大代表')).toBe(false);
    expect(isClutterLine('•三月份')).toBe(false);
  });
});
