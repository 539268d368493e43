import type { ExtractorName, OcrEngineName } from './vocabulary.js';
import type { Warning } from './output.js';

/**
 * What the stages hand each other: read → extract → normalise → analyse (→ SourceResult, the
 * output contract in output.ts) → store. The local runner and the queued one (workers on other
 * hosts) call the same stage functions with these values, so a file gives the same result on
 * either. Only SourceFile and SourceResult cross a process boundary (through Redis): the values
 * in between hold offset maps and are made and used on one worker.
 */

/** A source file's bytes, named by the path it was submitted under and identified by its content. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  /** sha256 of the bytes, hex: the key of the file everywhere (database, JSON name, queue job). */
  sha256: string;
  /** The first 16 hex digits of sha256: the source id in the output. */
  id: string;
}

/** One page of extracted text. Pages are counted from 1; non-paged sources have a single page. */
export interface ExtractedPage {
  number: number;
  /** Lines separated by "\n"; one paragraph per line where the extractor can tell paragraphs apart. */
  text: string;
  /**
   * True when the page's last paragraph runs on to the next page (the extractor saw the last line
   * reach the right margin). Undefined when the extractor cannot tell; normalisation then guesses.
   */
  continues?: boolean;
  /** Set when the page's text came from OCR rather than a text layer. */
  ocr?: { engine: OcrEngineName; confidence: number };
}

/** What an extractor returns for one file. */
export interface ExtractedText {
  extractor: ExtractorName;
  mediaType: string;
  /** Number of pages for paged media (PDF), null otherwise. */
  pageCount: number | null;
  pages: ExtractedPage[];
  /** Metadata the container states outside the body text (HTML <title>, PDF info). */
  meta: { title?: string; publishedDate?: string };
}

/** The extract stage's output: the file's text, and what was noticed about the file as a whole. */
export interface ExtractedSource {
  path: string;
  sha256: string;
  id: string;
  extracted: ExtractedText;
  /** About the file as a whole (its name and content disagree); added to each of its documents. */
  warnings: Warning[];
}

/**
 * Normalised text of one source: every later stage reads `text`; `pageAt` maps an offset back to
 * the page it came from. Normalisation folds the many ways the same document is typed (full-width
 * digits, ASCII brackets, spaces between Chinese characters, traditional characters, lines broken
 * by a page or a layout) into one, and drops web chrome.
 */
export interface NormalisedText {
  text: string;
  /** Page (from 1) of the character at `offset`; null for sources without pages. */
  pageAt(offset: number): number | null;
  /** Raw offset in the extracted text for a normalised offset. */
  rawOffset(offset: number): number;
  publishedDate: string | null;
  /** A reporter's line ("本报记者 张三", "记者王某/某某快报") was among the chrome: the page is an article. */
  reporterSeen: boolean;
  /**
   * The web chrome dropped from the text (breadcrumbs, "来源：", site names, footers), one line each: no
   * items are read from it, but a page whose body says only "县人大常委会" is often named there ("永嘉网").
   */
  chrome: string;
  /** True when traditional characters were converted. */
  simplified: boolean;
}

/** The normalise stage's output. */
export interface NormalisedSource extends ExtractedSource {
  normalised: NormalisedText;
}
