import { describe, expect, it } from 'vitest';
import { scoreHeldout, table } from './heldout-score.js';

/**
 * fixtures/heldout/ and fixtures/heldout2/: documents in the style of other provinces, levels and habits, with answer
 * keys written by hand before renda was run on them. Each set's first-run scores are in the README
 * (the honest estimate); the bar here keeps what the general rules have reached from slipping back.
 */
describe.each(['heldout', 'heldout2'])('held-out documents in fixtures/%s', (folder) => {
  it('segments, classifies and dates them as their answer keys say', async () => {
    const rows = await scoreHeldout(folder);
    console.log(table(rows));
    for (const r of rows) if (r.misses.length) console.log(`${r.file}:\n  ${r.misses.join('\n  ')}`);
    const sum = (f: 'keyItems' | 'predicted' | 'matched' | 'kind' | 'months' | 'committee' | 'organ' | 'meta' | 'metaTotal') => rows.reduce((n, r) => n + r[f], 0);
    expect(rows).toHaveLength(5);
    expect(sum('matched') / sum('keyItems')).toBeGreaterThanOrEqual(0.97);
    expect(sum('matched') / sum('predicted')).toBeGreaterThanOrEqual(0.97);
    expect(sum('kind') / sum('matched')).toBeGreaterThanOrEqual(0.95);
    expect(sum('months') / sum('matched')).toBeGreaterThanOrEqual(0.95);
    expect(sum('committee') / sum('matched')).toBeGreaterThanOrEqual(0.95);
    expect(sum('organ') / sum('matched')).toBeGreaterThanOrEqual(0.95);
    expect(sum('meta') / sum('metaTotal')).toBeGreaterThanOrEqual(0.95);
  });
});
