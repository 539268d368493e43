import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInputs } from './helpers/start-inputs.mjs';
import { Db } from '../pipeline/store/db.js';
import { exportTables, TABLE_COLUMNS, TABLE_NAMES, type Column, type TableName } from '../pipeline/apps/export/index.js';
import { DEFAULT_CONCURRENCY, ingest } from '../pipeline/run/ingest.js';
import { openForReading } from '../pipeline/store/read/open.js';

/**
 * renda export, read back by readers that share no code with the writers — hyparquet for Parquet
 * (DuckDB writes it), csv-parse for CSV, ExcelJS's reader for XLSX, JSON.parse for JSON lines —
 * and compared value by value with the SQLite views. Two databases: the `npm start` fixtures (row
 * counts, the README's snippets) and a copy with the awkward rows added (quotes from a fixture;
 * commas, line breaks, a leading-zero code, NULLs and an over-long text inserted by SQL, since no
 * document yields them through the pipeline, which normalises ASCII commas and joins lines).
 */
const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const cli = join(root, 'pipeline/apps/cli/main.ts');
const tsx = join(root, 'node_modules/.bin/tsx');
const renda = (...args: string[]) =>
  run(tsx, [cli, ...args], { maxBuffer: 1 << 26 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/** What `npm start` ingests (package.json), so the README's numbers are these. */
const START_INPUTS = startInputs(root);

/** Rows no fixture produces: the CSV quoting cases, a code with a leading zero, NULLs, a huge cell. */
const SYNTHETIC = {
  source: 'ffffffffffff0001',
  document: 'ffffffffffff0001-1',
  orphan: 'ffffffffffff0001-2',
  longText: '长'.repeat(40_000),
};

async function addSyntheticRows(path: string): Promise<void> {
  const db = await Db.open(path);
  try {
    const s = SYNTHETIC;
    await db.run(`INSERT INTO sources VALUES (?, ?, 'synthetic/quoting, "edge" cases.txt', 'text/plain', 'text', NULL, '2026-01-01T00:00:00.000Z')`, [s.source, s.source.padEnd(64, '0')]);
    await db.run(`INSERT INTO jurisdictions (name, code, level, province, prefecture) VALUES ('零区', '010203', 'county', '北京市', NULL)`);
    const jid = (await db.get<{ id: number }>("SELECT id FROM jurisdictions WHERE code = '010203'"))!.id;
    await db.run(`INSERT INTO documents VALUES (?, ?, 1, ?, 'work_points', 2024, NULL, '2024-01-05', NULL, ?)`, [s.document, s.source, '零区人大常委会2024年工作要点, "试行"\n第二行', jid]);
    // A document with no jurisdiction and no year: NULLs in every jurisdiction column.
    await db.run(`INSERT INTO documents VALUES (?, ?, 2, '无名文件', 'other', NULL, NULL, NULL, NULL, NULL)`, [s.orphan, s.source]);
    const item = (id: string, doc: string, text: string, kind: string, kinds: string[], extra: { committee?: string | null; page?: number | null } = {}) =>
      db.run(`INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, 0.25, 'synthetic')`, [
        id, doc, id.split(':')[1], '1.', text, kind, JSON.stringify(kinds), extra.committee ?? null, extra.committee ? 'finance_economy' : null, extra.page ?? null, text.length,
      ]);
    await item(`${s.document}:1`, s.document, '听取报告, 审议意见,逗号', 'report', ['report'], { committee: '财经委, 预算工委', page: 7 });
    await item(`${s.document}:2`, s.document, '他说"好"，又说""两个引号""', 'law_check', ['law_check', 'report']);
    await item(`${s.document}:3`, s.document, '第一行\n第二行\r\n第三行', 'other', ['other']);
    await item(`${s.document}:4`, s.document, '=SUM(A1) 不是公式\n只有换行', 'deputy', ['deputy']);
    await item(`${s.document}:5`, s.document, s.longText, 'research', ['research']);
    await item(`${s.orphan}:1`, s.orphan, '无管辖区的条目', 'other', ['other']);
    for (const m of [1, 12]) await db.run('INSERT INTO item_months VALUES (?, ?)', [`${s.document}:1`, m]);
    await db.run('INSERT INTO item_months VALUES (?, 6)', [`${s.document}:3`]);
    for (const law of ['中华人民共和国测试法', '某省条例, "修订"']) await db.run('INSERT INTO item_laws VALUES (?, ?)', [`${s.document}:2`, law]);
  } finally {
    await db.close();
  }
}

let fixturesDb: string;
let edgeDb: string;
let work: string;
let db: Db;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'renda-export-'));
  const fixtures = join(work, 'fixtures');
  const start = await ingest({ inputs: START_INPUTS, out: fixtures, concurrency: DEFAULT_CONCURRENCY, similar: false });
  expect(start.failures).toEqual([]);
  fixturesDb = join(fixtures, 'renda.sqlite');
  const edge = join(work, 'edge');
  const copy = await Db.open(fixturesDb);
  await copy.run('VACUUM INTO ?', [join(edge + '.sqlite')]);
  await copy.close();
  const { mkdirSync, renameSync } = await import('node:fs');
  mkdirSync(edge);
  renameSync(edge + '.sqlite', join(edge, 'renda.sqlite'));
  const quoting = await ingest({ inputs: [join(root, 'fixtures/export')], out: edge, concurrency: DEFAULT_CONCURRENCY, similar: false });
  expect(quoting.failures).toEqual([]);
  edgeDb = join(edge, 'renda.sqlite');
  await addSyntheticRows(edgeDb);
  db = await openForReading(edgeDb);
}, 180_000);
afterAll(() => db?.close());

