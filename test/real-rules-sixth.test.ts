import { describe, expect, it } from 'vitest';
import { bodyDocType } from '../pipeline/analyse/document/docmeta.js';
import { classify } from '../pipeline/analyse/items/classify.js';
import { isClutterLine } from '../pipeline/text/clutter.js';
import { analyseOne } from './helpers.js';

/**
 * Rules the sixth session's real pages (`zm`–`zp` tuning pages, issue 10) asked for, each on text written
 * for the test: no sentence here is copied from fixtures/real/ (real-rules-independence.test.ts checks).
 */
const only = analyseOne;

describe('an e-paper reader\'s buttons over the page', () => {
  it('are chrome, so the headline under them is the title', () => {
    for (const line of ['通版阅读请点击：', '展开通版', '收缩通版', '当前版：03版', '上一版', '下一版']) expect(isClutterLine(line), line).toBe(true);
    expect(isClutterLine('当前版本的计划由主任会议通过。')).toBe(false);
    const doc = only(`通版阅读请点击：
展开通版
收缩通版
当前版：03版
发布日期：2031年04月02日
某某县人大常委会召开第九次主任会议
本报讯（记者 某某）4月1日，县人大常委会召开第九次主任会议。
会议听取了县政府关于河湖长制工作情况的报告。`);
    expect(doc.title).toBe('某某县人大常委会召开第九次主任会议');
    expect(doc.docType).toBe('news');
  });
});

