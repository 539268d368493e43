/**
 * A large renda database for the export and report benches, made by SQL instead of by ingesting a million
 * items' worth of files (which would take most of an hour): the bundled fixtures are ingested once
 * with the real CLI, then every source, document, section, item, month and law is copied inside
 * SQLite until the items reach the target. Each copy is a distinct set of sources (its own ids,
 * sha256 and paths) in a distinct county of the real division list, so jurisdictions vary as in a
 * national corpus; twins stay twins within a copy, so `copy_of` is set on the same share of rows.
 *
 * The FTS triggers are dropped while copying (the export never reads the search index, and
 * indexing a million items would triple the build time); `renda ingest` recreates them on its
 * next run, as it does for any database it opens.
 */
import { uniqueCounties } from './_corpus.mjs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInputs } from '../helpers/start-inputs.mjs';

const require = createRequire(import.meta.url);
const sqlite3 = require('sqlite3');

const promisify = (db) => ({
  run: (sql, params = []) => new Promise((res, rej) => db.run(sql, params, (e) => (e ? rej(e) : res()))),
  exec: (sql) => new Promise((res, rej) => db.exec(sql, (e) => (e ? rej(e) : res()))),
  get: (sql, params = []) => new Promise((res, rej) => db.get(sql, params, (e, r) => (e ? rej(e) : res(r)))),
  close: () => new Promise((res, rej) => db.close((e) => (e ? rej(e) : res()))),
});

/** Items in the database at `path`, or 0 when there is none (so a bench knows to make it). */
function countItems(path) {
  return new Promise((res) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) => {
      if (err) return res(0);
      db.get('SELECT count(*) AS n FROM items', (e, row) => db.close(() => res(e ? 0 : row.n)));
    });
  });
}

/**
 * Build `<dir>/renda.sqlite` with `target` items. `inputs` are the fixture paths to ingest first;
 * `main` the built CLI. Returns the item count.
 */
/**
 * The database of `target` items in `dir` (renda.sqlite), made from the `npm start` fixtures unless
 * one of that size is already there. Returns its path and item count.
 */
export async function largeDb({ main, root, dir, target, log = () => {} }) {
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'renda.sqlite');
  let items = existsSync(dbPath) ? await countItems(dbPath) : 0;
  if (items === target) {
    log(`reusing ${dbPath} (${items.toLocaleString('en')} items)`);
    return { dbPath, items };
  }
  log(`generating a database of ${target.toLocaleString('en')} items in ${dir}`);
  const t = performance.now();
  items = await makeLargeDb({ main, inputs: startInputs(root), dir, target, log });
  log(`${items} items in ${Math.round((performance.now() - t) / 100) / 10} s`);
  return { dbPath, items };
}

async function makeLargeDb({ main, inputs, dir, target, log = () => {} }) {
  const seed = mkdtempSync(join(tmpdir(), 'renda-export-seed-'));
  try {
    const r = spawnSync(process.execPath, [main, 'ingest', ...inputs, '--out', seed, '--quiet', '--no-similar'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    const dbPath = join(dir, 'renda.sqlite');
    rmSync(dbPath, { force: true });
    // VACUUM INTO copies the seed without its WAL into the bench folder.
    const seedDb = promisify(new sqlite3.Database(join(seed, 'renda.sqlite')));
    await seedDb.run('VACUUM INTO ?', [dbPath]);
    await seedDb.close();

    const db = promisify(new sqlite3.Database(dbPath));
    try {
      await db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -200000;
        DROP TRIGGER IF EXISTS items_fts_insert; DROP TRIGGER IF EXISTS items_fts_delete;`);
      const perCopy = (await db.get('SELECT count(*) AS n FROM items')).n;
      const copies = Math.ceil(target / perCopy) - 1;
      const places = uniqueCounties();
      log(`${perCopy} items per copy; making ${copies} more copies`);
      await db.exec(`CREATE TEMP TABLE seed_sources AS SELECT * FROM sources;
        CREATE TEMP TABLE seed_documents AS SELECT * FROM documents;
        CREATE TEMP TABLE seed_sections AS SELECT * FROM sections;
        CREATE TEMP TABLE seed_warnings AS SELECT * FROM document_warnings;
        CREATE TEMP TABLE seed_items AS SELECT * FROM items ORDER BY id;
        CREATE TEMP TABLE seed_months AS SELECT * FROM item_months;
        CREATE TEMP TABLE seed_laws AS SELECT * FROM item_laws;`);
      let items = perCopy;
      for (let k = 1; k <= copies; k++) {
        const place = places[k % places.length];
        // A source id is 16 hex digits; the copy's number replaces the last six.
        const suffix = k.toString(16).padStart(6, '0');
        const id = (col) => `substr(${col}, 1, 10) || '${suffix}' || substr(${col}, 17)`;
        const limit = Math.min(perCopy, target - items);
        await db.exec('BEGIN');
        await db.run('INSERT OR IGNORE INTO jurisdictions (name, code, level, province, prefecture) VALUES (?, ?, ?, ?, ?)', [place.name, place.code, 'county', place.province, place.prefecture]);
        const jid = (await db.get('SELECT id FROM jurisdictions WHERE code = ? AND name = ?', [place.code, place.name])).id;
        await db.run(`INSERT INTO sources SELECT ${id('id')}, substr(sha256, 1, 10) || '${suffix}' || substr(sha256, 17), 'copy${k}/' || path, media_type, extractor, pages, ingested_at FROM seed_sources`);
        await db.run(`INSERT INTO documents SELECT ${id('id')}, ${id('source_id')}, ordinal, title, doc_type, year, review_year, adopted_date, published_date, ? FROM seed_documents`, [jid]);
        await db.run(`INSERT INTO sections SELECT ${id('document_id')}, path, title, declared_count, item_count FROM seed_sections`);
        await db.run(`INSERT INTO document_warnings SELECT ${id('document_id')}, code, message FROM seed_warnings`);
        await db.run(`INSERT INTO items SELECT ${id('id')}, ${id('document_id')}, path, number, text, kind, kinds, committee_raw, committee_key, organ, page, span_start, span_end, confidence, rule FROM seed_items LIMIT ?`, [limit]);
        await db.run(`INSERT INTO item_months SELECT ${id('m.item_id')}, m.month FROM seed_months m JOIN (SELECT id FROM seed_items LIMIT ?) i ON i.id = m.item_id`, [limit]);
        await db.run(`INSERT INTO item_laws SELECT ${id('l.item_id')}, l.law FROM seed_laws l JOIN (SELECT id FROM seed_items LIMIT ?) i ON i.id = l.item_id`, [limit]);
        await db.exec('COMMIT');
        items += limit;
        if (k % 200 === 0) log(`${items} items`);
      }
      await db.exec('ANALYZE');
      return items;
    } finally {
      await db.close();
    }
  } finally {
    rmSync(seed, { recursive: true, force: true });
  }
}
