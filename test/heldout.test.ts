import { describe, expect, it } from 'vitest';
import { scoreKeyed, table } from './score-keys.js';

/**
 * fixtures/heldout/ and fixtures/heldout2/: documents in the style of other provinces, levels and habits, with answer
 * keys written by hand before renda was run on them. Each set's first-run scores are in the README
 * (the honest estimate); the bar here keeps what the general rules have reached from slipping back.
 */
describe.each(['heldout', 'heldout2'])('held-out documents in fixtures/%s', (folder) => {
  it('segments, classifies and dates them as their answer keys say', async () => {
    const scores = await scoreKeyed(folder);
    console.log(table(scores));
    for (const r of scores.rows) if (r.misses.length) console.log(`${r.file}:\n  ${r.misses.join('\n  ')}`);
    const { total } = scores;
    expect(scores.rows).toHaveLength(5);
    expect(total.recall).toBeGreaterThanOrEqual(0.97);
    expect(total.precision).toBeGreaterThanOrEqual(0.97);
    expect(total.kindAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(total.monthsExact).toBeGreaterThanOrEqual(0.95);
    expect(total.committeeAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(total.organAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(total.documentMetadataAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