describe('a body presenting a plan to a meeting', () => {
  it('is heard, as a report is: "听取和审议了…委员会关于…工作计划"', () => {
    expect(classify('会议听取和审议了县人大常委会教科文卫工委关于2031年监督工作计划。', [], 'news').kind).toBe('report');
    expect(classify('听取和审议县人大常委会办公室关于2031年工作要点；', [], 'agenda').kind).toBe('report');
    // A plan named as what a visit looked at is no plan heard.
    expect(classify('通过听取介绍、座谈等方式，对关于实施某某工程的议案和民生计划办理进展进行了解。', [], 'news').kind).not.toBe('report');
  });

  it('a meeting that hears several bodies\' plans, clause after clause, is one item on the lede\'s day', () => {
    const doc = only(`某某市人大常委会召开第十一次主任会议
本报讯（记者 某某）3月2日上午，市人大常委会召开第十一次主任会议。
会议听取和审议了市人大常委会办公室关于市人大常委会2031年工作要点；听取和审议了市人大法制委员会关于市人大常委会2031年立法工作计划；听取和审议了市人大常委会代表工作委员会关于市人大常委会2031年代表工作计划。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 3']);
  });
});

describe('news that lists a plan\'s bills', () => {
  const doc = () =>
    only(`某某市人大常委会召开立法工作推进会
4月9日，市人大常委会召开今年首次立法工作推进会。
今年立法计划共安排立法项目25件，包括继续审议2件、初次审议9件、预备项目14件。其中，初次审议的项目中，3件制定项目分别为：某某市河道管理条例、某某市人民代表大会常务委员会关于加强某某湾保护的决定、某某市实施《中华人民共和国某某法》办法。
继续审议项目包括某某市物业管理条例、某某市养犬管理规定（修订）、某某市电梯安全条例。同时，预备项目有：某某市档案条例、某某市社区矫正办法、某某市停车场条例。
在加强普法宣传工作方面，市人大常委会将推动立法与普法同步进行。`);

  it('gives one item per named bill, after a colon or after "包括", several lists to a paragraph', () => {
    expect(doc().items.map((i) => i.text.slice(0, 8))).toEqual([
      '今年立法计划共安',
      '某某市河道管理条',
      '某某市人民代表大',
      '某某市实施《中华',
      '某某市物业管理条',
      '某某市养犬管理规',
      '某某市电梯安全条',
      '某某市档案条例、',
      '某某市社区矫正办',
      '某某市停车场条例',
    ]);
  });

  it('a bill is legislation and a decision a decision; the plan\'s tally is other; none is on the meeting\'s day', () => {
    const items = doc().items;
    expect(items.map((i) => i.kind)).toEqual(['other', 'legislation', 'decision', 'legislation', 'legislation', 'legislation', 'legislation', 'legislation', 'legislation', 'legislation']);
    expect(items.every((i) => i.months.length === 0)).toBe(true);
  });

  it('a paragraph whose topic is publicity is other, though it names lawmaking', () => {
    expect(classify('在做好普法宣传工作方面，区人大常委会将把立法宣传贯穿法规起草、审议全过程，拓宽群众参与立法渠道。', [], 'news').kind).toBe('other');
    expect(classify('区人大常委会将把立法宣传贯穿法规起草、审议全过程，拓宽群众参与立法渠道。', [], 'news').kind).toBe('legislation');
  });

  it('a heading that ends in 立法 is no bill', () => {
    expect(classify('聚焦某某产业、城市更新积极开展“小切口”立法', ['一、立法计划项目如下：']).kind).not.toBe('other');
    expect(classify('某某市文明行为促进条例、').kind).toBe('legislation');
    expect(classify('聚焦营商环境积极开展“小切口”立法').rule).not.toBe('section.bare_title');
  });
});

describe('a plan made public, as news tells it', () => {
  it('a headline "…立法计划公布" or "…工作要点出炉" is news, not the plan', () => {
    expect(only(`某某市2031年立法计划公布
新华网某某4月2日电 昨日，某某市人大常委会召开《某某市人大常委会2031年立法计划》新闻发布会。`).docType).toBe('news');
    expect(only(`区人大常委会2031年工作要点出炉
日前，区人大常委会2031年工作要点经主任会议通过，全年安排监督项目12项。`).docType).toBe('news');
  });

  it('the lede that reports it is an item of kind other; a photo\'s caption and credit are chrome', () => {
    for (const line of ['发布会现场。某某网 李某某摄', '图为调研组在园区查看（记者 王某 摄）']) expect(isClutterLine(line), line).toBe(true);
    expect(isClutterLine('常委会组成人员视察了城市更新项目，并观看了宣传片拍摄。')).toBe(false);
    const doc = only(`某某市2031年立法计划公布
发布会现场。某某网 李某某摄
新华网某某4月2日电（记者 某某）昨日，某某市人大常委会召开《某某市人大常委会2031年立法计划》新闻发布会，法工委主任介绍有关情况。
今年立法计划安排立法项目12个，其中审议项目5个、调研项目7个。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 4)}`)).toEqual(['other 4 新华网某', 'other  今年立法']);
  });
});

describe('what a page names in passing', () => {
  it('a district\'s short name inside a region\'s set phrase of another province is no place', () => {
    const elsewhere = only(`区三届人大常委会第九次会议召开
1月9日，区人大常委会主任某某主持召开区三届人大常委会第九次会议。
会议指出，过去一年，区人大常委会深入落实重庆市委部署，助推成渝地区双城经济圈建设，服务双城经济圈重大项目。
会议听取了区人民政府关于营商环境工作情况的报告。`);
    expect(elsewhere.jurisdiction?.code ?? null).toBeNull();
    const own = only(`区三届人大常委会第九次会议召开
1月9日，区人大常委会主任某某主持召开区三届人大常委会第九次会议。
会议指出，过去一年，大足坚持落实重庆市委部署，大足石刻文化保护取得新进展。
会议听取了区人民政府关于营商环境工作情况的报告。`);
    expect(own.jurisdiction?.code).toBe('500111');
  });

  it('a year\'s rating of state organs\' staff (年度履职测评) is an evaluation', () => {
    expect(classify('会议还审议了人事任免事项；开展了国家机关工作人员年度履职测评。', [], 'news').kind).toBe('evaluation');
    expect(classify('组织开展代表履职测评，推动代表述职。', [], 'news').kind).not.toBe('evaluation');
  });
});

describe('a microblog post', () => {
  it('opens on its topic tag and bracketed headline; the date after them dates the meeting\'s acts', () => {
    const doc = only(`某某融媒 31-03-02 10:00
#某某市某某区# 【区五届人大常委会第八次会议召开】2月27日，区五届人大常委会第八次会议召开。区人大常委会主任某某主持会议。
会议审议了区人民政府关于农村供水工作情况的报告。
会议还通过了人事任免案，并举行宪法宣誓仪式。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 2', 'appointment 2']);
  });
});

