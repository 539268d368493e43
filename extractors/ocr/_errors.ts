/**
 * What the OCR layer can fail with, named for what the caller does about it:
 * - `ocr_unavailable`: an engine could not start (model or data file missing, runtime failed to
 *   load). Every page would fail the same way, so the run should stop rather than go on file by file.
 * - `ocr_failed`: one page could not be recognised (undecodable image, engine error). Fails that
 *   page's file; the batch goes on.
 * - `ocr_closed`: the engine or pool was closed (shutdown, signal) before the page was done.
 */
export type OcrErrorCode = 'ocr_unavailable' | 'ocr_failed' | 'ocr_closed';

export class OcrError extends Error {
  readonly code: OcrErrorCode;
  constructor(code: OcrErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrError';
    this.code = code;
  }
}

/** tesseract.js rejects with bare strings; keep them readable and chained. */
export function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : JSON.stringify(cause);
}
