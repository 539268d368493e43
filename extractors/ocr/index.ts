export type { OcrEngine, OcrEngineName, OcrLine, OcrPageResult, RasterImage } from './types.js';
export { OCR_ENGINES } from './types.js';
export { OcrError, type OcrErrorCode } from './_errors.js';
export { createTesseractEngine, TESSERACT_LANGS, TESSERACT_MODELS, TESSERACT_PSMS, type TesseractEngineOptions } from './tesseract.js';
export { createPaddleEngine, type PaddleEngineOptions } from './paddle.js';
export { createPaddleThreadEngine } from './paddle-thread.js';
export { defaultOcrWorkers, MAX_OCR_WORKERS, OcrPool, validateOcrPoolOptions, withOcrPool, type OcrPoolOptions } from './pool.js';
export { estimateSkew, otsuThreshold, preprocess, preprocessFor, PREPROCESS_DEFAULTS, type PreprocessOptions } from './preprocess.js';