describe('news of the year\'s plan adopted', () => {
  const doc = () =>
    only(`我市确定2032年立法计划
经市五届人大常委会第3次主任会议通过，市人大常委会在3月9日召开的立法计划工作会议上，对2032年立法计划贯彻落实工作作了部署。
市人大常委会2032年立法计划由立法项目和调研项目组成。其中，立法项目5件，即：某某市供热条例；某某市湖泊保护条例；某某市养老服务条例；某某市物业管理条例；对相关法规进行打包修改1件。
9件立法调研项目中，新制定的5件，修改的4件。`);

  it('is news by its headline; the lede reporting it is an item of kind other, on its day', () => {
    expect(doc().docType).toBe('news');
    expect(doc().items[0]).toMatchObject({ kind: 'other', months: [3] });
  });

  it('bills listed after "即：" and joined by "；" are one item each, a clause among them too; the count of study projects is a tally', () => {
    expect(doc().items.slice(1).map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual([
      'legislation 某某市供热条',
      'legislation 某某市湖泊保',
      'legislation 某某市养老服',
      'legislation 某某市物业管',
      'legislation 对相关法规进',
      'other 9件立法调研',
    ]);
  });

  it('adopting the committee\'s own plans is other; voting on them, or on a motion beside them, is a decision', () => {
    expect(classify('会议讨论通过了《区人大常委会2032年度监督工作计划》《区人大常委会2032年度代表工作计划》。', [], 'news').kind).toBe('other');
    expect(classify('审议表决区人大常委会2032年工作要点及监督工作计划（草案）；', [], 'news').kind).toBe('decision');
    expect(classify('会议审议通过了区2032年国民经济和社会发展计划调整方案。', [], 'news').kind).toBe('decision');
  });
});

describe('a meeting to come, its agenda told without a colon', () => {
  it('"建议议程，主要包括听取…；审议…" gives one item per entry, on that meeting\'s month (not the chairmen\'s meeting\'s)', () => {
    const doc = only(`某某市人大常委会召开第八十次主任会议
5月6日上午，市人大常委会召开第八十次主任会议。会议确定2032年6月3日至4日召开市三届人大常委会第九次会议。
会议讨论了市三届人大常委会第九次会议建议议程，主要包括听取和审议市人民政府关于全市养老服务工作情况的报告；审议《某某市2031—2035年水资源保护规划（草案）》；审议人事任免事项。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 4)}`)).toEqual(['report 6 听取和审', 'decision 6 审议《某', 'appointment 6 审议人事']);
  });

  it('a region\'s draft plan put to review is to be approved: a decision; the report on a plan\'s draft is heard', () => {
    expect(classify('审议《某某市2031—2035年水资源保护规划（草案）》；').kind).toBe('decision');
    expect(classify('审议某某市国民经济和社会发展计划执行情况与今后五年计划草案的报告；').kind).toBe('report');
    expect(classify('审议区人大常委会2032年工作要点（草案）；').kind).not.toBe('decision');
  });
});

describe('a work meeting the committee convenes', () => {
  it('to arrange its work or gather proposals: its lede states that act, and dates the paragraphs after it', () => {
    const doc = only(`市人大常委会推进代表建议办理工作
（某某人大网讯）9月12日，市人大常委会组织召开工作推进会，安排部署代表建议、批评和意见办理工作。
某某等代表出席会议。会议共收集代表建议素材41件，交有关部门研究办理。
市人大常委会主任某某在会上强调，一是要提高认识，二是要压实责任。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')} ${i.text.slice(0, 4)}`)).toEqual(['deputy 9 （某某人', 'deputy 9 某某等代']);
  });

  it('a convening lede that arranges nothing is still the frame; what a speaker urges "在会上" is comment', () => {
    expect(only(`区人大常委会召开第五次会议
3月2日，区人大常委会召开第五次会议。区人大常委会主任某某主持会议。
会议审议了区人民政府关于河道整治工作情况的报告。`).items.map((i) => i.text.slice(0, 4))).toEqual(['会议审议']);
  });

  it('what the committee will do this year, told after the meeting, is not on the meeting\'s day', () => {
    const doc = only(`市人大常委会召开立法项目对接会
4月9日上午，某某市人大常委会组织召开立法项目对接会，对今年地方立法工作进行统一部署。
根据今年立法工作安排，市人大常委会将全力做好《某某市古树名木保护条例》审议前的准备工作。`);
    expect(doc.items.map((i) => i.months)).toEqual([[4], []]);
  });
});

