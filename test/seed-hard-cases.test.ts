import { describe, expect, it } from 'vitest';
import { analyseText, readFixture } from './helpers.js';

/** Every quirk that shared/seeds/README.md lists, asserted on the seed itself. */
const seed = (name: string) => analyseText(readFixture(`text/${name}`));

describe('seed 000: five documents from a PDF copy', () => {
  const docs = seed('000_aed2f3b3ef629585.txt');
  const item = (doc: number, path: string) => docs[doc].items.find((i) => i.path === path)!;

  it('splits the five documents at their titles', () => {
    expect(docs.map((d) => d.docType)).toEqual(['work_points', 'supervision_plan', 'agenda', 'decision_plan', 'deputy_work_plan']);
    expect(docs.every((d) => d.year === 2023 && d.jurisdiction.code === '410928')).toBe(true);
  });

  it('joins sentences broken across page breaks', () => {
    expect(item(0, '1.2').text).toContain('全面学习、把握、落实党的二十大精神');
    expect(item(0, '2.1').text).toContain('放在县委整体工作布局中');
    expect(item(1, '5.3').text).toContain('（拟于4月份进行，由常委会农村工作委员会负责组织实施）');
  });

  it('reads "1." / "1. " / "3." numbering alike and mixed bracket widths', () => {
    expect(docs[0].items.map((i) => i.number)).toEqual(Array.from({ length: 22 }, (_, k) => `${k + 1}.`));
    expect(item(1, '1.7').text).toMatch(/^听取审议县人民法院关于执行工作情况的报告。（拟安排在6月份举行/);
  });

  it('matches declared counts such as （18 项） with the items found', () => {
    expect(docs[1].sections.map((s) => [s.declaredCount, s.itemCount])).toEqual([[18, 18], [5, 5], [4, 4], [2, 2], [11, 11]]);
    expect(docs[1].warnings).toEqual([]);
  });

  it('splits table cells holding several agenda items and resolves (财)(法)(社)(教)(农)(选)(办)', () => {
    const agenda = docs[2];
    expect(agenda.items).toHaveLength(31);
    expect(agenda.sections.map((s) => s.title)).toEqual(['3月', '4月', '6月', '8月', '10月', '12月']);
    expect(new Set(agenda.items.map((i) => i.committee?.key))).toEqual(
      new Set(['office', 'legal_judicial', 'social', 'finance_economy', 'education_science_culture_health', 'agriculture_rural', 'deputy_affairs']),
    );
    expect(agenda.items.every((i) => i.months.length === 1)).toBe(true);
  });

  it('reads 一是…二是 enumerations as items and deadlines such as 6月底前', () => {
    expect(docs[4].items.slice(0, 4).map((i) => i.number)).toEqual(['一是', '二是', '三是', '四是']);
    expect(item(4, '1.1').months).toEqual([6, 10]);
    expect(item(4, '2.7').months).toEqual([6, 11]);
  });

  it('does not take "2023年1—7月份预算执行情况" for a schedule month', () => {
    expect(item(1, '2.2').months).toEqual([8]);
    expect(item(3, '2').months).toEqual([8]);
  });
});

describe('seed 001: an unnumbered report', () => {
  const [doc] = seed('001_754274ce12da7e36.txt');
  it('makes heading lines sections and paragraphs items', () => {
    expect(doc.sections.map((s) => s.path)).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.5', '2']);
    expect(doc.items.every((i) => i.number === null)).toBe(true);
    expect(doc.items.find((i) => i.text.startsWith('切实强化思想引领。'))).toBeDefined();
  });
  it('dates past events: "2023年12月", "6月下旬"', () => {
    expect(doc.items.find((i) => i.text.includes('2023年12月'))!.months).toEqual([12]);
    expect(doc.items.find((i) => i.text.includes('6月下旬'))!.months).toEqual([6]);
  });
});

describe('seeds 002–004: saved web pages', () => {
  it('002: drops web chrome, reads the adoption line, numbers "1.完善…" without a space', () => {
    const [doc] = seed('002_4ff2a9da724ed550.txt');
    expect(doc.adoptedDate).toBe('2025-02-13');
    expect(doc.publishedDate).toBe('2025-02-26');
    expect(doc.items[0]).toMatchObject({ number: '1.', text: expect.stringMatching(/^完善常委会组成人员联系代表制度。/) });
    expect(doc.items.some((i) => /编辑|来源/.test(i.text))).toBe(false);
  });

  it('003: a news page with breadcrumbs, byline and editor; a heading split over two lines', () => {
    const [doc] = seed('003_056d0c26d8709168.txt');
    expect(doc.docType).toBe('news');
    expect(doc.sections.map((s) => s.title)).toContain('充分发挥人大主渠道作用，认真践行、不断发展全过程人民民主');
    expect(doc.items.some((i) => /首页|作者|责任编辑/.test(i.text))).toBe(false);
    expect(doc.items.filter((i) => i.text.startsWith('针对'))).toHaveLength(4);
  });

  it('004: chrome before and after, indented paragraphs, an item naming several months', () => {
    const [doc] = seed('004_17a05f8ec4f51702.txt');
    expect(doc.items).toHaveLength(28);
    expect(doc.items.some((i) => /相关稿件|微信公众号|分享到/.test(i.text))).toBe(false);
    expect(doc.items.find((i) => i.number === '22.')!.months).toEqual([6, 7, 9]);
    expect(doc.items.every((i) => !i.text.startsWith(' '))).toBe(true);
  });
});
