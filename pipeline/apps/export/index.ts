export { exportTables, type ExportOptions, type ExportSummary, type ExportedFile } from './export.js';
export { TABLE_COLUMNS, TABLE_NAMES, LIST_SEPARATOR, type Column, type ColumnType, type TableName } from './columns.js';
export { EXPORT_FORMATS, ExportError, type ExportFormat } from './writer.js';
export { EXCEL_MAX_ROWS, EXCEL_MAX_CELL } from './xlsx.js';