describe('a chairmen\'s meeting\'s minutes', () => {
  const doc = () =>
    only(`设为首页 | 加入收藏
当前位置：首页 > 主任会议
某某区第九届人大常委会第十二次主任会议纪要
6月3日，区人大常委会主任某某主持召开第十二次主任会议。会议议题：1.听取区政府关于物业管理工作情况的报告；2.讨论区人大常委会关于区养老服务工作情况报告的审议意见（草案）；3.讨论区政府办理《区人大常委会关于消防工作情况报告的审议意见》情况的报告，并确定提交常委会开展办理情况满意度测评；4.确定区第九届人大常委会第八次会议的召开日期和建议议程。`);

  it('portal links over the title are chrome', () => {
    expect(isClutterLine('设为首页 | 加入收藏')).toBe(true);
    expect(doc().title).toBe('某某区第九届人大常委会第十二次主任会议纪要');
  });

  it('its inline numbered topics are items; taking up the opinions on a report, or how they were handled, is a step of that report; "，并确定提交…满意度测评" is an entry of its own', () => {
    expect(doc().items.map((i) => `${i.kind} ${i.text.slice(0, 6)}`)).toEqual([
      'report 听取区政府关',
      'report 讨论区人大常',
      'report 讨论区政府办',
      'evaluation 并确定提交常',
      'other 确定区第九届',
    ]);
  });

  it('a rating after hearing the report is still the report\'s', () => {
    expect(classify('会议听取和审议了市政府关于十件民生实事完成情况的报告，并对民生实事落实情况开展满意度测评。', [], 'news').kind).toBe('report');
  });
});

describe('a chronicle of the committee\'s days', () => {
  it('each dated entry is an item, whatever its kind; going to a site to learn how a project stands is research', () => {
    const doc = only(`区人大常委会一月工作动态
1月3日，区人大常委会副主任某某到某某街道就“两个联系”工作开展调研。
1月9日，区人大常委会副主任某某分别到区民政局、区应急管理局就区人大社会委2032年监督议题征求意见建议。
1月12日，区人大常委会副主任某某到某某大桥建设项目现场，了解工程进展和群众反映问题解决情况。
1月20日，区人大常委会主任某某到区财政局听取关于2031年预算执行情况的汇报。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['research 1', 'other 1', 'research 1', 'report 1']);
  });
});

describe('what a page is, by its first words', () => {
  it('a call for a plan\'s proposals is no plan, though its title names one', () => {
    expect(only(`关于公开征集2033年立法计划建议项目的公告
为做好2033年度立法计划编制工作，市人大常委会法制工作委员会向社会公开征集立法建议项目。
一、各级国家机关、社会团体和公民可以提出立法建议项目。`).docType).toBe('other');
  });

  it('an untitled plan whose preamble arranges the year\'s legislation is a legislation plan', () => {
    expect(only(`（2033年3月2日某某市第八届人大常委会第12次主任会议审议通过）
为统筹安排某某市人大常委会2033年立法工作，根据有关法律规定，结合本市实际，制定本计划。
一、总体要求
坚持科学立法、民主立法、依法立法。
二、立法项目
（一）某某市河道管理条例（修订）。`).docType).toBe('legislation_plan');
  });
});

describe('a vote to convene the congress, told in news', () => {
  it('is a decision on the meeting\'s day, whether or not the session is numbered with 第', () => {
    const doc = only(`区人大常委会召开第四十次会议
12月27日，区十五届人大常委会召开第四十次会议。
会议决定区十六届人民代表大会一次会议于2033年2月7日在区会议中心召开。
会议审议通过了区十六届人民代表大会设立财政经济委员会的决定草案。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['decision 12', 'decision 12']);
  });

  it('a headline ending in 决定 over a meeting\'s agenda says nothing of its entries; a named decision still is one', () => {
    const doc = only(`省人大常委会主任会议第九次会议决定
本报某某3月2日讯 今天下午，省人大常委会主任会议第九次会议召开。会议决定，省人大常委会第五次会议将于4月1日召开。
会议经研究提出，省人大常委会第五次会议建议议程为：传达学习全国人大会议精神；审议《某某省河道管理条例修正案（草案）》；审议《关于加强某某湾保护的决定（草案）》。`);
    expect(doc.items.map((i) => i.kind)).toEqual(['other', 'legislation', 'decision']);
    expect(classify('某某市人民代表大会常务委员会关于加强某某湾保护的决定、').kind).toBe('decision');
    expect(classify('省人大常委会主任会议第九次会议决定').kind).not.toBe('decision');
  });
});