type Row = Record<string, unknown>;

/**
 * What each table must hold, computed from the views (not from the export's own SQL): canonical
 * rows only, as the export does by default, in key order.
 */
async function expected(d: Db, table: TableName): Promise<Row[]> {
  const laws = async (id: string) => (await d.all<{ law: string }>('SELECT law FROM item_laws WHERE item_id = ? ORDER BY law', [id])).map((r) => r.law);
  const months = (m: unknown) => (m === null ? [] : String(m).split(',').map(Number));
  if (table === 'items') {
    const rows = await d.all<Row>('SELECT * FROM v_items WHERE copy_of IS NULL ORDER BY item_id');
    return Promise.all(
      rows.map(async (r) => ({ ...r, kinds: JSON.parse(r.kinds as string), months: months(r.months), laws: await laws(r.item_id as string), is_copy: false })),
    );
  }
  if (table === 'documents') {
    const rows = await d.all<Row>('SELECT v.*, d.source_id FROM v_documents v JOIN documents d ON d.id = v.document_id WHERE v.copy_of IS NULL ORDER BY v.document_id');
    return rows.map((r) => ({ ...r, is_copy: false }));
  }
  if (table === 'sources') {
    return d.all<Row>(
      `SELECT s.id AS source_id, s.path AS source_path, s.sha256, s.media_type, s.extractor, s.pages, s.ingested_at,
              (SELECT count(*) FROM documents WHERE source_id = s.id) AS documents,
              (SELECT count(*) FROM items i JOIN documents x ON x.id = i.document_id WHERE x.source_id = s.id) AS items
       FROM sources s WHERE s.id IN (SELECT source_id FROM v_items WHERE copy_of IS NULL UNION SELECT d.source_id FROM v_documents v JOIN documents d ON d.id = v.document_id WHERE v.copy_of IS NULL)
       ORDER BY s.id`,
    );
  }
  const rows = await d.all<Row>(
    `SELECT c.*, v.document_id, v.province, v.prefecture, v.doc_type, v.months, v.committee_key, v.text, v.copy_of
     FROM v_law_checks c JOIN v_items v ON v.item_id = c.item_id ORDER BY c.item_id, c.law`,
  );
  return rows.map((r) => ({ ...r, months: months(r.months), is_copy: false }));
}

/** A value as a CSV field holds it (lists joined by ';', NULL empty). */
function csvText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

/**
 * A value as an XLSX cell holds it: lists joined, an empty list an empty cell, text cut at Excel's
 * limit, and CRLF inside a text read back as LF (XML turns every line end into LF, and LF is what
 * Excel itself writes for a line break in a cell).
 */
function xlsxValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.join(';') : null;
  if (typeof v === 'string' && v.length > 32_767) return v.slice(0, 32_766) + '…';
  if (typeof v === 'string') return v.replace(/\r\n/g, '\n');
  return v ?? null;
}

function compareRows(actual: Row[], wanted: Row[], columns: Column[], as: (v: unknown) => unknown = (v) => v) {
  expect(actual.length).toBe(wanted.length);
  for (let k = 0; k < wanted.length; k++) {
    for (const c of columns) {
      const got = actual[k]![c.name];
      const want = as(wanted[k]![c.name]);
      if (got !== want && JSON.stringify(got) !== JSON.stringify(want)) {
        expect.fail(`row ${k} (${JSON.stringify(wanted[k]![columns[0]!.name])}) column ${c.name}: got ${JSON.stringify(got)?.slice(0, 200)}, want ${JSON.stringify(want)?.slice(0, 200)}`);
      }
    }
  }
}

const byKey = (table: TableName) => (a: Row, b: Row) => {
  const key = table === 'documents' ? 'document_id' : table === 'sources' ? 'source_id' : 'item_id';
  return String(a[key]).localeCompare(String(b[key]), 'en') || String(a.law ?? '').localeCompare(String(b.law ?? ''), 'en');
};

