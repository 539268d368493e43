/**
 * How the name of a local regulation ends (某某市物业管理条例, …实施办法, …若干规定, …议事规则, …实施细则): the
 * one list the classifier, the document-type reader and the OCR repairs share. A national law ("…法") and a
 * decision ("…的决定") end otherwise; the classifier adds them where a name may be either.
 */
export const REGULATION_SUFFIX = '条例|办法|规定|规则|细则';