describe('what a meeting decides', () => {
  it('approving the government\'s new projects is a decision; approving a regulation is lawmaking', () => {
    expect(classify('会议听取审议了县政府关于环境状况的报告，审查批准新增2033年政府投资重大建设项目。', [], 'news').kind).toBe('decision');
    expect(classify('审查批准《某某市养犬管理条例》（提请9月份的省人大常委会会议审查批准）；').kind).not.toBe('decision');
  });

  it('"作出召开…会议的决定" is the committee\'s decision', () => {
    expect(classify('听取和审议了县十九届人大二次会议筹备工作情况报告，作出召开县十九届人大二次会议的决定。', [], 'news').kind).toBe('decision');
  });

  it('an amendment to a law put to review is legislation', () => {
    expect(classify('审议《某某经济特区林地管理条例修正案（草案）》；').kind).toBe('legislation');
  });
});

describe('deputies rating how their suggestions were handled', () => {
  it('is an evaluation, however it is said; a rating after hearing a report stays the report\'s; how a rating is run is no rating', () => {
    expect(classify('2032年12月初，县人大常委会再次就建议办理情况进行满意度测评，代表满意的有96件。', [], 'news').kind).toBe('evaluation');
    expect(classify('组织代表对重点建议办理情况进行了测评，满意率达98%。', [], 'news').kind).toBe('evaluation');
    expect(classify('测评重点督办件，确保代表真满意。', [], 'news').kind).toBe('evaluation');
    expect(classify('会议听取和审议了县政府关于民生实事项目完成情况的报告，并进行满意度测评。', [], 'news').kind).toBe('report');
    expect(classify('满意度测评采取无记名投票方式，由常委会组成人员当场投票。', [], 'news').kind).not.toBe('evaluation');
  });
});

describe('decisions, however a meeting\'s news words them', () => {
  it('adopting decisions by name, "审议决定了", "审查和批准了…议案", a draft outline reviewed beside a report', () => {
    expect(classify('会议审议通过了代表资格审查委员会的报告、《关于补选某某区第九届人民代表大会代表的决定》和《关于召开某某区九届人大三次会议的决定》。', [], 'news').kind).toBe('decision');
    expect(classify('会议审议决定了区六届人大二次会议召开时间和建议议程；审议决定了增加人民陪审员名额的有关事项。', [], 'news').kind).toBe('decision');
    expect(classify('审查和批准了旗人民政府《关于提请审议〈某某旗法治宣传教育规划〉议案的报告》，听取和审议了关于修订《某某灌区管理条例》的说明。', [], 'news').kind).toBe('decision');
    expect(classify('书面审查了《某某市国民经济和社会发展第十五个五年规划纲要（草案）》《某某市2032年计划执行情况与2033年计划草案的报告》。', [], 'news').kind).toBe('decision');
  });

  it('but not a city\'s law sent to the province for approval, nor a decision amending laws', () => {
    expect(classify('审议通过后报请省人大常委会审查批准。', [], 'news').kind).not.toBe('decision');
    expect(classify('该规定已报请省人大常委会，待省人大常委会审查和批准后予以公布。', [], 'news').kind).not.toBe('decision');
    expect(classify('会议审议通过了《关于修改〈某某市养犬管理规定〉的决定》。', [], 'news').kind).toBe('legislation');
  });
});

describe('a lede on a plan made public, whatever it lists', () => {
  it('is other; "审查批准项目" is a category of a plan\'s projects, no approval', () => {
    expect(classify('日前，市人大常委会2033年工作要点出炉，将开展立法项目4项、讨论决定重大事项9项、开展监督26项。', [], 'news').kind).toBe('other');
    expect(classify('今年立法计划的项目包括结转项目、初次审议项目、预备项目和审查批准项目。', [], 'news').kind).not.toBe('decision');
  });
});

