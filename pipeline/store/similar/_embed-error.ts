/**
 * What went wrong with a local embedding model, named for what the runner does: every code stops
 * the `similar --model` run before or while embedding (there is no per-item recovery from a model
 * that does not load), and the message tells the user which path or file to fix.
 *
 * - `model_missing`: the folder does not exist (or is not a folder).
 * - `model_incomplete`: the folder lacks files transformers.js needs; `missing` lists them.
 * - `model_load_failed`: the files are there but transformers.js or ONNX Runtime rejected them.
 * - `model_run_failed`: the model loaded but failed on input (or was used after `close()`).
 */
export type ModelErrorCode = 'model_missing' | 'model_incomplete' | 'model_load_failed' | 'model_run_failed';

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  /** Paths relative to the model folder; non-empty only for `model_incomplete`. */
  readonly missing: readonly string[];
  constructor(code: ModelErrorCode, message: string, options?: { cause?: unknown; missing?: readonly string[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ModelError';
    this.code = code;
    this.missing = options?.missing ?? [];
  }
}
