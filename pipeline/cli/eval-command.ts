import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { evaluateDirs, type Scores } from '../evaluate.js';
import type { Command } from './command.js';
import { parse } from './command.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score output JSON against hand-checked gold JSON',
  help: `Usage: renda eval <gold-dir> <json-dir> [--matched-only] [--json]

Compares every gold file (<sourceId>.json, the output format) with the file of the same name in
<json-dir>, or, failing that, with the output whose source has the same file stem (a PDF or OCR
twin of a text fixture). Reports item segmentation precision, recall and F1 (items matched by
text similarity), and on matched items: kind accuracy, months exact match, committee accuracy;
plus document metadata accuracy (docType, year, jurisdiction code and level). Exits 1 when a file
that claims the output format (has schemaVersion) cannot be read or does not validate.

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
    const row = (name: string, s: Scores) =>
      [name.padEnd(34), String(s.goldItems).padStart(4), String(s.predictedItems).padStart(4), s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3),
        s.kindAccuracy.toFixed(3), s.monthsExact.toFixed(3), s.committeeAccuracy.toFixed(3), s.documentMetadataAccuracy.toFixed(3)].join('  ');
    process.stdout.write(['file'.padEnd(34), 'gold', 'pred', 'P    ', 'R    ', 'F1   ', 'kind ', 'month', 'cmte ', 'meta '].join('  ') + '\n');
    for (const f of perFile) process.stdout.write(row(f.source.split('/').pop() ?? f.source, f) + '\n');
    process.stdout.write(row('TOTAL', total) + '\n');
    return code;
  },
};
