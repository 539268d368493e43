import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY, ingest } from '../../pipeline/run/ingest.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = (dir: string, ext: RegExp) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((f) => ext.test(f))
        .map((f) => join(root, dir, f))
    : [];

/**
 * The bundled text fixtures (seeds, held-out sets, the plans written for plan/report comparison)
 * plus the PDF twins of the seeds, so copies are present as in a researcher's real folder.
 */
export function corpusInputs(): string[] {
  return [
    join(root, 'fixtures/text'),
    join(root, 'fixtures/pdf'),
    ...files('fixtures/heldout', /\.txt$/),
    ...files('fixtures/heldout2', /\.(txt|html)$/),
    ...files('fixtures/compare', /\.txt$/),
  ];
}

/** Ingest the corpus into a fresh folder; returns the database path. */
export async function ingestCorpus(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'renda-corpus-'));
  const summary = await ingest({ inputs: corpusInputs(), out, concurrency: DEFAULT_CONCURRENCY });
  if (summary.failures.length) throw new Error(`corpus ingest failed: ${JSON.stringify(summary.failures)}`);
  return join(out, 'renda.sqlite');
}
