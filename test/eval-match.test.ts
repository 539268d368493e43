import { describe, expect, it } from 'vitest';
import { matchGold } from '../pipeline/apps/eval/match.js';
import type { Item } from '../schemas/index.js';

/**
 * How `renda eval` pairs an answer key's items with renda's: by start, in page order. A scan's text may
 * misread one character of a start; that is OCR's error, measured by its own benchmark, not a wrong item.
 */
const item = (text: string) => ({ text }) as Item;

describe('matching key items by their start', () => {
  const pred = [item('旗贴鲜明用党的创新理论统揽人大工作，组织集中学习40次。'), item('听取和审议市政府关于河道治理工作情况的报告。')];

  it('pairs an item whose start differs by one misread character', () => {
    expect(matchGold([{ start: '旗帜鲜明用党的创新理论统' }], pred).map(([, p]) => p.text.slice(0, 4))).toEqual(['旗贴鲜明']);
  });

  it('not one that differs by two, nor a short start that differs by one', () => {
    expect(matchGold([{ start: '旗帜鲜明用党的创新论理统' }], pred)).toEqual([]);
    expect(matchGold([{ start: '听取和审' }, { start: '听取审审' }], [item('听取和审议'), item('听取审议报告')])).toHaveLength(1);
  });

  it('an exact start further on is preferred to a near one before it', () => {
    const both = [item('审议市政府关于甲工作情况的报告'), item('审议市政府关于乙工作情况的报告')];
    expect(matchGold([{ start: '审议市政府关于乙工作情况' }], both).map(([, p]) => p.text)).toEqual(['审议市政府关于乙工作情况的报告']);
  });
});
