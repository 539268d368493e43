import { once } from 'node:events';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Worker as NodeWorker } from 'node:worker_threads';
import type { Worker } from 'tesseract.js';
import { UsageError } from '../../schemas/errors.js';
import { deferred } from './_deferred.js';
import { checkImage, toPnm } from './_encode.js';
import { OcrError, describe } from './_errors.js';
import { clamp01, pageResult } from './_result.js';
import type { OcrEngine, OcrLine, RasterImage } from './types.js';

export const TESSERACT_PSMS = { auto: '3', single_column: '4', single_block: '6' } as const;
export const TESSERACT_MODELS = ['best_int', 'full'] as const;
/** The scripts whose data ships in an npm package (@tesseract.js-data/<lang>). */
export const TESSERACT_LANGS = ['chi_sim', 'chi_tra'] as const;

export interface TesseractEngineOptions {
  /**
   * Page segmentation. `auto` lets tesseract find blocks and columns; `single_column` and
   * `single_block` read the page as one column / one block of text. `auto` measured best on
   * document pages (1.9 % CER against 3.5 % for `single_block`).
   * @default 'auto'
   */
  psm?: keyof typeof TESSERACT_PSMS;
  /**
   * Which data of the language's package: `full` (the 4.0.0 tessdata file, 20 MB for chi_sim) or
   * `best_int` (LSTM only, 1.7 MB, what tesseract.js itself would download). Only the LSTM engine
   * runs either way, but `full` halves the error rate on rendered pages (1.5 % against 2.9 % CER)
   * for ~0.5 s more start-up per engine. (For chi_tra it is the other way round: `best_int` read the
   * real corpus's traditional pages at 0.4–1.6 % CER, `full` at 1.1–3.2 %.)
   * @default 'full' for chi_sim, 'best_int' for chi_tra
   */
  model?: (typeof TESSERACT_MODELS)[number];
  /**
   * `chi_sim` (simplified) or `chi_tra` (traditional characters), each from its
   * @tesseract.js-data package.
   * @default 'chi_sim'
   */
  lang?: (typeof TESSERACT_LANGS)[number];
  /** A directory holding `<lang>.traineddata.gz`, instead of the package's. */
  langPath?: string;
}

/**
 * A tesseract.js worker thread reading Chinese (simplified unless `lang` says otherwise). Everything it needs is local: the wasm
 * core is `require`d from tesseract.js-core (Node ignores corePath), and the language data is read
 * from the @tesseract.js-data/<lang> package directory because langPath is a plain path. With
 * cacheMethod 'none' nothing is written to the working directory either.
 *
 * Raw output is kept: `preserve_interword_spaces` stops tesseract putting a space between every
 * Chinese character, but any spaces it does emit are left for the pipeline's OCR cleanup.
 */
