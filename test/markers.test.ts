import { describe, expect, it } from 'vitest';
import { matchMarker } from '../pipeline/text/markers.js';

describe('matchMarker', () => {
  it.each([
    ['一、旗帜鲜明讲政治', 'cn_dun', 1],
    ['十二、其他', 'cn_dun', 12],
    ['一 、OCR 空格', 'cn_dun', 1],
    ['（一）加强监督', 'cn_paren', 1],
    ['(三)加强监督', 'cn_paren', 3],
    ['1. 深学笃行', 'arabic', 1],
    ['3.自觉把党', 'arabic', 3],
    ['10、听取', 'arabic', 10],
    ['1，OCR 把点认成逗号', 'arabic', 1],
    ['4．全角点', 'arabic', 4],
    ['（1）列席', 'arabic_paren', 1],
    ['①第一项', 'circled', 1],
    ['一是搞好两点一面建设', 'cn_shi', 1],
    ['八是做好宣传', 'cn_shi', 8],
    ['第一，加强学习', 'cn_ordinal', 1],
  ])('%s → %s %d', (line, style, value) => {
    expect(matchMarker(line)).toMatchObject({ style, value });
  });

  it.each(['2023年是开局之年', '3.5亿元用于', '一是', '是一个', '一方面要加强', '二〇二三年'])('no marker in %s', (line) => {
    expect(matchMarker(line)).toBeNull();
  });
});

describe('matchMarker: more numbering habits', () => {
  it.each([
    ['1）听取报告', 'arabic_half', 1],
    ['⑵开展调研', 'circled', 2],
    ['第三条 本办法自公布之日起施行', 'article', 3],
  ])('%s → %s %d', (line, style, value) => {
    expect(matchMarker(line)).toMatchObject({ style, value });
  });
});
