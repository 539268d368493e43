import { readFileSync } from 'node:fs';
import type { ExtractedText } from '../extractors/types.js';
import { analyse } from '../pipeline/analyse.js';
import { normalise } from '../pipeline/normalize.js';

/** A fixture file's URL, resolved from the repository root. */
export const fixture = (name: string): URL => new URL(`../fixtures/${name}`, import.meta.url);
export const readFixture = (name: string): string => readFileSync(fixture(name), 'utf8');

/** Text as a plain-text extractor would hand it over. */
export function plain(text: string): ExtractedText {
  return { extractor: 'text', mediaType: 'text/plain', pageCount: null, pages: [{ number: 1, text }], meta: {} };
}

/** Run the text stages (normalise → analyse) on a string. */
export function analyseText(text: string) {
  return analyse({ sourceId: '0123456789abcdef', normalised: normalise(plain(text)), meta: {} });
}
