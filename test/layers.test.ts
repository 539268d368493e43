import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layout is a promise: each stage's folder imports only from the stages below it, and no files
 * import each other in a circle. This reads every relative import of the product's code and holds
 * it to that, so a newcomer's shortcut upward fails here rather than slowly blurring the tree.
 */
const root = fileURLToPath(new URL('../', import.meta.url));

/** Each layer and the layers it may import from (itself always). */
const MAY_IMPORT: Record<string, string[]> = {
  schemas: [],
  'pipeline/text': ['schemas'],
  extractors: ['schemas', 'pipeline/text'],
  'pipeline/extract': ['schemas', 'pipeline/text', 'extractors'],
  'pipeline/normalise': ['schemas', 'pipeline/text'],
  'pipeline/analyse': ['schemas', 'pipeline/text', 'pipeline/normalise'],
  'pipeline/store': ['schemas', 'pipeline/text'],
  'pipeline/run': ['schemas', 'pipeline/text', 'extractors', 'pipeline/extract', 'pipeline/normalise', 'pipeline/analyse', 'pipeline/store'],
  'pipeline/apps': ['schemas', 'pipeline/text', 'extractors', 'pipeline/extract', 'pipeline/normalise', 'pipeline/analyse', 'pipeline/store', 'pipeline/run'],
};

const layerOf = (file: string): string | undefined =>
  Object.keys(MAY_IMPORT)
    .filter((l) => file === l || file.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0];

function sources(): string[] {
  return ['schemas', 'extractors', 'pipeline'].flatMap((top) =>
    readdirSync(join(root, top), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => relative(root, join(e.parentPath, e.name))),
  );
}

/** file → the product files it imports (relative specifiers, static and dynamic, type-only too). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources()) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) =>
      relative(root, resolve(root, dirname(file), m[1])).replace(/\.js$/, '.ts'),
    );
    graph.set(file, targets.filter((t) => t.startsWith('schemas/') || t.startsWith('extractors/') || t.startsWith('pipeline/')));
  }
  return graph;
}

describe('the layout', () => {
  const graph = importGraph();

  it('puts every product file in a layer', () => {
    expect([...graph.keys()].filter((f) => !layerOf(f))).toEqual([]);
  });

  it('imports only downward: each layer from the layers below it', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file)!;
      for (const t of targets) {
        const to = layerOf(t);
        if (to && to !== from && !MAY_IMPORT[from].includes(to)) upward.push(`${file} -> ${t}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no circle of files importing each other', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('sees the imports it checks (a parse that found none would pass anything)', () => {
    expect(graph.get('pipeline/run/local.ts')).toContain('pipeline/analyse/analyse-source.ts');
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
  });
});
