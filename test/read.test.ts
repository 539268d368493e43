import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../pipeline/store/db.js';
import { DEFAULT_CONCURRENCY, ingest } from '../pipeline/run/ingest.js';
import { openForReading } from '../pipeline/store/read/open.js';
import { QueryError, runQuery } from '../pipeline/store/read/query.js';
import { queryTerms, search, snippet, PLAIN_MARK } from '../pipeline/store/read/search.js';
import { Store } from '../pipeline/store/store.js';
import { ingestCorpus } from './helpers/corpus-db.js';
import { fixture } from './helpers.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../pipeline/apps/cli/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const renda = (...args: string[]) =>
  run(tsx, [cli, ...args]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

let dbPath: string;
let db: Db;
beforeAll(async () => {
  dbPath = await ingestCorpus();
  db = await openForReading(dbPath);
}, 120_000);
afterAll(() => db?.close());

/** What a plain scan of every canonical item finds: the answer the index must give. */
async function scan(terms: string[]): Promise<string[]> {
  const rows = await db.all<{ item_id: string }>(
    `SELECT item_id FROM v_items WHERE copy_of IS NULL AND ${terms.map(() => 'instr(text, ?) > 0').join(' AND ')} ORDER BY item_id`,
    terms,
  );
  return rows.map((r) => r.item_id);
}

describe('search', () => {
  it.each([['食品安全'], ['食品安全法'], ['预算 审查'], ['代表 建议'], ['执法检查 环境'], ['国有资产管理']])(
    'finds exactly the items containing every word of "%s"',
    async (query) => {
      const result = await search(db, query, {}, 1000);
      const expected = await scan(query.split(' '));
      expect(expected.length).toBeGreaterThan(0);
      expect(result.total).toBe(expected.length);
      expect(result.hits.map((h) => h.itemId).sort()).toEqual(expected);
    },
  );

  it('folds traditional characters and full-width letters in the query as in the documents', async () => {
    expect(queryTerms('預算  審查')).toEqual(['预算', '审查']);
    expect(queryTerms('ＰＰＰ 项目')).toEqual(['PPP', '项目']);
    // A simplified query is never changed, even where a character has a traditional reading.
    expect(queryTerms('乾县 著作权法')).toEqual(['乾县', '著作权法']);
    const trad = await search(db, '預算 審查', {}, 1000);
    const simp = await search(db, '预算 审查', {}, 1000);
    expect(trad.hits.map((h) => h.itemId)).toEqual(simp.hits.map((h) => h.itemId));
  });

  it('applies the kind, level and year filters', async () => {
    const all = await search(db, '报告', {}, 10_000);
    const checks = await search(db, '报告', { kinds: ['law_check'], levels: ['county'], years: [2023] }, 10_000);
    expect(checks.total).toBeGreaterThan(0);
    expect(checks.total).toBeLessThan(all.total);
    for (const h of checks.hits) expect([h.kind, h.level, h.year]).toEqual(['law_check', 'county', 2023]);
  });

  it('counts a document read from two files once, unless every copy is asked for', async () => {
    const once = await search(db, '食品安全法', {}, 100);
    const copies = await search(db, '食品安全法', { includeCopies: true }, 100);
    expect(copies.total).toBeGreaterThan(once.total);
    expect(new Set(copies.hits.map((h) => h.sourcePath.endsWith('.pdf'))).size).toBe(2);
  });

  it('marks every term once in a window around the first', () => {
    const s = snippet('听取审议县政府关于食品安全工作情况的报告，推动食品安全法贯彻实施', ['食品安全法', '食品'], PLAIN_MARK, 4, 30);
    expect(s).toBe('…政府关于«食品»安全工作情况的报告，推动«食品安全法»贯彻实施');
  });
});

describe('copies', () => {
  it('marks the PDF twin of a text document as a copy of it', async () => {
    const rows = await db.all<{ source_path: string; copy_of: string | null }>('SELECT source_path, copy_of FROM v_documents');
    const pdf = rows.filter((r) => r.source_path.endsWith('.pdf'));
    expect(pdf.length).toBeGreaterThan(0);
    for (const r of pdf) expect(r.copy_of).not.toBeNull();
    for (const r of rows.filter((x) => x.source_path.includes('/fixtures/text/'))) expect(r.copy_of).toBeNull();
    const kinds = await db.get<{ n: number }>("SELECT sum(items) AS n FROM v_kind_counts WHERE jurisdiction = '濮阳县'");
    const items = await db.get<{ n: number }>("SELECT count(*) AS n FROM v_items WHERE jurisdiction = '濮阳县' AND source_path LIKE '%.txt'");
    expect(kinds!.n).toBe(items!.n);
  });
});

describe('query', () => {
  it('runs SELECTs on the views', async () => {
    const rows = await runQuery(db, 'SELECT kind, count(*) AS n FROM v_items GROUP BY kind ORDER BY n DESC');
    expect(rows.length).toBeGreaterThan(3);
  });

  it.each([
    ["INSERT INTO sources VALUES ('x', 'y', 'z', 'text/plain', 'text', NULL, '2026')"],
    ['DELETE FROM items'],
    ['DROP VIEW v_items'],
    ['CREATE TABLE t (x)'],
    ['PRAGMA user_version = 9'],
  ])('refuses to write: %s', async (sql) => {
    const err = await runQuery(db, sql).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).code).toBe('read_only');
    expect((err as Error).message).toMatch(/read-only/);
  });

  it('cannot be talked out of read-only by a pragma or an attached file', async () => {
    const other = await openForReading(dbPath);
    try {
      await runQuery(other, 'PRAGMA query_only = OFF');
      await expect(runQuery(other, 'DELETE FROM items')).rejects.toMatchObject({ code: 'read_only' });
      const attached = join(mkdtempSync(join(tmpdir(), 'renda-attach-')), 'x.sqlite');
      await expect(runQuery(other, `ATTACH '${attached}' AS x`).then(() => runQuery(other, 'CREATE TABLE x.t (a)'))).rejects.toBeInstanceOf(QueryError);
    } finally {
      await other.close();
    }
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM items'))!.n).toBeGreaterThan(400);
  });

  it('the command exits 1 with a clear error on INSERT and 2 on a missing database', async () => {
    const insert = await renda('query', 'INSERT INTO items_fts (text) VALUES (1)', '--db', dbPath);
    expect(insert.code).toBe(1);
    expect(insert.stderr).toMatch(/read_only: renda query is read-only and refused to change the database/);
    const missing = await renda('query', 'SELECT 1', '--db', '/nonexistent/renda.sqlite');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--db: \/nonexistent\/renda.sqlite does not exist/);
    const csv = await renda('query', "SELECT doc_type, count(*) AS n FROM v_documents WHERE copy_of IS NULL GROUP BY doc_type ORDER BY doc_type", '--db', dbPath, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('doc_type,n');
  }, 60_000);
});