describe('untitled news, by its first words', () => {
  it('an editor\'s note, a source with its reporter, a lede dated with its year or by the day alone', () => {
    expect(bodyDocType('编者按\n2033年6月2日，全市县（市、区）人大常委会主任座谈会召开。')).toBe('news');
    expect(bodyDocType('某某法制网：（李某）某某区人大常委会相继召开主任会议和机关全体会议，传达学习会议精神。')).toBe('news');
    expect(bodyDocType('2026年1月15日，某某省人大常委会会议审议通过《关于某某市开始制定地方性法规的决定》，此后该市开始行使地方立法权。')).toBe('news');
    expect(bodyDocType('12日至20日，某某市人大常委会主任某某带队赴各乡镇开展“双联”活动。')).toBe('news');
  });

  it('hearing deputies\' views is deputy work', () => {
    expect(classify('某某带队赴各乡镇开展“双联”活动，听取基层人大代表和群众对经济社会发展的意见建议。', [], 'news').kind).toBe('deputy');
  });
});

describe('a lede that dates its meeting after the meeting\'s name', () => {
  it('"…第十九次会议12月14日举行" dates the acts below; a decision to convene another meeting does not', () => {
    const own = only(`区五届人大常委会第十九次会议举行
区五届人大常委会第十九次会议12月14日举行。区人大常委会主任某某出席。
会议听取和审议了区人民政府关于审计查出问题整改情况的报告。`);
    expect(own.items.map((i) => i.months)).toEqual([[12]]);
    const other = only(`区人大常委会召开主任会议
日前，区人大常委会召开第八次主任会议。
会议决定，区四届人大常委会第七次会议于9月22日召开。
会议还听取了区人大常委会代表工作室关于代表联络站建设情况的汇报。`);
    expect(other.items.at(-1)!.months).toEqual([]);
  });
});

describe('a province\'s plans made public, told in news', () => {
  it('the lede is an item; lists after "，包括", after "另外，", and ending "…等21个立法项目将开展前期调研" give one bill each', () => {
    const doc = only(`您当前所在的位置：某某新闻网 >> 新闻频道
省人大常委会今年将安排审议6项法规
2033-02-12 20:44  作者：某某  来源：某某新闻网
某某新闻网讯 省人大常委会12日公布2033年立法计划。记者获悉，今年省人大常委会将安排审议6项法规，包括湿地保护条例、城市绿化条例、养犬管理条例、物业管理条例（修订）、电梯安全条例、省人大常委会组成人员守则。
还有9个立法预备项目年内将抓紧起草，包括河道管理条例（修订）、地名管理办法、古树名木保护条例等。另外，托育服务条例、供热条例、停车场管理条例等9个立法项目将开展前期调研。`);
    expect(doc.title).toBe('省人大常委会今年将安排审议6项法规');
    expect(doc.items[0]!.kind).toBe('other');
    expect(doc.items.slice(1).map((i) => i.text.replace(/[、。]$/, ''))).toEqual([
      '湿地保护条例', '城市绿化条例', '养犬管理条例', '物业管理条例（修订）', '电梯安全条例', '省人大常委会组成人员守则',
      '河道管理条例（修订）', '地名管理办法', '古树名木保护条例等', '托育服务条例', '供热条例', '停车场管理条例等9个立法项目将开展前期调研',
    ]);
    expect(doc.items.slice(1).every((i) => i.kind === 'legislation' && i.months.length === 0)).toBe(true);
  });
});

describe('a chairmen\'s meeting readying the next meeting\'s business', () => {
  it('clause after clause "…决定将相关报告提请常委会第九次会议审议；…" gives one item per clause, on that meeting\'s month', () => {
    const doc = only(`市人大常委会会议下周举行
市人大常委会昨天举行第二十次主任会议，决定市人大常委会第九次会议于12月27日至28日举行。
会议听取了市政府关于燃气安全工作情况报告的说明，决定将相关报告提请常委会第九次会议审议；听取了市政府关于城乡规划实施情况报告的说明，决定将相关报告提请常委会第九次会议审议；听取了有关人事任免案的说明，决定将任免案提请常委会第九次会议审议。`);
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['report 12', 'report 12', 'appointment 12']);
  });
});

