export { writeReport, type ReportOptions, type ReportSummary } from './write.js';
export { readReportData, type ReportData, type ReportDocument, type ReportItem, type Jurisdiction } from './data.js';
export { renderReport, type PageContext } from './html.js';
export { COMMITTEE_LABELS, DOC_TYPE_LABELS, KIND_LABELS, LEVEL_LABELS, UNKNOWN_JURISDICTION } from './labels.js';
