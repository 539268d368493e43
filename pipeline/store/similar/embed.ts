import { join } from 'node:path';
import { ModelError } from './_embed-error.js';
import { inspectModelFolder, type ModelFolder } from './_embed-folder.js';
import { poolAndNormalise } from './_embed-pool.js';

export { ModelError, type ModelErrorCode } from './_embed-error.js';
export type { Pooling } from './_embed-folder.js';

/**
 * Sentence embeddings from a model folder the user downloaded (`--model <dir>` or RENDA_MODEL_DIR),
 * run by @huggingface/transformers on ONNX Runtime, never fetching anything: see
 * `_embed-folder.ts` for the files a folder needs and how pooling is chosen.
 */
export interface Embedder {
  /**
   * Which method computed the vectors, for recording next to the similarities:
   * `local:<folder name>:<pooling>`, with `:q8` appended when the quantized ONNX file was used.
   */
  readonly id: string;
  /**
   * One L2-normalised vector per text, in order. The same list of texts gives the same bits;
   * a text batched with others of another length may differ in the last bit, because ONNX Runtime
   * sums a longer padded row in another order.
   */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Releases the ONNX Runtime session; `embed` fails afterwards. */
  close(): Promise<void>;
}

export interface EmbedderOptions {
  /**
   * Texts per model run. Larger batches amortise the call but pad every text to the batch's
   * longest, so texts are batched in order of length.
   * @default 16
   */
  batchSize?: number;
}

type Transformers = typeof import('@huggingface/transformers');
type Tokenizer = Awaited<ReturnType<Transformers['AutoTokenizer']['from_pretrained']>>;
type Model = Awaited<ReturnType<Transformers['AutoModel']['from_pretrained']>>;

let offline: Promise<Transformers> | undefined;

/**
 * transformers.js, imported on first use (it pulls in ONNX Runtime: 0.7–1.5 s) and set up so that it
 * cannot reach the network. Its settings are process-wide; renda has no other use for the library.
 */
function transformersOffline(): Promise<Transformers> {
  offline ??= import('@huggingface/transformers').then((t) => {
    // A file missing locally is an error, not a reason to try huggingface.co.
    t.env.allowRemoteModels = false;
    t.env.allowLocalModels = true;
    // The cache would be looked up before the folder (keyed by the absolute path, inside
    // node_modules) and only ever stores downloads: with local files it can only serve stale copies.
    t.env.useFSCache = false;
    t.env.useBrowserCache = false;
    // Belt and braces: should a code path ignore allowRemoteModels, it fails loudly here.
    t.env.fetch = async (url: string | URL) => {
      throw new Error(`renda loads models offline and refused to fetch ${String(url)}`);
    };
    return t;
  });
  offline.catch(() => {
    offline = undefined;
  });
  return offline;
}

const reason = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

export async function loadEmbedder(dir: string, options: EmbedderOptions = {}): Promise<Embedder> {
  const { batchSize = 16 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new TypeError(`Expected \`batchSize\` to be an integer from 1 and up, got ${String(batchSize)}`);
  }
  const folder = await inspectModelFolder(dir);
  const onnxPath = join(folder.dir, folder.onnxFile);

  let t: Transformers;
  try {
    t = await transformersOffline();
  } catch (cause) {
    throw new ModelError('model_load_failed', `could not start @huggingface/transformers: ${reason(cause)}`, { cause });
  }
  let tokenizer: Tokenizer;
  let model: Model;
  try {
    // An absolute path is read as a folder; a relative `a/b` would be taken for a hub id and
    // looked up under env.localModelPath instead.
    tokenizer = await t.AutoTokenizer.from_pretrained(folder.dir);
    // device and dtype are given so a `transformers.js_config` in config.json cannot send us to a
    // GPU backend or to an ONNX file that inspectModelFolder did not check.
    model = await t.AutoModel.from_pretrained(folder.dir, {
      subfolder: folder.subfolder,
      dtype: folder.dtype,
      device: 'cpu',
    });
  } catch (cause) {
    throw new ModelError('model_load_failed', `could not load the model in ${folder.dir} (${onnxPath}): ${reason(cause)}`, {
      cause,
    });
  }
  return new LocalEmbedder(folder, tokenizer, model, batchSize);
}

class LocalEmbedder implements Embedder {
  readonly id: string;
  private closed = false;
  /** Longer texts are cut here: past the position embeddings a BERT has no answer. */
  private readonly maxLength: number | undefined;

  constructor(
    private readonly folder: ModelFolder,
    private readonly tokenizer: Tokenizer,
    private readonly model: Model,
    private readonly batchSize: number,
  ) {
    this.id = `local:${folder.name}:${folder.pooling}${folder.dtype === 'q8' ? ':q8' : ''}`;
    const positions = (model.config as { max_position_embeddings?: unknown }).max_position_embeddings;
    const limit = Math.min(tokenizer.model_max_length, typeof positions === 'number' ? positions : Infinity);
    this.maxLength = Number.isFinite(limit) ? limit : undefined;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (this.closed) throw new ModelError('model_run_failed', `the embedder for ${this.folder.dir} is closed`);
    // Similar lengths batched together waste little on padding; the sort is stable, so the batches
    // (and with them every bit of the output) depend only on the input.
    const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
    const out = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length; start += this.batchSize) {
      const slice = order.slice(start, start + this.batchSize);
      const vectors = await this.run(slice.map((i) => texts[i]));
      slice.forEach((i, k) => (out[i] = vectors[k]));
    }
    return out;
  }

  private async run(batch: string[]): Promise<Float32Array[]> {
    try {
      const inputs = this.tokenizer(batch, {
        padding: true,
        truncation: true,
        ...(this.maxLength === undefined ? {} : { max_length: this.maxLength }),
      });
      const outputs = await this.model(inputs);
      const hidden = outputs.last_hidden_state;
      if (!hidden) throw new Error(`the model has no last_hidden_state output (it has ${Object.keys(outputs).join(', ')})`);
      if (!(hidden.data instanceof Float32Array)) throw new Error(`last_hidden_state is ${hidden.type}, not float32`);
      return poolAndNormalise(hidden.data, hidden.dims, inputs.attention_mask.data, this.folder.pooling);
    } catch (cause) {
      throw new ModelError('model_run_failed', `the model in ${this.folder.dir} failed to embed: ${reason(cause)}`, {
        cause,
      });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.model.dispose();
  }
}
