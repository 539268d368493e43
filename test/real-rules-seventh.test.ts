import { describe, expect, it } from 'vitest';
import { analyseOne } from './helpers.js';

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