export async function createTesseractEngine(options: TesseractEngineOptions = {}): Promise<OcrEngine> {
  const psm = options.psm ?? 'auto';
  const lang = options.lang ?? 'chi_sim';
  const model = options.model ?? (lang === 'chi_tra' ? 'best_int' : 'full');
  if (!(psm in TESSERACT_PSMS)) throw new UsageError(`Expected tesseract psm to be one of ${Object.keys(TESSERACT_PSMS).join(', ')}, got ${JSON.stringify(psm)}`);
  if (!TESSERACT_MODELS.includes(model)) throw new UsageError(`Expected tesseract model to be one of ${TESSERACT_MODELS.join(', ')}, got ${JSON.stringify(model)}`);
  if (!TESSERACT_LANGS.includes(lang)) throw new UsageError(`Expected tesseract lang to be one of ${TESSERACT_LANGS.join(', ')}, got ${JSON.stringify(lang)}`);
  const langPath = options.langPath ?? packagedLangPath(lang, model);
  // tesseract.js never settles createWorker when the language file is missing, so look first.
  await access(join(langPath, `${lang}.traineddata.gz`)).catch((cause: unknown) => {
    throw new OcrError('ocr_unavailable', `tesseract language data not found in ${langPath}`, { cause });
  });

  const { createWorker, OEM } = (await import('tesseract.js')).default;
  const startup = deferred<never>();
  let created: Worker | undefined;
  try {
    created = await Promise.race([
      createWorker(lang, OEM.LSTM_ONLY, {
        langPath,
        gzip: true,
        cacheMethod: 'none',
        // Without a handler tesseract.js throws from its message callback, which kills the process.
        // Job failures also reject the job's own promise, so only start-up failures need catching here.
        errorHandler: (e: unknown) => startup.reject(e),
      }),
      startup.promise,
    ]);
    // debug_file: tesseract's diagnostics ("Detected 144 diacritics") would otherwise go to stdout.
    await created.setParameters({ tessedit_pageseg_mode: TESSERACT_PSMS[psm] as never, preserve_interword_spaces: '1', debug_file: '/dev/null' });
  } catch (cause) {
    await created?.terminate();
    throw new OcrError('ocr_unavailable', `tesseract failed to start: ${describe(cause)}`, { cause });
  }
  const worker = created;

  let dpi = '';
  let closed = false;
  let running: ReturnType<typeof deferred<never>> | undefined;
  return {
    name: 'tesseract',
    async recognize(image: RasterImage) {
      if (closed) throw new OcrError('ocr_closed', 'the tesseract engine is closed');
      const bad = checkImage(image);
      if (bad) throw new OcrError('ocr_failed', bad);
      const started = performance.now();
      running = deferred<never>();
      try {
        // Tesseract scales its page-layout thresholds by resolution; tell it rather than let it guess.
        const wanted = image.dpi ? String(Math.round(image.dpi)) : '0';
        if (wanted !== dpi) {
          await Promise.race([worker.setParameters({ user_defined_dpi: wanted }), running.promise]);
          dpi = wanted;
        }
        const pnm = toPnm(image);
        const job = worker.recognize(Buffer.from(pnm.buffer, pnm.byteOffset, pnm.byteLength), {}, { text: false, blocks: true });
        const { data } = await Promise.race([job, running.promise]);
        return pageResult('tesseract', toLines(data.blocks ?? []), performance.now() - started);
      } catch (cause) {
        if (cause instanceof OcrError) throw cause;
        throw new OcrError('ocr_failed', `tesseract could not read the page: ${describe(cause)}`, { cause });
      } finally {
        running = undefined;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // A terminated worker never answers, so settle the page it was reading ourselves.
      running?.reject(new OcrError('ocr_closed', 'the tesseract engine was closed while reading a page'));
      // terminate() does not wait for the thread to end; wait for it, so a closed engine holds nothing.
      const thread = (worker as unknown as { worker?: NodeWorker }).worker;
      const exited = thread ? once(thread, 'exit').catch(() => undefined) : undefined;
      await worker.terminate();
      await exited;
    },
  };
}

/** The package's own `langPath` is the full data; the LSTM-only file sits in a sibling directory. */
function packagedLangPath(lang: (typeof TESSERACT_LANGS)[number], model: (typeof TESSERACT_MODELS)[number]): string {
  const data = createRequire(import.meta.url)(`@tesseract.js-data/${lang}`) as { langPath: string };
  return model === 'full' ? data.langPath : join(dirname(data.langPath), '4.0.0_best_int');
}

type Block = NonNullable<Awaited<ReturnType<Worker['recognize']>>['data']['blocks']>[number];

/** Tesseract's blocks → paragraphs → lines, already in its reading order. */
function toLines(blocks: Block[]): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        // Line text ends in "\n" ("\n\n" at a paragraph end); that is structure, not content.
        const text = line.text.replace(/\n+$/, '');
        if (!text.trim()) continue;
        const { x0, y0, x1, y1 } = line.bbox;
        lines.push({ text, confidence: clamp01(line.confidence / 100), bbox: [x0, y0, x1, y1] });
      }
    }
  }
  return lines;
}
