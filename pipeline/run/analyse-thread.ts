import { parentPort } from 'node:worker_threads';
import type { OcrPageResult, RasterImage } from '../../extractors/ocr/types.js';
import { FileError, type FileErrorCode } from '../../schemas/errors.js';
import { analyseSource } from '../analyse/analyse-source.js';
import { extractSource } from '../extract/extract.js';
import { normaliseSource } from '../normalise/normalise.js';
import { toFailure } from './batch.js';
import type { FileTask, Reply, ThreadMessage } from './analyse-pool.js';

/**
 * A thread of the analyse pool (analyse-pool.ts): extract → normalise → analyse for the files it
 * is given, the very stage functions the queued worker calls. Only plain data crosses: the file's
 * bytes in, its SourceResult out; the normalised text's offset maps never leave the thread. OCR
 * stays with the batch's one engine pool on the main thread: a page to recognise is sent there and
 * its reading comes back. Errors cross as failure records, since an Error's own fields (its
 * `code`) do not survive the copy; each side turns them back into a FileError with that code.
 */
const port = parentPort!;
const ocrWaiting = new Map<number, { resolve: (r: OcrPageResult) => void; reject: (err: unknown) => void }>();
let ocrRequests = 0;

const send = (reply: Reply) => port.postMessage(reply);

function recognize(task: number, image: RasterImage): Promise<OcrPageResult> {
  const id = ++ocrRequests;
  return new Promise((resolve, reject) => {
    ocrWaiting.set(id, { resolve, reject });
    send({ type: 'ocr', id, task, image });
  });
}

async function run({ id, file, ocrMode, limits }: FileTask): Promise<void> {
  const failed = (err: unknown): Reply => {
    const { code, message } = toFailure(file.path, err);
    return { type: 'failed', id, failure: { code, message } };
  };
  let reply: Reply;
  try {
    const ocr = { mode: ocrMode, recognize: (image: RasterImage) => recognize(id, image) };
    reply = { type: 'done', id, result: analyseSource(normaliseSource(await extractSource(file, ocr, limits))) };
  } catch (err) {
    reply = failed(err);
  }
  try {
    send(reply);
  } catch (err) {
    // A result that cannot be copied (a bug) fails its file rather than the thread.
    send(failed(err));
  }
}

port.on('message', (message: ThreadMessage) => {
  if (message.type === 'file') {
    void run(message);
    return;
  }
  const waiting = ocrWaiting.get(message.id);
  ocrWaiting.delete(message.id);
  if (message.type === 'ocr-done') waiting?.resolve(message.result);
  else waiting?.reject(new FileError(message.failure.code as FileErrorCode, message.failure.message));
});
