import { open, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ModelError } from './_embed-error.js';

/**
 * What a local model folder holds, checked before transformers.js is even imported, so an
 * incomplete download is reported as a list of missing files instead of transformers' first
 * "file was not found locally" (it would stop at the first file, and it may try other paths).
 *
 * transformers.js 4.x reads, relative to the folder:
 *   config.json            (AutoConfig; model_type picks the architecture)
 *   tokenizer.json         (the tokenizer itself)
 *   tokenizer_config.json  (required too: without it AutoTokenizer finds no tokenizer files at all)
 *   onnx/model<suffix>.onnx, the suffix chosen by dtype: '' for fp32, '_quantized' for q8
 * The layout of Xenova/bge-small-zh-v1.5 is exactly this. An `optimum-cli export onnx` folder has
 * model.onnx at the top instead of in onnx/, which is accepted too.
 */

export type Pooling = 'cls' | 'mean';
export type Dtype = 'fp32' | 'q8';

export interface ModelFolder {
  /** Absolute path: transformers treats anything that looks like `org/name` as a hub id. */
  dir: string;
  name: string;
  /** Where transformers looks for the ONNX file: `subfolder/model<suffix>.onnx`. */
  subfolder: string;
  dtype: Dtype;
  /** The ONNX file, relative to `dir`, for messages. */
  onnxFile: string;
  pooling: Pooling;
}

const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * Full precision first: it is what the model was evaluated with; the quantized file (a quarter of
 * the size, slightly different vectors) is used only when it is all the folder has.
 */
const ONNX_CHOICES: Array<{ file: string; subfolder: string; dtype: Dtype }> = [
  { file: 'onnx/model.onnx', subfolder: 'onnx', dtype: 'fp32' },
  { file: 'onnx/model_quantized.onnx', subfolder: 'onnx', dtype: 'q8' },
  { file: 'model.onnx', subfolder: '', dtype: 'fp32' },
];

const HOW_TO_GET =
  'Download Xenova/bge-small-zh-v1.5 from Hugging Face (config.json, tokenizer.json, tokenizer_config.json ' +
  'and onnx/model.onnx or onnx/model_quantized.onnx) into that folder, or export BAAI/bge-small-zh-v1.5 ' +
  'with `optimum-cli export onnx --model BAAI/bge-small-zh-v1.5 <dir>`.';

type Presence = 'present' | 'absent' | 'lfs-pointer';

/**
 * A `git clone` without git-lfs leaves 130-byte pointer files where the weights should be; they
 * exist, so they would pass an existence check and fail later as a "corrupt model".
 */
async function presence(path: string): Promise<Presence> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile() || info.size === 0) return 'absent';
  if (info.size > 1024) return 'present';
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('latin1').startsWith('version https://git-lfs') ? 'lfs-pointer' : 'present';
  } finally {
    await handle.close();
  }
}

async function readJson(dir: string, file: string): Promise<Record<string, unknown> | undefined> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (cause) {
    throw new ModelError('model_load_failed', `${path} is not valid JSON`, { cause });
  }
  throw new ModelError('model_load_failed', `${path} should hold a JSON object`);
}

/**
 * How token vectors become one sentence vector, first answer wins:
 *  1. `renda.json` in the folder: `{ "pooling": "cls" | "mean" }`, for models that declare nothing;
 *  2. sentence-transformers' `1_Pooling/config.json` (`pooling_mode_cls_token` /
 *     `pooling_mode_mean_tokens`), which BAAI's own repositories ship;
 *  3. BGE models pool the [CLS] token (their model card says so; Xenova's ONNX copies drop
 *     1_Pooling), recognised by "bge" in the folder name or in config.json's `_name_or_path`;
 *  4. otherwise the mean over tokens, the sentence-transformers default.
 */
async function pooling(dir: string, name: string, config: Record<string, unknown>): Promise<Pooling> {
  const own = await readJson(dir, 'renda.json');
  if (own?.pooling !== undefined) {
    if (own.pooling === 'cls' || own.pooling === 'mean') return own.pooling;
    throw new ModelError(
      'model_load_failed',
      `${join(dir, 'renda.json')}: "pooling" must be "cls" or "mean", got ${JSON.stringify(own.pooling)}`,
    );
  }
  const st = await readJson(dir, join('1_Pooling', 'config.json'));
  if (st) {
    if (st.pooling_mode_cls_token === true) return 'cls';
    if (st.pooling_mode_mean_tokens === true) return 'mean';
    throw new ModelError(
      'model_load_failed',
      `${join(dir, '1_Pooling', 'config.json')} asks for a pooling other than CLS or mean; ` +
        'write {"pooling": "cls"} or {"pooling": "mean"} to renda.json in the folder to choose one',
    );
  }
  const origin = typeof config._name_or_path === 'string' ? config._name_or_path : '';
  return /bge/i.test(name) || /bge/i.test(origin) ? 'cls' : 'mean';
}

export async function inspectModelFolder(folder: string): Promise<ModelFolder> {
  const dir = resolve(folder);
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new ModelError('model_missing', `model folder ${dir} does not exist. ${HOW_TO_GET}`);
  if (!info.isDirectory()) throw new ModelError('model_missing', `model path ${dir} is not a folder. ${HOW_TO_GET}`);

  const missing: string[] = [];
  const pointers: string[] = [];
  const note = (file: string, state: Presence) => {
    if (state === 'absent') missing.push(file);
    if (state === 'lfs-pointer') pointers.push(file);
  };
  for (const file of REQUIRED) note(file, await presence(join(dir, file)));

  let onnx: (typeof ONNX_CHOICES)[number] | undefined;
  let onnxPointer: string | undefined;
  for (const choice of ONNX_CHOICES) {
    const state = await presence(join(dir, choice.file));
    if (state === 'present') {
      onnx = choice;
      break;
    }
    if (state === 'lfs-pointer') onnxPointer ??= choice.file;
  }
  if (!onnx) {
    if (onnxPointer) pointers.push(onnxPointer);
    else missing.push(ONNX_CHOICES[0].file);
  }

  if (missing.length > 0 || pointers.length > 0) {
    const describe = (file: string) => (file === ONNX_CHOICES[0].file ? `${file} (or ${ONNX_CHOICES[1].file})` : file);
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing ${missing.map(describe).join(', ')}`);
    if (pointers.length > 0) {
      parts.push(`Git LFS pointers instead of files: ${pointers.join(', ')} (run \`git lfs pull\` in the folder)`);
    }
    throw new ModelError('model_incomplete', `model folder ${dir} is incomplete: ${parts.join('; ')}. ${HOW_TO_GET}`, {
      missing: [...missing, ...pointers],
    });
  }

  const name = basename(dir);
  const config = (await readJson(dir, 'config.json')) ?? {};
  const chosen = onnx as (typeof ONNX_CHOICES)[number];
  return {
    dir,
    name,
    subfolder: chosen.subfolder,
    dtype: chosen.dtype,
    onnxFile: chosen.file,
    pooling: await pooling(dir, name, config),
  };
}
