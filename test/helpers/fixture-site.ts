/**
 * A people's congress website on 127.0.0.1 for the crawler's tests, built in memory from the
 * fixtures: a paginated "工作计划" list (the second page reached only through "下一页", the third
 * only through a TRS createPageHTML script), article pages in UTF-8 (no declaration), GBK with a
 * <meta>, GBK with the charset only in the Content-Type header, and GBK with no declaration at all;
 * PDF and DOCX attachments (one served as application/octet-stream, one behind download.jsp?id=);
 * and the awkward endpoints a real site has: robots.txt forbidding /private/, a page that fails
 * twice with 503 and then works, one that never answers, one that redirects to another host (a
 * second server whose requests are counted, to prove it is never asked), a missing attachment
 * (404), and an "attachment" that is an HTML error page. Every static answer carries an ETag and a
 * Last-Modified and answers 304 to a matching conditional request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface SiteRequest {
  path: string;
  /** True when the request carried If-None-Match or If-Modified-Since. */
  conditional: boolean;
  status: number;
  userAgent: string;
}

export interface FixtureSite {
  /** http://127.0.0.1:PORT (no trailing slash). */
  origin: string;
  /** The other host that /redirect/ points to. */
  otherOrigin: string;
  requests: SiteRequest[];
  /** Requests that reached the other host: must stay empty. */
  otherRequests: SiteRequest[];
  /** Replace a static page's bytes (a plan edited on the site between two runs). */
  setPage(path: string, body: Uint8Array | string, contentType?: string): void;
  /** Requests for one path, by status. */
  count(path: string): number;
  close(): Promise<void>;
}

