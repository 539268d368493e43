import { describe, expect, it } from 'vitest';
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
