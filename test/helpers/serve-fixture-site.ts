/**
 * The crawler's fixture site, served until Ctrl-C, for trying `renda crawl` by hand:
 *   npx tsx test/helpers/serve-fixture-site.ts      (prints the origin and a sources file to use)
 */
import { writeFileSync } from 'node:fs';
import { fixtureSources, startFixtureSite } from './fixture-site.js';

const site = await startFixtureSite(Number(process.env.PORT ?? 0));
const sources = fixtureSources(site, { delayMs: 200, readTimeoutMs: 2000, retries: 2, retryBaseMs: 500 });
const file = process.argv[2] ?? 'fixture-site.sources.json';
writeFileSync(file, JSON.stringify(sources, null, 2) + '\n');
process.stdout.write(`fixture site at ${site.origin}/gzjh/index.html; sources file written to ${file}\n`);
process.on('SIGINT', () => void site.close().then(() => process.exit(0)));
