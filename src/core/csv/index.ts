export { CsvParser, CsvSyntaxError, type CsvRecordHandler } from './parser.js';
export { formatCsvField, formatCsvRow } from './format.js';
export { resolveColumns, describeColumnProblem, type ColumnIndex, type ResolvedColumns } from './header.js';
export { CsvChunkWriter } from './writer.js';
