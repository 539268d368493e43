import { outputJsonSchema } from '../../../schemas/index.js';
import type { Command } from './command.js';
import { parse } from './command.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the per-source output files',
  help: `Usage: renda schema

Prints the JSON Schema (draft 2020-12) of <out>/json/<sourceId>.json, generated from the zod
schemas in schemas/ that every written file is validated against.`,
  async run(argv) {
    parse('schema', argv, {});
    process.stdout.write(JSON.stringify(outputJsonSchema(), null, 2) + '\n');
    return 0;
  },
};
