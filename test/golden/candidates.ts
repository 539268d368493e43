/**
 * Writes candidate gold files for the text fixtures to out/golden-candidates/, from the current
 * pipeline. A candidate is not gold: it becomes gold only after every item has been checked by hand
 * against the source text and corrected (see test/golden/README.md). Run: npx tsx test/golden/candidates.ts
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { SCHEMA_VERSION, SourceResult } from '../../schemas/index.js';
import { analyse } from '../../pipeline/analyse/analyse.js';
import { normalise } from '../../pipeline/normalise/normalise.js';

const outDir = 'out/golden-candidates';
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync('fixtures/text').filter((f) => f.endsWith('.txt')).sort()) {
  const path = `fixtures/text/${name}`;
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = sha256.slice(0, 16);
  const text = new TextDecoder('utf-8').decode(bytes);
  const extracted = { extractor: 'text' as const, mediaType: 'text/plain', pageCount: null, pages: [{ number: 1, text }], meta: {} };
  const documents = analyse({ sourceId: id, normalised: normalise(extracted), meta: {} });
  const result = SourceResult.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { id, path, sha256, mediaType: 'text/plain', extractor: 'text', pages: null },
    documents,
  });
  writeFileSync(`${outDir}/${id}.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(`${outDir}/${id}.json  ${path}  ${documents.length} documents, ${documents.reduce((n, d) => n + d.items.length, 0)} items`);
}
