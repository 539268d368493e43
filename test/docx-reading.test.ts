import { describe, expect, it } from 'vitest';
import { docxExtractor } from '../extractors/docx.js';
import { formatNumber } from '../extractors/_docx-numfmt.js';
import { documentXml, docx, para, W_NS, zip } from './helpers/docx-build.js';

/**
 * How the DOCX reader turns WordprocessingML into lines, on small documents made here: Word's list
 * numbers from numbering.xml, tables, text boxes, tracked changes, breaks and symbols, notes, the
 * title, and packages written by tools other than Word. The fixtures (test/docx.test.ts) check the
 * same reader on whole documents.
 */
const read = async (bytes: Buffer) => {
  const r = await docxExtractor.extract(new Uint8Array(bytes), { path: 'test.docx' });
  return { lines: r.pages[0].text.split('\n'), title: r.meta.title };
};

const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const level = (ilvl: number, numFmt: string, lvlText: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${lvlText}"/></w:lvl>`;
const numbering = (body: string) => `<w:numbering xmlns:w="${W_NS}">${body}</w:numbering>`;
const styles = (body: string) => `<w:styles xmlns:w="${W_NS}">${body}</w:styles>`;
const paragraphStyle = (id: string, name: string, pPr = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}</w:style>`;

describe('Word list numbers, as numbering.xml writes them', () => {
  // A 公文 outline: 一、 at level 0, （一） at level 1, 1. at level 2.
  const OUTLINE = numbering(
    `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${level(0, 'bullet', '●')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>',
  );

  it('writes each level in its format, restarts a level after the one above, and goes on past an interruption', async () => {
    const body = [
      para('听取审议专项工作报告', numPr(1)),
      para('听取审议计划执行情况的报告', numPr(1, 1)),
      para('听取审议预算执行情况的报告', numPr(1, 1)),
      para('审议有关人事任免事项', numPr(1, 2)),
      para('开展执法检查', numPr(1)),
      para('开展大气污染防治法执法检查', numPr(1, 1)),
      para('（不编号的说明段落）'),
      para('开展专题询问', numPr(1)),
    ].join('');
    expect((await read(docx(documentXml(body), { parts: { 'numbering.xml': OUTLINE } }))).lines).toEqual([
      '一、听取审议专项工作报告',
      '（一）听取审议计划执行情况的报告',
      '（二）听取审议预算执行情况的报告',
      '1.审议有关人事任免事项',
      '二、开展执法检查',
      '（一）开展大气污染防治法执法检查',
      '（不编号的说明段落）',
      '三、开展专题询问',
    ]);
  });

  it('restarts where an instance overrides the start, counts an empty item, and writes no bullet', async () => {
    const body = [para('甲', numPr(1)), para('乙', numPr(1)), '<w:p><w:pPr>' + numPr(1) + '</w:pPr></w:p>', para('丁', numPr(1)), para('新的一组', numPr(2)), para('圆点项', numPr(3))].join('');
    expect((await read(docx(documentXml(body), { parts: { 'numbering.xml': OUTLINE } }))).lines).toEqual(['一、甲', '二、乙', '四、丁', '一、新的一组', '圆点项']);
  });

  it('numbers headings from their style (numPr in the style, or a level naming the style)', async () => {
    const lists = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '第%1章')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${level(0, 'chineseCounting', '第%1条', '<w:pStyle w:val="Article"/>')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
    );
    const sheet = styles(paragraphStyle('Chapter', 'heading 1', '<w:numPr><w:numId w:val="1"/></w:numPr>') + paragraphStyle('Article', 'Article'));
    const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
    const body = [para('总则', style('Chapter')), para('为了规范工作，制定本规则。', style('Article')), para('适用范围。', style('Article')), para('会议', style('Chapter'))].join('');
    const { lines, title } = await read(docx(documentXml(body), { parts: { 'numbering.xml': lists, 'styles.xml': sheet } }));
    expect(lines).toEqual(['第一章总则', '第一条为了规范工作，制定本规则。', '第二条适用范围。', '第二章会议']);
    // The title is the heading's text, without the number Word puts before it.
    expect(title).toBe('总则');
  });

  it('writes the numbers Word writes for each format', () => {
    const cases: Array<[number, string, string]> = [
      [11, 'chineseCounting', '十一'],
      [20, 'chineseCounting', '二十'],
      [105, 'chineseCountingThousand', '一百零五'],
      [12, 'chineseLegalSimplified', '壹拾贰'],
      [3, 'ideographTraditional', '丙'],
      [5, 'decimalEnclosedCircle', '⑤'],
      [25, 'decimalEnclosedCircle', '25'],
      [4, 'lowerRoman', 'iv'],
      [27, 'lowerLetter', 'aa'],
      [7, 'decimalZero', '07'],
      [7, 'decimalFullWidth', '７'],
      [7, 'cardinalText', '7'],
      [7, 'none', ''],
    ];
    expect(cases.map(([n, fmt]) => formatNumber(n, fmt))).toEqual(cases.map(([, , out]) => out));
  });
});