interface Page {
  body: Buffer;
  contentType: string;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function listPage(title: string, links: Array<[string, string]>, pager: string): Buffer {
  const items = links.map(([href, text]) => `      <li><a href="${href}" target="_blank">${text}</a><span>2024-02-01</span></li>`).join('\n');
  return utf8(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}-某某人大网</title></head>
<body>
  <div class="nav"><a href="/">首页</a> &gt; <a href="/gzjh/">工作计划</a> <a href="http://www.npc.gov.cn/">中国人大网</a> <a href="mailto:rd@example.gov.cn">联系我们</a></div>
  <ul class="list">
${items}
  </ul>
  <div class="pager">${pager}</div>
</body></html>
`);
}

/** A GBK article page built from a plain-text fixture: one <p> per line. */
function gbkArticle(textFile: string, meta: boolean): Buffer {
  const lines = readFileSync(join(FIXTURES, textFile), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const [title, ...body] = lines;
  const html = `<!DOCTYPE html>
<html><head>${meta ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' : ''}<title>${title}</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; 工作计划</div>
<div class="article"><h1>${title}</h1>
${body.map((l) => `<p>${l}</p>`).join('\n')}
</div>
<div class="footer">主办：某某人大常委会办公室</div></body></html>
`;
  return iconv.encode(html, 'gbk');
}

function buildSite(): Map<string, Page> {
  const html = 'text/html';
  const site = new Map<string, Page>();
  const put = (path: string, body: Buffer, contentType: string) => site.set(path, { body, contentType });
  put('/robots.txt', utf8('# 某某人大网\nUser-agent: *\nDisallow: /private/\nAllow: /\n'), 'text/plain');
  put(
    '/gzjh/index.html',
    listPage(
      '工作计划',
      [
        ['/gzjh/2023/plan-guangdong.html', '广东省人大常委会2023年度代表工作计划'],
        ['2024/plan-puyang.html', '濮阳市人大常委会贯彻落实中央人大工作会议精神实施方案'],
        ['/files/henan-2025-deputy-plan.pdf', '河南省人大常委会2025年度代表工作计划（PDF）'],
        ['/private/draft.html', '内部征求意见稿'],
        ['/flaky/plan.html', '某县人大常委会2024年工作要点'],
        ['/hang/plan.html', '某县人大常委会2024年监督工作计划'],
        ['/redirect/plan.html', '某市人大常委会2024年立法工作计划'],
        ['/files/missing.pdf', '已删除的附件'],
      ],
      '<a href="index.html">首页</a> <span>1</span> <a href="index_1.html">2</a> <a href="index_1.html">下一页</a>',
    ),
    html,
  );
  put(
    '/gzjh/index_1.html',
    listPage(
      '工作计划',
      [
        ['/gzjh/2024/plan-zhejiang.html', '浙江省人大常委会2024年监督工作计划'],
        ['/gzjh/2024/plan-qishan.html', '岐山县人大常委会2024年监督工作计划'],
        ['/gzjh/2024/notice.html', '关于印发2025年度代表工作计划的通知'],
        ['/files/error-page.pdf', '附件下载'],
      ],
      // The third page exists only in the TRS pagination script, as on many government CMSs.
      '<script>var countPage = 3; createPageHTML(3, 1, "index", "html");</script><a href="index.html">上一页</a>',
    ),
    html,
  );
  put(
    '/gzjh/index_2.html',
    listPage('工作计划', [['/download.jsp?id=7', '某县人大常委会2024年议题安排表（Word）']], '<a href="index_1.html">上一页</a>'),
    html,
  );
  // UTF-8, no charset declared anywhere (the fixture as saved from the site).
  put('/gzjh/2023/plan-guangdong.html', readFileSync(join(FIXTURES, 'html/004_17a05f8ec4f51702.html')), html);
  // GBK, declared by <meta http-equiv> as gb2312.
  put('/gzjh/2024/plan-puyang.html', readFileSync(join(FIXTURES, 'html/003_056d0c26d8709168.html')), html);
  // GBK, declared only in the HTTP header.
  put('/gzjh/2024/plan-zhejiang.html', gbkArticle('heldout/a_zhejiang_2024_supervision_plan.txt', false), 'text/html; charset=GBK');
  // GBK, declared nowhere.
  put('/gzjh/2024/plan-qishan.html', gbkArticle('heldout2/f_pudong_2024_work_points.txt', false), html);
  // An article page whose plan is an attachment; the same PDF is linked from the list too.
  put(
    '/gzjh/2024/notice.html',
    utf8(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发2025年度代表工作计划的通知</title></head><body>
<div class="article"><h1>关于印发2025年度代表工作计划的通知</h1><p>现将《河南省人大常委会2025年度代表工作计划》印发给你们，请认真贯彻落实。</p>
<p>附件：<a href="/files/henan-2025-deputy-plan.pdf">河南省人大常委会2025年度代表工作计划.pdf</a></p>
<p>附件：<a href="/files/henan-2025-deputy-plan.docx">河南省人大常委会2025年度代表工作计划.docx</a></p></div></body></html>
`),
    html,
  );
  put('/files/henan-2025-deputy-plan.pdf', readFileSync(join(FIXTURES, 'pdf/002_4ff2a9da724ed550.pdf')), 'application/pdf');
  put('/files/henan-2025-deputy-plan.docx', readFileSync(join(FIXTURES, 'docx/002_4ff2a9da724ed550.docx')), 'application/octet-stream');
  put('/download.jsp?id=7', readFileSync(join(FIXTURES, 'docx/agenda_table.docx')), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  put('/files/error-page.pdf', utf8('<html><head><title>404</title></head><body>文件不存在或已被删除</body></html>'), 'text/html; charset=utf-8');
  put('/private/draft.html', utf8('<html><body>内部</body></html>'), html);
  put('/flaky/plan.html', gbkArticle('heldout2/g_dalate_2024_decision_and_deputy_plans.txt', true), 'text/html');
  return site;
}

const LAST_MODIFIED = 'Thu, 01 Feb 2024 08:00:00 GMT';
const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;

export async function startFixtureSite(port = 0): Promise<FixtureSite> {
  const site = buildSite();
  const requests: SiteRequest[] = [];
  const otherRequests: SiteRequest[] = [];
  const sockets = new Set<Socket>();
  let flakyFailures = 0;

  const other = http.createServer((req, res) => {
    otherRequests.push({ path: req.url ?? '', conditional: false, status: 200, userAgent: req.headers['user-agent'] ?? '' });
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>elsewhere</body></html>');
  });
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const conditional = Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']);
    const log = (status: number) => requests.push({ path, conditional, status, userAgent: req.headers['user-agent'] ?? '' });
    if (path === '/hang/plan.html') {
      log(0); // never answered: the socket is closed when the site closes
      return;
    }
    if (path === '/flaky/plan.html' && flakyFailures < 2) {
      flakyFailures++;
      log(503);
      res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      return;
    }
    if (path === '/redirect/plan.html') {
      log(302);
      res.writeHead(302, { location: `${otherOrigin}/plan.html` }).end();
      return;
    }
    const page = site.get(path) ?? (path === '/gzjh/' ? site.get('/gzjh/index.html') : undefined);
    if (!page) {
      log(404);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404</body></html>');
      return;
    }
    const etag = etagOf(page.body);
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === LAST_MODIFIED)) {
      log(304);
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end();
      return;
    }
    log(200);
    res.writeHead(200, { 'content-type': page.contentType, 'content-length': page.body.length, etag, 'last-modified': LAST_MODIFIED }).end(page.body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  return {
    origin,
    otherOrigin,
    requests,
    otherRequests,
    setPage(path, body, contentType) {
      const old = site.get(path);
      site.set(path, { body: typeof body === 'string' ? utf8(body) : Buffer.from(body), contentType: contentType ?? old?.contentType ?? 'text/html' });
    },
    count: (path) => requests.filter((r) => r.path === path).length,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => other.close(r))]);
    },
  };
}

/**
 * A sources file for the site (as parsed JSON, before validation). No "follow": pages 2 and 3 are
 * reached through "下一页" and the TRS pagination script.
 */
export function fixtureSources(site: Pick<FixtureSite, 'origin'>, settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sources: [
      {
        id: 'fixture-rd',
        jurisdiction: '某某省',
        start: [`${site.origin}/gzjh/index.html`],
        documents: ['/gzjh/\\d{4}/', '/files/', '/download\\.jsp\\?id=\\d+$', '/(flaky|hang|redirect|private)/'],
      },
    ],
    ...settings,
  };
}
