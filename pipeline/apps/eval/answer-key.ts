import { z } from 'zod';
import { COMMITTEE_KEYS, DOC_TYPES, ITEM_KINDS, LEVELS, ORGANS } from '../../../schemas/index.js';

/**
 * An answer key: what a careful reader gets from a page, written by hand from its text (the rules
 * for writing one are in fixtures/real/ANNOTATING.md). Lighter than the output format: an item is
 * named by the first characters of its text (`start`), not by ids and spans, so a key can be
 * written before renda has ever run on the page. `renda eval` reads keys and output-format gold
 * alike.
 */
export const KeyItem = z.object({
  start: z.string().min(1).describe("the first ~12 characters of the item's text, as in the file"),
  kind: z.enum(ITEM_KINDS),
  months: z.array(z.number().int().min(1).max(12)),
  committee: z.enum(COMMITTEE_KEYS).nullable(),
  organ: z.enum(ORGANS).nullable().optional(),
});

export const KeyDocument = z.object({
  title: z.string().nullable(),
  docType: z.enum(DOC_TYPES),
  year: z.number().int().min(1949).max(2100).nullable(),
  reviewYear: z.number().int().min(1949).max(2100).nullable().optional(),
  jurisdiction: z.object({
    name: z.string().nullable(),
    code: z.string().regex(/^\d{6}$/).nullable(),
    level: z.enum(LEVELS).nullable(),
  }),
  items: z.array(KeyItem),
});

/** One document per key, or several (`documents`) for a page that holds more than one. */
export const AnswerKey = z.union([z.object({ documents: z.array(KeyDocument).min(1) }), KeyDocument]);

export type KeyItem = z.infer<typeof KeyItem>;
export type KeyDocument = z.infer<typeof KeyDocument>;
export type AnswerKey = z.infer<typeof AnswerKey>;

export const keyDocuments = (key: AnswerKey): KeyDocument[] => ('documents' in key ? key.documents : [key]);

/** A key, as opposed to an output file (which has schemaVersion) or unrelated JSON. */
export const looksLikeKey = (raw: object): boolean => 'items' in raw || 'documents' in raw;
