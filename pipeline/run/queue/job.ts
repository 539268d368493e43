import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
}

/**
 * The largest file that travels through the queue. Redis holds a string of up to 512 MB; a file's
 * bytes wait in Redis memory until its result is stored, so the default is well below that.
 */
export const DEFAULT_MAX_QUEUE_FILE = 64 * 1024 * 1024;
export const MAX_QUEUE_FILE_CEILING = 512 * 1024 * 1024 - 1;

export const bytesKey = (sha256: string): string => `renda:bytes:${sha256}`;

/**
 * Jobs are keyed by content and by what changes a result (renda's version, OCR mode, limits): the same
 * file submitted again, by this run or a later one, is the same job and is not done twice.
 * BullMQ ids may not contain ':'.
 */
export function jobIdFor(sha256: string, job: Pick<FileJob, 'ocrMode' | 'limits'>, version: string): string {
  const settings = createHash('sha256').update(JSON.stringify([version, job.ocrMode, Object.entries(job.limits).sort()])).digest('hex').slice(0, 8);
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

/** renda's version (package.json, found upward from here: the same from dist/ and from source). */
export function rendaVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'renda') return pkg.version ?? '0';
  }
  return '0';
}
