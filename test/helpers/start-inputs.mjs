// What `npm start` ingests (package.json's start script), as paths under `root`: the README's
// numbers and the large benchmark databases are made of these rows. One list for tests and benches.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function startInputs(root) {
  const files = (dir, ext) => readdirSync(join(root, dir)).filter((f) => ext.test(f)).map((f) => join(root, dir, f));
  return [
    join(root, 'fixtures/text'),
    join(root, 'fixtures/pdf'),
    join(root, 'fixtures/html'),
    ...files('fixtures/heldout', /\.txt$/),
    ...files('fixtures/heldout2', /\.(txt|html)$/),
    ...files('fixtures/compare', /\.txt$/),
  ];
}