describe('the full-text index follows the items', () => {
  it('forgets the old text when a file is edited and re-ingested, and indexes an upgraded database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renda-fts-'));
    const out = mkdtempSync(join(tmpdir(), 'renda-fts-out-'));
    const file = join(dir, 'plan.txt');
    copyFileSync(fixture('text/000_aed2f3b3ef629585.txt'), file);
    await ingest({ inputs: [file], out, concurrency: DEFAULT_CONCURRENCY, similar: false });
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('食品安全法', '种子法'));
    await ingest({ inputs: [file], out, concurrency: DEFAULT_CONCURRENCY, similar: false });
    const path = join(out, 'renda.sqlite');
    let r = await openForReading(path);
    expect((await search(r, '食品安全法', {}, 10)).total).toBe(0);
    const seeds = (await search(r, '种子法', {}, 100)).total;
    expect(seeds).toBeGreaterThan(0);
    const [fts, items] = [await r.get<{ n: number }>('SELECT count(*) AS n FROM items_fts'), await r.get<{ n: number }>('SELECT count(*) AS n FROM items')];
    expect(fts!.n).toBe(items!.n);
    await r.close();

    // A schema-1 database (no index): opening it for writing indexes what it holds.
    const w = await Db.open(path);
    await w.exec('DELETE FROM items_fts_rows; DELETE FROM items_fts; PRAGMA user_version = 1;');
    await w.close();
    await expect(openForReading(path)).rejects.toThrow(/older renda \(schema 1\)/);
    await (await Store.open(path)).close();
    r = await openForReading(path);
    expect((await search(r, '种子法', {}, 100)).total).toBe(seeds);
    await r.close();
  }, 60_000);
});
