import { describe, expect, it } from 'vitest';
import { normalise } from '../pipeline/normalise/normalise.js';
import { plain } from './helpers.js';

const norm = (s: string) => normalise(plain(s)).text;

describe('normalise', () => {
  it('joins a sentence broken across a page break with a blank line between', () => {
    const t = norm('2. 推动党的二十大精神学习贯彻走深走实。全面学习、把握、\n\n落实党的二十大精神，结合学习。\n\n3.自觉把党的全面领导贯彻人大工作各方面全过程。');
    expect(t.split('\n')).toEqual([
      '2.推动党的二十大精神学习贯彻走深走实。全面学习、把握、落实党的二十大精神，结合学习。',
      '3.自觉把党的全面领导贯彻人大工作各方面全过程。',
    ]);
  });

  it('joins a long line that stops mid-word, but not a short heading', () => {
    const t = norm('6. 听取审议县政府关于义务教育阶段学生午餐午休管理情况的报告。（拟安排在 6 月份举行的常委会会议上进行，由常委\n\n会教科文卫工作委员会负责做好相关工作)\n坚持法治思维,创新提质增效,更好彰显人大作为\n\n深入践行习近平法治思想。');
    expect(t.split('\n')).toEqual([
      '6.听取审议县政府关于义务教育阶段学生午餐午休管理情况的报告。（拟安排在6月份举行的常委会会议上进行，由常委会教科文卫工作委员会负责做好相关工作）',
      '坚持法治思维，创新提质增效，更好彰显人大作为',
      '深入践行习近平法治思想。',
    ]);
  });

  it('joins a heading split after a comma', () => {
    expect(norm('充分发挥人大主渠道作用,\n\n认真践行、不断发展全过程人民民主\n\n针对立法工作,方案要求。')).toBe(
      '充分发挥人大主渠道作用，认真践行、不断发展全过程人民民主\n针对立法工作，方案要求。',
    );
  });

  it('folds brackets, full-width digits and spaces next to Chinese', () => {
    expect(norm('二、审查和批准决算(5 项)')).toBe('二、审查和批准决算（5项）');
    expect(norm('拟安排在 ３ 月份, 由常委会负责')).toBe('拟安排在3月份，由常委会负责');
    expect(norm('2023 年度工作要点')).toBe('2023年度工作要点');
  });

  it('keeps clock times, decimals and spaces between Latin words', () => {
    expect(norm('会议于 15:25 开始, GDP growth 3.5%')).toBe('会议于15:25开始，GDP growth 3.5%');
  });

  it('converts traditional characters to simplified, keeping offsets', () => {
    const n = normalise(plain('濮陽縣人民代表大會常務委員會\n聽取審議縣政府關於財政決算的報告。'));
    expect(n.text).toBe('濮阳县人民代表大会常务委员会\n听取审议县政府关于财政决算的报告。');
    expect(n.simplified).toBe(true);
    expect(n.rawOffset(n.text.indexOf('听取'))).toBe(15);
  });

  it('drops web chrome and reads the publication date from the byline', () => {
    const n = normalise(plain('首页 > 报告计划\n\n广东省人大常委会2023年度代表工作计划\n\n时间:2023-04-03 来源:广东人大网\n分享到:\n\n  一、认真做好选举工作\n\n附件:\n相关稿件:\n\n广东人大\n微信公众号'));
    expect(n.text).toBe('广东省人大常委会2023年度代表工作计划\n一、认真做好选举工作\n附件：');
    expect(n.publishedDate).toBe('2023-04-03');
  });

  it('drops a byline of several labels and an editor line', () => {
    const n = normalise(plain('作者:时喜敏  文章来源:濮阳网  字体:   发布时间:2021-11-11 15:25:21\n正文第一段。\n责任编辑:刘循源'));
    expect(n.text).toBe('正文第一段。');
    expect(n.publishedDate).toBe('2021-11-11');
  });

  it('maps offsets back to pages, and joins across a page only when the extractor says so', () => {
    const n = normalise({
      extractor: 'pdf', mediaType: 'application/pdf', pageCount: 2, meta: {},
      pages: [
        { number: 1, text: '1.听取审议县政府关于信访工作情况的报告，由常委', continues: true },
        { number: 2, text: '会法制工作委员会负责。\n2.对全县开展调研。' },
      ],
    });
    expect(n.text).toBe('1.听取审议县政府关于信访工作情况的报告，由常委会法制工作委员会负责。\n2.对全县开展调研。');
    expect(n.pageAt(0)).toBe(1);
    expect(n.pageAt(n.text.indexOf('2.对'))).toBe(2);
  });
});

describe('normalise: open brackets', () => {
  it('joins a short line that leaves a bracket open', () => {
    expect(normalise(plain('3.对全县黄河生态廊道绿化情况开展调研。（拟于4月份进\n\n行，由常委会农村工作委员会负责组织实施）\n4.下一项。')).text).toBe(
      '3.对全县黄河生态廊道绿化情况开展调研。（拟于4月份进行，由常委会农村工作委员会负责组织实施）\n4.下一项。',
    );
  });
});

describe('normalise: simplified documents are never converted', () => {
  it('keeps 著, 乾 and 於 in simplified text', () => {
    const n = normalise(plain('乾县人大常委会2024年工作要点\n1.对《中华人民共和国著作权法》贯彻实施情况开展执法检查，成效显著。'));
    expect(n.simplified).toBe(false);
    expect(n.text).toContain('乾县');
    expect(n.text).toContain('著作权法');
    expect(n.text).toContain('显著');
  });

  it('converts a traditional document phrase by phrase', () => {
    const n = normalise(plain('乾縣人大常委會2024年工作要點\n1.對《中華人民共和國著作權法》貫徹實施情況開展執法檢查。'));
    expect(n.simplified).toBe(true);
    expect(n.text).toBe('乾县人大常委会2024年工作要点\n1.对《中华人民共和国著作权法》贯彻实施情况开展执法检查。');
  });
});
