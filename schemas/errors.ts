/**
 * Errors are named for what the runner does with them. A FileError fails one source: the batch
 * records it with its stable `code` and goes on. A UsageError stops the command before any work
 * (exit 2). A StopError stops a batch that cannot go on (its queue is gone): exit 3, what was
 * stored stays, and the same command again resumes. Anything else is a bug and is reported as
 * `internal_error` for that file.
 */
export type FileErrorCode =
  | 'empty_file'
  | 'binary_file'
  | 'unsupported_type'
  | 'corrupt_pdf'
  | 'corrupt_image'
  | 'corrupt_docx'
  | 'corrupt_doc'
  | 'encrypted_pdf'
  | 'file_too_large'
  | 'too_many_pages'
  | 'part_too_large'
  | 'text_too_long'
  | 'image_too_large'
  | 'too_complex'
  | 'no_text'
  | 'ocr_failed'
  | 'ocr_unavailable'
  | 'ocr_closed'
  | 'decode_failed'
  | 'read_failed'
  | 'invalid_output'
  | 'store_failed'
  | 'too_large_for_queue'
  | 'queue_failed'
  | 'internal_error';

export class FileError extends Error {
  readonly code: FileErrorCode;
  constructor(code: FileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileError';
    this.code = code;
  }
}

export class UsageError extends Error {
  readonly code = 'usage';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class StopError extends Error {
  readonly code: 'queue_unreachable';
  constructor(code: StopError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StopError';
    this.code = code;
  }
}

/**
 * The JavaScript engine's own limits (call stack, string or array length, allocation) are reached
 * only by input built to reach them; every known shape of that input is handled before it gets
 * here. This is the net under those: the file fails alone with a code and a plain message, never the
 * engine's words. Anything else that escapes is a bug in renda.
 */
export function engineLimitError(err: unknown): FileError | null {
  const message = err instanceof Error ? err.message : '';
  if (
    err instanceof RangeError ||
    /Maximum call stack|Invalid string length|Cannot create a string longer|Array buffer allocation failed|Invalid array length|surface failed|out of memory/i.test(message)
  ) {
    return new FileError('too_complex', 'the file is built in a way that goes past what renda can hold (nesting, length or size); it was not read', { cause: err });
  }
  return null;
}