describe('tables', () => {
  const cell = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${para(text)}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

  it('repeats a vertically merged cell in each row it covers, spans columns, and drops a deleted row', async () => {
    const table =
      '<w:tbl>' +
      row(cell('时间'), cell('议题'), cell('承办')) +
      row(cell('3月', '<w:vMerge w:val="restart"/>'), cell('听取审议环境报告'), cell('环资委')) +
      row(cell('', '<w:vMerge/>'), cell('执法检查｜大气|污染'), cell('环资委')) +
      '<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>' + cell('删去的行') + cell('删去') + cell('删去') + '</w:tr>' +
      row(cell('全年', '<w:gridSpan w:val="2"/>'), cell('办公室')) +
      '</w:tbl>';
    expect((await read(docx(documentXml(table)))).lines).toEqual([
      '| 时间 | 议题 | 承办 |',
      '|---|---|---|',
      '| 3月 | 听取审议环境报告 | 环资委 |',
      '| 3月 | 执法检查｜大气｜污染 | 环资委 |',
      '| 全年 |  | 办公室 |',
    ]);
  });

  it('reads a table holding a table cell by cell, the inner table as rows', async () => {
    const inner = '<w:tbl>' + row(cell('内1'), cell('内2')) + row(cell('内3'), cell('内4')) + '</w:tbl>';
    const outer = '<w:tbl>' + row(`<w:tc>${para('外层')}${inner}</w:tc>`, cell('外二')) + row(cell('外三'), cell('外四')) + '</w:tbl>';
    expect((await read(docx(documentXml(outer)))).lines).toEqual(['外层', '| 内1 | 内2 |', '|---|---|', '| 内3 | 内4 |', '外二', '外三', '外四']);
  });
});

