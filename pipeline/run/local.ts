import { join } from 'node:path';
import PQueue from 'p-queue';
import { defaultOcrWorkers } from '../../extractors/ocr/index.js';
import { analyseSource } from '../analyse/analyse-source.js';
import { discover } from './discover.js';
import { extractSource } from '../extract/extract.js';
import { createOcrService, DEFAULT_OCR_ENGINE } from '../extract/ocr-service.js';
import { readSource } from '../extract/read-source.js';
import { normaliseSource } from '../normalise/normalise.js';
import { commitResult, publishJson } from '../store/publish.js';
import { prepareOutDir } from '../store/write-json.js';
import { Store } from '../store/store.js';
import { STAGES, Tally, type IngestOptions, type IngestSummary, type StageName } from './batch.js';

/**
 * The local runner: read → extract → normalise → analyse → store in this process. Each stage is
 * a p-queue with its own concurrency, so slow extraction (PDF, OCR) overlaps with analysis and the
 * single SQLite writer. A file that fails anywhere is recorded with its code and the batch goes on.
 */

/** Files admitted beyond the extract workers, so that the later stages always have work queued. */
const IN_FLIGHT_SLACK = 4;

export async function runLocal(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { files, skipped } = await discover(options.inputs);
  await prepareOutDir(options.out);
  const store = await Store.open(join(options.out, 'renda.sqlite'));
  const queues = Object.fromEntries(STAGES.map((s) => [s, new PQueue({ concurrency: options.concurrency[s] })])) as Record<StageName, PQueue>;
  const tally = new Tally(files.length, skipped, started);
  const engine = options.ocr?.engine ?? DEFAULT_OCR_ENGINE;
  const ocr = createOcrService(options.ocr ?? { mode: 'auto', engine, workers: defaultOcrWorkers(engine) });
  // Ctrl-C must not leave tesseract workers or ONNX sessions behind.
  const onSignal = (signal: NodeJS.Signals) => {
    void ocr.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  const handleSignals = options.handleSignals !== false;
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  let done = 0;

  const processFile = async (path: string) => {
    if (options.signal?.aborted) {
      tally.summary.stopped.push(path);
      return;
    }
    try {
      const extracted = await queues.extract.add(async () => extractSource(await readSource(path, options.limits), ocr.context, options.limits));
      const normalised = await queues.normalise.add(() => normaliseSource(extracted));
      const result = await queues.analyse.add(() => analyseSource(normalised));
      // Rows by the one writer, one file at a time; the JSON after, while the writer goes on.
      await publishJson(options.out, await queues.store.add(() => commitResult(store, result)));
      tally.stored(result.documents);
    } catch (err) {
      tally.failed(path, err);
    } finally {
      options.onFile?.(++done, files.length, path);
    }
  };

  // Admit only a few files at a time: the store stage is the slowest, and without back-pressure
  // every extracted document of a large batch would wait in memory for it.
  const admission = new PQueue({ concurrency: options.concurrency.extract + IN_FLIGHT_SLACK });
  try {
    await Promise.all(files.map((f) => admission.add(() => processFile(f))));
    await tally.rebuildSimilar(store, options);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    tally.summary.ocrPages = ocr.pages();
    await ocr.close();
    await store.close();
  }
  return tally.finish(options.out);
}
