import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../pipeline/store/db.js';
import { planReportPairs } from '../pipeline/apps/compare/plan-report.js';
import { committeesTable, kindsTable, lawsTable, monthsTable } from '../pipeline/apps/compare/sections.js';
import { openForReading } from '../pipeline/store/read/open.js';
import { ingestCorpus } from './helpers/corpus-db.js';

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

const count = async (sql: string, params: unknown[] = []) => (await db.get<{ n: number }>(sql, params))!.n;

describe('compare sections', () => {
  it('items per kind: each group holds its canonical items, kinds add up to the total', async () => {
    const t = await kindsTable({ db, by: 'jurisdiction', filter: {} });
    const total = t.rows.reduce((s, r) => s + (r.items as number), 0);
    expect(total).toBe(await count('SELECT count(*) AS n FROM items i JOIN v_document_copies c ON c.document_id = i.document_id WHERE c.canonical_id = c.document_id'));
    for (const r of t.rows) {
      const kinds = t.columns.slice(3).reduce((s, k) => s + (r[k] as number), 0);
      expect(kinds).toBe(r.items);
    }
    // 濮阳县's plan was ingested as text and as PDF: counted once.
    const puyang = t.rows.find((r) => r.jurisdiction === '濮阳县')!;
    expect(puyang.items).toBe(await count("SELECT count(*) AS n FROM v_items WHERE jurisdiction = '濮阳县' AND source_path LIKE '%.txt'"));
  });

  it('groups by province and level, and filters by kind and year', async () => {
    const byProvince = await kindsTable({ db, by: 'province', filter: {} });
    const henan = byProvince.rows.find((r) => r.province === '河南省')!;
    const henanItems = await count("SELECT count(*) AS n FROM v_items WHERE province = '河南省' AND copy_of IS NULL");
    expect(henan.items).toBe(henanItems);
    const byLevel = await kindsTable({ db, by: 'level', filter: { kinds: ['law_check'], years: [2023, 2024] } });
    expect(byLevel.columns.slice(3)).toEqual(['law_check']);
    expect(byLevel.rows.reduce((s, r) => s + (r.items as number), 0)).toBe(
      await count("SELECT count(*) AS n FROM v_items WHERE kind = 'law_check' AND year IN (2023, 2024) AND copy_of IS NULL"),
    );
  });

  it('months per kind match the stored months', async () => {
    const t = await monthsTable({ db, by: 'level', filter: {} });
    const cells = t.rows.reduce((s, r) => s + Array.from({ length: 12 }, (_, k) => r[`m${k + 1}`] as number).reduce((a, b) => a + b, 0), 0);
    expect(cells).toBe(await count('SELECT count(*) AS n FROM item_months m JOIN v_items v ON v.item_id = m.item_id WHERE v.copy_of IS NULL'));
    const none = t.rows.reduce((s, r) => s + (r.none as number), 0);
    expect(none).toBe(await count('SELECT count(*) AS n FROM v_items v WHERE copy_of IS NULL AND NOT EXISTS (SELECT 1 FROM item_months m WHERE m.item_id = v.item_id)'));
  });

  it('lead committees and laws inspected', async () => {
    const c = await committeesTable({ db, by: 'jurisdiction', filter: { kinds: ['report'] } });
    expect(c.rows.every((r) => r.kind === 'report')).toBe(true);
    expect(c.rows.reduce((s, r) => s + (r.items as number), 0)).toBe(await count("SELECT count(*) AS n FROM v_items WHERE kind = 'report' AND copy_of IS NULL"));
    const laws = await lawsTable({ db, by: 'jurisdiction', filter: {} });
    expect(laws.rows).toContainEqual(expect.objectContaining({ jurisdiction: '濮阳县', law: expect.stringContaining('食品安全法') }));
    expect(laws.rows.length).toBe(await count("SELECT count(*) AS n FROM (SELECT DISTINCT jurisdiction, law FROM v_law_checks)"));
  });
});

describe('renda compare', () => {
  it('prints tables, JSON and single-section CSV, and refuses CSV of several tables', async () => {
    const json = await renda('compare', '--by', 'province', '--db', dbPath, '--format', 'json');
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout) as Record<string, unknown[]>;
    expect(Object.keys(body)).toEqual(['items per kind', 'months per kind', 'lead committees per kind', 'laws inspected', 'plans and reports']);
    const csv = await renda('compare', '--by', 'level', '--section', 'kinds', '--db', dbPath, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^level,documents,items,/);
    const bad = await renda('compare', '--db', dbPath, '--format', 'csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/CSV holds one table/);
    const badBy = await renda('compare', '--by', 'county', '--db', dbPath);
    expect(badBy.code).toBe(2);
    expect(badBy.stderr).toMatch(/--by must be one of level, province, prefecture, jurisdiction/);
  }, 60_000);
});

interface PlanLabels {
  pairs: Array<{ plan: string; report: string; items: Array<{ path: string; doc?: number; text: string; mentioned: boolean }> }>;
}
const labelsFile = new URL('./compare/plan-report-labels.json', import.meta.url);

describe.runIf(existsSync(labelsFile))('plan against report (hand labels in test/compare/plan-report-labels.json)', () => {
  it('finds the planned items the report mentions', async () => {
    const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as PlanLabels;
    const pairs = await planReportPairs(db, {});
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const lp of labels.pairs) {
      const pair = pairs.find((p) => p.items.some((i) => i.itemId.startsWith(sourceIdOf(lp.plan))));
      expect(pair, `no plan/report pair for ${lp.plan}`).toBeDefined();
      expect(pair!.items.length).toBe(lp.items.length);
      for (const label of lp.items) {
        const item = pair!.items.find((i) => i.path === label.path)!;
        expect(item.text.startsWith(label.text)).toBe(true);
        if (item.mentioned && label.mentioned) tp++;
        else if (item.mentioned) fp++;
        else if (label.mentioned) fn++;
        else tn++;
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect(precision).toBeGreaterThanOrEqual(PLAN_FLOORS.precision);
    expect(recall).toBeGreaterThanOrEqual(PLAN_FLOORS.recall);
    expect((tp + tn) / (tp + tn + fp + fn)).toBeGreaterThanOrEqual(PLAN_FLOORS.accuracy);
  });
});

const PLAN_FLOORS = { precision: 0.8, recall: 0.7, accuracy: 0.72 };

/** The source id of a fixture, as ingest computes it: the file's sha256, first 16 hex digits. */
function sourceIdOf(path: string): string {
  return createHash('sha256').update(readFileSync(new URL(`../${path}`, import.meta.url))).digest('hex').slice(0, 16);
}