describe('what Word shows, and only that', () => {
  it('reads a text box once (mc:Choice, not its mc:Fallback copy), after its paragraph', async () => {
    const box = (text: string) => `<w:txbxContent>${para(text)}</w:txbxContent>`;
    const body =
      '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:t>正文前</w:t></w:r><w:r><mc:AlternateContent>' +
      `<mc:Choice Requires="wps"><w:drawing>${box('文本框')}</w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('文本框')}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r><w:r><w:t>正文后</w:t></w:r></w:p>';
    expect((await read(docx(documentXml(body)))).lines).toEqual(['正文前正文后', '文本框']);
  });

  it('keeps insertions and moved-to text, drops deletions, moved-from text and old properties', async () => {
    const body =
      '<w:p><w:r><w:t>审议</w:t></w:r><w:ins w:id="1"><w:r><w:t>并批准</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>通过</w:delText></w:r></w:del>' +
      '<w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>决算</w:t></w:r></w:moveTo></w:p>' +
      // A deleted paragraph mark: Word shows this paragraph joined to the next.
      '<w:p><w:pPr><w:rPr><w:del w:id="5"/></w:rPr></w:pPr><w:r><w:t>上半段，</w:t></w:r></w:p>' +
      para('下半段。') +
      // A formatting change keeps the old style in w:pPrChange; it must not make this a title.
      `<w:p><w:pPr><w:pPrChange w:id="6"><w:pPr><w:pStyle w:val="Title"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>`;
    const { lines, title } = await read(docx(documentXml(body)));
    expect(lines).toEqual(['审议并批准决算', '上半段，下半段。', '正文']);
    expect(title).toBeUndefined();
  });

  it('breaks lines at w:br (a page break too), spaces tabs, drops soft hyphens, maps symbol fonts', async () => {
    const body =
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:br w:type="page"/><w:t>下一页</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>名称</w:t><w:tab/><w:t>时间</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>soft</w:t><w:softHyphen/><w:t>hy\u00adphen 2024</w:t><w:noBreakHyphen/><w:t>2025</w:t></w:r></w:p>' +
      '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>已完成</w:t><w:sym w:font="Wingdings" w:char="F0FF"/></w:r></w:p>';
    expect((await read(docx(documentXml(body)))).lines).toEqual(['第一行', '第二行', '下一页', '名称 时间', 'softhyphen 2024-2025', '✓已完成']);
  });

  it('writes a footnote after the body, after the marker left where it is referred to', async () => {
    const notes = `<w:footnotes xmlns:w="${W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 指《中华人民共和国监督法》。</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const body = '<w:p><w:r><w:t>依照监督法</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>开展监督。</w:t></w:r></w:p>' + para('附则。');
    expect((await read(docx(documentXml(body), { parts: { 'footnotes.xml': notes } }))).lines).toEqual(['依照监督法[1]开展监督。', '附则。', '[1] 指《中华人民共和国监督法》。']);
  });
});

describe('the title', () => {
  it('is the first paragraph in the Title style, which styles.xml names (Chinese Word gives it the id a3)', async () => {
    const sheet = styles(paragraphStyle('a3', 'Title') + paragraphStyle('2', 'heading 2'));
    const body = para('（2024年1月19日主任会议通过）') + para('某县人大常委会2024年工作要点', '<w:pStyle w:val="a3"/>') + para('一、监督工作', '<w:pStyle w:val="2"/>');
    expect((await read(docx(documentXml(body), { parts: { 'styles.xml': sheet } }))).title).toBe('某县人大常委会2024年工作要点');
  });

  it('is found by the style name 标题 (WPS) and by the Title id when there is no styles part', async () => {
    const sheet = styles(paragraphStyle('biaoti', '标题'));
    expect((await read(docx(documentXml(para('甲县工作要点', '<w:pStyle w:val="biaoti"/>')), { parts: { 'styles.xml': sheet } }))).title).toBe('甲县工作要点');
    expect((await read(docx(documentXml(para('乙县工作要点', '<w:pStyle w:val="Title"/>'))))).title).toBe('乙县工作要点');
  });
});

describe('packages written by tools other than Word', () => {
  it('reads any prefix bound to the WordprocessingML namespace, and the Strict (ISO) namespace', async () => {
    const ns0 = `<ns0:document xmlns:ns0="${W_NS}"><ns0:body><ns0:p><ns0:r><ns0:t>前缀ns0</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    expect((await read(docx(ns0))).lines).toEqual(['前缀ns0']);
    const strict = documentXml(para('严格格式')).replace(W_NS, 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    expect((await read(docx(strict))).lines).toEqual(['严格格式']);
  });

  it('finds the main document through the package relationships, whatever its name', async () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/content/main.xml"/></Relationships>`;
    const partRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../meta/s.xml"/></Relationships>`;
    const bytes = zip([
      { name: '_rels/.rels', data: rels },
      { name: 'content/main.xml', data: documentXml(para('别处的正文', '<w:pStyle w:val="T"/>')) },
      { name: 'content/_rels/main.xml.rels', data: partRels },
      { name: 'meta/s.xml', data: styles(paragraphStyle('T', 'Title')) },
    ]);
    expect(await read(bytes)).toEqual({ lines: ['别处的正文'], title: '别处的正文' });
  });

  it('reads a part written in UTF-16 with its byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(documentXml(para('十六位编码')).replace('UTF-8', 'UTF-16'), 'utf16le')]);
    expect((await read(docx({ data: utf16 }))).lines).toEqual(['十六位编码']);
  });
});