describe('a gazette\'s pages', () => {
  it('its menu bar and its table of contents (titles with their pages) are chrome, not items', () => {
    for (const line of ['首 页 机构设置 工作动态 审议意见 代表工作 人事任免', '某某市人民代表大会常务委员会关于某某任职的决定 5', '某某市第九届人民代表大会常务委员会第三十次会议议程（5）']) {
      expect(isClutterLine(line), line).toBe(true);
    }
    expect(isClutterLine('首页 县人大常委会召开第十次会议')).toBe(false);
    expect(isClutterLine('审议市人民政府关于2032年决算的报告')).toBe(false);
  });
});

describe('news of a congress session\'s plenary', () => {
  it('is news, dated by the day alone; the quorum and who sat on the platform are its frame, the report made to it an item', () => {
    const doc = only(`6日上午，某某自治州第十四届人民代表大会第二次会议举行第二次全体会议。
本次会议应出席代表240名，实到226名，符合法定人数。
担任本次会议执行主席并在主席台前排就座的有：甲某、乙某、丙某。
在主席台就座的还有：丁某、戊某和大会主席团成员。
受州人大常委会委托，州人大常委会副主任某某向大会作州人大常委会工作报告。州中级人民法院院长某某向大会报告州中级人民法院工作。`);
    expect(doc.docType).toBe('news');
    expect(doc.items.map((i) => `${i.kind} ${i.text.slice(0, 4)}`)).toEqual(['report 受州人大']);
  });
});

describe('a session\'s day schedule', () => {
  it('is an agenda; its bracketed day dates its entries; voting a committee\'s list of members is an appointment', () => {
    const doc = only(`【1月18日（星期三）】
人大——
上午
一、9时，在市会议中心，举行大会第三次全体会议
1、表决市十六届人大部分专门委员会组成人员名单草案
2、宣布表决结果
二、举行大会闭幕会
表决各项决议草案`);
    expect(doc.docType).toBe('agenda');
    expect(doc.items.map((i) => `${i.kind} ${i.months.join(',')}`)).toEqual(['appointment 1', 'other 1', 'decision 1']);
  });
});

describe('what a newcomer\'s read found (counter-examples to the rules above)', () => {
  it('a decision of each kind in one item; a decision already made being followed up; a province approving its own business', () => {
    expect(classify('会议审议通过了《关于召开区九届人大三次会议的决定》，表决通过了关于修改《某某市养犬管理条例》的决定。', [], 'news').kind).toBe('decision');
    expect(classify('督促落实常委会近年作出并跟踪督办的决定。', [], 'news').kind).not.toBe('decision');
    expect(classify('省人大常委会审查批准了新增政府债务限额。', [], 'news').kind).toBe('decision');
  });

  it('a vote to convene the congress on the meeting\'s day, however worded; a meeting decided in a long lede dates nothing', () => {
    const doc = only(`区人大常委会召开第四十次会议
12月27日，区人大常委会召开第四十次会议。
会议表决通过了关于召开区十六届人民代表大会第一次会议的决定，会议定于2034年2月7日召开。`);
    expect(doc.items.map((i) => i.months)).toEqual([[12]]);
    const other = only(`区人大常委会召开主任会议
区人大常委会第八次主任会议日前决定，区四届人大常委会第七次会议于9月22日召开。
会议还听取了区人大常委会代表工作室关于代表联络站建设情况的汇报。`);
    expect(other.items.at(-1)!.months).toEqual([]);
  });

  it('a list whose last law has 等 in its name; bills in 《》; a plan\'s flattened table row and a photo shoot are no chrome', () => {
    const doc = only(`某某省人大常委会召开立法工作会议
3月2日，省人大常委会召开立法工作会议。今年将安排审议4项法规，包括湿地保护条例、城市绿化条例、养犬管理条例、高等教育条例。`);
    expect(doc.items.slice(-4).map((i) => i.text.replace(/[、。]$/, ''))).toEqual(['湿地保护条例', '城市绿化条例', '养犬管理条例', '高等教育条例']);
    const quoted = only(`某某省人大常委会召开立法工作会议
3月2日，省人大常委会召开立法工作会议。今年将安排审议3项法规，包括《湿地保护条例》、《城市绿化条例》、《养犬管理条例》。`);
    expect(quoted.items.slice(-3).map((i) => i.kind)).toEqual(['legislation', 'legislation', 'legislation']);
    expect(isClutterLine('某某市电梯安全条例 6')).toBe(false);
    expect(isClutterLine('会后 开展集中拍摄')).toBe(false);
  });
});
