import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Limits } from '../../../extractors/limits.js';
import type { OcrMode } from '../../../extractors/types.js';
import { FileError, type FileErrorCode } from '../../../schemas/errors.js';

/**
 * One source file as a BullMQ job. The job holds what the worker needs to give the same result as
 * the local run (the submitter's OCR mode and limits) and where the bytes are; the bytes
 * themselves sit in their own Redis key (`bytesKey`), sent as a binary string, not inside the
 * job's JSON, and removed once the result is stored.
 */
export interface FileJob {
  /** The path on the submitting host: a name only, never opened by a worker. */
  path: string;
  sha256: string;
  size: number;
  ocrMode: OcrMode;
  limits: Limits;
  /** The submitter's build of renda (rendaBuild): a worker of another build refuses the job. */
  build: string;
}

/**
 * The largest file that travels through the queue. Redis holds a string of up to 512 MB; a file's
 * bytes wait in Redis memory until its result is stored, so the default is well below that.
 */
export const DEFAULT_MAX_QUEUE_FILE = 64 * 1024 * 1024;
export const MAX_QUEUE_FILE_CEILING = 512 * 1024 * 1024 - 1;

/** A job's bytes: keyed like the job, so submitters with other settings never delete each other's. */
export const bytesKey = (jobId: string): string => `renda:bytes:${jobId}`;

/** Bytes left behind by a run that stopped (Ctrl-C, kill, Redis away) expire with the job's result. */
export const KEEP_SECONDS = 24 * 3600;

/**
 * Jobs are keyed by content and by everything else that changes a result: renda's build, the OCR
 * mode, the limits and the file's extension (it breaks ties between formats and names them in
 * warnings). The same file submitted again, by this run or a later one, is the same job and is not
 * done twice. BullMQ ids may not contain ':'.
 */
export function jobIdFor(sha256: string, job: Pick<FileJob, 'ocrMode' | 'limits' | 'build' | 'path'>): string {
  const ext = extname(job.path).toLowerCase();
  const settings = createHash('sha256').update(JSON.stringify([job.build, job.ocrMode, Object.entries(job.limits).sort(), ext])).digest('hex').slice(0, 12);
  return `${sha256}-${settings}`;
}

/**
 * A file's own error crosses Redis as the failed job's reason: its code and message as JSON, so
 * the submitter records the same failure the local run would.
 */
export function encodeFailure(err: FileError): string {
  return JSON.stringify({ code: err.code, message: err.message });
}

export function decodeFailure(reason: string | undefined): FileError {
  try {
    const parsed = JSON.parse(reason ?? '') as { code?: FileErrorCode; message?: string };
    if (parsed.code && parsed.message !== undefined) return new FileError(parsed.code, parsed.message);
  } catch {
    // a reason not written by encodeFailure: the job failed for a reason of the queue's, below
  }
  return new FileError('queue_failed', `the queued job failed after its attempts: ${reason ?? 'no reason given'}`);
}

/**
 * Errors of the worker's environment, not of the file (its OCR engine could not start or was
 * closed under it): the job is tried again, possibly on another worker.
 */
export const TRANSIENT_CODES: ReadonlySet<FileErrorCode> = new Set(['ocr_unavailable', 'ocr_closed']);

/**
 * renda's build: its version and a digest of its code (the compiled files under dist/, or the
 * sources when run from them). A rule fixed without a version bump is a new build, so results of
 * the old one are not reused, and a worker on another build than its submitter is caught.
 */
export function rendaBuild(): string {
  if (build) return build;
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '../../..'); // dist/ or the source tree: pipeline/run/queue is 3 below
  const hash = createHash('sha256');
  let version = '0';
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'renda') {
      version = pkg.version ?? '0';
      break;
    }
  }
  for (const top of ['pipeline', 'extractors', 'schemas']) {
    for (const file of codeFiles(join(root, top))) hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  build = `${version}+${hash.digest('hex').slice(0, 12)}`;
  return build;
}
let build: string | undefined;

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
