import { stat } from 'node:fs/promises';
import { UsageError } from '../../../schemas/errors.js';
import { evaluateDirs } from '../eval/evaluate.js';
import type { Scores } from '../eval/score.js';
import type { Command } from './command.js';
import { parse } from './command.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score output JSON against hand-checked gold JSON',
  help: `Usage: renda eval <gold-dir> <json-dir> [--matched-only] [--json]

Compares every gold file in <gold-dir> — output-format files (<sourceId>.json) or answer keys
(<stem>.json naming items by their first characters; fixtures/real/ANNOTATING.md) — with the file
of the same name in <json-dir>, or, failing that, with the output whose source has the same file
stem (a PDF or OCR twin of a text fixture, the page a key was written for). Reports item
segmentation precision, recall and F1 (items matched by text similarity, or by a key's start),
and on matched items: kind accuracy, months exact match, committee accuracy; plus document
metadata accuracy (docType, year, jurisdiction code and level together, then docType, year and
code each). Exits 1 when a gold file or an output file cannot be read or does not validate.

Options:
  --matched-only   score only gold files that have a prediction (e.g. a folder of PDF twins)
  --json           print the scores as JSON`,
  async run(argv) {
    const { values, positionals } = parse('eval', argv, {
      json: { type: 'boolean', default: false },
      'matched-only': { type: 'boolean', default: false },
    });
    if (positionals.length !== 2) throw new UsageError('eval: expected <gold-dir> <json-dir>');
    for (const dir of positionals) {
      const st = await stat(dir).catch(() => null);
      if (!st?.isDirectory()) throw new UsageError(`eval: not a folder: ${dir}`);
    }
    const { total, perFile, problems } = await evaluateDirs(positionals[0], positionals[1], { matchedOnly: values['matched-only'] });
    for (const p of problems) process.stderr.write(`error eval_input ${p}\n`);
    const code = problems.length ? 1 : 0;
    if (values.json) {
      process.stdout.write(JSON.stringify({ total, perFile, problems }, null, 2) + '\n');
      return code;
    }
    const f3 = (x: number) => x.toFixed(3);
    const columns: Array<[string, (s: Scores) => string]> = [
      ['gold', (s) => String(s.goldItems).padStart(4)],
      ['pred', (s) => String(s.predictedItems).padStart(4)],
      ['P    ', (s) => f3(s.precision)],
      ['R    ', (s) => f3(s.recall)],
      ['F1   ', (s) => f3(s.f1)],
      ['kind ', (s) => f3(s.kindAccuracy)],
      ['month', (s) => f3(s.monthsExact)],
      ['cmte ', (s) => f3(s.committeeAccuracy)],
      ['meta ', (s) => f3(s.documentMetadataAccuracy)],
      ['type ', (s) => f3(s.docTypeAccuracy)],
      ['year ', (s) => f3(s.yearAccuracy)],
      ['code ', (s) => f3(s.jurisdictionCodeAccuracy)],
    ];
    const row = (name: string, s: Scores) => [name.padEnd(34), ...columns.map(([, cell]) => cell(s))].join('  ');
    process.stdout.write(['file'.padEnd(34), ...columns.map(([h]) => h)].join('  ') + '\n');
    for (const f of perFile) process.stdout.write(row(f.source.split('/').pop() ?? f.source, f) + '\n');
    process.stdout.write(row('TOTAL', total) + '\n');
    return code;
  },
};
