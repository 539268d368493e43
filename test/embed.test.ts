import net from 'node:net';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEmbedder, ModelError, type Embedder } from '../pipeline/store/similar/embed.js';
import { TINY_HIDDEN_SIZE, writeTinyModel } from './helpers/tiny-model.js';

const TEXTS = ['食品安全法执法检查', '听取审议预算报告', '食品安全法执法检查'];

let root: string;
/** Every outgoing connection or http(s) fetch made while these tests run. */
const attempts: string[] = [];
const realFetch = globalThis.fetch;
const realConnect = net.Socket.prototype.connect;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'renda-embed-'));
  // Offline means offline: record (and refuse) any fetch to http(s) and any TCP/IPC connect, so
  // the test fails even where the machine has a network to fall back on.
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (/^https?:/i.test(url)) {
      attempts.push(`fetch ${url}`);
      throw new Error(`network access in a test: ${url}`);
    }
    return realFetch(input, init);
  };
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('network access in a test');
  } as typeof net.Socket.prototype.connect;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  net.Socket.prototype.connect = realConnect;
  await rm(root, { recursive: true, force: true });
});

async function tinyModel(name: string): Promise<string> {
  const dir = join(root, name);
  await writeTinyModel(dir);
  return dir;
}

async function embedWith(dir: string, texts: string[], options?: { batchSize?: number }) {
  const embedder: Embedder = await loadEmbedder(dir, options);
  try {
    return { id: embedder.id, vectors: await embedder.embed(texts) };
  } finally {
    await embedder.close();
  }
}

const bits = (v: Float32Array): number[] => Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length));
const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i], 0);

async function modelError(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('loadEmbedder on a local model folder', () => {
  it('loads the tiny model, embeds, and gives normalised vectors that tell texts apart', async () => {
    const dir = await tinyModel('tiny-bert');
    const { id, vectors } = await embedWith(dir, TEXTS);

    expect(id).toBe('local:tiny-bert:cls');
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(TINY_HIDDEN_SIZE);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 6);
    }
    expect(bits(vectors[2])).toEqual(bits(vectors[0]));
    expect(bits(vectors[1])).not.toEqual(bits(vectors[0]));
    expect(dot(vectors[0], vectors[1])).toBeLessThan(0.999);
  });

  it('is deterministic: a new instance gives the same bits, another batching the same values', async () => {
    const dir = await tinyModel('tiny-bert-again');
    const first = await embedWith(dir, TEXTS);
    const second = await embedWith(dir, TEXTS);
    expect(second.vectors.map(bits)).toEqual(first.vectors.map(bits));
    // Padding is masked out, but ONNX Runtime sums a longer padded row in a different order: the
    // last bit may move, nothing more.
    const oneByOne = await embedWith(dir, TEXTS, { batchSize: 1 });
    oneByOne.vectors.forEach((v, i) => v.forEach((x, d) => expect(x).toBeCloseTo(first.vectors[i][d], 6)));
  });

  it('follows the folder: mean pooling without 1_Pooling, the quantized file when it is all there is', async () => {
    const dir = await tinyModel('tiny-quantized');
    await rm(join(dir, '1_Pooling'), { recursive: true });
    await rename(join(dir, 'onnx', 'model.onnx'), join(dir, 'onnx', 'model_quantized.onnx'));
    const { id, vectors } = await embedWith(dir, TEXTS);
    expect(id).toBe('local:tiny-quantized:mean:q8');
    expect(vectors[0]).toHaveLength(TINY_HIDDEN_SIZE);

    await writeFile(join(dir, 'renda.json'), '{ "pooling": "cls" }\n');
    expect((await embedWith(dir, TEXTS)).id).toBe('local:tiny-quantized:cls:q8');
  });
});

describe('loadEmbedder errors', () => {
  it('names a folder that does not exist', async () => {
    const dir = join(root, 'no-such-model');
    const error = await modelError(loadEmbedder(dir));
    expect(error.code).toBe('model_missing');
    expect(error.message).toContain(dir);
  });

  it('lists every missing file of an incomplete folder', async () => {
    const dir = await tinyModel('incomplete');
    await rm(join(dir, 'tokenizer.json'));
    await rm(join(dir, 'onnx', 'model.onnx'));
    const error = await modelError(loadEmbedder(dir));
    expect(error.code).toBe('model_incomplete');
    expect(error.missing).toEqual(['tokenizer.json', 'onnx/model.onnx']);
    expect(error.message).toContain('tokenizer.json');
    expect(error.message).toContain('onnx/model.onnx');
    expect(error.message).toContain('bge-small-zh-v1.5');
  });

  it('reports a Git LFS pointer as a missing file, not a corrupt model', async () => {
    const dir = await tinyModel('lfs-pointer');
    await writeFile(
      join(dir, 'onnx', 'model.onnx'),
      'version https://git-lfs.github.com/spec/v1\noid sha256:0000000000000000000000000000000000000000000000000000000000000000\nsize 95000000\n',
    );
    const error = await modelError(loadEmbedder(dir));
    expect(error.code).toBe('model_incomplete');
    expect(error.message).toContain('git lfs pull');
  });

  it('reports a corrupt model.onnx with its path', async () => {
    const dir = await tinyModel('corrupt');
    // Fixed "random" bytes: xorshift, so the failure is the same on every run.
    const junk = new Uint8Array(4096);
    let x = 0x9e3779b9;
    for (let i = 0; i < junk.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      junk[i] = x & 0xff;
    }
    const onnxPath = join(dir, 'onnx', 'model.onnx');
    await writeFile(onnxPath, junk);
    const error = await modelError(loadEmbedder(dir));
    expect(error.code).toBe('model_load_failed');
    expect(error.message).toContain(onnxPath);
    expect(error.cause).toBeDefined();
  });
});

// Last in the file, so it covers every load above, the failed ones included.
it('never touched the network', () => {
  expect(attempts).toEqual([]);
});
