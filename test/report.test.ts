import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../pipeline/apps/cli/report-command.js';
import { Db } from '../pipeline/store/db.js';
import { UsageError } from '../schemas/errors.js';
import { DEFAULT_CONCURRENCY, ingest } from '../pipeline/run/ingest.js';
import { escapeHtml, jsonForScript } from '../pipeline/apps/report/_escape.js';
import { denseRanks } from '../pipeline/apps/report/_collate.js';
import { sourceHref } from '../pipeline/apps/report/_links.js';
import { jurisdiction } from '../pipeline/apps/report/data.js';
import { writeReport, type ReportSummary } from '../pipeline/apps/report/index.js';
import { fixture } from './helpers.js';

/**
 * The report page, built from the text and HTML twins of the seeds (and one as a PDF) plus a hostile web page whose
 * item texts and title carry <script>, <img onerror>, </script> breakouts and the like as literal
 * text (fixtures/hostile/). The page is checked as markup here and in real headless Chromium below.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// CI installs Chromium (.ci/run), so there a missing browser fails the tests; only a local run
// without it skips them.
const skipBrowser = !process.env.CI && !existsSync(CHROMIUM);

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '"</script><script>window.__pwned=3</script>',
  '<svg onload=window.__pwned=5>',
  '<a href="javascript:window.__pwned=7">',
  '<style>body{display:none}</style>',
];
const HOSTILE_TITLE = '某某县人大常委会2024年工作要点<script>window.__pwned=4</script>';

let out: string;
let dbPath: string;
let reportPath: string;
let summary: ReportSummary;
let html: string;

async function query<T>(sql: string): Promise<T[]> {
  const db = await Db.open(dbPath, 'ro');
  try {
    return await db.all<T>(sql);
  } finally {
    await db.close();
  }
}

const key = (name: string | null, code: string | null) => `${code ?? ''}|${name ?? ''}`;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'renda-report-'));
  // One PDF, so items have pages: links at #page=N and the source column's "path p. N".
  const inputs = ['text', 'html', 'hostile', 'pdf/002_4ff2a9da724ed550.pdf'].map((d) => fileURLToPath(fixture(d)));
  const ingested = await ingest({ inputs, out, concurrency: DEFAULT_CONCURRENCY });
  expect(ingested.failures).toEqual([]);
  dbPath = join(out, 'renda.sqlite');
  reportPath = join(out, 'site', 'report.html');
  summary = await writeReport({ db: dbPath, out: reportPath, generatedAt: new Date('2024-05-01T08:00:00Z') });
  html = readFileSync(reportPath, 'utf8');
}, 60_000);

describe('the hostile fixture', () => {
  it('really carries markup as item and title text (else the browser test proves nothing)', async () => {
    const items = await query<{ text: string; document_title: string }>(
      "select text, document_title from v_items where source_path like '%script-injection.html'",
    );
    const texts = items.map((i) => i.text).join('\n');
    for (const h of HOSTILE) expect(texts).toContain(h);
    expect(items[0].document_title).toBe(HOSTILE_TITLE);
  });
});

describe('renda report: the page as markup', () => {
  it('counts what the database holds', async () => {
    const [row] = await query<{ documents: number; items: number }>(
      'select (select count(*) from v_documents) documents, (select count(*) from v_items) items',
    );
    expect(summary).toMatchObject({ out: reportPath, documents: row.documents, items: row.items, bytes: Buffer.byteLength(html) });
  });

  it('holds no markup but its own: two scripts, one style, no handlers, no images, no javascript: links', () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    for (const h of HOSTILE) expect(html).not.toContain(h);
    expect(html).not.toContain(HOSTILE_TITLE);
    // parse5 (through cheerio) parses as a browser does, so this is the DOM Chromium builds.
    const $ = cheerio.load(html);
    expect($('script').length).toBe(2);
    expect($('script').first().attr('type')).toBe('application/json');
    expect($('style').length).toBe(1);
    expect($('img, iframe, object, embed, foreignObject, link[rel=stylesheet], base').length).toBe(0);
    const handlers = $('*')
      .toArray()
      .flatMap((el) => Object.keys((el as unknown as { attribs: Record<string, string> }).attribs ?? {}).filter((a) => /^on/i.test(a)));
    expect(handlers).toEqual([]);
    const hrefs = $('a[href]').map((_, a) => $(a).attr('href')).get();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
    // The hostile title arrives as text, escaped, in the documents list.
    expect($('#documents td').filter((_, td) => $(td).text().startsWith(HOSTILE_TITLE)).length).toBe(1);
  });

  it('round-trips every item through the JSON data block', async () => {
    const $ = cheerio.load(html);
    const data = JSON.parse($('#data').text()) as { items: { t: string[] } };
    const texts = (await query<{ text: string }>('select text from v_items')).map((r) => r.text).sort();
    expect([...data.items.t].sort()).toEqual(texts);
  });

  it('allows exactly its own script and style by hash in a strict Content-Security-Policy', () => {
    const $ = cheerio.load(html);
    const csp = $('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash($('script').last().text())}`);
    expect(csp).toContain(`style-src ${hash($('style').text())}`);
    expect(csp).not.toContain('unsafe');
  });
});

describe('escaping', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`' onmouseover='x`)).toBe('&#39; onmouseover=&#39;x');
    expect(escapeHtml('&amp; 食品安全')).toBe('&amp;amp; 食品安全');
  });

  it('leaves no markup in JSON for a script block and parses back to the same strings', () => {
    const value = { t: '</script><script>x()</script><!--<script>', s: 'a\u2028b\u2029c & d > e', n: null };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('links sources relatively, percent-encoded, with the page for PDFs', () => {
    const ctx = { cwd: '/data/work', reportDir: '/data/work/out' };
    expect(sourceHref('fixtures/pdf/a b.pdf', 12, ctx)).toBe('../fixtures/pdf/a%20b.pdf#page=12');
    expect(sourceHref('fixtures/text/a.txt', null, ctx)).toBe('../fixtures/text/a.txt');
    expect(sourceHref('html/page#1?.html', 3, ctx)).toBe('../html/page%231%3F.html');
    expect(sourceHref('/srv/plans/河南.txt', null, ctx)).toBe('../../../srv/plans/%E6%B2%B3%E5%8D%97.txt');
    // A file named like a URL scheme stays a relative path.
    expect(sourceHref('javascript:alert(1)', null, { cwd: '/w', reportDir: '/w' })).toBe('javascript%3Aalert(1)');
  });

  it('ranks strings for sorting as zh-CN collation does, equal strings sharing a rank', () => {
    expect(denseRanks(['b', 'a', 'b', '10', '9'])).toEqual([3, 2, 3, 1, 0]);
    // Pinyin order: 北京 (bei) before 上海 (shang) before 郑州 (zheng), whatever the code points say.
    expect(denseRanks(['郑州', '上海', '北京'])).toEqual([2, 1, 0]);
    expect(denseRanks([])).toEqual([]);
  });

  it('names a jurisdiction the document did not resolve', () => {
    expect(jurisdiction({ jurisdiction: null, jurisdiction_code: null, level: null })).toEqual({
      key: '|',
      name: '(unknown jurisdiction)',
      code: null,
      level: null,
    });
  });
});

describe('renda report: the command', () => {
  it('refuses a missing database without creating one, naming the path', async () => {
    const missing = join(out, 'nowhere', 'renda.sqlite');
    await expect(reportCommand.run(['--db', missing])).rejects.toThrow(UsageError);
    await expect(reportCommand.run(['--db', missing])).rejects.toThrow(missing);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a folder as --out and stray arguments, before reading anything', async () => {
    mkdirSync(join(out, 'folder'), { recursive: true });
    await expect(reportCommand.run(['--db', dbPath, '--out', join(out, 'folder')])).rejects.toThrow(UsageError);
    await expect(reportCommand.run([dbPath])).rejects.toThrow(UsageError);
  });

  it('writes report.html beside the database by default', async () => {
    const written = await writeReport({ db: dbPath });
    expect(written.out).toBe(join(out, 'report.html'));
    expect(existsSync(written.out)).toBe(true);
  });
});

describe.skipIf(skipBrowser)('renda report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(reportPath).href);
    await page.waitForSelector('html[data-ready=true]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Rows drawn in the DOM now (the windowed table draws those in view and a few more). */
  const drawnRows = () => page.locator('#items tbody tr[aria-rowindex]').count();
  /** Rows that pass the filters, as the table tells assistive technology (row 1 is the header). */
  const tableRows = async () => Number(await page.locator('#items').getAttribute('aria-rowcount')) - 1;
  const countText = () => page.locator('#count').textContent();
  const nextFrame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

  interface Row { index: number; cells: string[]; titles: string[]; text: string }
  /**
   * Every row of the table in order, read as a person would: scrolling the table's box one view at
   * a time from the top to the bottom, taking the rows drawn at each stop.
   */
  async function readAllRows(): Promise<Row[]> {
    const rows = await page.evaluate(async () => {
      const box = document.getElementById('items-scroll')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const seen: Record<number, { index: number; cells: string[]; titles: string[]; text: string }> = {};
      box.scrollTop = 0;
      await frame();
      for (let stop = 0; stop < 10_000; stop++) {
        box.querySelectorAll('tbody tr[aria-rowindex]').forEach((tr) => {
          const index = Number(tr.getAttribute('aria-rowindex'));
          const cells = Array.from((tr as HTMLTableRowElement).cells, (td) => td.textContent ?? '');
          const titles = Array.from((tr as HTMLTableRowElement).cells, (td) => td.title);
          seen[index] = { index, cells, titles, text: titles[7] };
        });
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
        box.scrollTop += box.clientHeight;
        await frame();
      }
      box.scrollTop = 0;
      await frame();
      return Object.values(seen);
    });
    return rows.sort((a, b) => a.index - b.index);
  }

  it('renders the page and the first rows of the table, with no errors and no request but the file itself', async () => {
    const [{ n }] = await query<{ n: number }>('select count(*) n from v_items');
    expect(await page.title()).toBe('renda report');
    expect(await tableRows()).toBe(n);
    expect(await countText()).toBe(`${n} of ${n} items`);
    // Windowed: the rows in view and a few more are drawn, not all of them.
    const drawn = await drawnRows();
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(n / 4);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(reportPath).href]);
  });

  it('draws later rows as the table scrolls: every item once, in document order, to the last', async () => {
    const texts = (
      await query<{ text: string }>(
        `select v.text from v_items v join items i on i.id = v.item_id join documents d on d.id = v.document_id
         order by v.source_path, d.ordinal, v.document_id, i.span_start, v.item_id`,
      )
    ).map((r) => r.text);
    const rows = await readAllRows();
    expect(rows.map((r) => r.index)).toEqual(texts.map((_, k) => k + 2));
    expect(rows.map((r) => r.text)).toEqual(texts);

    // Straight to the bottom: the last item is drawn, inside the box's view.
    await page.locator('#items-scroll').evaluate((box) => { box.scrollTop = box.scrollHeight; });
    await nextFrame();
    const last = page.locator('#items tbody tr[aria-rowindex]').last();
    expect(await last.getAttribute('aria-rowindex')).toBe(String(texts.length + 1));
    expect(await last.locator('td.text').getAttribute('title')).toBe(texts.at(-1));
    const [rowBox, scrollBox] = await Promise.all([last.boundingBox(), page.locator('#items-scroll').boundingBox()]);
    expect(rowBox!.y + rowBox!.height).toBeLessThanOrEqual(scrollBox!.y + scrollBox!.height + 1);
    expect(await drawnRows()).toBeLessThan(texts.length / 4);
    await page.locator('#items-scroll').evaluate((box) => { box.scrollTop = 0; });
    await nextFrame();
  });

  it('does not run the scripts in the documents, and shows them as text', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('#items img, #items script, #items svg, #items style, #documents script').count()).toBe(0);
    await page.fill('#q', 'pwned');
    const cells = await page.locator('#items td.text').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).title));
    const shown = cells.join('\n');
    for (const h of HOSTILE) expect(shown).toContain(h);
    const visible = await page.locator('#items td.text').first().textContent();
    expect(visible).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('#documents').textContent()).toContain(HOSTILE_TITLE);
    // Hover and click everything hostile: handlers in text must stay text.
    for (const td of await page.locator('#items td.text').all()) await td.hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');
    await page.click('#reset');
  });

  it('draws the kind mix from v_kind_counts', async () => {
    const segments = await page.locator('#kind-mix rect.seg').evaluateAll((rects) =>
      rects.map((r) => ({ key: r.getAttribute('data-jurisdiction-key'), kind: r.getAttribute('data-kind'), count: Number(r.getAttribute('data-count')) })),
    );
    const rows = await query<{ jurisdiction: string | null; jurisdiction_code: string | null; kind: string; n: number }>(
      'select jurisdiction, jurisdiction_code, kind, sum(items) n from v_kind_counts group by 1, 2, 3',
    );
    const drawn = Object.fromEntries(segments.map((s) => [`${s.key}/${s.kind}`, s.count]));
    expect(drawn).toEqual(Object.fromEntries(rows.map((r) => [`${key(r.jurisdiction, r.jurisdiction_code)}/${r.kind}`, r.n])));
    const totals = await query<{ jurisdiction: string | null; jurisdiction_code: string | null; n: number }>(
      'select jurisdiction, jurisdiction_code, sum(items) n from v_kind_counts group by 1, 2',
    );
    for (const t of totals) {
      const k = key(t.jurisdiction, t.jurisdiction_code);
      const sum = segments.filter((s) => s.key === k).reduce((a, s) => a + s.count, 0);
      expect(sum, k).toBe(t.n);
    }
    expect(await page.locator('#kind-mix g.row').count()).toBe(totals.length);
  });

  it('draws the month × kind heat map from v_month_kind', async () => {
    const cells = await page.locator('#month-kind rect.cell').evaluateAll((rects) =>
      rects.map((r) => ({ kind: r.getAttribute('data-kind'), month: Number(r.getAttribute('data-month')), count: Number(r.getAttribute('data-count')) })),
    );
    expect(cells.length % 12).toBe(0);
    const rows = await query<{ kind: string; month: number; items: number }>('select kind, month, items from v_month_kind');
    expect(rows.length).toBeGreaterThan(0);
    const nonZero = Object.fromEntries(cells.filter((c) => c.count > 0).map((c) => [`${c.kind}/${c.month}`, c.count]));
    expect(nonZero).toEqual(Object.fromEntries(rows.map((r) => [`${r.kind}/${r.month}`, r.items])));
  });

  it('draws the law checks from v_law_checks', async () => {
    const drawn = await page.locator('#law-checks g.row').evaluateAll((gs) =>
      gs.map((g) => ({
        key: g.getAttribute('data-jurisdiction-key'),
        count: Number(g.getAttribute('data-count')),
        laws: Array.from(g.querySelectorAll('rect.law')).map((r) => r.getAttribute('data-law')).sort(),
      })),
    );
    const rows = await query<{ jurisdiction: string | null; jurisdiction_code: string | null; law: string }>(
      'select distinct jurisdiction, jurisdiction_code, law from v_law_checks',
    );
    expect(rows.length).toBeGreaterThan(0);
    const expected = new Map<string, string[]>();
    for (const r of rows) expected.set(key(r.jurisdiction, r.jurisdiction_code), [...(expected.get(key(r.jurisdiction, r.jurisdiction_code)) ?? []), r.law]);
    expect(Object.fromEntries(drawn.map((d) => [d.key, d.laws]))).toEqual(Object.fromEntries([...expected].map(([k, v]) => [k, v.sort()])));
    for (const d of drawn) expect(d.count).toBe(d.laws.length);
  });

  it('narrows the table with the text box and the selects', async () => {
    const [{ n: all }] = await query<{ n: number }>('select count(*) n from v_items');
    const [{ n: food }] = await query<{ n: number }>(
      "select count(*) n from v_items where instr(text, '食品安全') or instr(document_title, '食品安全')",
    );
    const [{ n: foodChecks }] = await query<{ n: number }>(
      "select count(*) n from v_items where kind = 'law_check' and (instr(text, '食品安全') or instr(document_title, '食品安全'))",
    );
    const [{ n: checks }] = await query<{ n: number }>("select count(*) n from v_items where kind = 'law_check'");
    expect(food).toBeGreaterThan(foodChecks);
    expect(foodChecks).toBeGreaterThan(0);

    await page.fill('#q', '食品安全');
    expect(await tableRows()).toBe(food);
    expect(await countText()).toBe(`${food} of ${all} items`);
    // The count is what scrolling through the table finds, and each row found holds the words.
    const found = await readAllRows();
    expect(found).toHaveLength(food);
    // (the document's title is the doc type cell's tooltip)
    for (const r of found) expect(r.text.includes('食品安全') || r.titles[3].includes('食品安全'), r.text).toBe(true);
    await page.selectOption('#f-kind', 'law_check');
    expect(await tableRows()).toBe(foodChecks);
    expect((await readAllRows()).every((r) => r.cells[4] === '执法检查')).toBe(true);
    await page.fill('#q', '');
    expect(await tableRows()).toBe(checks);
    expect(await countText()).toBe(`${checks} of ${all} items`);

    // The source column: a path, and a path running on into its page (" p. 1" also finds 10–19).
    await page.click('#reset');
    const [{ n: inPdf }] = await query<{ n: number }>("select count(*) n from v_items where source_path like '%002_4ff2a9da724ed550.pdf'");
    const [{ n: pageOne }] = await query<{ n: number }>(
      "select count(*) n from v_items where source_path like '%002_4ff2a9da724ed550.pdf' and ' p. ' || page like ' p. 1%'",
    );
    expect(pageOne).toBeGreaterThan(0);
    expect(pageOne).toBeLessThan(inPdf);
    await page.fill('#q', '002_4ff2a9da724ed550.PDF');
    expect(await tableRows()).toBe(inPdf);
    await page.fill('#q', '4ff2a9da724ed550.pdf p. 1');
    expect(await tableRows()).toBe(pageOne);
    const hrefs = await page.locator('#items td.source a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const [href, text] of hrefs) {
      const at = /\.pdf p\. (\d+)$/.exec(text!)![1];
      expect(at.startsWith('1')).toBe(true);
      // Relative to the page, and at the item's page of the PDF.
      expect(href).toMatch(new RegExp(`^(\\.\\./)+.*/002_4ff2a9da724ed550\\.pdf#page=${at}$`));
    }

    await page.click('#reset');
    await page.selectOption('#f-jurisdiction', { label: '某某县' });
    expect(await tableRows()).toBe(6);
    expect(await drawnRows()).toBe(6);
    await page.click('#reset');
    expect(await tableRows()).toBe(all);
  });

  it('hides twin copies when asked, as the views count them', async () => {
    const [{ n: all, originals }] = await query<{ n: number; originals: number }>(
      'select count(*) n, sum(copy_of is null) originals from v_items',
    );
    expect(originals).toBeLessThan(all);
    await page.check('#f-copies');
    expect(await tableRows()).toBe(originals);
    expect(await countText()).toBe(`${originals} of ${all} items`);
    await page.click('#reset');
    expect(await page.isChecked('#f-copies')).toBe(false);
    expect(await tableRows()).toBe(all);
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const [{ lo, hi }] = await query<{ lo: number; hi: number }>('select min(year) lo, max(year) hi from v_items');
    const yearHeader = page.locator('#items thead th').nth(2);
    const firstYear = async () => Number(await page.locator('#items tbody tr[aria-rowindex]').first().locator('td').nth(2).textContent());
    const years = async () => (await readAllRows()).map((r) => r.cells[2]);
    await yearHeader.click();
    expect(await yearHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstYear()).toBe(lo);
    // Across the rows not drawn yet too: in order all the way down, items without a year last.
    const up = await years();
    const known = (ys: string[]) => ys.filter((y) => y !== '').map(Number);
    expect(known(up)).toEqual([...known(up)].sort((a, b) => a - b));
    expect(up.indexOf('') === -1 || up.slice(up.indexOf('')).every((y) => y === '')).toBe(true);
    await yearHeader.click();
    expect(await yearHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await firstYear()).toBe(hi);
    const down = await years();
    expect(known(down)).toEqual([...known(down)].sort((a, b) => b - a));
    expect(known(down).at(-1)).toBe(lo);
    expect(lo).not.toBe(hi);
  });

  it('sorts the texts as Chinese is collated (zh-CN, numbers by value), all rows, both ways', async () => {
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    const texts = (await query<{ text: string }>('select text from v_items')).map((r) => r.text).sort(collator.compare);
    const textHeader = page.locator('#items thead th').nth(7);
    await textHeader.click();
    expect(await textHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await readAllRows()).map((r) => r.text)).toEqual(texts);
    await textHeader.click();
    expect(await textHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await readAllRows()).map((r) => r.text)).toEqual([...texts].reverse());
  });

  it('blocks a script injected at run time (the Content-Security-Policy is in force)', async () => {
    const fresh = await browser.newPage();
    try {
      await fresh.goto(pathToFileURL(reportPath).href);
      const blocked = await fresh.evaluate(
        () =>
          new Promise<string>((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
            const s = document.createElement('script');
            s.textContent = 'window.__pwned = "csp"';
            document.body.append(s);
          }),
      );
      expect(blocked).toMatch(/^script-src/);
      expect(await fresh.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    } finally {
      await fresh.close();
    }
  });

  it('stayed free of page and console errors throughout', () => {
    expect(errors).toEqual([]);
  });
});