describe('renda export: options are checked before anything is read', () => {
  it.each([
    [['--db', 'x.sqlite'], /--format is required/],
    [['--format', 'pdf'], /--format must be one of parquet, csv, xlsx, jsonl/],
    [['--format', 'csv', '--table', 'laws'], /--table 'laws' is not one of/],
    [['--format', 'csv', '--level', 'city'], /--level: 'city' is not one of/],
    [['--format', 'csv', '--year', '24'], /--year: '24' is not a year/],
    [['--format', 'parquet', '--no-bom'], /--no-bom applies to --format csv only/],
    [['--format', 'csv', '--where', 'year = 2024; DROP TABLE items'], /without ';'/],
    [['--format', 'csv', '--where', ' '], /give a condition/],
    [['--format', 'csv', '--db', '/nonexistent/renda.sqlite'], /does not exist/],
  ])('%j', async (args, message) => {
    const out = join(work, `usage-${Math.random().toString(36).slice(2)}`);
    const r = await renda('export', ...args, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('prints its help', async () => {
    const r = await renda('export', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--format <f>\s+parquet, csv, xlsx or jsonl/);
    expect(r.stdout).toContain('--no-bom');
    expect(r.stdout).toContain('--jurisdiction');
  });

  it('a --where naming a column one of the tables lacks fails on that table before any file is begun', async () => {
    const out = join(work, 'where-bad');
    const r = await renda('export', '--db', edgeDb, '--format', 'csv', '--where', "kind = 'report'", '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--where: no such column: kind \(in table documents/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('Parquet, read back with hyparquet', () => {
  let out: string;
  beforeAll(async () => {
    out = join(work, 'parquet');
    const r = await renda('export', '--db', edgeDb, '--format', 'parquet', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it.each(TABLE_NAMES.map((t) => [t]))('%s: every row and value equals the views', async (table) => {
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(out, `${table}.parquet`)) });
    compareRows(rows as Row[], await expected(db, table), TABLE_COLUMNS[table]);
  });

  it('keeps the types: int32 years, string codes with their leading zeros, lists of int32 months, booleans, UTF-8 text', async () => {
    const file = await asyncBufferFromFile(join(out, 'items.parquet'));
    const meta = await parquetMetadataAsync(file);
    const el = (name: string) => meta.schema.find((s) => s.name === name)!;
    expect(el('year').type).toBe('INT32');
    expect(el('jurisdiction_code')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(el('text')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(el('months')).toMatchObject({ converted_type: 'LIST' });
    const monthsAt = meta.schema.indexOf(el('months'));
    expect(meta.schema[monthsAt + 2]).toMatchObject({ name: 'element', type: 'INT32' });
    expect(el('is_copy').type).toBe('BOOLEAN');
    expect(el('confidence').type).toBe('DOUBLE');
    const rows = (await parquetReadObjects({ file })) as Row[];
    const zero = rows.filter((r) => r.jurisdiction_code === '010203');
    expect(zero.length).toBe(5);
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.document}:1`)).toMatchObject({ months: [1, 12], year: 2024, page: 7, committee_raw: '财经委, 预算工委' });
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.document}:2`)).toMatchObject({ months: [], laws: ['中华人民共和国测试法', '某省条例, "修订"'], kinds: ['law_check', 'report'] });
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.orphan}:1`)).toMatchObject({ jurisdiction: null, jurisdiction_code: null, year: null, months: [] });
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.document}:5`)!.text).toBe(SYNTHETIC.longText);
    expect(rows.some((r) => (r.text as string).includes('濮阳县'))).toBe(true);
  });
});

describe('CSV, read back with csv-parse', () => {
  let out: string;
  beforeAll(async () => {
    out = join(work, 'csv');
    const r = await renda('export', '--db', edgeDb, '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
  }, 120_000);

  // A line break outside quotes ends a record here, as it does for pandas, R and Excel (csv-parse
  // would otherwise take CRLF from the first line and read a bare LF as field text).
  const read = (path: string) => parseCsv(readFileSync(path), { bom: true, columns: true, record_delimiter: ['\r\n', '\n'] }) as Row[];

  it.each(TABLE_NAMES.map((t) => [t]))('%s: every row and value equals the views (lists joined by ;)', async (table) => {
    compareRows(read(join(out, `${table}.csv`)), await expected(db, table), TABLE_COLUMNS[table], csvText);
  });

  it('starts with a UTF-8 byte-order mark, ends records with CRLF and quotes commas, quotes and line breaks (RFC 4180)', () => {
    const bytes = readFileSync(join(out, 'items.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(TABLE_COLUMNS.items.map((c) => c.name).join(','));
    expect(text).toContain(',"听取报告, 审议意见,逗号",');
    expect(text).toContain(',"他说""好""，又说""""两个引号""""",');
    expect(text).toContain(',"第一行\n第二行\r\n第三行",');
    expect(text).toContain(',"=SUM(A1) 不是公式\n只有换行",');
    expect(text).toContain(',"中华人民共和国测试法;某省条例, ""修订""",');
    const rows = read(join(out, 'items.csv'));
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.document}:3`)!.text).toBe('第一行\n第二行\r\n第三行');
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.document}:1`)!.months).toBe('1;12');
    expect(rows.find((r) => r.item_id === `${SYNTHETIC.document}:1`)!.jurisdiction_code).toBe('010203');
  });

  it('--no-bom leaves the mark out', async () => {
    const plain = join(work, 'csv-nobom');
    const r = await renda('export', '--db', edgeDb, '--format', 'csv', '--no-bom', '--table', 'sources', '--out', plain);
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(plain, 'sources.csv'));
    expect(bytes.subarray(0, 9).toString('utf8')).toBe('source_id');
    expect(readdirSync(plain)).toEqual(['sources.csv']);
  });
});

describe('XLSX, read back with ExcelJS', () => {
  let out: string;
  beforeAll(async () => {
    out = join(work, 'xlsx');
    const r = await renda('export', '--db', edgeDb, '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/items: 1 cells longer than Excel's 32767 characters were cut/);
  }, 120_000);

  async function sheetRows(ws: ExcelJS.Worksheet, columns: Column[]): Promise<Row[]> {
    const rows: Row[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Object.fromEntries(columns.map((c, k) => [c.name, row.getCell(k + 1).value ?? null])));
    });
    return rows;
  }

  it('one sheet per table, every row and value equal to the views; numbers and booleans stay typed', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'renda.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...TABLE_NAMES]);
    for (const table of TABLE_NAMES) {
      const ws = wb.getWorksheet(table)!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(TABLE_COLUMNS[table].map((c) => c.name));
      compareRows(await sheetRows(ws, TABLE_COLUMNS[table]), await expected(db, table), TABLE_COLUMNS[table], xlsxValue);
    }
  });

  it('freezes the header row, makes it bold and sets the column widths', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'renda.xlsx'));
    const ws = wb.getWorksheet('items')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(TABLE_COLUMNS.items.map((c, k) => ws.getColumn(k + 1).width)).toEqual(TABLE_COLUMNS.items.map((c) => c.width));
  });

  it("continues a table longer than a sheet on the next sheet and says so", async () => {
    const split = join(work, 'xlsx-split');
    const summary = await exportTables({ db: edgeDb, format: 'xlsx', out: split, tables: ['items'], filter: {}, sheetRows: 100 });
    const items = summary.rows.items!;
    const sheets = Math.ceil(items / 100);
    expect(sheets).toBeGreaterThan(2);
    expect(summary.files[0]!.notes[0]).toMatch(new RegExp(`items: ${items} rows exceed one Excel sheet \\(100 rows\\), so they are split over sheets 'items', 'items \\(2\\)'`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(split, 'items.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Array.from({ length: sheets }, (_, k) => (k ? `items (${k + 1})` : 'items')));
    const rows: Row[] = [];
    for (const ws of wb.worksheets) rows.push(...(await sheetRows(ws, TABLE_COLUMNS.items)));
    compareRows(rows, await expected(db, 'items'), TABLE_COLUMNS.items, xlsxValue);
  });
});

describe('JSON lines', () => {
  it.each(TABLE_NAMES.map((t) => [t]))('%s: every row and value equals the views', async (table) => {
    const out = join(work, 'jsonl');
    if (!existsSync(join(out, 'items.jsonl'))) expect((await renda('export', '--db', edgeDb, '--format', 'jsonl', '--out', out)).code).toBe(0);
    const lines = readFileSync(join(out, `${table}.jsonl`), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const rows = lines.map((l) => JSON.parse(l) as Row);
    expect(Object.keys(rows[0]!)).toEqual(TABLE_COLUMNS[table].map((c) => c.name));
    compareRows(rows, await expected(db, table), TABLE_COLUMNS[table]);
  });
});

describe('filters', () => {
  it('--level, --year, --kind and --jurisdiction select the same items as the views, and documents and sources follow', async () => {
    const out = join(work, 'filtered');
    const r = await renda('export', '--db', edgeDb, '--format', 'jsonl', '--level', 'county', '--year', '2023-2024', '--kind', 'report,law_check', '--out', out);
    expect(r.code).toBe(0);
    const ids = (table: string, key: string) => readFileSync(join(out, `${table}.jsonl`), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Row)[key]);
    const sql = async (q: string) => (await db.all<{ id: string }>(q)).map((x) => x.id);
    const items = await sql("SELECT item_id AS id FROM v_items WHERE level = 'county' AND year IN (2023, 2024) AND kind IN ('report', 'law_check') AND copy_of IS NULL ORDER BY item_id");
    expect(items.length).toBeGreaterThan(20);
    expect(ids('items', 'item_id')).toEqual(items);
    expect(ids('documents', 'document_id')).toEqual(
      await sql("SELECT DISTINCT document_id AS id FROM v_items WHERE level = 'county' AND year IN (2023, 2024) AND kind IN ('report', 'law_check') AND copy_of IS NULL ORDER BY 1"),
    );
    expect(ids('sources', 'source_id')).toEqual(
      await sql("SELECT DISTINCT source_id AS id FROM v_items WHERE level = 'county' AND year IN (2023, 2024) AND kind IN ('report', 'law_check') AND copy_of IS NULL ORDER BY 1"),
    );
    expect(ids('law_checks', 'item_id')).toEqual(await sql("SELECT item_id AS id FROM v_law_checks WHERE level = 'county' AND year IN (2023, 2024) ORDER BY item_id, law"));

    const henan = await renda('export', '--db', edgeDb, '--format', 'jsonl', '--jurisdiction', '4109', '--all-copies', '--table', 'items', '--out', join(work, 'henan'));
    expect(henan.code).toBe(0);
    const rows = readFileSync(join(work, 'henan', 'items.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
    expect(rows.length).toBe((await db.get<{ n: number }>("SELECT count(*) AS n FROM v_items WHERE jurisdiction_code LIKE '4109%'"))!.n);
    expect(rows.some((r) => r.is_copy === true)).toBe(true);
  });

  it('--where is an SQL condition over the table’s columns, lists as JSON arrays', async () => {
    const out = join(work, 'where');
    const r = await renda('export', '--db', edgeDb, '--format', 'csv', '--table', 'items', '--where', "year >= 2024 AND EXISTS (SELECT 1 FROM json_each(months) WHERE value = 6)", '--out', out);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(join(out, 'items.csv')), { bom: true, columns: true }) as Row[];
    const want = await db.all<{ item_id: string }>("SELECT item_id FROM v_items WHERE year >= 2024 AND copy_of IS NULL AND ',' || months || ',' LIKE '%,6,%' ORDER BY item_id");
    expect(want.length).toBeGreaterThan(5);
    expect(rows.map((x) => x.item_id)).toEqual(want.map((x) => x.item_id));
  });
});

describe('the fixtures database', () => {
  let out: string;
  let summary: string;
  beforeAll(async () => {
    out = join(work, 'start');
    const r = await renda('export', '--db', fixturesDb, '--format', 'parquet', '--out', out);
    expect(r.code).toBe(0);
    summary = r.stdout;
    expect((await renda('export', '--db', fixturesDb, '--format', 'csv', '--table', 'items', '--out', out)).code).toBe(0);
  }, 120_000);

  it("the README's pandas and R snippets print what the README says (DuckDB reading the same Parquet file)", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Using the data in pandas, R and Excel'));
    const pandas = /```text\nlevel\ncounty +(\d+)\nprefecture +(\d+)\nprovince +(\d+)\ndtype: int64\n```/.exec(section);
    const r = /```text\n\n +county prefecture +province \n +(\d+) +(\d+) +(\d+) \n```/.exec(section);
    expect(pandas, 'pandas output block').not.toBeNull();
    expect(r, 'R output block').not.toBeNull();
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const result = await connection.runAndReadAll(
      `SELECT level, count(*)::INTEGER AS n FROM read_parquet('${join(out, 'items.parquet')}') WHERE level IS NOT NULL GROUP BY level ORDER BY level`,
    );
    const counts = result.getRowObjects().map((x) => [x.level, x.n]);
    connection.closeSync();
    instance.closeSync();
    expect(counts.map((x) => x[0])).toEqual(['county', 'prefecture', 'province']);
    expect(counts.map((x) => String(x[1]))).toEqual(pandas!.slice(1));
    expect(counts.map((x) => String(x[1]))).toEqual(r!.slice(1));
    // The CSV as pandas and R read it (a bare LF ends a record outside quotes) gives the same.
    const rows = parseCsv(readFileSync(join(out, 'items.csv')), { bom: true, columns: true, record_delimiter: ['\r\n', '\n'] }) as Row[];
    const byLevel = new Map<string, number>();
    for (const row of rows) if (row.level) byLevel.set(row.level as string, (byLevel.get(row.level as string) ?? 0) + 1);
    expect([...byLevel].sort()).toEqual(counts);
  });

  it("exports as many rows as 'renda query' counts", async () => {
    const count = async (sql: string) => {
      const r = await renda('query', sql, '--db', fixturesDb, '--format', 'json');
      return (JSON.parse(r.stdout) as { n: number }[])[0]!.n;
    };
    const counts: Record<TableName, number> = {
      items: await count('select count(*) as n from v_items where copy_of is null'),
      documents: await count('select count(*) as n from v_documents where copy_of is null'),
      sources: await count('select count(distinct d.source_id) as n from v_documents v join documents d on d.id = v.document_id where v.copy_of is null'),
      law_checks: await count('select count(*) as n from v_law_checks'),
    };
    expect(counts.items).toBeGreaterThan(400);
    for (const table of TABLE_NAMES) {
      const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(out, `${table}.parquet`)) });
      expect(rows.length, table).toBe(counts[table]);
      expect(summary).toContain(`${table} ${counts[table].toLocaleString('en')} rows`);
    }
  });
});
