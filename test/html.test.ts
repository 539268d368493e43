import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanDocTitle } from '../extractors/_html-content.js';
import { htmlExtractor, sniffCharset } from '../extractors/html.js';
import { flattenDeepMarkup, maxDepth } from '../extractors/_html-markup-depth.js';

const run = async (page: string | Uint8Array) => {
  const bytes = typeof page === 'string' ? new TextEncoder().encode(page) : page;
  const r = await htmlExtractor.extract(bytes, { path: 'page.html' });
  return { ...r, lines: r.pages[0].text.split('\n') };
};

/** Every wanted line appears, in this order (other lines may sit between). */
function expectInOrder(lines: string[], wanted: string[]): void {
  let at = 0;
  for (const w of wanted) {
    const i = lines.indexOf(w, at);
    expect(i, `missing or out of order: ${w}`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

const PARAS = [
  '2025年度省人大常委会代表工作,以习近平新时代中国特色社会主义思想为指导,深入贯彻党的二十大和二十届三中全会精神,落实省委部署要求,围绕中心、服务大局。',
  '一、深化常委会同代表联系',
  '1.完善常委会组成人员联系代表制度。修订《河南省人民代表大会常务委员会联系省人民代表大会代表办法》,把联系代表融入常委会组成人员的履职活动,实现联系的规范化、常态化。',
  '2.开展常委会领导接待代表日活动。常委会主任、副主任、秘书长通过灵活多样的形式,围绕立法、监督、重大事项决定和代表工作等方面议题,广泛听取代表意见建议。',
  '二、密切代表同人民群众联系',
  '3.深化提升代表主题活动。聚焦“四高四争先”,深化提升“为人民履职、为中原添彩·人大代表在行动”主题活动,制定实施意见,健全常效机制。',
];
const TITLE = '河南省人大常委会2025年度代表工作计划';

const navLinks = (words: string[]) => words.map((w) => `<li><a href="/${w}/">${w}</a></li>`).join('\n');
const NAV = navLinks(['首页', '人大概况', '新闻中心', '立法工作', '监督工作', '代表工作', '理论研究', '机关建设', '视频新闻', '专题专栏']);
const CHROME = ['人大概况', '新闻中心', '当前位置', '分享到', '相关稿件', '版权所有', 'ICP备', '热点排行', '打印本页', '编辑:李恒'];

/** A provincial CMS page: nav, breadcrumb, h1, byline, share bar, body, editor, related list, sidebar, footer. */
function cmsPage(charset = 'utf-8'): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${TITLE}-河南人大网</title>
<script>var _hmt = _hmt || []; document.write("<p>统计代码不应出现在正文中</p>");</script>
<style>.nav li { float: left; }</style></head>
<body>
<div class="top"><div class="logo"><a href="/"><img src="logo.png" alt="河南人大网"></a></div>
  <div class="search"><form action="/search"><input name="q" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul>${NAV}</ul></div>
<div class="main">
 <div class="left">
  <div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/dbgz/">代表工作</a> &gt; 正文</div>
  <div class="article">
   <h1 class="title">${TITLE}</h1>
   <div class="info"><span>时间:2025-02-26</span>&nbsp;&nbsp;<span>来源:河南省人大融媒体中心</span></div>
   <div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
   <div class="content" id="zoom">
    <p style="text-align:center">(2025年2月13日省十四届人大常委会第46次主任会议通过)</p>
    ${PARAS.map((p) => `<p>&nbsp;&nbsp;&nbsp;&nbsp;${p}</p>`).join('\n    ')}
    <p style="text-align:right">编辑:李恒</p>
   </div>
   <div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
   <div class="xgwz"><h3>相关稿件</h3><ul>
     <li><a href="/1.html">省人大常委会召开代表工作座谈会</a></li>
     <li><a href="/2.html">省人大代表开展集中视察活动</a></li></ul></div>
  </div>
 </div>
 <div class="right-list"><h3>热点排行</h3><ul>${navLinks(['省人大常委会党组召开会议传达学习全国两会精神', '省人大常委会召开第四十六次主任会议'])}</ul></div>
</div>
<div class="footer"><p>版权所有：河南省人大常委会办公厅 地址：郑州市金水路 联系电话：0371-65903000</p>
<p><a href="https://beian.miit.gov.cn">豫ICP备05004470号</a> 网站标识码：4100000001</p></div>
</body></html>`;
}

describe('htmlExtractor on a CMS article page', () => {
  it('keeps title, byline and body in order, and no chrome', async () => {
    const r = await run(cmsPage());
    expect(r.lines[0]).toBe(TITLE);
    expect(r.lines[1]).toBe('时间:2025-02-26 来源:河南省人大融媒体中心');
    expect(r.lines[2]).toBe('(2025年2月13日省十四届人大常委会第46次主任会议通过)');
    expectInOrder(r.lines, PARAS);
    for (const c of CHROME) expect(r.pages[0].text).not.toContain(c);
    expect(r.pages[0].text).not.toContain('统计代码');
    expect(r.lines.at(-1)).toBe(PARAS.at(-1));
    expect(r.meta).toEqual({ title: TITLE, publishedDate: '2025-02-26' });
    expect(r).toMatchObject({ extractor: 'html', mediaType: 'text/html', pageCount: null });
    expect(r.pages[0].number).toBe(1);
  });

  it('decodes a GBK page declared gb2312', async () => {
    const page = cmsPage('gb2312') + '<!-- 朱镕基 -->';
    const r = await run(new Uint8Array(iconv.encode(page.replace('</div>\n</body>', '<p>陶喆</p></div>\n</body>'), 'gbk')));
    expectInOrder(r.lines, [TITLE, ...PARAS]);
    expect(r.meta.title).toBe(TITLE);
  });

  it('decodes a GBK page with no charset declaration', async () => {
    const page = cmsPage().replace(/<meta http-equiv[^>]*>/, '');
    expect(sniffCharset(new TextEncoder().encode(page))).toBeUndefined();
    const r = await run(new Uint8Array(iconv.encode(page, 'gbk')));
    expectInOrder(r.lines, [TITLE, ...PARAS]);
  });

  it('decodes a UTF-8 page whose meta says gb2312', async () => {
    const r = await run(cmsPage('gb2312'));
    expectInOrder(r.lines, [TITLE, ...PARAS]);
  });
});

describe('sniffCharset', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('finds <meta charset>, http-equiv and XML declarations', () => {
    expect(sniffCharset(enc('<html><head><meta charset="GBK"></head>'))).toBe('GBK');
    expect(sniffCharset(enc("<meta charset='utf-8' />"))).toBe('utf-8');
    expect(sniffCharset(enc('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">'))).toBe('gb2312');
    expect(sniffCharset(enc('<?xml version="1.0" encoding="GB18030"?><html>'))).toBe('GB18030');
    expect(sniffCharset(enc('<html><head><title>x</title>'))).toBeUndefined();
  });
});

describe('htmlExtractor.accepts', () => {
  const probe = (ext: string, head: string) => ({ path: `a${ext}`, ext, head: new TextEncoder().encode(head) });
  it('takes HTML by extension or by its first tag', () => {
    expect(htmlExtractor.accepts(probe('.htm', ''))).toBe(true);
    expect(htmlExtractor.accepts(probe('.shtml', ''))).toBe(true);
    expect(htmlExtractor.accepts(probe('', '\n<!DOCTYPE html>\n<html>'))).toBe(true);
    expect(htmlExtractor.accepts(probe('.txt', '<!-- saved --><html lang="zh">'))).toBe(true);
    expect(htmlExtractor.accepts(probe('.txt', '首页 > 报告计划'))).toBe(false);
  });
});

describe('htmlExtractor on tables', () => {
  const page = `<html><head><meta charset="utf-8"><title>濮阳县人大常委会2023年议题安排表_濮阳县人大网</title></head><body>
<div class="nav">${NAV}</div>
<div class="con">
<h2>濮阳县人大常委会2023年议题安排表</h2>
<p>根据县委工作安排，现将2023年常委会会议议题安排如下：</p>
<table border="1">
 <tr><td colspan="3"><b>2023年常委会会议议题安排表</b></td></tr>
 <tr><th>时间</th><th>会议议题</th><th>承办单位</th></tr>
 <tr><td rowspan="2">2月份</td><td><p>1.听取和审议县人民政府关于2022年度环境状况和环境保护目标完成情况的报告（农）</p><p>2.审议有关人事任免事项（选）</p></td><td>农工委</td></tr>
 <tr><td>3.听取和审议关于优化营商环境工作情况的报告（财）</td><td>财经委</td></tr>
 <tr><td>4月份</td><td>听取和审议县人民政府关于| 乡村振兴工作情况的报告（农）</td><td>农工委</td></tr>
</table>
<p>以上议题可根据县委要求和实际情况适时调整。</p>
</div>
<div class="foot">版权所有 濮阳县人大常委会</div>
</body></html>`;

  it('turns a data table into pipe rows after a header rule', async () => {
    const r = await run(page);
    expect(r.lines).toEqual([
      '濮阳县人大常委会2023年议题安排表',
      '根据县委工作安排，现将2023年常委会会议议题安排如下：',
      '2023年常委会会议议题安排表',
      '| 时间 | 会议议题 | 承办单位 |',
      '|---|---|---|',
      '| 2月份 | 1.听取和审议县人民政府关于2022年度环境状况和环境保护目标完成情况的报告（农） 2.审议有关人事任免事项（选） | 农工委 |',
      '| 2月份 | 3.听取和审议关于优化营商环境工作情况的报告（财） | 财经委 |',
      '| 4月份 | 听取和审议县人民政府关于｜ 乡村振兴工作情况的报告（农） | 农工委 |',
      '以上议题可根据县委要求和实际情况适时调整。',
    ]);
    expect(r.meta.title).toBe('濮阳县人大常委会2023年议题安排表');
  });

  it('reads an old table-layout page as text, with <br> paragraphs', async () => {
    const old = `<html><head><meta charset="gb2312"><title>濮阳网_新闻_濮阳市人大常委会出台学习宣传贯彻中央人大工作会议精神实施方案</title>
<meta name="PubDate" content="2021-11-11 15:25"></head><body>
<table width="1000"><tr><td>${NAV}</td></tr></table>
<table width="1000"><tr>
 <td width="250" valign="top"><table><tr><td><a href="/a">濮阳要闻</a></td></tr><tr><td><a href="/b">县区动态</a></td></tr></table></td>
 <td width="750" valign="top">
  <table><tr><td align="center"><font size="5"><b>濮阳市人大常委会出台学习宣传贯彻中央人大工作会议精神实施方案</b></font></td></tr>
  <tr><td>2021年11月11日 来源：濮阳网</td></tr>
  <tr><td class="zw">　　为全面系统深入学习宣传贯彻习近平总书记在中央人大工作会议上的重要讲话和会议精神，濮阳市人大常委会制定出台具体实施方案。<br>
　　提高政治站位，扎实做好学习宣传工作<br>
　　方案要求，全市各级人大及其常委会要结合自身实际制定学习方案和具体安排，明确目标任务，强化保障措施。<br>
　　充分发挥人大主渠道作用，<br>认真践行、不断发展全过程人民民主<br></td></tr></table>
 </td></tr></table>
<table><tr><td>Copyright 濮阳网 版权所有</td></tr></table>
</body></html>`;
    const r = await run(new Uint8Array(iconv.encode(old, 'gbk')));
    expect(r.lines).toEqual([
      '濮阳市人大常委会出台学习宣传贯彻中央人大工作会议精神实施方案',
      '2021年11月11日 来源：濮阳网',
      '为全面系统深入学习宣传贯彻习近平总书记在中央人大工作会议上的重要讲话和会议精神，濮阳市人大常委会制定出台具体实施方案。',
      '提高政治站位，扎实做好学习宣传工作',
      '方案要求，全市各级人大及其常委会要结合自身实际制定学习方案和具体安排，明确目标任务，强化保障措施。',
      '充分发挥人大主渠道作用，',
      '认真践行、不断发展全过程人民民主',
    ]);
    expect(r.meta).toEqual({ title: '濮阳市人大常委会出台学习宣传贯彻中央人大工作会议精神实施方案', publishedDate: '2021-11-11' });
  });
});

describe('htmlExtractor titles and dates', () => {
  it('removes the site name from <title>, not the title\'s own dashes', () => {
    expect(cleanDocTitle('河南省人大常委会2023-2025年立法规划_河南人大网')).toBe('河南省人大常委会2023-2025年立法规划');
    expect(cleanDocTitle('濮阳网 - 新闻 - 濮阳市人大常委会出台实施方案')).toBe('濮阳市人大常委会出台实施方案');
    expect(cleanDocTitle('奋力谱写新篇章——省人大常委会工作综述 | 人大网')).toBe('奋力谱写新篇章——省人大常委会工作综述');
  });


  it('falls back to <title> without the site name, and to the PubDate meta', async () => {
    const page = `<html><head><meta charset="utf-8"><title>广东省人大常委会2023年度代表工作计划 | 广东人大网</title>
<meta name="PubDate" content="2023-04-03 09:30:00"></head><body>
<div id="menu">${NAV}</div>
<div class="article-body">${PARAS.map((p) => `<div>${p}</div>`).join('\n')}</div>
<div class="share">分享到：</div></body></html>`;
    const r = await run(page);
    expect(r.lines).toEqual(['广东省人大常委会2023年度代表工作计划', ...PARAS]);
    expect(r.meta).toEqual({ title: '广东省人大常委会2023年度代表工作计划', publishedDate: '2023-04-03' });
  });

  it('reads 发布时间 with a time, and keeps the header when it is an <article> <header>', async () => {
    const page = `<html><head><meta charset="utf-8"><title>新闻_濮阳市人大常委会出台实施方案</title></head><body>
<header><nav>${NAV}</nav></header>
<main><article>
<header><h1>濮阳市人大常委会出台实施方案</h1><p>作者:时喜敏　文章来源:濮阳网　字体:【大 中 小】　发布时间:2021-11-11 15:25:21</p></header>
${PARAS.map((p) => `<p>${p}</p>`).join('\n')}
<p>责任编辑：刘循源</p>
</article></main>
<footer>Copyright © 濮阳网 豫ICP备12345678号</footer></body></html>`;
    const r = await run(page);
    expect(r.lines[0]).toBe('濮阳市人大常委会出台实施方案');
    expect(r.lines[1]).toContain('发布时间:2021-11-11 15:25:21');
    expect(r.lines.slice(2)).toEqual(PARAS);
    expect(r.meta.publishedDate).toBe('2021-11-11');
  });
});

describe('htmlExtractor on awkward layouts', () => {
  const paras = PARAS.map((p) => `<p>${p}</p>`).join('');
  const manyLinks = `<ul>${Array.from({ length: 60 }, (_, i) => `<li><a href="/${i}">栏目名称第${i}个栏目链接</a></li>`).join('')}</ul>`;

  it('keeps an ASP.NET page whose <form> wraps everything, under heavy navigation', async () => {
    const page = `<html><head><meta charset="utf-8"><title>某县人大常委会2025年工作要点 - 某县人大网</title></head><body>
<form id="form1" method="post"><input type="hidden" name="__VIEWSTATE" value="x">
<div id="head">${manyLinks}</div><div class="wz">您现在的位置：<a>首页</a> > <a>工作动态</a></div>
<div class="box"><div class="bt">某县人大常委会2025年工作要点</div>
<div class="sj">发布日期：2025年03月05日</div><div class="nr">${paras}</div>
<div>上一篇：<a href="/a">关于召开某县人大常委会第十次会议的通知</a></div></div>
<div class="left">${manyLinks}</div></form></body></html>`;
    const r = await run(page);
    expect(r.lines).toEqual(['某县人大常委会2025年工作要点', '发布日期：2025年03月05日', ...PARAS]);
    expect(r.meta.publishedDate).toBe('2025-03-05');
  });

  it('takes a lead paragraph that sits outside the editor block', async () => {
    const lead = '某县人大常委会2025年工作要点已经主任会议通过，现将全文印发如下，请认真贯彻执行。各单位要结合实际，抓好落实。';
    const page = `<html><body><div class="article"><h1>某县人大常委会2025年工作要点</h1><p>${lead}</p>
<div class="TRS_Editor">${paras}${paras}</div></div>${manyLinks}</body></html>`;
    const r = await run(page);
    expect(r.lines).toEqual(['某县人大常委会2025年工作要点', lead, ...PARAS, ...PARAS]);
  });

  it('cuts 相关稿件 and app promotions inside the content block, keeps a repeated title', async () => {
    const page = `<html><head><meta charset="utf-8"><title>广东省人大常委会2023年度代表工作计划</title></head><body>
<div class="crumb">首页 > 报告计划</div><div class="main"><h2>广东省人大常委会2023年度代表工作计划</h2>
<div class="meta">时间:2023-04-03 来源:广东人大网</div><div>分享到:</div>
<div class="txt"><p align="center">广东省人大常委会2023年度代表工作计划</p>${paras}
<p>【打印本页】 【关闭窗口】</p><p>附件:</p><p>相关稿件:</p><p>广东人大</p><p>微信公众号</p><p>南方+客户端</p></div></div></body></html>`;
    const r = await run(page);
    expect(r.lines).toEqual([
      '广东省人大常委会2023年度代表工作计划',
      '时间:2023-04-03 来源:广东人大网',
      '广东省人大常委会2023年度代表工作计划',
      ...PARAS,
    ]);
  });
});

/**
 * Fixtures made from the seeds (fixtures/html/NAME.html ↔ seeds/NAME.txt): every line of the
 * seed's article comes out, in order, and none of the page chrome does.
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'html');
const SEEDS = '/work/shared/seeds';
const FIXTURES_ROOT = join(import.meta.dirname, '..', 'fixtures');
const fixtures = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => /\.html?$/.test(f)) : [];

/** The seed's article lines: from its title line on, without bylines, share bars and what follows "相关稿件". */
function seedBody(seed: string): string[] {
  const lines = seed.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const end = lines.findIndex((l) => /^(相关稿件|附件)[:：]?$/.test(l));
  return lines
    .slice(0, end < 0 ? undefined : end)
    .filter((l) => !/^(首页 ?>|分享到|(责任)?编辑[:：]|作者[:：]|时间[:：])/.test(l));
}

describe.skipIf(!fixtures.length)('htmlExtractor on fixtures/html', () => {
  for (const f of fixtures) {
    const seedPath = join(SEEDS, f.replace(/\.html?$/, '.txt'));
    it.skipIf(!existsSync(seedPath))(`${f} matches its seed`, async () => {
      const r = await run(new Uint8Array(readFileSync(join(FIXTURES, f))));
      const squash = (s: string) => s.replace(/\s+/g, '');
      const got = r.lines.map(squash);
      expectInOrder(got, seedBody(readFileSync(seedPath, 'utf8')).map(squash));
      expect(r.pages[0].text).not.toMatch(/版权所有|ICP备|相关稿件|分享到|当前位置/);
    });
  }
});

describe('markup nested deeper than any real page', () => {
  it('leaves the saved pages of the fixtures untouched, byte for byte', () => {
    const pages = readdirSync(FIXTURES_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.html?$/.test(f)).map((f) => join(FIXTURES_ROOT, f));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const p of pages) {
      const html = readFileSync(p, 'utf8');
      expect(maxDepth(html)).toBeLessThan(200);
      expect(flattenDeepMarkup(html)).toBe(html);
    }
  });

  it('takes out the tags below the kept depth and keeps the text, a block still breaking its line', async () => {
    const deep = '<div>'.repeat(5000) + '<p>一、听取和审议报告。</p><p>二、开展执法检查。</p>' + '</div>'.repeat(5000);
    const flat = flattenDeepMarkup(`<html><body>${deep}</body></html>`);
    expect(maxDepth(flat)).toBeLessThanOrEqual(201);
    expect(flat.length).toBeLessThan(deep.length / 2);
    const r = await run(Buffer.from(`<html><head><title>某某县人大常委会</title></head><body>${deep}</body></html>`));
    expect(r.lines).toEqual(expect.arrayContaining(['一、听取和审议报告。', '二、开展执法检查。']));
  });

  it('does not count elements whose end tag pages leave out, nor script content', () => {
    const paragraphs = '<p>某段'.repeat(5000) + '<li>某项'.repeat(5000) + '<script>for (;;) { if (a<b) "<div>"; }</script>';
    expect(maxDepth(paragraphs)).toBeLessThanOrEqual(1);
    expect(flattenDeepMarkup(paragraphs)).toBe(paragraphs);
  });
});
