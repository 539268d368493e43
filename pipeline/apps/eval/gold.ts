/**
 * Gold in one shape, whichever file it came from: a hand-checked file in the output format (whole
 * item texts) or an answer key (items named by their start), so matching and scoring need not ask.
 */
import type { CommitteeKey, DocType, ItemKind, Level, Organ, SourceResult } from '../../../schemas/index.js';
import { keyDocuments, type AnswerKey } from './answer-key.js';

export interface GoldDocument {
  title: string | null;
  docType: DocType;
  year: number | null;
  reviewYear?: number | null;
  code: string | null;
  level: Level | null;
  items: GoldItem[];
}
export interface GoldItem {
  /** The whole item text (output-format gold) … */
  text?: string;
  /** … or its first characters (a key). */
  start?: string;
  kind: ItemKind;
  months: number[];
  committee: CommitteeKey | null;
  organ?: Organ | null;
}

/** The document fields both kinds of gold write alike. */
type DocumentFields = Pick<GoldDocument, 'title' | 'docType' | 'year' | 'reviewYear'> & { jurisdiction: { code: string | null; level: Level | null } };
const documentFields = (d: DocumentFields): Omit<GoldDocument, 'items'> => ({
  title: d.title,
  docType: d.docType,
  year: d.year,
  reviewYear: d.reviewYear,
  code: d.jurisdiction.code,
  level: d.jurisdiction.level,
});

export function goldFromOutput(result: SourceResult): GoldDocument[] {
  return result.documents.map((d) => ({
    ...documentFields(d),
    items: d.items.map((it) => ({ text: it.text, kind: it.kind, months: it.months, committee: it.committee?.key ?? null, organ: it.organ })),
  }));
}

export function goldFromKey(key: AnswerKey): GoldDocument[] {
  return keyDocuments(key).map((d) => ({
    ...documentFields(d),
    items: d.items.map((it) => ({ start: it.start, kind: it.kind, months: it.months, committee: it.committee, organ: it.organ })),
  }));
}
