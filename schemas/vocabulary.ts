/**
 * The closed vocabularies of the output contract. Every classifier in pipeline/ returns one of
 * these values; the zod schemas in output.ts are built from the same arrays so that adding a value
 * here is the only change needed to widen the contract.
 */

/** The primary act of an item, listed in the precedence order used to pick `kind` from `kinds`. */
export const ITEM_KINDS = [
  'law_check',
  'decision',
  'inquiry',
  'evaluation',
  'report',
  'legislation',
  'research',
  'appointment',
  'deputy',
  'other',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const COMMITTEE_KEYS = [
  'finance_economy',
  'budget',
  'legal_judicial',
  'social',
  'education_science_culture_health',
  'agriculture_rural',
  'environment_resources',
  'ethnic_foreign',
  'deputy_affairs',
  'office',
  'research_office',
  'other',
] as const;
export type CommitteeKey = (typeof COMMITTEE_KEYS)[number];

export const ORGANS = [
  'government',
  'court',
  'procuratorate',
  'supervision_commission',
  'standing_committee',
  'other',
] as const;
export type Organ = (typeof ORGANS)[number];

export const DOC_TYPES = [
  'work_points',
  'supervision_plan',
  'deputy_work_plan',
  'legislation_plan',
  'decision_plan',
  'agenda',
  'work_report',
  'implementation_plan',
  'news',
  'other',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const LEVELS = ['province', 'prefecture', 'county'] as const;
export type Level = (typeof LEVELS)[number];

export const EXTRACTORS = ['text', 'pdf', 'html', 'ocr', 'pdf+ocr', 'docx', 'doc'] as const;
export type ExtractorName = (typeof EXTRACTORS)[number];

export const OCR_ENGINES = ['tesseract', 'paddle'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];
