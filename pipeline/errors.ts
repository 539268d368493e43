/**
 * Errors are named for what the runner does with them. A FileError fails one source: the batch
 * records it with its stable `code` and goes on. A UsageError stops the command before any work
 * (exit 2). Anything else is a bug and is reported as `internal_error` for that file.
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
  | 'no_text'
  | 'ocr_failed'
  | 'ocr_unavailable'
  | 'ocr_closed'
  | 'decode_failed'
  | 'read_failed'
  | 'invalid_output'
  | 'store_failed'
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
