import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../pipeline/normalise/split.js';
import { normalise } from '../pipeline/normalise/normalise.js';
import { analyseText, plain, readFixture } from './helpers.js';

const titles = (raw: string) => {
  const text = normalise(plain(raw)).text;
  return splitDocuments(text).map((d) => d.title);
};

describe('splitDocuments', () => {
  it('finds the five documents of a combined county file, with issuer lines and an annex label', () => {
    expect(titles(readFixture('text/000_aed2f3b3ef629585.txt'))).toEqual([
      '濮阳县人民代表大会常务委员会2023年度工作要点',
      '濮阳县人民代表大会常务委员会2023年度监督工作计划',
      '县人大常委会会议2023年度议题安排表',
      '濮阳县人民代表大会常务委员会2023年度重大事项决定工作计划',
      '濮阳县人民代表大会常务委员会2023年度代表工作计划',
    ]);
  });

  it('merges a title repeated by the page header and the article heading', () => {
    expect(titles('广东省人大常委会2023年度代表工作计划\n时间:2023-04-03\n广东省人大常委会2023年度代表工作计划\n一、选举工作\n1.做好选举。\n2.做好审查。')).toEqual([
      '广东省人大常委会2023年度代表工作计划',
    ]);
  });

  it('does not take an annex reference or a numbered heading for a title', () => {
    expect(titles('某县人大常委会2023年度监督工作计划\n一、关于监督工作计划\n1.听取报告。\n附件：县人大常委会会议2023年度议题安排表')).toEqual([
      '某县人大常委会2023年度监督工作计划',
    ]);
  });
});

describe('document metadata', () => {
  it('classifies a news article about a plan as news and dates it from the byline', () => {
    const [doc] = analyseText(readFixture('text/003_056d0c26d8709168.txt'));
    expect(doc.docType).toBe('news');
    expect(doc.year).toBe(2021);
    expect(doc.publishedDate).toBe('2021-11-11');
    expect(doc.jurisdiction.code).toBe('410900');
  });

  it('reads docType from the title for every kind of plan', () => {
    const type = (t: string) => analyseText(`${t}\n1.听取报告。\n2.开展调研。`)[0].docType;
    expect(type('某某省人大常委会2024年立法工作计划')).toBe('legislation_plan');
    expect(type('某某市人大常委会2024年度工作要点')).toBe('work_points');
    expect(type('某某县人大常委会关于贯彻落实会议精神的实施方案')).toBe('implementation_plan');
    expect(type('某某县人大常委会2024年度重大事项决定工作计划')).toBe('decision_plan');
  });
});
