import { openForReading } from '../../store/read/open.js';
import { Store } from '../../store/store.js';
import { UsageError } from '../../../schemas/errors.js';
import { buildSimilar } from '../../store/similar/build.js';
import { loadCorpus } from '../../store/similar/corpus.js';
import type { Embedder } from '../../store/similar/embed.js';
import { DEFAULT_MIN_SCORE, neighboursOf } from '../../store/similar/find.js';
import { embeddingIndex, lexicalIndex } from '../../store/similar/method.js';
import type { CorpusItem } from '../../store/similar/corpus.js';
import type { Command } from './command.js';
import { parse } from './command.js';
import { DB_HELP, DB_OPTION, FORMAT_HELP } from './db-option.js';
import { clip, parseFormat, render } from '../table-format.js';

const HELP = `Usage: renda similar <item-id> [--limit n] [--model <dir>] [--db <path>]
       renda similar --build [--model <dir>] [--db <path>]

Items in other jurisdictions about the same matter as the given item (ids are in the JSON, in
v_items.item_id and in 'renda search' output), best first, with the words they share.

By default items are compared by their words: jieba segmentation, BM25 weights from the whole
database, cosine. With --model (or RENDA_MODEL_DIR) a sentence-embedding model in a local folder
(e.g. bge-small-zh-v1.5 with its onnx/ folder) is used instead; nothing is downloaded.

--build recomputes the similar_items table (view v_similar) for every item; ingest does this
after each batch with the default method.

Options:
  --limit <n>              at most n items (default 10)
  --min-score <x>          drop items scoring below x (default ${DEFAULT_MIN_SCORE})
  --model <dir>            local sentence-embedding model folder (default: $RENDA_MODEL_DIR)
  --build                  rebuild the similar_items table instead of answering for one item
${DB_HELP}
${FORMAT_HELP}

Exit codes: 0 done; 1 the model could not be loaded; 2 bad usage (unknown item id included).`;

export const similarCommand: Command = {
  name: 'similar',
  summary: 'items in other jurisdictions about the same matter',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parse('similar', argv, {
      ...DB_OPTION,
      limit: { type: 'string', default: '10' },
      'min-score': { type: 'string', default: String(DEFAULT_MIN_SCORE) },
      model: { type: 'string' },
      build: { type: 'boolean', default: false },
      format: { type: 'string', default: 'table' },
    });
    const format = parseFormat('similar', values.format);
    const limit = Number(values.limit);
    const minScore = Number(values['min-score']);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('similar: --limit must be a positive whole number');
    if (!Number.isFinite(minScore) || minScore < 0 || minScore > 1) throw new UsageError('similar: --min-score must be between 0 and 1');
    if (values.build ? positionals.length !== 0 : positionals.length !== 1) {
      throw new UsageError(values.build ? 'similar --build takes no item id' : 'similar: give one item id');
    }
    const modelDir = values.model ?? process.env.RENDA_MODEL_DIR;
    // The model is loaded before any database work: a bad folder fails at once, clearly. The
    // transformers runtime is imported only then; most runs never need it.
    const embedder = modelDir ? await (await import('../../store/similar/embed.js')).loadEmbedder(modelDir) : undefined;
    const makeIndex = (items: CorpusItem[]) => (embedder ? embeddingIndex(items, embedder) : lexicalIndex(items));
    try {
      if (values.build) {
        await openForReading(values.db).then((db) => db.close()); // exists and is a renda database
        const store = await Store.open(values.db);
        try {
          const built = await buildSimilar(store, makeIndex);
          process.stdout.write(`renda: similar items for ${built.items} items, ${built.pairs} pairs (${built.method}), ${built.seconds} s\n`);
        } finally {
          await store.close();
        }
        return 0;
      }
      const id = positionals[0]!;
      const db = await openForReading(values.db);
      try {
        const items = await loadCorpus(db, id);
        const doc = items.findIndex((it) => it.id === id);
        if (doc < 0) throw new UsageError(`similar: no item '${id}' in ${values.db}`);
        const index = await makeIndex(items);
        const found = neighboursOf(items, index, doc, limit, minScore);
        const meta = new Map(
          (
            await db.all<{ item_id: string; jurisdiction: string | null; year: number | null; kind: string; source_path: string }>(
              `SELECT item_id, jurisdiction, year, kind, source_path FROM v_items WHERE item_id IN (${[id, ...found.map((f) => f.id)].map(() => '?').join(',')})`,
              [id, ...found.map((f) => f.id)],
            )
          ).map((r) => [r.item_id, r]),
        );
        const self = meta.get(id)!;
        if (format === 'table') {
          process.stderr.write(`${self.jurisdiction ?? '(unknown jurisdiction)'} ${self.year ?? ''} ${self.kind}: ${clip(items[doc]!.text, 100)}\n`);
          process.stderr.write(`method: ${index.method}\n`);
        }
        const rows = found.map((f, k) => {
          const m = meta.get(f.id)!;
          const text = items.find((it) => it.id === f.id)!.text;
          return {
            rank: k + 1,
            score: Math.round(f.score * 1000) / 1000,
            jurisdiction: m.jurisdiction,
            year: m.year,
            kind: m.kind,
            ...(format === 'table'
              ? { shared: f.shared.join(' '), text: clip(text, 60), item: f.id }
              : { item: f.id, shared: f.shared.join(' '), text, source: m.source_path, method: index.method }),
          };
        });
        const columns = rows.length ? Object.keys(rows[0]!) : ['rank', 'score', 'jurisdiction', 'year', 'kind', 'item'];
        process.stdout.write(render([{ title: 'similar', columns, rows }], format));
        return 0;
      } finally {
        await db.close();
      }
    } finally {
      await closeEmbedder(embedder);
    }
  },
};

async function closeEmbedder(e: Embedder | undefined) {
  await e?.close().catch(() => undefined);
}
