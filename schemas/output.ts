import { z } from 'zod';
import { COMMITTEE_KEYS, DOC_TYPES, EXTRACTORS, ITEM_KINDS, LEVELS, OCR_ENGINES, ORGANS } from './vocabulary.js';

/**
 * The output contract: one JSON file per source. Researchers build on it, so every change that
 * removes or renames a field bumps SCHEMA_VERSION's major number; adding an optional field or a
 * value to a closed vocabulary (which a strict reader would otherwise reject) bumps the minor.
 */
export const SCHEMA_VERSION = '1.3.0';

export const Warning = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/).describe('stable machine-readable code'),
    message: z.string(),
  })
  .describe('a recoverable doubt about the document; the document is still usable');

export const Jurisdiction = z.object({
  name: z.string().nullable().describe('the name as written in the document, e.g. 濮阳县'),
  code: z.string().regex(/^\d{6}$/).nullable().describe('GB/T 2260 six-digit code'),
  level: z.enum(LEVELS).nullable(),
  province: z.string().nullable(),
  prefecture: z.string().nullable(),
});

export const Committee = z.object({
  raw: z.string().describe('the lead body as written'),
  key: z.enum(COMMITTEE_KEYS),
});

export const Section = z.object({
  path: z.string().describe('dotted position in the hierarchy, e.g. "2" or "2.1"'),
  title: z.string(),
  declaredCount: z.number().int().nonnegative().nullable().describe('count stated in the heading, e.g. （18 项）'),
  itemCount: z.number().int().nonnegative().describe('items found below this section'),
});

export const Item = z.object({
  id: z.string().describe('<documentId>:<path>'),
  path: z.string().describe('dotted position of the item; its section path is the prefix'),
  number: z.string().nullable().describe('the marker as written, e.g. "（一）", "3.", "二是"; null for unnumbered paragraphs'),
  text: z.string(),
  kind: z.enum(ITEM_KINDS),
  kinds: z.array(z.enum(ITEM_KINDS)).min(1).describe('every act the item mentions, in precedence order'),
  months: z.array(z.number().int().min(1).max(12)).describe('months scheduled or taken place, ascending'),
  committee: Committee.nullable(),
  organ: z.enum(ORGANS).nullable().describe('whose report is heard'),
  laws: z.array(z.string()).describe('laws and regulations named, without 《》'),
  page: z.number().int().positive().nullable().describe('page the item starts on (paged sources only)'),
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).describe('[start, end) into the document text'),
  confidence: z.number().min(0).max(1),
  rule: z.string().describe('the rule that decided the kind'),
});

export const Document = z
  .object({
  id: z.string().describe('<sourceId>-<index>'),
  title: z.string(),
  docType: z.enum(DOC_TYPES),
  year: z
    .number().int().min(1949).max(2100).nullable()
    .describe('the year the document is for: a plan\'s year; a work report\'s congress session (since 1.3.0; before, the year it reviewed); news: its date'),
  reviewYear: z
    .number().int().min(1949).max(2100).nullable()
    .optional()
    .describe('work reports only: the year whose work the report reviews, normally year − 1; null otherwise (since 1.3.0)'),
  adoptedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('date the document was adopted, where stated'),
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('publication date, where stated'),
  jurisdiction: Jurisdiction,
  sections: z.array(Section),
  items: z.array(Item),
  warnings: z.array(Warning),
  text: z.string().describe('the normalised text that spans index into'),
  })
  // A contract a reader can rely on: ids identify, spans point into the text.
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.items.forEach((it, i) => {
      if (seen.has(it.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id ${it.id}` });
      seen.add(it.id);
      const [a, b] = it.span;
      if (a > b || b > doc.text.length) ctx.addIssue({ code: 'custom', path: ['items', i, 'span'], message: `span [${a}, ${b}) outside the text` });
    });
  });

export const Source = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  path: z.string().describe('the path as given on the command line'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  extractor: z.enum(EXTRACTORS).describe("how the text was read; 'docx' and 'doc' (converted by LibreOffice) since 1.2.0"),
  pages: z.number().int().nonnegative().nullable(),
  ocr: z
    .object({
      engine: z.enum(OCR_ENGINES),
      pages: z.array(z.object({ page: z.number().int().positive(), confidence: z.number().min(0).max(1) })),
    })
    .nullable()
    .optional()
    .describe('pages whose text was recognised, with mean OCR confidence; absent or null when none was (since 1.1.0)'),
});

export const SourceResult = z.object({
  // Readers accept any 1.x file: minor versions only add optional fields.
  schemaVersion: z.string().regex(/^1\.\d+\.\d+$/).describe(`major 1; this renda writes ${SCHEMA_VERSION}`),
  source: Source,
  documents: z.array(Document),
});

export type Warning = z.infer<typeof Warning>;
export type Jurisdiction = z.infer<typeof Jurisdiction>;
export type Committee = z.infer<typeof Committee>;
export type Section = z.infer<typeof Section>;
export type Item = z.infer<typeof Item>;
export type Document = z.infer<typeof Document>;
export type Source = z.infer<typeof Source>;
export type SourceResult = z.infer<typeof SourceResult>;

/** The JSON Schema that `renda schema` prints, generated so it can never drift from the zod types. */
export function outputJsonSchema(): unknown {
  return z.toJSONSchema(SourceResult, { target: 'draft-2020-12' });
}
