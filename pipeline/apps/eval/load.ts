/**
 * Reading the two folders `renda eval` compares: the gold (output-format files and answer keys)
 * and the predictions (output-format files), each file that cannot be read or does not validate
 * a problem to report, never a crash.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SourceResult } from '../../../schemas/index.js';
import { AnswerKey, looksLikeKey } from './answer-key.js';
import { goldFromKey, goldFromOutput, type GoldDocument } from './gold.js';

export interface LoadedGold {
  file: string;
  source: string;
  /** The stem that names the fixture: the source path's for output gold, the key's own for a key. */
  stem: string;
  documents: GoldDocument[];
}
export interface Loaded {
  file: string;
  result: SourceResult;
}

const stemOf = (p: string) => basename(p, extname(p));

/**
 * Every gold file in a folder: output-format files and answer keys. JSON that is neither (a notes
 * file, a list of known differences) is passed over; a file that claims to be one but is broken is
 * a problem to report.
 */
export async function loadGold(dir: string, problems: string[]): Promise<LoadedGold[]> {
  const out: LoadedGold[] = [];
  for (const { path, raw } of await readJsonDir(dir, problems)) {
    if ('schemaVersion' in raw) {
      const parsed = SourceResult.safeParse(raw);
      if (parsed.success) out.push({ file: path, source: parsed.data.source.path, stem: stemOf(parsed.data.source.path), documents: goldFromOutput(parsed.data) });
      else problems.push(describe(path, 'not in the output format', parsed.error));
    } else if (looksLikeKey(raw)) {
      const parsed = AnswerKey.safeParse(raw);
      if (parsed.success) out.push({ file: path, source: basename(path), stem: stemOf(path), documents: goldFromKey(parsed.data) });
      else problems.push(describe(path, 'not an answer key', parsed.error));
    }
  }
  return out;
}

export async function loadPredictions(dir: string, problems: string[]): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>();
  for (const { path, raw } of await readJsonDir(dir, problems)) {
    if (!('schemaVersion' in raw)) continue;
    const parsed = SourceResult.safeParse(raw);
    if (parsed.success) out.set(basename(path), { file: path, result: parsed.data });
    else problems.push(describe(path, 'not in the output format', parsed.error));
  }
  return out;
}

async function readJsonDir(dir: string, problems: string[]): Promise<Array<{ path: string; raw: object }>> {
  const out: Array<{ path: string; raw: object }> = [];
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, f);
    try {
      const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) out.push({ path, raw });
    } catch (err) {
      problems.push(`${path}: not valid JSON (${(err as Error).message})`);
    }
  }
  return out;
}

function describe(path: string, what: string, error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return `${path}: ${what} (${issue?.path.map(String).join('.')}: ${issue?.message})`;
}

/** Twins (a PDF or OCR of a text fixture) and keys share the file stem of the source path. */
export function findByStem(pred: Map<string, Loaded>, stem: string): Loaded | undefined {
  return [...pred.values()].find((p) => stemOf(p.result.source.path) === stem);
}
